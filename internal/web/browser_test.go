package web_test

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

const chromiumPath = "/usr/bin/chromium"

// artifactDir is where screenshots go: $FULCRUM_ARTIFACTS/web, else the
// repository's git-ignored artifacts/web.
func artifactDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("FULCRUM_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("..", "..", "artifacts")
	}
	dir = filepath.Join(dir, "web")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("artifacts folder: %v", err)
	}
	return dir
}

// newBrowser starts headless Chromium with a 1280×900 window, skipping
// the test when there is none or in -short mode. The returned context
// ends after timeout; the browser closes with the test.
func newBrowser(t *testing.T, timeout time.Duration) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("skipping browser test: %s not found (apt-get install chromium, as .ci/run does)", chromiumPath)
	}
	if testing.Short() {
		t.Skip("skipping browser test in -short mode")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.WindowSize(1280, 900))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelA)
	// No timeout on the first context: it owns the browser.
	bctx, cancelB := chromedp.NewContext(actx)
	t.Cleanup(cancelB)
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	ctx, cancel := context.WithTimeout(bctx, timeout)
	t.Cleanup(cancel)
	return ctx
}

// TestBrowserJourney drives the dashboard in headless Chromium: log in,
// open a country page, change the poles, open an evidence row in its
// document, mark the event wrong and see the country's count drop.
func TestBrowserJourney(t *testing.T) {
	f := newFixture(t, testToken)
	ts := httptest.NewServer(f.h)
	defer ts.Close()
	dir := artifactDir(t)
	ctx := newBrowser(t, 90*time.Second)

	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
			t.Fatalf("write screenshot: %v", err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel), chromedp.NodeVisible))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return strings.TrimSpace(s)
	}
	submit := func(step string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if _, err := chromedp.RunResponse(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}

	// Log in with the token.
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/login?next=/")); err != nil {
		t.Fatalf("open login: %v", err)
	}
	submit("log in", chromedp.SendKeys(chromedp.ID("token"), testToken), chromedp.Click(chromedp.ID("login")))
	shot("overview")

	// The country page, then other poles.
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/country/BLR?from=2010&to=2020")); err != nil {
		t.Fatalf("open country page: %v", err)
	}
	before, err := strconv.Atoi(text("#counted"))
	if err != nil {
		t.Fatalf("count on the country page: %v", err)
	}
	submit("change poles", chromedp.SetValue(chromedp.ID("poles"), "RUSSIA,CHINA"), chromedp.Click(chromedp.ID("apply")))
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil || !strings.Contains(loc, "poles=RUSSIA%2CCHINA") {
		t.Fatalf("after changing poles: location %q, %v", loc, err)
	}
	if !strings.Contains(text("#verdict"), "CHINA") {
		t.Errorf("page does not name the new pole CHINA")
	}
	shot("country-russia-china")
	submit("back to RUSSIA,WEST", chromedp.SetValue(chromedp.ID("poles"), "RUSSIA,WEST"), chromedp.Click(chromedp.ID("apply")))
	shot("country")

	// The evidence browser, then a row opens its document at the sentence.
	submit("open evidence", chromedp.Click(chromedp.ID("evidence-link")))
	shot("evidence")
	submit("open an evidence row", chromedp.Click(chromedp.CSS("a.ev-row")))
	focused := text("mark.focus")
	if !strings.Contains(focused, "Belarus praised Russia") {
		t.Errorf("highlighted evidence: got %q", focused)
	}
	shot("document")

	// Correct it: mark the event wrong.
	submit("open the event", chromedp.Click(chromedp.CSS("tr.focus a.correct-link")))
	submit("mark wrong",
		chromedp.SendKeys(chromedp.CSS("#mark-wrong input[name=who]"), "browser test"),
		chromedp.SendKeys(chromedp.CSS("#mark-wrong input[name=why]"), "not a statement about Russia"),
		chromedp.Click(chromedp.ID("mark-wrong-btn")))
	if got := text("#wrong-flag"); !strings.Contains(got, "Marked wrong") {
		t.Errorf("event page after marking wrong: %q", got)
	}
	shot("event")

	// The number changes.
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/country/BLR?from=2010&to=2020")); err != nil {
		t.Fatalf("reopen country page: %v", err)
	}
	after, err := strconv.Atoi(text("#counted"))
	if err != nil {
		t.Fatalf("count after correction: %v", err)
	}
	if after != before-1 {
		t.Errorf("statement events counted: got %d after marking one wrong, want %d", after, before-1)
	}
	// Ingest pasted text through the page's script, with its progress.
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/ingest"),
		chromedp.SetValue(chromedp.CSS("#ingest-form textarea[name=text]"), "Belarus praised Russia for the new treaty. Then it rained."),
		chromedp.SetValue(chromedp.CSS("#ingest-form input[name=title]"), "Pasted in the browser"),
		chromedp.Click(chromedp.CSS("#ingest-form button[type=submit]"))); err != nil {
		t.Fatalf("ingest pasted text: %v", err)
	}
	if got := text("#ingest-result p"); !strings.Contains(got, "1 documents read, 1 new, 1 events stored") {
		t.Errorf("ingest result: %q", got)
	}
	if got := text("#ingest-status"); got != "done" {
		t.Errorf("ingest status: %q", got)
	}
	shot("ingest")
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/dyad/BLR/RUS")); err != nil {
		t.Fatalf("open dyad: %v", err)
	}
	shot("dyad")
}

// TestBrowserPages opens every page as a logged-in analyst would, at a
// desktop and a narrow window width, saves a screenshot of each in the
// artifacts folder, and checks what a reader would notice: the page does
// not scroll sideways, and no template placeholder or NaN shows.
func TestBrowserPages(t *testing.T) {
	f := newFixture(t, testToken)
	ts := httptest.NewServer(f.h)
	defer ts.Close()
	dir := artifactDir(t)
	ctx := newBrowser(t, 150*time.Second)
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/login?next=/"),
		chromedp.SendKeys(chromedp.ID("token"), testToken), chromedp.Click(chromedp.ID("login")),
		chromedp.WaitVisible(chromedp.ID("countries"))); err != nil {
		t.Fatalf("log in: %v", err)
	}
	doc, ev := f.docs["praise-2016"], f.events["praise-2016"]
	pages := []struct{ name, path string }{
		{"overview", "/"},
		{"overview-no-match", "/?q=zzzz"},
		{"country", "/country/BLR?from=2010&to=2020"},
		{"country-three-poles", "/country/BLR?poles=RUSSIA,WEST,CHINA&from=2010&to=2020"},
		{"evidence", "/evidence"},
		{"evidence-none", "/evidence?negated=yes"},
		{"document", "/docs/" + doc + "?event=" + ev},
		{"event", "/events/" + ev},
		{"dyad", "/dyad/BLR/RUS?from=1992&to=2020"},
		{"dyad-all-years", "/dyad/BLR/RUS"},
		{"dyad-organisation", "/dyad/BLR/NATO"},
		{"ingest", "/ingest"},
		{"corrections", "/corrections"},
		{"not-found", "/country/QQQ"},
	}
	for _, width := range []int64{1280, 800} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatalf("viewport %d: %v", width, err)
		}
		for _, p := range pages {
			name := p.name + "-" + strconv.FormatInt(width, 10)
			if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+p.path)); err != nil {
				t.Fatalf("open %s: %v", p.path, err)
			}
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100: PNG; below, JPEG
			if err != nil {
				t.Fatalf("screenshot %s: %v", name, err)
			}
			if err := os.WriteFile(filepath.Join(dir, "page-"+name+".png"), png, 0o644); err != nil {
				t.Fatalf("write screenshot: %v", err)
			}
			over, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - document.documentElement.clientWidth`))
			if err != nil {
				t.Fatalf("measure %s: %v", name, err)
			}
			if over > 0 {
				t.Errorf("%s at %d px: the page scrolls sideways by %d px", p.path, width, over)
			}
			text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
			if err != nil {
				t.Fatalf("text of %s: %v", name, err)
			}
			for _, bad := range []string{"<no value>", "NaN", "%!"} {
				if strings.Contains(text, bad) {
					t.Errorf("%s at %d px shows %q", p.path, width, bad)
				}
			}
		}
	}
}

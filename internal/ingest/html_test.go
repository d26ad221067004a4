package ingest_test

import (
	"errors"
	"fmt"
	"github.com/fulcrum-dev/fulcrum/internal/ingest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
)

// describe renders a document's metadata and text for golden files.
func describe(d doc.Document) string {
	date := ""
	if !d.Date.IsZero() {
		date = d.Date.Format(time.RFC3339)
	}
	return fmt.Sprintf("format: %s\ntitle: %s\nurl: %s\ndate: %s (%s)\nauthor: %s\n---\n%s\n",
		d.Format, d.Title, d.URL, date, d.DatePrecision, d.Author, d.Text)
}

func TestHTMLGolden(t *testing.T) {
	entries, err := os.ReadDir("testdata/html")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Run(e.Name(), func(t *testing.T) {
			dir := filepath.Join("testdata/html", e.Name())
			data, err := os.ReadFile(filepath.Join(dir, "input.html"))
			if err != nil {
				t.Fatal(err)
			}
			d := readOne(t, "input.html", "", data)
			golden(t, filepath.Join(dir, "want.txt"), []byte(describe(d)))
		})
	}
}

// para is article text long enough for readability to take it as content.
const para = "<p>Belarus has long presented itself as a bridge between the Eurasian integration project and the European Union, and its diplomats repeat that line at every meeting in Brussels and Moscow alike.</p>"

func TestHTMLMetadata(t *testing.T) {
	cases := []struct {
		name, html, title, date, prec string
	}{
		{"article-published-time", `<html><head><meta property="article:published_time" content="2019-03-05T09:30:00Z"><title>T</title></head><body>` + para + `</body></html>`, "T", "2019-03-05", "day"},
		{"meta-name-date", `<html><head><meta name="date" content="2018-07-01"></head><body><h1>Heading</h1>` + para + `</body></html>`, "Heading", "2018-07-01", "day"},
		{"meta-dc-date-month", `<html><head><meta name="DC.date" content="2018-07"></head><body>` + para + `</body></html>`, "", "2018-07-01", "month"},
		{"json-ld", `<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"Article","headline":"LD headline","datePublished":"2017-11-20T08:00:00+00:00"}]}</script></head><body>` + para + `</body></html>`, "LD headline", "2017-11-20", "day"},
		{"time-datetime", `<html><body><article><time datetime="2016-02-29">29 Feb</time>` + para + `</article></body></html>`, "", "2016-02-29", "day"},
		{"pubdate-time-beats-first-time", `<html><body><header><time datetime="2024-01-01">today</time></header><article><time itemprop="datePublished" datetime="2016-02-29">x</time>` + para + `</article></body></html>`, "", "2016-02-29", "day"},
		{"meta-beats-time", `<html><head><meta property="article:published_time" content="2019-01-01"></head><body><time datetime="2016-02-29">x</time>` + para + `</body></html>`, "", "2019-01-01", "day"},
		{"unparseable-date-skipped", `<html><head><meta name="date" content="yesterday"></head><body><time datetime="2015-05-05"></time>` + para + `</body></html>`, "", "2015-05-05", "day"},
		{"og-title-beats-title", `<html><head><title>Site | Page</title><meta property="og:title" content=" The  Page "></head><body>` + para + `</body></html>`, "The Page", "", ""},
		{"no-date", `<html><body>` + para + `</body></html>`, "", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := readOne(t, "p.html", "", []byte(tc.html))
			date := ""
			if !d.Date.IsZero() {
				date = d.Date.Format(time.DateOnly)
			}
			if d.Title != tc.title || date != tc.date || d.DatePrecision != tc.prec {
				t.Errorf("got title %q date %q (%s), want %q %q (%s)", d.Title, date, d.DatePrecision, tc.title, tc.date, tc.prec)
			}
			if !strings.Contains(d.Text, "bridge between the Eurasian integration project") {
				t.Errorf("text lost the article: %q", d.Text)
			}
		})
	}
}

func TestHTMLText(t *testing.T) {
	cases := []struct {
		name, html, want string
	}{
		{
			"fallback-drops-boilerplate",
			`<html><body><div class="cookie-notice">Cookies!</div><nav>Home | About</nav><header>Site name</header>
			<div class="content"><p>Minsk welcomed the talks.</p><p>Moscow did not comment.</p></div>
			<div style="display: none">Hidden text</div><p hidden>Also hidden</p><span aria-hidden="true">icon</span>
			<aside>Related</aside><footer>© Site</footer><script>track()</script><noscript>Enable JS</noscript></body></html>`,
			"Minsk welcomed the talks.\n\nMoscow did not comment.",
		},
		{
			"fallback-prefers-main",
			`<html><body><div>Teaser outside main.</div><main><p>Inside main.</p></main></body></html>`,
			"Inside main.",
		},
		{
			"whitespace-and-breaks",
			"<html><body><p>One\n   two\tthree<br>four<br><br>five</p><ul><li>a</li><li>b</li></ul><pre>  keep\n    this</pre><table><tr><td>x</td><td>y</td></tr></table></body></html>",
			"One two three\nfour\n\nfive\n\na\nb\n\n  keep\n    this\n\nx y",
		},
		{
			"br-after-block",
			"<html><body><main><p>First paragraph.</p><br>Loose line<br>\nnext line<div>block</div></main></body></html>",
			"First paragraph.\n\nLoose line\nnext line\nblock",
		},
		{
			"entities-and-nbsp",
			"<html><body><p>Minsk&nbsp;&amp;&nbsp;Moscow &ldquo;agreed&rdquo;.</p></body></html>",
			"Minsk & Moscow “agreed”.",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := readOne(t, "p.html", "", []byte(tc.html))
			if d.Text != tc.want {
				t.Errorf("got %q, want %q", d.Text, tc.want)
			}
		})
	}
}

func TestHTMLEncoding(t *testing.T) {
	t.Run("declared-latin1", func(t *testing.T) {
		page := "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Br\xfcssel und M\xfcnchen.</p></body></html>"
		d := readOne(t, "p.html", "", []byte(page))
		if got, want := d.Text, "Brüssel und München."; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("undeclared-invalid", func(t *testing.T) {
		page := "<html><body><p>Br\xfcssel.</p></body></html>"
		_, errs := readBytes(t, "p.html", "", []byte(page))
		if len(errs) != 1 || !errors.Is(errs[0], ingest.ErrInvalidUTF8) {
			t.Fatalf("got %v, want one ErrInvalidUTF8", errs)
		}
		if got, want := asError(t, errs[0]).Offset, int64(strings.IndexByte(page, 0xfc)); got != want {
			t.Errorf("offset: got %d, want %d", got, want)
		}
	})
	t.Run("bom", func(t *testing.T) {
		d := readOne(t, "p.html", "", []byte("\ufeff<html><body><p>Text.</p></body></html>"))
		if got, want := d.Text, "Text."; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
}

func BenchmarkHTML(b *testing.B) {
	data, err := os.ReadFile("testdata/html/policy-brief/input.html")
	if err != nil {
		b.Fatal(err)
	}
	r := ingest.New(ingest.Options{})
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if errs := r.ReadBytes("brief.html", ingest.FormatHTML, data, func(doc.Document) error { return nil }); errs != nil {
			b.Fatal(errs)
		}
	}
}

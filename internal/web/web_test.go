package web_test

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func TestPages(t *testing.T) {
	f := newFixture(t, "")
	tests := []struct {
		name   string
		target string
		status int
		want   []string
		not    []string
	}{
		{"overview", "/", 200, []string{"Belarus", `href="/country/BLR"`, `name="q"`}, nil},
		{"overview search", "/?q=belar", 200, []string{"Belarus"}, []string{"Germany"}},
		{"country", "/country/BLR?poles=RUSSIA,WEST&from=2010&to=2020", 200,
			[]string{`id="verdict"`, "<svg", "tabindex", "<title>", `id="counted">6<`, "RUSSIA", "WEST", `id="poles"`, `href="/evidence?source=BLR&amp;from=2010&amp;to=2020"`}, nil},
		{"country lower case", "/country/blr", 200, []string{"Belarus"}, nil},
		{"country three poles", "/country/BLR?poles=RUSSIA,WEST,CHINA&from=2010&to=2020", 200, []string{"CHINA"}, nil},
		{"country unknown", "/country/QQQ", 404, []string{"no country", "QQQ"}, nil},
		{"country bad pole", "/country/BLR?poles=RUSSIA,MARS", 400, []string{"parameter poles", "MARS"}, nil},
		{"country one pole", "/country/BLR?poles=RUSSIA", 400, []string{"parameter poles"}, nil},
		{"country bad year", "/country/BLR?from=19x2", 400, []string{"parameter from"}, nil},
		{"country from after to", "/country/BLR?from=2015&to=2010", 400, []string{"parameter from"}, nil},
		{"evidence all", "/evidence", 200, []string{"Rows 1–6 of 6", "praised Russia"}, nil},
		{"evidence source and cameo", "/evidence?source=BLR&cameo=11", 200, []string{"of 1", "criticised the United States"}, []string{"praised Russia"}},
		{"evidence pole", "/evidence?pole=WEST", 200, []string{"criticised the United States"}, []string{"praised Russia"}},
		{"evidence date range", "/evidence?from=2017&to=2018-12", 200, []string{"of 2", "in 2017", "in 2018"}, []string{"in 2016"}},
		{"evidence plover", "/evidence?plover=accuse", 200, []string{"of 1"}, nil},
		{"evidence negated", "/evidence?negated=yes", 200, []string{"No events match"}, nil},
		{"evidence origin modality", "/evidence?origin=text&modality=asserted", 200, []string{"of 6"}, nil},
		{"evidence bad cameo", "/evidence?cameo=4", 400, []string{"parameter cameo"}, nil},
		{"evidence bad negated", "/evidence?negated=maybe", 400, []string{"parameter negated"}, nil},
		{"evidence bad modality", "/evidence?modality=sure", 400, []string{"parameter modality"}, nil},
		{"evidence bad date", "/evidence?to=2019-13", 400, []string{"parameter to"}, nil},
		{"evidence bad page", "/evidence?page=0", 400, []string{"parameter page"}, nil},
		{"evidence bad pole", "/evidence?pole=MARS", 400, []string{"parameter pole"}, nil},
		{"evidence bad source", "/evidence?source=B%20L", 400, []string{"parameter source"}, nil},
		{"dyad", "/dyad/BLR/RUS", 200, []string{"UN General Assembly vote agreement", "BLR → RUS: 5 coded events, all years", "praised Russia"}, nil},
		{"dyad unknown", "/dyad/BLR/QQQ", 404, []string{"QQQ"}, nil},
		{"ingest read-only", "/ingest", 200, []string{"Read-only"}, nil},
		{"corrections empty", "/corrections", 200, []string{"No corrections yet"}, nil},
		{"event unknown", "/events/ffff0000", 404, []string{"no event", "ffff0000"}, nil},
		{"document unknown", "/docs/nosuchdoc", 404, []string{"no document", "nosuchdoc"}, nil},
		{"no route", "/nowhere", 404, []string{"no page at /nowhere"}, nil},
		{"api countries", "/api/countries?q=BLR", 200, []string{`"code": "BLR"`, `"events": 6`}, nil},
		{"api country", "/api/country/BLR?from=2010&to=2020", 200, []string{`"verdict":`, `"channels":`}, nil},
		{"api country unknown", "/api/country/QQQ", 404, []string{`"error": "no country`}, nil},
		{"api events bad", "/api/events?from=yesterday", 400, []string{`"error": "parameter from`}, nil},
		{"api report md", "/api/report/BLR?from=2010&to=2020&format=md", 200, []string{"# "}, nil},
		{"api report bad format", "/api/report/BLR?format=pdf", 400, []string{"parameter format"}, nil},
		{"api health", "/api/health", 200, []string{`"writable": false`}, nil},
		{"static", "/static/app.css", 200, []string{"--accent"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := f.get(tc.target)
			body := w.Body.String()
			if got, want := w.Code, tc.status; got != want {
				t.Fatalf("GET %s: got status %d, want %d; body:\n%.600s", tc.target, got, want, body)
			}
			for _, s := range tc.want {
				if !strings.Contains(body, s) {
					t.Errorf("GET %s: body lacks %q:\n%.800s", tc.target, s, body)
				}
			}
			for _, s := range tc.not {
				if strings.Contains(body, s) {
					t.Errorf("GET %s: body contains %q", tc.target, s)
				}
			}
			if strings.Contains(body, "goroutine ") || strings.Contains(body, ".go:") {
				t.Errorf("GET %s: body shows a stack trace", tc.target)
			}
		})
	}
}

func TestDocumentEscapesAndHighlights(t *testing.T) {
	f := newFixture(t, "")
	id := f.docs["criticise-2016"]
	ev := f.events["criticise-2016"]
	w := f.get("/docs/" + id + "?event=" + ev)
	if w.Code != 200 {
		t.Fatalf("got status %d, want 200", w.Code)
	}
	body := w.Body.String()
	if strings.Contains(body, "<script>alert") {
		t.Errorf("document text not escaped: raw <script> in page")
	}
	if !strings.Contains(body, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") {
		t.Errorf("escaped script text missing from page")
	}
	if !regexp.MustCompile(`<mark data-s="0" class="focus"[^>]*>.*Minsk criticised the United States over sanctions.</mark>`).MatchString(body) {
		t.Errorf("evidence not highlighted as focus:\n%.1500s", body)
	}
	// The evidence browser's row links to the document at the event.
	ew := f.get("/evidence?cameo=11")
	if want := `/docs/` + id + `?event=` + ev + `#ev-` + ev; !strings.Contains(ew.Body.String(), want) {
		t.Errorf("evidence row does not link to %s", want)
	}
}

func TestWritesNeedToken(t *testing.T) {
	ev := ""
	body := func() *strings.Reader {
		return strings.NewReader(`{"action":"wrong","who":"ana","why":"not a praise"}`)
	}
	t.Run("read-only server", func(t *testing.T) {
		f := newFixture(t, "")
		ev = f.events["praise-2015"]
		w := f.do("POST", "/api/events/"+ev+"/corrections", body(), map[string]string{"Content-Type": "application/json", "Authorization": "Bearer x"})
		if w.Code != http.StatusForbidden || !strings.Contains(w.Body.String(), "read-only") {
			t.Errorf("got %d %s, want 403 read-only", w.Code, w.Body)
		}
	})
	f := newFixture(t, testToken)
	ev = f.events["praise-2015"]
	tests := []struct {
		name   string
		hdr    map[string]string
		status int
		want   string
	}{
		{"no token", map[string]string{"Content-Type": "application/json"}, 401, "Authorization: Bearer"},
		{"wrong token", map[string]string{"Content-Type": "application/json", "Authorization": "Bearer nope"}, 401, "wrong token"},
		{"not bearer", map[string]string{"Content-Type": "application/json", "Authorization": "Basic " + testToken}, 401, "wrong token"},
		{"cross-origin form", map[string]string{"Content-Type": "application/json", "Authorization": "Bearer " + testToken, "Sec-Fetch-Site": "cross-site"}, 403, "cross-origin"},
		{"good token", map[string]string{"Content-Type": "application/json", "Authorization": "Bearer " + testToken}, 201, `"action": "wrong"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := f.do("POST", "/api/events/"+ev+"/corrections", body(), tc.hdr)
			if w.Code != tc.status || !strings.Contains(w.Body.String(), tc.want) {
				t.Errorf("got %d %s, want %d with %q", w.Code, w.Body, tc.status, tc.want)
			}
		})
	}
}

// login logs in with the token and returns the session cookie and the
// CSRF token of the forms.
func login(t *testing.T, f *fixture) (cookie, csrf string) {
	t.Helper()
	w := f.do("POST", "/login", form(map[string]string{"token": testToken, "next": "/ingest"}),
		map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
	if w.Code != http.StatusSeeOther {
		t.Fatalf("login: got %d, want 303", w.Code)
	}
	c := w.Result().Cookies()
	if len(c) == 0 {
		t.Fatal("login set no cookie")
	}
	cookie = c[0].Name + "=" + c[0].Value
	page := f.do("GET", "/ingest", nil, map[string]string{"Cookie": cookie})
	m := regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`).FindStringSubmatch(page.Body.String())
	if m == nil {
		t.Fatal("no CSRF token on the ingest page after login")
	}
	return cookie, m[1]
}

func TestFormCorrectionsRecomputeReport(t *testing.T) {
	f := newFixture(t, testToken)
	if w := f.do("POST", "/login", form(map[string]string{"token": "bad"}), map[string]string{"Content-Type": "application/x-www-form-urlencoded"}); w.Code != 401 {
		t.Errorf("login with a wrong token: got %d, want 401", w.Code)
	}
	cookie, csrf := login(t, f)
	counted := func() string {
		w := f.get("/country/BLR?from=2010&to=2020")
		m := regexp.MustCompile(`id="counted">(\d+)<`).FindStringSubmatch(w.Body.String())
		if m == nil {
			t.Fatalf("no count on the country page:\n%.500s", w.Body)
		}
		return m[1]
	}
	// Five praises of Russia and one criticism of the United States.
	total := func() string {
		m := regexp.MustCompile(`"total": (\d+)`).FindStringSubmatch(f.get("/api/events?source=BLR").Body.String())
		if m == nil {
			t.Fatal("no total in /api/events")
		}
		return m[1]
	}
	if got, want := total(), "6"; got != want {
		t.Fatalf("evidence before: got %s, want %s", got, want)
	}
	if got, want := counted(), "6"; got != want {
		t.Fatalf("before: got %s statement events counted, want %s", got, want)
	}
	ev := f.events["praise-2017"]
	hdr := map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
	vals := map[string]string{"action": "wrong", "who": "ana", "why": "sarcasm"}
	if w := f.do("POST", "/events/"+ev+"/corrections", form(vals), hdr); w.Code != http.StatusForbidden || !strings.Contains(w.Body.String(), "CSRF") {
		t.Errorf("form without CSRF token: got %d, want 403 naming CSRF", w.Code)
	}
	vals["csrf"] = csrf
	delete(vals, "why")
	if w := f.do("POST", "/events/"+ev+"/corrections", form(vals), hdr); w.Code != 400 || !strings.Contains(w.Body.String(), "parameter why") {
		t.Errorf("form without why: got %d, want 400 naming why", w.Code)
	}
	vals["why"] = "sarcasm"
	w := f.do("POST", "/events/"+ev+"/corrections", form(vals), hdr)
	if w.Code != http.StatusSeeOther {
		t.Fatalf("mark wrong: got %d %s, want 303", w.Code, w.Body)
	}
	if got, want := counted(), "5"; got != want {
		t.Errorf("after marking one event wrong: got %s counted, want %s", got, want)
	}
	if got, want := total(), "5"; got != want {
		t.Errorf("evidence after marking one event wrong (cached page must be dropped): got %s, want %s", got, want)
	}
	page := f.do("GET", "/events/"+ev, nil, map[string]string{"Cookie": cookie}).Body.String()
	for _, s := range []string{"Marked wrong", "ana", "sarcasm", "Restore this event"} {
		if !strings.Contains(page, s) {
			t.Errorf("event page lacks %q after the correction", s)
		}
	}
	// Change a code: praise (051) becomes a threat (138) toward Russia.
	ev2 := f.events["praise-2014"]
	set := map[string]string{"action": "set", "field": "cameo", "value": "138", "who": "ana", "why": "misread", "csrf": csrf}
	if w := f.do("POST", "/events/"+ev2+"/corrections", form(set), hdr); w.Code != http.StatusSeeOther {
		t.Fatalf("set cameo: got %d %s", w.Code, w.Body)
	}
	e := f.get("/api/events/" + ev2).Body.String()
	if !strings.Contains(e, `"cameo": "138"`) {
		t.Errorf("cameo not changed: %s", e)
	}
	set["value"] = "999"
	if w := f.do("POST", "/events/"+ev2+"/corrections", form(set), hdr); w.Code != 400 {
		t.Errorf("set an unknown cameo: got %d, want 400", w.Code)
	}
	// Add a missed event from a span.
	id := f.docs["praise-2016"]
	add := map[string]string{"start": "0", "end": "7", "source": "BLR", "target": "RUS", "cameo": "043", "who": "bo", "why": "missed", "csrf": csrf}
	if w := f.do("POST", "/docs/"+id+"/events", form(add), hdr); w.Code != http.StatusSeeOther {
		t.Fatalf("add event: got %d %s", w.Code, w.Body)
	}
	if got, want := counted(), "6"; got != want {
		t.Errorf("after adding one event: got %s counted, want %s", got, want)
	}
	add["end"] = "9999"
	if w := f.do("POST", "/docs/"+id+"/events", form(add), hdr); w.Code != 400 {
		t.Errorf("add an event outside the text: got %d, want 400", w.Code)
	}
	list := f.get("/api/corrections").Body.String()
	var got struct {
		Corrections []struct{ Action, Who, Why string }
	}
	if err := json.Unmarshal([]byte(list), &got); err != nil {
		t.Fatalf("decode corrections: %v", err)
	}
	if len(got.Corrections) != 3 {
		t.Errorf("got %d corrections, want 3: %s", len(got.Corrections), list)
	}
	csv := f.get("/corrections?format=csv")
	if csv.Code != 200 || !strings.Contains(csv.Body.String(), "sarcasm") {
		t.Errorf("CSV export: got %d %.300s", csv.Code, csv.Body)
	}
}

func multipartBody(t *testing.T, files map[string]string, fields map[string]string) (*bytes.Buffer, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	for name, content := range files {
		fw, err := mw.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write([]byte(content))
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

func TestIngest(t *testing.T) {
	f := newFixture(t, testToken)
	auth := "Bearer " + testToken
	tests := []struct {
		name   string
		files  map[string]string
		fields map[string]string
		status int
		want   []string
	}{
		{"text file", map[string]string{"note.txt": "Belarus thanked Russia warmly. Nothing else."}, nil, 200, []string{`"new": 1`, `"events": 1`}},
		{"same file again", map[string]string{"note.txt": "Belarus thanked Russia warmly. Nothing else."}, nil, 200, []string{`"new": 0`}},
		{"wrong type", map[string]string{"photo.png": "\x89PNG\r\n"}, nil, 422, []string{"photo.png: files of type .png cannot be ingested"}},
		{"binary disguised as text", map[string]string{"x.txt": "\x00\x01\x02\x03binary"}, nil, 422, []string{"x.txt"}},
		{"pasted text", nil, map[string]string{"text": "Russia and Belarus met.", "title": "Pasted"}, 200, []string{`"title": "Pasted"`}},
		{"bad url", nil, map[string]string{"url": "ftp://example.org/x"}, 400, []string{"parameter url"}},
		{"nothing", nil, nil, 400, []string{"nothing to ingest"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, ct := multipartBody(t, tc.files, tc.fields)
			w := f.do("POST", "/api/ingest", b, map[string]string{"Content-Type": ct, "Authorization": auth})
			if w.Code != tc.status {
				t.Fatalf("got %d, want %d: %s", w.Code, tc.status, w.Body)
			}
			for _, s := range tc.want {
				if !strings.Contains(w.Body.String(), s) {
					t.Errorf("body lacks %q: %s", s, w.Body)
				}
			}
		})
	}
	t.Run("json documents", func(t *testing.T) {
		body := `{"documents":[{"Source":"cli.txt","Format":"text","Text":"Belarus welcomed Russia. Then rain."}]}`
		w := f.do("POST", "/api/ingest", strings.NewReader(body), map[string]string{"Content-Type": "application/json", "Authorization": auth})
		if w.Code != 200 || !strings.Contains(w.Body.String(), `"new": 1`) {
			t.Errorf("got %d %s", w.Code, w.Body)
		}
	})
	t.Run("wrong content type", func(t *testing.T) {
		w := f.do("POST", "/api/ingest", strings.NewReader("x"), map[string]string{"Content-Type": "image/png", "Authorization": auth})
		if w.Code != http.StatusUnsupportedMediaType {
			t.Errorf("got %d, want 415", w.Code)
		}
	})
	t.Run("too large", func(t *testing.T) {
		big := strings.Repeat("a", 2<<20)
		w := f.do("POST", "/api/events/x/corrections", strings.NewReader(`{"why":"`+big+`"}`), map[string]string{"Content-Type": "application/json", "Authorization": auth})
		if w.Code != http.StatusRequestEntityTooLarge {
			t.Errorf("got %d, want 413: %.200s", w.Code, w.Body)
		}
	})
	// The new documents count on the overview and the country page.
	if body := f.get("/api/countries?q=BLR").Body.String(); !strings.Contains(body, `"events": 9`) {
		t.Errorf("overview after ingest: %s", body)
	}
}

// FuzzEvidenceQuery sends any query string to the evidence API: the answer
// is 200 or a 400 naming a parameter, never a 500 or a panic.
func FuzzEvidenceQuery(f *testing.F) {
	for _, s := range []string{"source=BLR&cameo=04", "from=2019-02&to=2018", "negated=yes&modality=intent", "pole=WEST&page=2", "plover=%00", "target=,,,"} {
		f.Add(s)
	}
	fx := newFixture(f, "")
	f.Fuzz(func(t *testing.T, q string) {
		r := httptest.NewRequest("GET", "/api/events", nil)
		r.URL.RawQuery = q
		w := httptest.NewRecorder()
		fx.h.ServeHTTP(w, r)
		switch w.Code {
		case 200:
		case 400:
			if !strings.Contains(w.Body.String(), "parameter ") {
				t.Fatalf("400 without naming a parameter for %q: %s", q, w.Body)
			}
		default:
			t.Fatalf("query %q: status %d: %s", q, w.Code, w.Body)
		}
	})
}

func TestCorrectionSurvivesReingest(t *testing.T) {
	f := newFixture(t, testToken)
	auth := map[string]string{"Authorization": "Bearer " + testToken}
	ingestOnce := func() string {
		b, ct := multipartBody(t, map[string]string{"brief.txt": "Belarus thanked Russia warmly. Nothing else."}, nil)
		w := f.do("POST", "/api/ingest", b, map[string]string{"Content-Type": ct, "Authorization": auth["Authorization"]})
		if w.Code != 200 {
			t.Fatalf("ingest: got %d %s", w.Code, w.Body)
		}
		m := regexp.MustCompile(`"id": "([0-9a-f]+)"`).FindStringSubmatch(w.Body.String())
		if m == nil {
			t.Fatalf("no document id in %s", w.Body)
		}
		return m[1]
	}
	docID := ingestOnce()
	evs := f.get("/api/events?doc=" + docID).Body.String()
	m := regexp.MustCompile(`"id": "([0-9a-f]{16})"`).FindStringSubmatch(evs)
	if m == nil {
		t.Fatalf("no event for the ingested document: %s", evs)
	}
	w := f.do("POST", "/api/events/"+m[1]+"/corrections", strings.NewReader(`{"action":"wrong","who":"ana","why":"thanks for nothing"}`),
		map[string]string{"Content-Type": "application/json", "Authorization": auth["Authorization"]})
	if w.Code != 201 {
		t.Fatalf("mark wrong: %d %s", w.Code, w.Body)
	}
	if again := ingestOnce(); again != docID {
		t.Fatalf("re-ingest gave document %s, want %s", again, docID)
	}
	if got := f.get("/api/events/" + m[1]).Body.String(); !strings.Contains(got, `"wrong": true`) {
		t.Errorf("after re-ingest the event is no longer marked wrong: %s", got)
	}
	if got := f.get("/api/events?doc=" + docID).Body.String(); !strings.Contains(got, `"total": 0`) {
		t.Errorf("after re-ingest the wrong event counts again: %.300s", got)
	}
}

package ingest_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/ingest"
)

// site serves the fixtures used by the URL tests.
func site(t *testing.T) *httptest.Server {
	t.Helper()
	page, err := os.ReadFile("testdata/html/policy-brief/input.html")
	if err != nil {
		t.Fatal(err)
	}
	pdfData := makePDF(t, pdfSpec{title: "Brief", paragraphs: briefParagraphs})
	mux := http.NewServeMux()
	mux.HandleFunc("GET /brief", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("GET /brief.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write(pdfData)
	})
	mux.HandleFunc("GET /download", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write(pdfData)
	})
	mux.HandleFunc("GET /feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(rssFeed))
	})
	mux.HandleFunc("GET /notes.md", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("# Notes\n\nMinsk *welcomed* the talks."))
	})
	mux.HandleFunc("GET /latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		w.Write([]byte("<html><body><p>Br\xfcssel and M\xfcnchen.</p></body></html>"))
	})
	mux.HandleFunc("GET /moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/brief", http.StatusFound)
	})
	mux.HandleFunc("GET /big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Length", "5000")
		w.Write([]byte(strings.Repeat("word ", 1000)))
	})
	mux.HandleFunc("GET /stream", func(w http.ResponseWriter, r *http.Request) {
		// No Content-Length: the reader must stop at the limit by itself.
		w.Header().Set("Content-Type", "text/plain")
		for range 100 {
			w.Write([]byte(strings.Repeat("word ", 1000)))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("GET /slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestURL(t *testing.T) {
	srv := site(t)
	cases := []struct {
		path, format, title, url, contains string
	}{
		{"/brief", "html", "Minsk Between Two Blocs: Balancing After 2014", "/brief", "constructive dialogue"},
		{"/moved", "html", "Minsk Between Two Blocs: Balancing After 2014", "/brief", "constructive dialogue"},
		{"/brief.pdf", "pdf", "Brief", "/brief.pdf", "junior partner"},
		{"/download", "pdf", "Brief", "/download", "junior partner"},
		{"/feed", "feed", "Talks in Vienna", "https://example.org/news/1", "welcomes the talks"},
		{"/notes.md", "markdown", "Notes", "/notes.md", "Minsk welcomed the talks."},
		{"/latin1", "html", "", "/latin1", "Brüssel and München."},
	}
	for _, tc := range cases {
		t.Run(strings.TrimPrefix(tc.path, "/"), func(t *testing.T) {
			src := srv.URL + tc.path
			docs, errs := readAll(t, nil, []string{src}, nil)
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			if len(docs) == 0 {
				t.Fatal("no document")
			}
			d := docs[0]
			wantURL := tc.url
			if strings.HasPrefix(wantURL, "/") {
				wantURL = srv.URL + wantURL
			}
			if d.Format != tc.format || d.Title != tc.title || d.URL != wantURL || !strings.Contains(d.Text, tc.contains) {
				t.Errorf("got format %q title %q url %q text %q\nwant format %q title %q url %q text containing %q",
					d.Format, d.Title, d.URL, d.Text, tc.format, tc.title, wantURL, tc.contains)
			}
			if d.Format != "feed" && d.Source != src {
				t.Errorf("source: got %q, want %q", d.Source, src)
			}
		})
	}
}

func TestURLErrors(t *testing.T) {
	srv := site(t)
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL + "/gone"
	closed.Close()

	cases := []struct {
		name, url string
		opt       ingest.Options
		is        error
		msg       string
	}{
		{"not-found", srv.URL + "/missing", ingest.Options{}, ingest.ErrHTTPStatus, "get: unexpected HTTP status 404 Not Found"},
		{"closed-server", closedURL, ingest.Options{}, nil, "get: unreachable:"},
		{"too-large", srv.URL + "/big", ingest.Options{MaxBytes: 1000}, ingest.ErrTooLarge, "over the size limit (5000 bytes > 1000)"},
		{"too-large-streamed", srv.URL + "/stream", ingest.Options{MaxBytes: 1000}, ingest.ErrTooLarge, "over the size limit (more than 1000 bytes)"},
		{"timeout", srv.URL + "/slow", ingest.Options{Timeout: 100 * time.Millisecond}, nil, "get: timed out:"},
		{"bad-url", "http://bad host/", ingest.Options{}, nil, "bad url:"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			good := writeFile(t, t.TempDir(), "good.txt", []byte("Still read."))
			docs, errs := readAll(t, ingest.New(tc.opt), []string{tc.url, good}, nil)
			if len(docs) != 1 {
				t.Errorf("got %d documents, want the good file only", len(docs))
			}
			if len(errs) != 1 {
				t.Fatalf("got errors %v, want 1", errs)
			}
			e := asError(t, errs[0])
			msg := e.Error()
			if !strings.HasPrefix(msg, "ingest: "+tc.url+": ") || !strings.Contains(msg, tc.msg) || strings.Contains(msg, "\n") {
				t.Errorf("message %q: want one line naming the URL and containing %q", msg, tc.msg)
			}
			if tc.is != nil && !errors.Is(e, tc.is) {
				t.Errorf("error %v does not wrap %v", e, tc.is)
			}
		})
	}
}

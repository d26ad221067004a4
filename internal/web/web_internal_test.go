package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/event"
)

func TestRecoverHidesPanics(t *testing.T) {
	var logged strings.Builder
	pages, err := parseTemplates()
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{log: slog.New(slog.NewTextHandler(&logged, nil)), pages: pages, sessions: newSessions()}
	h := s.recover(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom in handler") }))
	for _, path := range []string{"/country/BLR", "/api/events"} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		if got, want := w.Code, http.StatusInternalServerError; got != want {
			t.Errorf("%s: got status %d, want %d", path, got, want)
		}
		if body := w.Body.String(); strings.Contains(body, "boom") || strings.Contains(body, "goroutine") {
			t.Errorf("%s: panic shown to the client: %s", path, body)
		}
	}
	if !strings.Contains(logged.String(), "boom in handler") || !strings.Contains(logged.String(), "stack=") {
		t.Errorf("panic not logged with its stack: %s", logged.String())
	}
}

func TestSafeNext(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "/"},
		{"/ingest", "/ingest"},
		{"/docs/x?event=1", "/docs/x?event=1"},
		{"https://evil.example/", "/"},
		{"//evil.example/x", "/"},
		{"javascript:alert(1)", "/"},
		{"ingest", "/"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := safeNext(tc.in); got != tc.want {
				t.Errorf("safeNext(%q): got %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSegments(t *testing.T) {
	text := "Ab cd ef. Gh ij. Ünï kl."
	ev := func(id string, s, e int) event.Event {
		return event.Event{ID: id, Evidence: event.Evidence{Start: s, End: e}}
	}
	tests := []struct {
		name string
		evs  []event.Event
		want []string // texts of the segments, marked ones in [ ]
	}{
		{"none", nil, []string{text}},
		{"one", []event.Event{ev("a", 10, 16)}, []string{"Ab cd ef. ", "[Gh ij.]", " Ünï kl."}},
		{"overlap merged", []event.Event{ev("a", 0, 5), ev("b", 3, 9)}, []string{"[Ab cd ef.]", " Gh ij. Ünï kl."}},
		{"out of range ignored", []event.Event{ev("a", 20, 999), ev("b", -1, 2)}, []string{text}},
		{"inside a rune ignored", []event.Event{ev("a", 18, 20)}, []string{text}},
		{"whole text", []event.Event{ev("a", 0, len(text))}, []string{"[" + text + "]"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range segments(text, tc.evs, "") {
				if len(s.Events) > 0 {
					got = append(got, "["+s.Text+"]")
				} else {
					got = append(got, s.Text)
				}
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// FuzzSegments checks that the segments of any text and spans cover the
// text exactly once, in order, with correct start offsets.
func FuzzSegments(f *testing.F) {
	f.Add("Belarus praised Russia.", 0, 7, 3, 12)
	f.Add("Ünïcödé text", 1, 3, 0, 0)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		evs := []event.Event{{ID: "a", Evidence: event.Evidence{Start: s1, End: e1}}, {ID: "b", Evidence: event.Evidence{Start: s2, End: e2}}}
		var b strings.Builder
		for _, s := range segments(text, evs, "a") {
			if s.Start != b.Len() {
				t.Fatalf("segment starts at %d, want %d", s.Start, b.Len())
			}
			b.WriteString(s.Text)
		}
		if b.String() != text {
			t.Fatalf("segments give %q, want %q", b.String(), text)
		}
	})
}

func TestEvidenceFromText(t *testing.T) {
	text := "Minsk thanked Moscow. Ещё раз."
	tests := []struct {
		name string
		ev   event.Evidence
		want string
	}{
		{"empty is filled", event.Evidence{Start: 0, End: 21}, "Minsk thanked Moscow."},
		{"text kept", event.Evidence{Start: 0, End: 5, Text: "as coded"}, "as coded"},
		{"past the end", event.Evidence{Start: 22, End: 200}, ""},
		{"inside a character", event.Evidence{Start: 23, End: 26}, ""},
		{"empty span", event.Evidence{Start: 5, End: 5}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := []event.Event{{Evidence: tc.ev}}
			evidenceFromText(text, evs)
			if got := evs[0].Evidence.Text; got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestOnceCache(t *testing.T) {
	c := onceCache[string, int]{max: 2}
	var builds atomic.Int32
	release := make(chan struct{})
	build := func(context.Context) (int, error) {
		builds.Add(1)
		<-release
		return 42, nil
	}
	// Concurrent callers of one key wait for a single build.
	var wg sync.WaitGroup
	got := make([]int, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], _ = c.get(t.Context(), "a", build)
		}()
	}
	for builds.Load() == 0 {
		runtime.Gosched()
	}
	close(release)
	wg.Wait()
	if n := builds.Load(); n != 1 {
		t.Errorf("builds of one key: got %d, want 1", n)
	}
	for i, v := range got {
		if v != 42 {
			t.Errorf("caller %d: got %d, want 42", i, v)
		}
	}
	// A failed build is not kept: the next call builds again.
	fail := errors.New("boom")
	if _, err := c.get(t.Context(), "b", func(context.Context) (int, error) { return 0, fail }); !errors.Is(err, fail) {
		t.Fatalf("failing build: got %v, want %v", err, fail)
	}
	v, err := c.get(t.Context(), "b", func(context.Context) (int, error) { return 7, nil })
	if err != nil || v != 7 {
		t.Errorf("after a failure: got %d, %v, want 7, nil", v, err)
	}
	// A full cache starts over rather than growing.
	c.get(t.Context(), "c", func(context.Context) (int, error) { return 1, nil })
	if n := len(c.m); n > c.max {
		t.Errorf("cache size: got %d entries, want at most %d", n, c.max)
	}
}

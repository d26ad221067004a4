package web_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/actors"
	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/store"
	"github.com/fulcrum-dev/fulcrum/internal/votes"
	"github.com/fulcrum-dev/fulcrum/internal/web"
)

var (
	refOnce  sync.Once
	refDict  *actors.Dict
	refVotes *votes.Data
	refErr   error
)

// reference loads the built-in dictionary and votes once for all tests.
func reference(t testing.TB) (*actors.Dict, *votes.Data) {
	t.Helper()
	refOnce.Do(func() {
		if refDict, refErr = actors.Builtin(); refErr != nil {
			return
		}
		refVotes, refErr = votes.Load()
	})
	if refErr != nil {
		t.Fatalf("load reference data: %v", refErr)
	}
	return refDict, refVotes
}

// fakeCoder codes every sentence that names Russia as BLR → RUS 051
// (praise), from the document's start to the first full stop.
type fakeCoder struct {
	code func(d doc.Document) []event.Event
}

func (f fakeCoder) Code(d doc.Document) []event.Event { return f.code(d) }

func praiseCoder() fakeCoder {
	return fakeCoder{code: func(d doc.Document) []event.Event {
		end := strings.IndexByte(d.Text, '.')
		if end < 0 || !strings.Contains(d.Text[:end], "Russia") {
			return nil
		}
		e := event.Event{ID: event.MakeID(d.ID, "0"), Doc: d.ID, Date: "2016", DatePrecision: event.PrecisionYear,
			Source: "BLR", Target: "RUS", CAMEO: "051", Modality: event.Asserted, Origin: event.OriginText, Rule: "fake",
			Evidence: event.Evidence{Start: 0, End: end + 1, Text: d.Text[:end+1]}}
		e.Fill()
		return []event.Event{e}
	}}
}

// fixture is a server over an in-memory store holding a few documents of
// our own: each year 2014–2018 Belarus praises Russia, and in 2016 it also
// criticises the United States.
type fixture struct {
	t      testing.TB
	st     *store.Store
	srv    *web.Server
	h      http.Handler
	events map[string]string // name → event id
	docs   map[string]string // name → document id
}

const testToken = "test-token-123"

func newFixture(t testing.TB, token string) *fixture {
	t.Helper()
	dict, _ := reference(t)
	return newFixtureDict(t, token, dict)
}

// newFixtureDict is [newFixture] with another actor dictionary, e.g. the
// built-in one with poles of the test's own.
func newFixtureDict(t testing.TB, token string, dict *actors.Dict) *fixture {
	t.Helper()
	ctx := t.Context()
	_, vd := reference(t)
	st, err := store.Open(ctx, store.Memory)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	f := &fixture{t: t, st: st, events: map[string]string{}, docs: map[string]string{}}
	for y := 2014; y <= 2018; y++ {
		text := fmt.Sprintf("Belarus praised Russia for its support in %d. The talks went on.", y)
		f.put(ctx, fmt.Sprintf("praise-%d", y), text, y, []evSpec{{"BLR", "RUS", "051", 0, strings.IndexByte(text, '.') + 1}})
	}
	crit := "Minsk criticised the United States over sanctions. <script>alert('x')</script> stays text."
	f.put(ctx, "criticise-2016", crit, 2016, []evSpec{{"BLR", "USA", "111", 0, strings.IndexByte(crit, '.') + 1}})
	srv, err := web.New(web.Config{Store: st, Dict: dict, Votes: vd, Coder: praiseCoder(), Token: token, Bootstrap: 50,
		Now: func() time.Time { return time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatalf("web.New: %v", err)
	}
	f.srv, f.h = srv, srv.Handler()
	return f
}

type evSpec struct {
	src, tgt, cameo string
	start, end      int
}

func (f *fixture) put(ctx context.Context, name, text string, year int, specs []evSpec) {
	f.t.Helper()
	d := doc.Document{ID: doc.HashID(text), Source: name + ".txt", Format: "text", Title: "Test " + name, Text: text,
		Date: time.Date(year, 3, 1, 0, 0, 0, 0, time.UTC), DatePrecision: "day", Author: "BLR"}
	var evs []event.Event
	for i, s := range specs {
		e := event.Event{ID: event.MakeID(d.ID, fmt.Sprint(i)), Doc: d.ID, Date: fmt.Sprintf("%d-03-01", year), DatePrecision: event.PrecisionDay,
			Source: s.src, Target: s.tgt, CAMEO: s.cameo, Modality: event.Asserted, Origin: event.OriginText, Rule: "test",
			Evidence: event.Evidence{Start: s.start, End: s.end, Text: text[s.start:s.end]}}
		e.Fill()
		evs = append(evs, e)
		f.events[name] = e.ID
	}
	if _, err := f.st.PutDocument(ctx, d, evs); err != nil {
		f.t.Fatalf("put %s: %v", name, err)
	}
	f.docs[name] = d.ID
}

// do runs one request through the handler.
func (f *fixture) do(method, target string, body io.Reader, hdr map[string]string) *httptest.ResponseRecorder {
	f.t.Helper()
	r := httptest.NewRequest(method, target, body)
	for k, v := range hdr {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	f.h.ServeHTTP(w, r)
	return w
}

func (f *fixture) get(target string) *httptest.ResponseRecorder {
	return f.do("GET", target, nil, nil)
}

func form(vals map[string]string) io.Reader {
	v := url.Values{}
	for k, s := range vals {
		v.Set(k, s)
	}
	return strings.NewReader(v.Encode())
}

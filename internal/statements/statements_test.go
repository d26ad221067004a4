package statements_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/sharedtest"
	"github.com/fulcrum-dev/fulcrum/internal/statements"
)

func TestBuiltin(t *testing.T) {
	evs, err := statements.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) < 10000 {
		t.Fatalf("only %d built-in events", len(evs))
	}
	ids := map[string]bool{}
	for _, e := range evs {
		if ids[e.ID] {
			t.Fatalf("duplicate id %s", e.ID)
		}
		ids[e.ID] = true
		if e.Evidence.Start >= e.Evidence.End || e.Evidence.Text != "" || !strings.HasPrefix(e.Path, "texts/") {
			t.Fatalf("bad event %+v", e)
		}
		if _, ok := event.Lookup(e.CAMEO); !ok {
			t.Fatalf("unknown code %q", e.CAMEO)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	evs, err := statements.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := statements.Write(&b, evs[:100]); err != nil {
		t.Fatal(err)
	}
	got, err := statements.Read(&b, "round-trip")
	if err != nil {
		t.Fatal(err)
	}
	for i := range got {
		if got[i].ID != evs[i].ID || got[i].Evidence != evs[i].Evidence || got[i].Target != evs[i].Target || got[i].Path != evs[i].Path {
			t.Fatalf("event %d: got %+v, want %+v", i, got[i], evs[i])
		}
	}
	if _, err := statements.Read(strings.NewReader("not gzip"), "bad"); err == nil {
		t.Error("Read accepted a file that is not gzip")
	}
}

// With the corpus present, every event's evidence lies inside its speech
// and names the speech's country or a known actor as source.
func TestFillText(t *testing.T) {
	dir := sharedtest.Dir(t, "ungdc_speeches")
	evs, err := statements.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	plain := make([]event.Event, len(evs))
	paths := map[string]string{}
	for i, e := range evs {
		plain[i] = e.Event
		paths[e.Doc] = e.Path
	}
	if n := statements.FillText(plain, paths, dir); n != len(plain) {
		t.Errorf("filled %d of %d events", n, len(plain))
	}
	for _, e := range plain[:50] {
		if strings.TrimSpace(e.Evidence.Text) == "" {
			t.Errorf("event %s: empty evidence", e.ID)
		}
	}
}

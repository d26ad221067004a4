package event_test

import (
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/event"
)

func TestTables(t *testing.T) {
	if err := event.TableError(); err != nil {
		t.Fatal(err)
	}
	if got, want := len(event.Codes()), 312; got != want {
		t.Errorf("codes: got %d, want %d", got, want)
	}
	tests := []struct {
		code      string
		goldstein float64
		quad      int
		plover    string
		polarity  int
	}{
		{"010", 0, 1, "", 0},
		{"036", 4.0, 1, "AGREE", 1},
		{"042", 1.9, 1, "CONSULT", 1},
		{"057", 8.0, 1, "SUPPORT", 1},
		{"112", -2.0, 3, "ACCUSE", -1},
		{"163", -8.0, 4, "COERCE", -1},
		{"1213", -4.0, 3, "REJECT", -1}, // not in the Goldstein table: parent's weight
		{"195", -10, 4, "ASSAULT", -1},
		{"0874", 10, 2, "RETREAT", 1},
	}
	for _, tc := range tests {
		t.Run(tc.code, func(t *testing.T) {
			c, ok := event.Lookup(tc.code)
			if !ok {
				t.Fatalf("Lookup(%q) not found", tc.code)
			}
			if c.Goldstein != tc.goldstein || c.Quad != tc.quad || c.PLOVER != tc.plover || c.Polarity() != tc.polarity {
				t.Errorf("got %+v polarity %d, want goldstein %v quad %d plover %q polarity %d",
					c, c.Polarity(), tc.goldstein, tc.quad, tc.plover, tc.polarity)
			}
		})
	}
	if _, ok := event.Lookup("999"); ok {
		t.Error("Lookup(999) found a code")
	}
}

func TestCounts(t *testing.T) {
	e := event.Event{CAMEO: "036", Modality: event.Intent}
	if !e.Fill() {
		t.Fatal("Fill failed")
	}
	if got := e.Weight(); got != 4.0 {
		t.Errorf("intent weight: got %v, want 4", got)
	}
	e.Negated = true
	if got := e.Weight(); got != 0 {
		t.Errorf("negated weight: got %v, want 0", got)
	}
	if a, b := event.MakeID("d", "1", "2"), event.MakeID("d", "1", "2"); a != b || len(a) != 16 {
		t.Errorf("MakeID not stable: %q %q", a, b)
	}
}

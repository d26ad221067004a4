package cameodict_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/cameodict"
	"github.com/fulcrum-dev/fulcrum/internal/event"
)

func TestSplitActor(t *testing.T) {
	for _, tc := range []struct{ code, entity, role, attr string }{
		{"BLRGOV", "BLR", "GOV", ""},
		{"USAMILGOV", "USA", "MIL", "GOV"},
		{"RUSGOVFRM", "RUS", "GOV", "FRM"},
		{"IGOUNO", "IGOUNO", "", ""},
		{"IGOEUREEC", "IGOEUREEC", "", ""},
		{"NGMBLR", "NGMBLR", "", ""},
		{"BLR", "BLR", "", ""},
		{"XX", "XX", "", ""},
		{"", "", "", ""},
	} {
		e, r, a := cameodict.SplitActor(tc.code)
		if e != tc.entity || r != tc.role || a != tc.attr {
			t.Errorf("SplitActor(%q): got %q %q %q, want %q %q %q", tc.code, e, r, a, tc.entity, tc.role, tc.attr)
		}
	}
}

func TestPhoenixQuad(t *testing.T) {
	for code, want := range map[string]int{"010": 0, "020": 0, "036": 1, "057": 1, "061": 2, "0874": 2, "112": 3, "130": 3, "160": 3, "145": 4, "173": 4, "190": 4, "200": 4, "x": -1, "99": -1, "": -1} {
		if got := cameodict.PhoenixQuad(code); got != want {
			t.Errorf("PhoenixQuad(%q): got %d, want %d", code, got, want)
		}
	}
}

func TestWriterColumns(t *testing.T) {
	e := cameodict.Coded{
		Event:  event.Event{ID: "x1", Date: "2015-03-01", CAMEO: "112", DocURL: "http://example.org/a\tb"},
		Record: "r-1", SourceCode: "BLRGOV", TargetCode: "IGOEUREEC", SourceText: "Belarusian\ngovernment",
	}
	e.Fill()
	for _, tc := range []struct {
		format cameodict.OutFormat
		cols   int
	}{{cameodict.OutGDELT, len(cameodict.GDELTColumns)}, {cameodict.OutPhoenix, len(cameodict.PhoenixColumns)}} {
		var buf bytes.Buffer
		w, err := cameodict.NewWriter(&buf, tc.format, true)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(&e); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
		if len(lines) != 2 {
			t.Fatalf("%s: got %d lines, want header and one row (tabs or newlines in fields must be cleaned)", tc.format, len(lines))
		}
		for _, l := range lines {
			if got := len(strings.Split(l, "\t")); got != tc.cols {
				t.Errorf("%s: got %d columns, want %d", tc.format, got, tc.cols)
			}
		}
	}
	if len(cameodict.GDELTColumns) != 61 || len(cameodict.PhoenixColumns) != 26 {
		t.Errorf("column lists: got %d and %d, want 61 and 26", len(cameodict.GDELTColumns), len(cameodict.PhoenixColumns))
	}
	if _, err := cameodict.NewWriter(&bytes.Buffer{}, "csv", false); err == nil {
		t.Error("NewWriter(csv): got no error")
	}
}

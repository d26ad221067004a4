package actors_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/actors"
)

// FuzzFind checks that Find never panics and that its matches lie inside
// the text, are non-empty, ordered and do not overlap.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"President Lukashenko said Belarus’s government and the Government of the Russian Federation",
		"pro-Russian-led U.S.-backed the the the Alliance",
		"Côte d’Ivoire, Guinea-Bissau and the Union State of Russia and Belarus",
		"the", "of the", "Mr", "Foreign Minister", "Russia's", "'s", "-Russian-", "U.S",
		"\xff\xfeBelarus\x00", "RUSSIA", "Secretary-General Guterres of the",
	} {
		f.Add(s, int64(0))
		f.Add(s, int64(1300000000))
	}
	d, err := actors.Builtin()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		var date time.Time
		if unix != 0 {
			date = time.Unix(unix%(1<<34), 0).UTC()
		}
		got := d.Find(text, date, nil)
		prevEnd := 0
		for i, m := range got {
			if m.Start < prevEnd || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("match %d [%d,%d) out of order or bounds (prev end %d, len %d): %+v", i, m.Start, m.End, prevEnd, len(text), m)
			}
			if m.Code == "" || m.Entry == "" || m.Kind == 0 || m.Form == 0 {
				t.Fatalf("match %d incomplete: %+v", i, m)
			}
			prevEnd = m.End
		}
	})
}

// FuzzAdd checks that any dictionary text either loads or fails with a
// *LineError whose line lies inside the text, and never panics.
func FuzzAdd(f *testing.F) {
	for _, s := range []string{
		"state BLR Belarus\n  alias White Russia\n",
		"org FOO Foo\n  member BLR 2000-01-01 2001\n",
		"person a-b BLR A B\n  office 2000 - BLR president\n  surname -\n",
		"pole P RUS FOO\n", "drop Belarus\n", "role GOV junta\ntitle Comrade\nignore Belarus Street\n",
		"state\n", "org X\n  member\n", "person\n", "\xff", "# c\n\n\t\n",
	} {
		f.Add(s)
	}
	// A small base keeps each run fast; the built-in files are checked by
	// every other test.
	base := actors.New()
	if err := base.Add(strings.NewReader("state BLR Belarus\n  capital Minsk\nstate RUS Russia\norg NATO North Atlantic Treaty Organization\n  member BLR 2000\nperson a-b RUS A B\n  office 2000 - RUS president\npole P RUS NATO\n"), "base.dict"); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string) {
		d := base.Clone()
		err := d.Add(strings.NewReader(src), "fuzz.dict")
		if err == nil {
			d.Find("Belarus and "+src, time.Time{}, nil)
			return
		}
		var le *actors.LineError
		if !errors.As(err, &le) {
			t.Fatalf("error is not a *LineError: %v", err)
		}
		if lines := strings.Count(src, "\n") + 1; le.Line < 1 || le.Line > lines {
			t.Fatalf("error line %d outside 1..%d: %v", le.Line, lines, err)
		}
	})
}

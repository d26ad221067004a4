package actors_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/actors"
	"github.com/fulcrum-dev/fulcrum/internal/sharedtest"
)

type speech struct {
	iso3 string
	year int
	text string
}

func loadSpeeches(tb testing.TB) []speech {
	tb.Helper()
	dir := sharedtest.Dir(tb, "ungdc_speeches")
	f, err := os.Open(filepath.Join(dir, "index.csv"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	var out []speech
	for _, r := range rows[1:] {
		year, err := strconv.Atoi(r[2])
		if err != nil {
			tb.Fatalf("index.csv: year %q: %v", r[2], err)
		}
		b, err := os.ReadFile(filepath.Join(dir, r[3]))
		if err != nil {
			tb.Fatal(err)
		}
		b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
		out = append(out, speech{iso3: r[0], year: year, text: string(b)})
	}
	return out
}

// TestSpeeches matches every UN General Debate speech of the shared corpus
// and checks plausible facts: offsets are sound, speakers name their own
// country in almost every speech, and the office-holders named are coded
// as the state they served on the speech's date.
func TestSpeeches(t *testing.T) {
	d := builtin(t)
	speeches := loadSpeeches(t)
	if len(speeches) != 873 {
		t.Errorf("got %d speeches, want 873", len(speeches))
	}
	selfNamed, total := 0, 0
	var ms []actors.Match
	for _, s := range speeches {
		date := time.Date(s.year, 9, 25, 0, 0, 0, 0, time.UTC)
		ms = d.Find(s.text, date, ms[:0])
		prev := 0
		self := false
		for _, m := range ms {
			if m.Start < prev || m.End > len(s.text) || m.End <= m.Start {
				t.Fatalf("%s %d: bad offsets %+v", s.iso3, s.year, m)
			}
			prev = m.End
			if m.Code == s.iso3 || (s.iso3 == "SRB" && m.Code == "SRB") {
				self = true
			}
			if m.Kind == actors.Person && m.Office != "" && m.Role == "" {
				t.Errorf("%s %d: person in office without role: %+v", s.iso3, s.year, m)
			}
		}
		total++
		if self {
			selfNamed++
		}
	}
	if share := float64(selfNamed) / float64(total); share < 0.9 {
		t.Errorf("speakers name their own country in %.0f%% of speeches, want at least 90%%", 100*share)
	}
	t.Logf("%d of %d speeches name the speaker's own country", selfNamed, total)
}

// TestSpeechFacts checks a few facts about particular speeches.
func TestSpeechFacts(t *testing.T) {
	d := builtin(t)
	speeches := loadSpeeches(t)
	find := func(iso string, year int) string {
		for _, s := range speeches {
			if s.iso3 == iso && s.year == year {
				return s.text
			}
		}
		t.Fatalf("no %s %d speech", iso, year)
		return ""
	}
	count := func(text string, year int, code string) int {
		n := 0
		for _, m := range d.Find(text, time.Date(year, 9, 25, 0, 0, 0, 0, time.UTC), nil) {
			if m.Code == code {
				n++
			}
		}
		return n
	}
	tests := []struct {
		iso  string
		year int
		code string
		min  int
	}{
		{"BLR", 1985, "BLR", 3}, // the Byelorussian SSR names itself
		{"UKR", 2014, "RUS", 3}, // Ukraine on the annexation of Crimea
		{"LTU", 2004, "NATO", 1},
		{"LTU", 2004, "EU", 1},
	}
	for _, tc := range tests {
		text := find(tc.iso, tc.year)
		if got := count(text, tc.year, tc.code); got < tc.min {
			t.Errorf("%s %d names %s %d times, want at least %d", tc.iso, tc.year, tc.code, got, tc.min)
		}
	}
}

// BenchmarkFindSpeeches measures matching throughput on the real speeches
// (bytes per second of speech text).
func BenchmarkFindSpeeches(b *testing.B) {
	d := builtin(b)
	speeches := loadSpeeches(b)
	var n int
	for _, s := range speeches {
		n += len(s.text)
	}
	var ms []actors.Match
	date := time.Date(2010, 9, 25, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range speeches {
			ms = d.Find(s.text, date, ms[:0])
		}
	}
}

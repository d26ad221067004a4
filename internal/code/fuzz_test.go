package code_test

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
)

// FuzzCode feeds arbitrary text through the whole coder (splitter, quote
// finder, attribution, dates, rules): it must not panic and every
// evidence span must lie inside the document and match its text.
func FuzzCode(f *testing.F) {
	for _, s := range []string{
		"Foreign Minister Vladimir Makei said: “Belarus is ready for a constructive dialogue with NATO.”",
		"“We condemn the decision of NATO,” Makei said. He noted that Russia would never join.",
		"According to Lukashenko, “the West wants to destroy Belarus”. In his view, “no”.",
		"It was revealed that Russia had deployed troops. In the same session, he criticised the CSTO.",
		"On March 5, 2019, Russia and Belarus signed an agreement; if Poland refused to recognise it …",
		"We will never recognise the aggression of the Russian Federation against Ukraine.",
		"“Unbalanced quote by Putin said “another", "\"\"\"", "“”", "He said he said", "post-\nSoviet coop-\neration yours.”1",
		"MINSK, March 5 (Reuters) - Russia said on Tuesday it met Belarus. The next day, in May, it left.", "KYIV (AP) —", "ABC, Jan 5 -",
		"\xff\xfe Russia \x00 attacked", "Russia.\n\n12\n\nattacked", "by by by Russia was criticised by",
		"MR. LAVROV: We condemn Japan.\nQ (TASS): Will Russia respond?\nLAVROV: We will.", "Q:", "Q: \nMR. X:\n:", "A (:", "SERGEY LAVROV:\n\nQ",
	} {
		f.Add(s, "BLR")
	}
	c := builtin(f)
	f.Fuzz(func(t *testing.T, s, author string) {
		if len(author) > 8 {
			author = author[:8]
		}
		d := doc.Document{ID: "fuzz", Text: s, Author: author, Date: time.Date(2019, 3, 10, 0, 0, 0, 0, time.UTC), DatePrecision: "day"}
		for _, e := range c.Code(d) {
			if e.Evidence.Start < 0 || e.Evidence.Start >= e.Evidence.End || e.Evidence.End > len(s) {
				t.Fatalf("evidence %d-%d outside a %d-byte text", e.Evidence.Start, e.Evidence.End, len(s))
			}
			if s[e.Evidence.Start:e.Evidence.End] != e.Evidence.Text {
				t.Fatalf("evidence text does not match its offsets")
			}
			if utf8.ValidString(s) && !utf8.ValidString(e.Evidence.Text) {
				t.Fatalf("evidence %q splits a character", e.Evidence.Text)
			}
			if e.Source == "" || e.CAMEO == "" || e.Rule == "" || e.ID == "" {
				t.Fatalf("incomplete event %+v", e)
			}
		}
	})
}

// TestLongInput codes a document without any stop or line break.
func TestLongInput(t *testing.T) {
	c := builtin(t)
	var b []byte
	for len(b) < 2<<20 {
		b = append(b, "Russia imposed sanctions on Belarus and Poland criticised Lithuania "...)
	}
	evs := c.Code(doc.Document{ID: "long", Text: string(b)})
	if len(evs) == 0 {
		t.Fatal("no events from a long document")
	}
	// A piece cut inside a run of three-byte characters must not split one.
	odd := strings.Repeat("€", 1400) + " Russia imposed sanctions on Ukraine."
	evs = c.Code(doc.Document{ID: "odd", Text: odd})
	if len(evs) == 0 {
		t.Fatal("no event after a long run without spaces")
	}
	for _, e := range evs {
		if !utf8.ValidString(e.Evidence.Text) {
			t.Fatalf("evidence %d-%d splits a character", e.Evidence.Start, e.Evidence.End)
		}
	}
	for _, e := range evs {
		if e.Evidence.End-e.Evidence.Start > 4100 {
			t.Fatalf("evidence of %d bytes", e.Evidence.End-e.Evidence.Start)
		}
	}
}

// TestConcurrent codes documents from several goroutines with one Coder.
func TestConcurrent(t *testing.T) {
	c := builtin(t)
	texts := []string{
		"Russia imposed sanctions on Ukraine. “We condemn NATO,” Makei said.",
		"On 5 March 2019 Poland criticised Belarus. In the same session, Lithuania praised the EU.",
	}
	want := make([]int, len(texts))
	for i, s := range texts {
		want[i] = len(c.Code(doc.Document{ID: "c", Text: s}))
	}
	done := make(chan error)
	for g := 0; g < 4; g++ {
		go func() {
			for n := 0; n < 50; n++ {
				i := n % len(texts)
				if got := len(c.Code(doc.Document{ID: "c", Text: texts[i]})); got != want[i] {
					done <- fmt.Errorf("text %d: %d events, want %d", i, got, want[i])
					return
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

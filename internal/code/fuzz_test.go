package code_test

import (
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
		"\xff\xfe Russia \x00 attacked", "Russia.\n\n12\n\nattacked", "by by by Russia was criticised by",
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

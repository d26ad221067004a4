package codeeval_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/codeeval"
)

func TestLoad(t *testing.T) {
	good := `{"id":"1","register":"wire","doc_date":"2020-01-02","text":"Russia shelled Ukraine.","want":[{"source":"RUS","target":"UKR","cameo":"19","date":"2020-01"}]}`
	tests := []struct {
		name  string
		in    string
		items int
		line  int    // 0: no error
		msg   string // in the error
	}{
		{"one item", good, 1, 0, ""},
		{"blank lines skipped", "\n" + good + "\n\n", 1, 0, ""},
		{"no event", `{"id":"2","register":"brief","doc_date":"2020-01-02","text":"Belarus has 9 million people.","want":[]}`, 1, 0, ""},
		{"bad json", good + "\n{", 0, 2, "syntax error"},
		{"unknown field", `{"id":"1","register":"wire","doc_date":"2020-01-02","text":"x","want":[],"extra":1}`, 0, 1, "unknown field"},
		{"trailing text", good + ` {}`, 0, 1, "text after"},
		{"duplicate id", good + "\n" + good, 0, 2, "already used on line 1"},
		{"bad register", strings.Replace(good, `"wire"`, `"blog"`, 1), 0, 1, "register"},
		{"bad doc date", strings.Replace(good, "2020-01-02", "2020-13-02", 1), 0, 1, "doc_date"},
		{"bad cameo", strings.Replace(good, `"19"`, `"99"`, 1), 0, 1, "cameo"},
		{"bad source", strings.Replace(good, `"RUS"`, `"rus"`, 1), 0, 1, "source"},
		{"bad date", strings.Replace(good, `"2020-01"`, `"Jan 2020"`, 1), 0, 1, "date"},
		{"bad modality", strings.Replace(good, `"date"`, `"modality":"maybe","date"`, 1), 0, 1, "modality"},
		{"empty text", strings.Replace(good, "Russia shelled Ukraine.", " ", 1), 0, 1, "empty text"},
		{"missing id", strings.Replace(good, `"id":"1"`, `"id":""`, 1), 0, 1, "missing id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			items, err := codeeval.Load(strings.NewReader(tc.in))
			if tc.line == 0 {
				if err != nil {
					t.Fatal(err)
				}
				if len(items) != tc.items {
					t.Errorf("got %d items, want %d", len(items), tc.items)
				}
				return
			}
			var le *codeeval.LineError
			if !errors.As(err, &le) {
				t.Fatalf("got error %v, want a *LineError", err)
			}
			if le.Line != tc.line || !errors.Is(err, codeeval.ErrSyntax) || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("got %v (line %d), want line %d mentioning %q", err, le.Line, tc.line, tc.msg)
			}
		})
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(`{"id":"1","register":"wire","doc_date":"2020-01-02","text":"x","want":[{"source":"RUS","target":"UKR|","cameo":"19|190","negated":true,"modality":"intent","date":"2020"}]}`)
	f.Add(`{"id":"1","register":"speech","doc_date":"2020-01-02","author":"BLR","text":"x","want":[]}` + "\n{")
	f.Add(`{"want":[{"cameo":"1"}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		items, err := codeeval.Load(strings.NewReader(in))
		if err != nil {
			var le *codeeval.LineError
			if !errors.As(err, &le) || le.Line < 1 {
				t.Fatalf("error %v is not a *LineError with a line", err)
			}
			return
		}
		for _, it := range items {
			_ = it.Document()
			for _, w := range it.Want {
				if len(w.CAMEO) < 2 {
					t.Fatalf("accepted cameo %q", w.CAMEO)
				}
			}
		}
	})
}

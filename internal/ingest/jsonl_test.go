package ingest_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/ingest"
)

func TestJSONL(t *testing.T) {
	input := strings.Join([]string{
		`{"id": "a1", "title": "Statement", "url": "https://example.org/a1", "date": "2019-03-05", "text": "Minsk welcomed the talks.\r\nMoscow did not.", "author": "BLR"}`,
		``,
		`{"id": 2, "text": "No metadata here.", "source": "RUS"}`,
		`{"id": 3, "text": ""}`,
		`{"id": 4, "title": "no text field"}`,
		`{"id": 5, "text": "Bad date.", "date": "the fifth of March"}`,
		`{"id": 6, "text": "Trailing garbage."} {"id": 7}`,
		`not json at all`,
		`{"id": 8, "text": 42}`,
		`{"id": {"x": 1}, "text": "Object id."}`,
		"{\"id\": 9, \"text\": \"Bad byte \xff here.\"}",
		`{"id": 10, "date": "2018", "text": "Year only."}`,
		`{"id": 11, "date": "2019-03-05T10:00:00+03:00", "text": "With time."}`,
	}, "\n")
	docs, errs := readBytes(t, "in.jsonl", "", []byte(input))

	type docWant struct {
		source, title, url, author, text, date, prec string
	}
	wantDocs := []docWant{
		{"in.jsonl#1", "Statement", "https://example.org/a1", "BLR", "Minsk welcomed the talks.\nMoscow did not.", "2019-03-05", "day"},
		{"in.jsonl#3", "", "", "RUS", "No metadata here.", "", ""},
		{"in.jsonl#12", "", "", "", "Year only.", "2018-01-01", "year"},
		{"in.jsonl#13", "", "", "", "With time.", "2019-03-05", "day"},
	}
	if len(docs) != len(wantDocs) {
		t.Fatalf("got %d documents, want %d: %+v", len(docs), len(wantDocs), docs)
	}
	for i, w := range wantDocs {
		d := docs[i]
		date := ""
		if !d.Date.IsZero() {
			date = d.Date.Format(time.DateOnly)
		}
		got := docWant{d.Source, d.Title, d.URL, d.Author, d.Text, date, d.DatePrecision}
		if got != w {
			t.Errorf("document %d: got %+v, want %+v", i, got, w)
		}
		if d.Format != "jsonl" {
			t.Errorf("document %d: format %q, want jsonl", i, d.Format)
		}
	}

	wantErrs := []struct {
		line int
		msg  string
	}{
		{4, "ingest: in.jsonl:4: text: empty document"},
		{5, `ingest: in.jsonl:5: missing "text" field`},
		{6, `ingest: in.jsonl:6: date "the fifth of March": unrecognised date`},
		{7, "ingest: in.jsonl:7: json: more than one value on the line"},
		{8, "ingest: in.jsonl:8: offset "},
		{9, `ingest: in.jsonl:9: json: field "text": want string, got number`},
		{10, `ingest: in.jsonl:10: "id" must be a string or a number`},
		{11, "ingest: in.jsonl:11: offset"},
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("got %d errors, want %d: %v", len(errs), len(wantErrs), errs)
	}
	for i, w := range wantErrs {
		e := asError(t, errs[i])
		if e.Line != w.line || !strings.HasPrefix(e.Error(), w.msg) {
			t.Errorf("error %d: got line %d %q, want line %d starting %q", i, e.Line, e.Error(), w.line, w.msg)
		}
	}
	// Syntax errors carry the file offset of the bad byte: the 'o' of
	// "not json at all".
	if e, want := asError(t, errs[4]), int64(strings.Index(input, "not json")+1); e.Offset != want {
		t.Errorf("syntax error offset: got %d, want %d", e.Offset, want)
	}
	// The bad byte's offset is in the file, not the line.
	if e := asError(t, errs[7]); !errors.Is(e, ingest.ErrInvalidUTF8) || e.Offset != int64(strings.Index(input, "\xff")) {
		t.Errorf("invalid UTF-8: got %v (offset %d), want ErrInvalidUTF8 at %d", e, e.Offset, strings.Index(input, "\xff"))
	}
}

func TestJSONLEmpty(t *testing.T) {
	for _, in := range []string{"", "\n\n", "\ufeff\n"} {
		docs, errs := readBytes(t, "e.jsonl", ingest.FormatJSONL, []byte(in))
		if len(docs) != 0 || len(errs) != 1 || !errors.Is(errs[0], ingest.ErrEmpty) {
			t.Errorf("%q: got %d documents and %v, want one ErrEmpty", in, len(docs), errs)
		}
	}
}

func TestJSONExport(t *testing.T) {
	cases := []struct {
		name, file, data string
		sources          []string
		errs             []string
	}{
		{"pretty-object", "one.json", "{\n  \"id\": \"x\",\n  \"text\": \"Minsk.\"\n}\n", []string{"one.json#1"}, nil},
		{"array", "many.json", `[{"text": "One."}, {"title": "no text"}, {"text": "Three.", "date": "2019"}]`, []string{"many.json#1", "many.json#3"},
			[]string{`ingest: many.json: item 2: missing "text" field`}},
		{"array-sniffed", "export", "\n[\n {\"text\": \"One.\"}\n]", []string{"export#1"}, nil},
		{"array-of-strings", "bad.json", `["a", "b"]`, nil,
			[]string{`ingest: bad.json: item 1: json: want an object, got string`, `ingest: bad.json: item 2: json:`}},
		{"empty-array", "none.json", `[]`, nil, []string{"ingest: none.json: empty document (an empty JSON array)"}},
		{"jsonl-still-lines", "two.json", "{\"text\": \"A.\"}\n{\"text\": \"B.\"}\n", []string{"two.json#1", "two.json#2"}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			docs, errs := readBytes(t, tc.file, "", []byte(tc.data))
			var sources []string
			for _, d := range docs {
				sources = append(sources, d.Source)
			}
			if strings.Join(sources, " ") != strings.Join(tc.sources, " ") {
				t.Errorf("sources: got %q, want %q", sources, tc.sources)
			}
			if len(errs) != len(tc.errs) {
				t.Fatalf("got errors %v, want %d", errs, len(tc.errs))
			}
			for i, err := range errs {
				if !strings.HasPrefix(err.Error(), tc.errs[i]) {
					t.Errorf("error %d: got %q, want prefix %q", i, err, tc.errs[i])
				}
			}
		})
	}
}

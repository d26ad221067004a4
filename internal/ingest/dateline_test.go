package ingest_test

import (
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/ingest"
)

// day is d's date as YYYY-MM-DD, or "" when it has none.
func day(d doc.Document) string {
	if d.Date.IsZero() {
		return ""
	}
	return d.Date.Format("2006-01-02")
}

func TestTextDateline(t *testing.T) {
	tests := []struct {
		name, in, want, precision string
	}{
		{"place and date under a title",
			"PRESS CONFERENCE BY THE MINISTER\nMoscow, 14 February 2025\n\nMR. LAVROV: Good afternoon.\n",
			"2025-02-14", "day"},
		{"date alone", "Statement on the ceasefire\n\nMarch 4, 2025\n\nThe ministry welcomed the truce.\n", "2025-03-04", "day"},
		{"wire dateline with a year",
			"Drones hit port\n\nKYIV, March 3, 2025 (Reuters) - Russian drones struck the port of Izmail.\n",
			"2025-03-03", "day"},
		{"wire dateline with a dash", "NEW YORK, 2 May 2024 - The council met.\n", "2024-05-02", "day"},
		{"month and year", "Policy note\nBrussels, June 2023\n\nThe Union agreed.\n", "2023-06-01", "month"},
		{"wire dateline without a year gives no date",
			"KYIV, March 3 (Reuters) - Russian drones struck the port.\n", "", ""},
		{"a bare year is no dateline", "Annual figures\n2024\n\nExports grew.\n", "", ""},
		{"a date inside a sentence is no dateline",
			"The talks opened in Geneva on 3 March 2025 after a long delay.\n", "", ""},
		{"a date below the top is no dateline",
			"A\nB\nC\nD\nE\nF\nG\nMoscow, 14 February 2025\n", "", ""},
		{"a lower-case word before the comma is no place",
			"as agreed, 14 February 2025\n\nThe talks resumed.\n", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := readOne(t, "in.txt", ingest.FormatText, []byte(tt.in))
			got := day(d)
			if got != tt.want || d.DatePrecision != tt.precision {
				t.Errorf("date %q (%s), want %q (%s)", got, d.DatePrecision, tt.want, tt.precision)
			}
		})
	}
}

func TestMarkdownDateline(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"dateline under the heading", "# Statement\n\n*Geneva, 2 May 2024*\n\nThe council met.\n", "2024-05-02"},
		{"front matter wins", "---\ndate: 2023-01-09\n---\n# Statement\n\nGeneva, 2 May 2024\n\nThe council met.\n", "2023-01-09"},
		{"none", "# Statement\n\nThe council met on 2 May 2024.\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := readOne(t, "in.md", ingest.FormatMarkdown, []byte(tt.in))
			got := day(d)
			if got != tt.want {
				t.Errorf("date %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHTMLDateline(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"dateline in the first paragraph", "<html><body><h1>Council meets</h1><p>GENEVA, 2 May 2024 (UN News) - The council met.</p></body></html>", "2024-05-02"},
		{"metadata wins", `<html><head><meta property="article:published_time" content="2023-01-09"></head><body><p>GENEVA, 2 May 2024 - The council met.</p></body></html>`, "2023-01-09"},
		{"no year", "<html><body><p>GENEVA, 2 May (UN News) - The council met.</p></body></html>", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := readOne(t, "in.html", ingest.FormatHTML, []byte(tt.in))
			got := day(d)
			if got != tt.want {
				t.Errorf("date %q, want %q", got, tt.want)
			}
		})
	}
}

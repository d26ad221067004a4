package ingest_test

import (
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/ingest"
)

func TestMarkdownText(t *testing.T) {
	cases := []struct {
		name, in, want, title string
	}{
		{"atx-heading", "# Belarus and NATO #\n\nText.", "Belarus and NATO\n\nText.", "Belarus and NATO"},
		{"first-heading-is-title", "Intro line.\n\n## Second level\n\n# First level", "Intro line.\n\nSecond level\n\nFirst level", "Second level"},
		{"hash-without-space-is-text", "#hashtag stays", "#hashtag stays", ""},
		{"setext", "Minsk Talks\n===========\n\nBody.", "Minsk Talks\n\n\nBody.", "Minsk Talks"},
		{"setext-dash", "Minsk Talks\n---\nBody.", "Minsk Talks\n\nBody.", "Minsk Talks"},
		{"thematic-break", "One.\n\n* * *\n\nTwo.", "One.\n\n\n\nTwo.", ""},
		{"emphasis", "He *did not* sign the **treaty**, and _never_ __will__.", "He did not sign the treaty, and never will.", ""},
		{"unpaired-star", "Belarus* abstained. 5 * 3 = 15", "Belarus* abstained. 5 * 3 = 15", ""},
		{"snake-case", "the file_name_here stays", "the file_name_here stays", ""},
		{"link", "See [the statement](https://example.org/s \"title\") and ![a map](map.png).", "See the statement and a map.", ""},
		{"reference-link", "See [the statement][s].\n\n[s]: https://example.org/s", "See the statement.\n\n", ""},
		{"brackets-not-link", "The [sic] remark [1] stays.", "The [sic] remark [1] stays.", ""},
		{"code-span", "Run `fulcrum code` now.", "Run fulcrum code now.", ""},
		{"fence", "Before.\n```go\nx := *p*\n```\nAfter.", "Before.\n\nx := *p*\n\nAfter.", ""},
		{"blockquote", "> “We are ready,” he said.\n> > Nested.", "“We are ready,” he said.\nNested.", ""},
		{"escape", `Not \*emphasis\* here.`, "Not *emphasis* here.", ""},
		{"autolink", "Source: <https://example.org/x>.", "Source: https://example.org/x.", ""},
		{"list-kept", "- first item\n- *second* item", "- first item\n- second item", ""},
		{"unicode", "**Łukašenka** said «нет».", "Łukašenka said «нет».", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, title := ingest.MarkdownText(tc.in)
			if got != tc.want {
				t.Errorf("text: got %q, want %q", got, tc.want)
			}
			if title != tc.title {
				t.Errorf("title: got %q, want %q", title, tc.title)
			}
		})
	}
}

func TestMarkdownFrontMatter(t *testing.T) {
	in := "---\ntitle: \"Brief: Minsk and Moscow\"\ndate: 2019-03-05\ntags:\n  - belarus\n---\n# Heading\n\nBody text."
	d := readOne(t, "brief.md", "", []byte(in))
	if got, want := d.Title, "Brief: Minsk and Moscow"; got != want {
		t.Errorf("title: got %q, want %q", got, want)
	}
	if got, want := d.Date, time.Date(2019, 3, 5, 0, 0, 0, 0, time.UTC); !got.Equal(want) || d.DatePrecision != "day" {
		t.Errorf("date: got %v %q, want %v day", got, d.DatePrecision, want)
	}
	if got, want := d.Text, "Heading\n\nBody text."; got != want {
		t.Errorf("text: got %q, want %q", got, want)
	}
	if got, want := d.Format, "markdown"; got != want {
		t.Errorf("format: got %q, want %q", got, want)
	}
}

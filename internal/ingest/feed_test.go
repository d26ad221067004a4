package ingest_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/ingest"
)

const rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Ministry news</title>
  <link>https://example.org/</link>
  <item>
    <title>Talks in Vienna</title>
    <link>https://example.org/news/1</link>
    <pubDate>Tue, 05 Mar 2019 09:30:00 +0100</pubDate>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>The Ministry <b>welcomes</b> the talks.</p><p>“We are ready,” the minister said.</p><script>x()</script>]]></content:encoded>
  </item>
  <item>
    <title>Statement &amp; reply</title>
    <link>https://example.org/news/2</link>
    <description>&lt;p&gt;Minsk rejected the accusations.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Photo gallery</title>
    <link>https://example.org/news/3</link>
  </item>
</channel>
</rss>`

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Brief archive</title>
  <updated>2020-01-02T00:00:00Z</updated>
  <entry>
    <title type="html">Moscow &lt;em&gt;and&lt;/em&gt; Minsk</title>
    <link href="https://example.org/briefs/7"/>
    <id>urn:brief:7</id>
    <updated>2020-01-02T10:00:00Z</updated>
    <summary>Only a summary.</summary>
  </entry>
  <entry>
    <title>Second brief</title>
    <link href="https://example.org/briefs/8"/>
    <id>urn:brief:8</id>
    <published>2019-12-30T08:00:00+03:00</published>
    <updated>2020-01-01T00:00:00Z</updated>
    <content type="html">&lt;p&gt;Full text of the second brief.&lt;/p&gt;</content>
  </entry>
</feed>`

func TestFeed(t *testing.T) {
	type item struct {
		source, title, url, date, text string
	}
	cases := []struct {
		name, file, data string
		want             []item
	}{
		{"rss", "news.rss", rssFeed, []item{
			{"news.rss#1", "Talks in Vienna", "https://example.org/news/1", "2019-03-05T08:30:00Z", "The Ministry welcomes the talks.\n\n“We are ready,” the minister said."},
			{"news.rss#2", "Statement & reply", "https://example.org/news/2", "", "Minsk rejected the accusations."},
		}},
		{"atom-sniffed", "briefs.xml", atomFeed, []item{
			{"briefs.xml#1", "Moscow and Minsk", "https://example.org/briefs/7", "2020-01-02T10:00:00Z", "Only a summary."},
			{"briefs.xml#2", "Second brief", "https://example.org/briefs/8", "2019-12-30T05:00:00Z", "Full text of the second brief."},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			docs, errs := readBytes(t, tc.file, "", []byte(tc.data))
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			var got []item
			for _, d := range docs {
				date := ""
				if !d.Date.IsZero() {
					date = d.Date.Format(time.RFC3339)
				}
				if d.Format != "feed" {
					t.Errorf("%s: format %q, want feed", d.Source, d.Format)
				}
				got = append(got, item{d.Source, d.Title, d.URL, date, d.Text})
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d items %+v, want %d", len(got), got, len(tc.want))
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("item %d:\ngot  %+v\nwant %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestFeedErrors(t *testing.T) {
	cases := []struct {
		name, data string
		is         error
	}{
		{"unclosed", `<rss version="2.0"><channel><item><title>x</title>`, ingest.ErrFormat},
		{"truncated", rssFeed[:len(rssFeed)/2], ingest.ErrFormat},
		{"not-a-feed", `<?xml version="1.0"?><catalog><book>Go</book></catalog>`, ingest.ErrFormat},
		{"no-items", `<rss version="2.0"><channel><title>Empty</title></channel></rss>`, ingest.ErrNoText},
		{"items-without-text", `<rss version="2.0"><channel><item><title>Photo</title></item></channel></rss>`, ingest.ErrNoText},
		{"empty", "  \n", ingest.ErrEmpty},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			docs, errs := readBytes(t, "f.rss", ingest.FormatFeed, []byte(tc.data))
			if len(docs) != 0 || len(errs) != 1 || !errors.Is(errs[0], tc.is) {
				t.Fatalf("got %d documents and %v, want one error wrapping %v", len(docs), errs, tc.is)
			}
			if msg := errs[0].Error(); !strings.HasPrefix(msg, "ingest: f.rss: ") || strings.Contains(msg, "\n") {
				t.Errorf("message %q: want one line starting with the source", msg)
			}
		})
	}
}

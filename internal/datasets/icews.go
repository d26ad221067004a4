package datasets

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/fulcrum-dev/fulcrum/internal/event"
)

// ICEWSLayout is the column layout of an ICEWS file, read from its header
// row: the Dataverse public release (20 columns, with "CAMEO Code" from June
// 2020 and in the yearly files re-issued since; 19 without), and the wider
// US-government layout, which adds sentence, headline and product columns.
// Columns are found by name, so their order does not matter. Values may be
// quoted (the Dataverse ".tab" variant).
type ICEWSLayout struct {
	cols map[string]int
	n    int
}

var icewsRequired = []string{"Event ID", "Event Date", "Source Name", "Source Country", "Event Text", "Intensity", "Target Name", "Target Country"}

// NewICEWSLayout reads the layout from a header row split on tabs. It
// returns an error naming the first required column that is missing.
func NewICEWSLayout(header []string) (*ICEWSLayout, error) {
	l := &ICEWSLayout{cols: make(map[string]int, len(header)), n: len(header)}
	for i, h := range header {
		l.cols[unquote(strings.TrimSpace(h))] = i
	}
	for _, c := range icewsRequired {
		if _, ok := l.cols[c]; !ok {
			return nil, fmt.Errorf("ICEWS header lacks column %q", c)
		}
	}
	return l, nil
}

// HasCAMEO reports whether the file has the "CAMEO Code" column; without
// it the code is found from the "Event Text" label.
func (l *ICEWSLayout) HasCAMEO() bool { _, ok := l.cols["CAMEO Code"]; return ok }

func (l *ICEWSLayout) get(f []string, name string) string {
	i, ok := l.cols[name]
	if !ok || i >= len(f) {
		return ""
	}
	v := unquote(f[i])
	if v == "NA" {
		return ""
	}
	return v
}

// Parse maps one tab-split ICEWS row to a [Record]. Actors map by
// [ICEWSActor]; the CAMEO code comes from the "CAMEO Code" column, else
// from the event text by fulcrum's CAMEO labels. Missing values are "NA".
func (l *ICEWSLayout) Parse(f []string) (Record, error) {
	if len(f) != l.n {
		return Record{}, fmt.Errorf("want %d tab-separated columns as in the header, got %d", l.n, len(f))
	}
	r := Record{Origin: event.OriginICEWS, Tone: math.NaN(), Lat: math.NaN(), Lon: math.NaN(), OrigGoldstein: math.NaN()}
	r.OrigID = l.get(f, "Event ID")
	if r.OrigID == "" {
		return Record{}, fmt.Errorf("Event ID is empty")
	}
	d, err := parseDate(l.get(f, "Event Date"))
	if err != nil {
		return Record{}, fmt.Errorf("Event Date %q: %w", l.get(f, "Event Date"), err)
	}
	r.Date = d
	r.SourceRaw = l.get(f, "Source Name")
	r.TargetRaw = l.get(f, "Target Name")
	r.SourceName, r.TargetName = r.SourceRaw, r.TargetRaw
	r.Source = ICEWSActor(r.SourceRaw, l.get(f, "Source Country"))
	r.Target = ICEWSActor(r.TargetRaw, l.get(f, "Target Country"))
	if s := l.get(f, "Intensity"); s != "" {
		g, err := strconv.ParseFloat(s, 64)
		if err != nil || g < -10 || g > 10 {
			return Record{}, fmt.Errorf("Intensity %q: want a number in −10…10", s)
		}
		r.OrigGoldstein = g
	}
	text := l.get(f, "Event Text")
	if l.HasCAMEO() {
		r.CAMEO = l.get(f, "CAMEO Code")
		if r.CAMEO != "" && !isCAMEO(r.CAMEO) {
			return Record{}, fmt.Errorf("CAMEO Code %q: not a CAMEO code", r.CAMEO)
		}
	} else {
		r.CAMEO = cameoByLabel(text)
	}
	if r.CAMEO == "" && text == "" {
		return Record{}, fmt.Errorf("no CAMEO Code and no Event Text")
	}
	if r.CAMEO == "" {
		r.OrigQuad = quadFromGoldstein(r.OrigGoldstein)
	}
	city, district, province, country := l.get(f, "City"), l.get(f, "District"), l.get(f, "Province"), l.get(f, "Country")
	r.PlaceName = strings.Trim(strings.Join([]string{city, district, province, country}, ", "), ", ")
	r.Place = city + "|" + district + "|" + province + "|" + country
	if r.Place == "|||" {
		r.Place = ""
	}
	r.PlaceCountry = country
	if r.Lat, err = optFloat(l.get(f, "Latitude")); err != nil {
		return Record{}, fmt.Errorf("Latitude %q: not a number", l.get(f, "Latitude"))
	}
	if r.Lon, err = optFloat(l.get(f, "Longitude")); err != nil {
		return Record{}, fmt.Errorf("Longitude %q: not a number", l.get(f, "Longitude"))
	}
	r.URL = l.get(f, "Publisher")
	if sid := l.get(f, "Story ID"); sid != "" {
		r.URL = strings.TrimSpace(r.URL + " story " + sid)
	}
	r.mapCAMEO()
	return r, nil
}

// quadFromGoldstein is the fallback quad class for rows whose event code is
// unknown: verbal (1, 3) for |g| < 5, material (2, 4) otherwise.
func quadFromGoldstein(g float64) int {
	switch {
	case math.IsNaN(g):
		return 0
	case g >= 5:
		return 2
	case g >= 0:
		return 1
	case g > -5:
		return 3
	}
	return 4
}

// unquote strips the double quotes of a quoted field ("a ""b""" → a "b").
func unquote(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
	}
	return s
}

var labelIndex = sync.OnceValue(func() map[string]string {
	m := make(map[string]string)
	for _, c := range event.Codes() {
		k := foldName(c.Label)
		if _, dup := m[k]; !dup {
			m[k] = c.Code
		}
	}
	return m
})

// cameoByLabel finds the CAMEO code whose label is text, ignoring case and
// punctuation; "" when none matches.
func cameoByLabel(text string) string {
	return labelIndex()[foldName(text)]
}

package datasets

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/event"
)

// GDELT column counts: the 2.0 event export, the 1.0 daily files (with
// SOURCEURL, from April 2013) and the 1.0 back files (without SOURCEURL).
const (
	GDELT2Columns     = 61
	GDELT1Columns     = 58
	GDELT1BackColumns = 57
)

// gdeltCols gives the 0-based positions of the columns fulcrum keeps, for
// one layout. GDELT 1.0 lacks the three *_ADM2Code columns of 2.0 (after
// positions 38, 45 and 52), so later columns shift left.
type gdeltCols struct {
	n                                                  int
	geoName, geoCountry, lat, lon, feature, added, url int // url is -1 without SOURCEURL
}

func gdeltLayout(n int) (gdeltCols, bool) {
	switch n {
	case GDELT2Columns:
		return gdeltCols{n, 52, 53, 56, 57, 58, 59, 60}, true
	case GDELT1Columns:
		return gdeltCols{n, 50, 51, 53, 54, 55, 56, 57}, true
	case GDELT1BackColumns:
		return gdeltCols{n, 50, 51, 53, 54, 55, 56, -1}, true
	}
	return gdeltCols{}, false
}

// ParseGDELT maps one tab-split GDELT event record (61 columns for 2.0, 58
// or 57 for 1.0) to a [Record]. It checks the fields fulcrum relies on:
// GLOBALEVENTID is an integer, SQLDATE a valid YYYYMMDD date, EventCode a
// CAMEO code of 2–4 digits, QuadClass 1–4, GoldsteinScale within ±10 and the
// counts non-negative integers. The error names the column.
func ParseGDELT(f []string) (Record, error) {
	l, ok := gdeltLayout(len(f))
	if !ok {
		return Record{}, fmt.Errorf("want %d, %d or %d tab-separated columns, got %d", GDELT2Columns, GDELT1Columns, GDELT1BackColumns, len(f))
	}
	r := Record{Origin: event.OriginGDELT, OrigID: f[0], Tone: math.NaN(), Lat: math.NaN(), Lon: math.NaN()}
	if _, err := strconv.ParseUint(f[0], 10, 64); err != nil {
		return Record{}, fmt.Errorf("GLOBALEVENTID %q: not an integer", f[0])
	}
	d, err := parseYMD(f[1])
	if err != nil {
		return Record{}, fmt.Errorf("SQLDATE %q: %w", f[1], err)
	}
	r.Date = d
	r.SourceRaw, r.SourceName = f[5], f[6]
	r.TargetRaw, r.TargetName = f[15], f[16]
	r.Source = GDELTActor(f[7], f[8])
	r.Target = GDELTActor(f[17], f[18])
	r.CAMEO = f[26]
	if !isCAMEO(r.CAMEO) {
		return Record{}, fmt.Errorf("EventCode %q: not a CAMEO code", f[26])
	}
	q, err := strconv.Atoi(f[29])
	if err != nil || q < 1 || q > 4 {
		return Record{}, fmt.Errorf("QuadClass %q: want 1–4", f[29])
	}
	r.OrigQuad = q
	g, err := strconv.ParseFloat(f[30], 64)
	if err != nil || g < -10 || g > 10 || math.IsNaN(g) {
		return Record{}, fmt.Errorf("GoldsteinScale %q: want a number in −10…10", f[30])
	}
	r.OrigGoldstein = g
	for i, p := range []*int{&r.Mentions, &r.Sources, &r.Articles} {
		v, err := strconv.ParseUint(f[31+i], 10, 31)
		if err != nil {
			return Record{}, fmt.Errorf("%s %q: not a count", [...]string{"NumMentions", "NumSources", "NumArticles"}[i], f[31+i])
		}
		*p = int(v)
	}
	if f[34] != "" {
		if r.Tone, err = strconv.ParseFloat(f[34], 64); err != nil {
			return Record{}, fmt.Errorf("AvgTone %q: not a number", f[34])
		}
	}
	r.PlaceName, r.PlaceCountry = f[l.geoName], f[l.geoCountry]
	if r.Lat, err = optFloat(f[l.lat]); err != nil {
		return Record{}, fmt.Errorf("ActionGeo_Lat %q: not a number", f[l.lat])
	}
	if r.Lon, err = optFloat(f[l.lon]); err != nil {
		return Record{}, fmt.Errorf("ActionGeo_Long %q: not a number", f[l.lon])
	}
	r.Place = f[l.feature]
	if r.Place == "" {
		r.Place = r.PlaceName
	}
	r.Added = f[l.added]
	if l.url >= 0 {
		r.URL = f[l.url]
	}
	r.mapCAMEO()
	return r, nil
}

func optFloat(s string) (float64, error) {
	if s == "" {
		return math.NaN(), nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return math.NaN(), fmt.Errorf("not a number")
	}
	return v, nil
}

// parseYMD turns YYYYMMDD into YYYY-MM-DD after checking it is a real date.
func parseYMD(s string) (string, error) {
	if len(s) != 8 {
		return "", fmt.Errorf("want YYYYMMDD")
	}
	t, err := time.Parse("20060102", s)
	if err != nil {
		return "", fmt.Errorf("want YYYYMMDD")
	}
	return t.Format(time.DateOnly), nil
}

// parseDate accepts YYYY-MM-DD (ICEWS, POLECAT), with an optional time
// part after a space or "T", and YYYYMMDD.
func parseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if len(s) > 10 && (s[10] == ' ' || s[10] == 'T') {
		s = s[:10]
	}
	if len(s) == 8 {
		return parseYMD(s)
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return "", fmt.Errorf("want YYYY-MM-DD")
	}
	return t.Format(time.DateOnly), nil
}

func isCAMEO(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

package datasets

import (
	"math"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/event"
)

// Record is one row of a public event dataset after mapping: the fields
// fulcrum keeps from the original (ids, actor codes and names, counts, tone,
// place, URL) and the mapped ones (fulcrum actor codes, Goldstein and quad
// from fulcrum's CAMEO table). It is what the importers store, one row per
// source record, in the dataset_events table.
type Record struct {
	Origin string // event.OriginGDELT, event.OriginICEWS or event.OriginPOLECAT
	OrigID string // the dataset's own event id (GLOBALEVENTID, Event ID …)
	Date   string // YYYY-MM-DD, the day the event happened

	Source, Target         string // fulcrum actor codes; "" when the actor maps to none
	SourceRaw, TargetRaw   string // the dataset's actor codes (GDELT Actor1Code) or names (ICEWS, POLECAT)
	SourceName, TargetName string // the dataset's actor names, when it has separate ones

	CAMEO   string // CAMEO event code ("036"); empty for PLOVER-only records
	PLOVER  string // PLOVER event type
	Mode    string // PLOVER mode
	Context string // PLOVER contexts, ";"-separated

	// Goldstein and Quad come from fulcrum's table for CAMEO (event.Lookup)
	// when the code is known, else from the dataset (OrigGoldstein,
	// OrigQuad); for PLOVER records from the dataset's intensity, else the
	// PLOVER type's base score.
	Goldstein     float64
	Quad          int
	OrigGoldstein float64 // the dataset's own GoldsteinScale / Intensity (NaN when absent)
	OrigQuad      int     // the dataset's own QuadClass (0 when absent)

	Mentions, Sources, Articles int     // GDELT report counts; 0 elsewhere
	Tone                        float64 // GDELT AvgTone; NaN elsewhere

	// Place is the key deduplication uses for "the same place": GDELT's
	// ActionGeo_FeatureID (else its full name), ICEWS's city, district,
	// province and country joined, POLECAT's GeoNames id (else its place name).
	Place        string
	PlaceName    string
	PlaceCountry string  // as the dataset gives it (a FIPS code in GDELT, a name in ICEWS)
	Lat, Lon     float64 // NaN when absent

	URL   string // GDELT SOURCEURL; ICEWS/POLECAT publisher or source
	Added string // GDELT DATEADDED, POLECAT Publication Date; "" elsewhere
}

// ID is the record's stable key: its origin and the dataset's own id.
// Importing the same file twice gives the same ids, which is what makes
// imports idempotent.
func (r *Record) ID() string { return r.Origin + ":" + r.OrigID }

// Event returns the record as a fulcrum event (DESIGN.md §2): origin set,
// CAMEO fields filled from the shipped table, the dataset's own Goldstein
// kept when the code is unknown, modality asserted, date precision day.
func (r *Record) Event() event.Event {
	e := event.Event{
		ID:            event.MakeID(r.Origin, r.OrigID),
		Date:          r.Date,
		DatePrecision: event.PrecisionDay,
		Source:        r.Source,
		Target:        r.Target,
		CAMEO:         r.CAMEO,
		PLOVER:        r.PLOVER,
		Mode:          r.Mode,
		Context:       r.Context,
		Modality:      event.Asserted,
		Rule:          r.ID(),
		Origin:        r.Origin,
		Reports:       1,
	}
	if strings.HasPrefix(r.URL, "http://") || strings.HasPrefix(r.URL, "https://") {
		e.DocURL = r.URL
	}
	if !e.Fill() {
		e.Goldstein = r.Goldstein
		e.Quad = r.Quad
		switch {
		case r.Goldstein >= 0.5:
			e.Polarity = 1
		case r.Goldstein <= -0.5:
			e.Polarity = -1
		}
	}
	return e
}

// mapCAMEO sets Goldstein, Quad, PLOVER, Mode and Context from fulcrum's
// table when r.CAMEO is known; else it keeps the dataset's own values.
func (r *Record) mapCAMEO() {
	if c, ok := event.Lookup(r.CAMEO); ok {
		r.Goldstein = c.Goldstein
		r.Quad = c.Quad
		r.PLOVER, r.Mode, r.Context = c.PLOVER, c.Mode, c.Context
		return
	}
	r.Goldstein = r.OrigGoldstein
	if math.IsNaN(r.Goldstein) {
		r.Goldstein = 0
	}
	r.Quad = r.OrigQuad
}

// clean makes s safe for the tab-separated staging files: tabs, newlines
// and carriage returns become spaces, and a lone "\N" (the staging null
// marker) is escaped by a trailing space.
func clean(s string) string {
	if strings.ContainsAny(s, "\t\n\r") {
		s = strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, s)
	}
	if s == `\N` {
		return `\N `
	}
	return s
}

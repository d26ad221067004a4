package align

import (
	"fmt"
	"time"
)

// Channel names.
const (
	Statements = "statements"
	Votes      = "votes"
	Ties       = "ties"
)

// Point is one period of a channel series.
type Point struct {
	Period string `json:"period"` // label: "2014", "2019-02"
	// The period is [Start, End).
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	// Value is the channel value in [−1, 1]; Lo and Hi bound its interval
	// (Lo = Hi = Value when the channel has no sampling uncertainty).
	Value float64 `json:"value"`
	Lo    float64 `json:"lo"`
	Hi    float64 `json:"hi"`
	// N is the number of observations behind the value: events that count
	// (statements), roll calls (votes), pole states and organisations
	// (ties). N == 0 means no data for the period: Value is then 0 and
	// meaningless, and functions of this package skip the point.
	N int `json:"n"`
	// Units is the number of documents (statements) or roll calls
	// (votes).
	Units int `json:"units"`
	// Resampled names the unit the statements bootstrap resampled for
	// this point: [ResampledDocuments] with [MinDocuments] or more
	// documents, else [ResampledEvents]. Empty for other channels, whose
	// unit is fixed (roll calls).
	Resampled string `json:"resampled,omitempty"`
	// Thin is true when the point has data but fewer than its channel's
	// minimum ([MinUnits]) of what [ThinCount] counts (events for
	// statements, roll calls for votes): Lo and Hi are then not a usable
	// interval, and reports draw the value without a band and leave it out
	// of means, combined tilts and [Shifts].
	Thin bool `json:"thin"`
	// Evidence holds the ids of the events, roll calls or ties behind the
	// value.
	Evidence []string `json:"evidence"`
	// Notes are caveats for people, e.g. right-censored ties data.
	Notes []string `json:"notes,omitempty"`
}

// Series is one channel's values for one focal state and pole over time.
type Series struct {
	Channel string  `json:"channel"`
	Pole    string  `json:"pole"`
	Points  []Point `json:"points"`
}

// Period is a time window [Start, End) with a label.
type Period struct {
	Label string    `json:"label"`
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

// Contains reports whether t falls in [Start, End).
func (p Period) Contains(t time.Time) bool {
	return !t.Before(p.Start) && t.Before(p.End)
}

// Years returns one period per calendar year from..to inclusive, labelled
// "2014". It returns nil when to < from.
func Years(from, to int) []Period {
	var out []Period
	for y := from; y <= to; y++ {
		out = append(out, Period{
			Label: fmt.Sprint(y),
			Start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC),
			End:   time.Date(y+1, 1, 1, 0, 0, 0, 0, time.UTC),
		})
	}
	return out
}

// Months returns one period per calendar month from January of year from
// to December of year to, labelled "2019-02". It returns nil when to < from.
func Months(from, to int) []Period {
	var out []Period
	for y := from; y <= to; y++ {
		for m := time.January; m <= time.December; m++ {
			s := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
			out = append(out, Period{Label: s.Format("2006-01"), Start: s, End: s.AddDate(0, 1, 0)})
		}
	}
	return out
}

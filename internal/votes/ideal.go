package votes

import (
	"math"
)

// IdealPoint is one country-session row of the Bailey–Strezhnev–Voeten
// ideal-point estimates (June 2024 release, sessions 1–78). Missing values
// are NaN.
type IdealPoint struct {
	CCode   int    // Correlates of War code
	ISO3    string // ISO3 as given by the source (DEU for both Germanies' ccodes 255 and 260, YAR for 678 and 680)
	State   string // the code of the same entity in the vote data: GFR for ccode 260, YMD for 680, else ISO3
	Name    string // country name as given by the source
	Session int    // UNGA session
	Year    int    // session + 1945, the year the session opens
	NVotes  int    // votes in the estimation sample (NVotesAll)
	// Point is the posterior mean (IdealPointAll); higher is closer to the
	// US-led liberal order.
	Point float64
	// Q0 … Q100 are posterior quantiles 0, 5, 10, 50, 90, 95 and 100 %.
	Q0, Q5, Q10, Q50, Q90, Q95, Q100 float64
	// Agreement columns: share of identical votes with the USA, Russia
	// (USSR before 1992), Brazil, China, India and Israel over Voeten's
	// estimation vote set.
	USAgree, RussiaAgree, BrazilAgree, ChinaAgree, IndiaAgree, IsraelAgree float64
}

// IdealRelease names the ideal-point release embedded; values from
// different releases are not comparable.
const IdealRelease = "BSV IdealpointestimatesAll_Jun2024"

// idealFloats lists the float columns of IdealPoint in file order.
func (p *IdealPoint) floats() []*float64 {
	return []*float64{&p.Point, &p.Q0, &p.Q5, &p.Q10, &p.Q50, &p.Q90, &p.Q95, &p.Q100,
		&p.USAgree, &p.RussiaAgree, &p.BrazilAgree, &p.ChinaAgree, &p.IndiaAgree, &p.IsraelAgree}
}

// voteState maps an ideal-point row to the code of the same entity in the
// vote data.
func voteState(ccode int, iso3 string) string {
	switch ccode {
	case 260:
		return "GFR"
	case 680:
		return "YMD"
	}
	return iso3
}

// IdealPoints returns the ideal-point rows of state (a vote-data code) in
// session order, or an [*UnknownStateError]. A known state without
// estimates (ZAN) gets an empty slice.
func (d *Data) IdealPoints(state string) ([]IdealPoint, error) {
	i, err := d.state(state)
	if err != nil {
		return nil, err
	}
	idx := d.idealBy[d.countries[i].ISO3]
	out := make([]IdealPoint, len(idx))
	for k, j := range idx {
		out[k] = d.ideal[j]
	}
	return out, nil
}

// AllIdealPoints returns every ideal-point row in source order. The slice
// is shared: callers must not modify it.
func (d *Data) AllIdealPoints() []IdealPoint { return d.ideal }

var nan = math.NaN()

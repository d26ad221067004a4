package align

// Thin-period minimums: a period whose value rests on fewer resampling
// units than these is "thin" ([Point.Thin]). Its value is shown, but its
// bootstrap interval is not an interval, so it is drawn without one and
// left out of verdict means, combined tilts and change-point detection
// ([Shifts]).
const (
	// MinRollCalls is the least number of joint roll calls for a votes
	// period. In the embedded UNGA data every calendar year with a regular
	// session has at least 26 recorded roll calls (1992–2019: 61–129);
	// the only years below 10 are 1951 (7), 1964 (0: the session that took
	// no recorded votes) and 2020 (1: the data end in January 2020). Per
	// state, of the 5,226 state-years 1992–2019 with a vote, 5,100 have 26
	// or more, 75 have 10–25 and 51 fewer than 10 (small states absent
	// most of a year: Kiribati, Seychelles, Dominica); every 2020
	// state-year has one. 10 splits the truncated years from the real
	// ones, and below 10 one roll call moves κ by 0.1 or more.
	MinRollCalls = 10
	// MinDocuments is the least number of documents for a statements
	// period. The bootstrap resamples documents; with n documents the
	// chance that a replicate repeats one document n times is n^−n: 1
	// for one document (the interval has zero width), 1/4 for two (the 5th
	// and 95th percentiles are then just the two documents' own values),
	// and 1/27 ≈ 3.7% for three, the first n below the 5% tail of a 90%
	// interval. In the built-in UN General Debate corpus a state gives
	// one speech a year, so most statement years are thin: of 427
	// state-pole-years with events (30 states, 1992–2020), 336 rest on one
	// document, 76 on two and 15 on three to five.
	MinDocuments = 3
)

// MinUnits returns the thin-period minimum of a channel: MinRollCalls for
// votes, MinDocuments for statements, and 0 (never thin) for ties and
// unknown channels, whose values are not estimated from a sample.
func MinUnits(channel string) int {
	switch channel {
	case Votes:
		return MinRollCalls
	case Statements:
		return MinDocuments
	}
	return 0
}

// UnitName names a channel's resampling unit in the plural: "roll calls",
// "documents", or "items".
func UnitName(channel string) string {
	switch channel {
	case Votes:
		return "roll calls"
	case Statements:
		return "documents"
	case Ties:
		return "pole states and organisations"
	}
	return "items"
}

// IsThin reports whether a point with data rests on fewer than min units.
// A point without data (N == 0) is never thin, and min ≤ 0 means no
// minimum.
func IsThin(p Point, min int) bool {
	return p.N > 0 && min > 0 && p.Units < min
}

// MarkThin sets [Point.Thin] on every point of s by [IsThin] with the
// channel's minimum ([MinUnits]) and returns the thin points' indexes.
func MarkThin(s *Series) []int {
	min := MinUnits(s.Channel)
	var out []int
	for i := range s.Points {
		s.Points[i].Thin = IsThin(s.Points[i], min)
		if s.Points[i].Thin {
			out = append(out, i)
		}
	}
	return out
}

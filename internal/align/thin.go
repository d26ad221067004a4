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
	// MinEvents is the least number of counting events (after negated
	// and hypothetical statements are dropped, as [StatementPoint] drops
	// them) for a statements period. A year's statements value rests on
	// its events, not on how many documents hold them: one UN General
	// Debate speech, the state's yearly statement of position (Baturo,
	// Dasandi & Mikhaylov 2017), can hold one event toward a pole or forty.
	// In the built-in corpus (16 speaking states, 1992–2020) the 584
	// state-pole-years with events have 1 event in 189, 2 in 121, 3 in 75,
	// 4 in 65, 5–9 in 109 and 10 or more in 25 (median 2, 90th percentile
	// 7); 465 of them rest on one document. Below 3 events no interval is
	// possible: one event gives none, and with two the replicates take
	// three values, the two extremes each a quarter of the time, so the 5th
	// and 95th percentiles are just the events' own values; from 3 a
	// replicate repeating one event is under 5%. The shrinkage (k =
	// [DefaultPrior] neutral events) already keeps such years near 0 (one
	// event at most ±1/6, two at most ±2/7), so leaving them out costs
	// little signal. 3 keeps 274 of the 584 built-in state-pole-years
	// (263 once the 11 whose events all weigh 0 are set aside, see
	// [IsThin]), where the documents rule it replaces (3 documents) kept
	// 26.
	MinEvents = 3
	// MinDocuments is the least number of documents for the statements
	// interval to be the cluster bootstrap over documents: with n
	// documents a replicate repeats one document n times with chance n^−n
	// (1 for one, 1/4 for two), first under the 5% tail of a 90% interval
	// at n = 3. With fewer, [StatementPoint] resamples events instead
	// ([ResampledEvents]).
	MinDocuments = 3
)

// Resampling units of a statements point ([Point.Resampled]).
const (
	ResampledDocuments = "documents"
	ResampledEvents    = "events"
)

// MinUnits returns the thin-period minimum of a channel: MinRollCalls for
// votes, MinEvents for statements, and 0 (never thin) for ties and
// unknown channels, whose values are not estimated from a sample.
func MinUnits(channel string) int {
	switch channel {
	case Votes:
		return MinRollCalls
	case Statements:
		return MinEvents
	}
	return 0
}

// UnitName names, in the plural, what a channel's thin rule counts
// ([ThinCount]): "roll calls", "events", or "items".
func UnitName(channel string) string {
	switch channel {
	case Votes:
		return "roll calls"
	case Statements:
		return "events"
	case Ties:
		return "pole states and organisations"
	}
	return "items"
}

// ThinCount returns what a point's thin rule counts on its channel: the
// counting events (N) for statements, the roll calls (Units) otherwise.
func ThinCount(channel string, p Point) int {
	if channel == Statements {
		return p.N
	}
	return p.Units
}

// IsThin reports whether a point of channel with data rests on fewer than
// the channel's minimum ([MinUnits]) of what [ThinCount] counts. A
// statements point is thin, too, when its interval has no width (Lo ≥ Hi):
// that happens only when every counting event weighs 0 (plain comments,
// Goldstein 0), so the value is 0 by construction and no resampling can
// show how sure it is. A point without data (N == 0) is never thin, nor is
// a point of a channel without minimum.
func IsThin(channel string, p Point) bool {
	least := MinUnits(channel)
	if p.N == 0 || least <= 0 {
		return false
	}
	return ThinCount(channel, p) < least || (channel == Statements && !(p.Hi > p.Lo))
}

// MarkThin sets [Point.Thin] on every point of s by [IsThin] and returns
// the thin points' indexes.
func MarkThin(s *Series) []int {
	var out []int
	for i := range s.Points {
		s.Points[i].Thin = IsThin(s.Channel, s.Points[i])
		if s.Points[i].Thin {
			out = append(out, i)
		}
	}
	return out
}

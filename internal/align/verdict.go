package align

import (
	"fmt"
	"math"
	"strings"
)

// Verdict thresholds on |tilt| (shown in reports with every verdict).
const (
	// BalancedBelow: |tilt| < 0.15 is "balanced".
	BalancedBelow = 0.15
	// SidesAbove: |tilt| > 0.40 is "sides with"; in between, "leans".
	SidesAbove = 0.40
	// MinShiftSize: shifts smaller than 0.075 in tilt units are left out of
	// verdicts (they stay in the shift tables).
	MinShiftSize = BalancedBelow / 2
)

// Label names a tilt between poles a (negative) and b (positive):
//
//	|t| < BalancedBelow            "balanced"
//	BalancedBelow ≤ |t| ≤ SidesAbove  "leans <pole>"
//	|t| > SidesAbove               "sides with <pole>"
//	NaN                            "undefined"
func Label(t float64, a, b string) string {
	if math.IsNaN(t) {
		return "undefined"
	}
	pole := b
	if t < 0 {
		pole = a
	}
	switch abs := math.Abs(t); {
	case abs < BalancedBelow:
		return "balanced"
	case abs <= SidesAbove:
		return "leans " + pole
	default:
		return "sides with " + pole
	}
}

// preposition for a channel in a verdict: "in statements", "on votes".
func preposition(channel string) string {
	if channel == Statements {
		return "in"
	}
	return "on"
}

func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// Verdict writes the sentence that sums up tilts between poles a and b,
// never only the composite: channels with the same [Label] are grouped in
// the order votes, ties, statements ("leans RUSSIA on votes and ties;
// balanced in statements"), channels without data are named ("no data on
// statements"), and so are those with thin periods only ([Tilt.Thin]:
// "too few items to tell on statements"), the "neither" share of channels that carry one ("with
// neither on 17% of split votes"), then each shift found on a tilt series
// ([TiltSeries]) with |Size| ≥ MinShiftSize, told with its direction and
// first period ("statements moved toward WEST from 2019-02 (+0.25)"), and
// last, when comb is not nil, the combined tilt with its label and the
// cross-channel spread ("combined -0.31, leans RUSSIA; spread sd 0.12,
// range 0.25 over 3 channels").
func Verdict(a, b string, tilts []Tilt, shifts []Shift, comb *Combined) string {
	groups := map[string][]string{}
	var order []string
	var missing, thin []string
	names := make([]string, 0, len(tilts))
	byName := map[string]Tilt{}
	for _, t := range tilts {
		if _, dup := byName[t.Channel]; !dup {
			names = append(names, t.Channel)
		}
		byName[t.Channel] = t
	}
	for _, ch := range sortedChannels(names) {
		t := byName[ch]
		if !t.HasData || math.IsNaN(t.Value) {
			if t.Thin {
				thin = append(thin, ch)
			} else {
				missing = append(missing, ch)
			}
			continue
		}
		l := Label(t.Value, a, b)
		if _, ok := groups[l]; !ok {
			order = append(order, l)
		}
		groups[l] = append(groups[l], ch)
	}
	var parts []string
	for _, l := range order {
		chs := groups[l]
		parts = append(parts, fmt.Sprintf("%s %s %s", l, preposition(chs[0]), joinAnd(chs)))
	}
	if len(missing) > 0 {
		parts = append(parts, "no data on "+joinAnd(missing))
	}
	if len(thin) > 0 {
		parts = append(parts, "too few items to tell on "+joinAnd(thin))
	}
	for _, ch := range sortedChannels(names) {
		if t := byName[ch]; t.HasData && t.HasNeither {
			parts = append(parts, fmt.Sprintf("with neither on %.0f%% of split %s", 100*t.Neither, ch))
		}
	}
	for _, s := range shifts {
		if math.Abs(s.Size) < MinShiftSize {
			continue
		}
		toward := b
		if s.Size < 0 {
			toward = a
		}
		parts = append(parts, fmt.Sprintf("%s moved toward %s from %s (%+.2f)", s.Channel, toward, s.Period, s.Size))
	}
	if comb != nil && comb.Channels > 0 {
		parts = append(parts, fmt.Sprintf("combined %+.2f, %s; spread sd %.2f, range %.2f over %d channels",
			comb.Tilt, Label(comb.Tilt, a, b), comb.SD, comb.Range, comb.Channels))
	}
	if len(parts) == 0 {
		return "no data"
	}
	return strings.Join(parts, "; ")
}

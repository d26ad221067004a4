package align_test

import (
	"fmt"

	"github.com/fulcrum-dev/fulcrum/internal/align"
	"github.com/fulcrum-dev/fulcrum/internal/event"
)

func ExampleStatementPoint() {
	events := []event.Event{
		{ID: "e1", Doc: "speech-2019", Source: "BLR", Target: "RUS", Goldstein: 7.4, Modality: event.Asserted},
		{ID: "e2", Doc: "speech-2019", Source: "BLR", Target: "RUS", Goldstein: 3.4, Modality: event.Asserted},
		{ID: "e3", Doc: "interview", Source: "BLR", Target: "RUS", Goldstein: -2, Modality: event.Asserted},
		// "Belarus has never sought to leave the CSTO": recorded, never counted.
		{ID: "e4", Doc: "interview", Source: "BLR", Target: "CSTO", Goldstein: -5, Negated: true},
	}
	p := align.StatementPoint(events, align.StatementOptions{})
	// (0.74 + 0.34 − 0.2) / (3 + 5)
	fmt.Printf("value %.3f from %d events in %d documents, 90%% interval [%.3f, %.3f] over resampled %s, thin %v\n",
		p.Value, p.N, p.Units, p.Lo, p.Hi, p.Resampled, p.Thin)
	fmt.Println(p.Evidence)
	// Output:
	// value 0.110 from 3 events in 2 documents, 90% interval [-0.033, 0.242] over resampled events, thin false
	// [e1 e2 e3]
}

func ExampleVerdict() {
	tilts := []align.Tilt{
		{Channel: align.Votes, Value: -0.62, HasData: true},
		{Channel: align.Ties, Value: -0.73, HasData: true},
		{Channel: align.Statements, Value: -0.21, HasData: true},
	}
	comb, _ := align.Combine(tilts, nil)
	shifts := []align.Shift{{Channel: align.Statements, Period: "2019-02", Size: 0.25}}
	fmt.Println(align.Verdict("RUSSIA", "WEST", tilts, shifts, &comb))
	fmt.Printf("thresholds: balanced below %.2f, sides with above %.2f\n", align.BalancedBelow, align.SidesAbove)
	// Output:
	// sides with RUSSIA on votes and ties; leans RUSSIA in statements; statements moved toward WEST from 2019-02 (+0.25); combined -0.52, sides with RUSSIA; spread sd 0.22, range 0.52 over 3 channels
	// thresholds: balanced below 0.15, sides with above 0.40
}

func ExampleChangePoints() {
	x := []float64{0.1, 0.12, 0.09, 0.11, 0.1, 0.4, 0.42, 0.39, 0.41}
	cps, _ := align.ChangePoints(x, align.ChangeOptions{})
	fmt.Println(cps)
	// Output: [5]
}

func ExampleShares() {
	// Values of one channel toward RUSSIA, WEST and CHINA.
	p, _ := align.Shares([]float64{0.6, -0.1, 0.2})
	fmt.Printf("shares %.2f, normalised entropy %.2f\n", p, align.Entropy(p))
	// Output: shares [0.75 0.00 0.25], normalised entropy 0.51
}

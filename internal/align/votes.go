package align

import (
	"fmt"
	"math"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/votes"
)

// RollCallID is the evidence id of a UN roll call: "unga:" and Voeten's
// RCID, e.g. "unga:5123".
func RollCallID(rcid int) string { return fmt.Sprintf("unga:%d", rcid) }

// VotePoint computes the votes channel for one period from the joint votes
// of the focal state and a pole's reference vote ([votes.Data.JointVotes]):
// Value is Cohen's κ with distance w on their joint-vote table (Häge 2011;
// 1 − D_o/D_e with each side's own marginals), in [−1, 1]. The interval
// is the cluster bootstrap over roll calls ([Bootstrap]): κ is recomputed
// on each resample of the roll calls, and replicates where κ is undefined
// (no variation) are dropped. N and Units are the number of roll calls,
// Evidence their [RollCallID]s; the point is [Point.Thin] with fewer than
// [MinRollCalls] roll calls. With no joint vote, or κ undefined, the
// point has N = 0.
func VotePoint(joint []votes.JointVote, w votes.Weight, opt BootstrapOptions) Point {
	var p Point
	if len(joint) == 0 {
		return p
	}
	var t votes.Table
	for _, j := range joint {
		t.Add(j.Vote, j.Ref)
	}
	k := t.Kappa(w)
	if math.IsNaN(k) {
		p.Notes = append(p.Notes, fmt.Sprintf("kappa undefined on %d roll calls without variation", len(joint)))
		return p
	}
	p.Value, p.Lo, p.Hi = k, k, k
	p.N, p.Units = len(joint), len(joint)
	p.Thin = IsThin(Votes, p)
	for _, j := range joint {
		p.Evidence = append(p.Evidence, RollCallID(j.RollCall.RCID))
	}
	stat := func(idx []int) float64 {
		var r votes.Table
		for _, i := range idx {
			r.Add(joint[i].Vote, joint[i].Ref)
		}
		return r.Kappa(w)
	}
	if lo, hi, err := Bootstrap(len(joint), stat, opt); err == nil {
		p.Lo, p.Hi = lo, hi
	}
	return p
}

// VoteSeries computes [VotePoint] for each time bucket of opt (calendar
// year by default; see [votes.Options]) of state against ref, with κ under
// opt.Weight. Point labels are the bucket labels; Start is the first joint
// vote's date and End the day after the last. Buckets without joint votes
// are absent, as in [votes.Data.Versus].
func VoteSeries(d *votes.Data, state string, ref votes.Ref, opt votes.Options, bopt BootstrapOptions) (Series, error) {
	joint, err := d.JointVotes(state, ref, opt)
	if err != nil {
		return Series{}, fmt.Errorf("votes channel %s vs %s: %w", state, ref.Name, err)
	}
	s := Series{Channel: Votes, Pole: ref.Name}
	// JointVotes is in date order, so a bucket's votes are contiguous except
	// where session buckets overlap years; group by label keeping first-seen order.
	var order []string
	groups := map[string][]votes.JointVote{}
	for _, j := range joint {
		if _, ok := groups[j.Bucket]; !ok {
			order = append(order, j.Bucket)
		}
		groups[j.Bucket] = append(groups[j.Bucket], j)
	}
	for _, label := range order {
		g := groups[label]
		p := VotePoint(g, opt.Weight, bopt)
		p.Period = label
		first, last := g[0].RollCall.Date, g[0].RollCall.Date
		for _, j := range g {
			if j.RollCall.Date.Before(first) {
				first = j.RollCall.Date
			}
			if j.RollCall.Date.After(last) {
				last = j.RollCall.Date
			}
		}
		p.Start, p.End = first, last.Add(24*time.Hour)
		s.Points = append(s.Points, p)
	}
	return s, nil
}

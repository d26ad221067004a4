package align_test

import (
	"slices"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/align"
	"github.com/fulcrum-dev/fulcrum/internal/votes"
)

// TestVotePoint: (Y,Y) (Y,Y) (N,N) (Y,N): p_o = 3/4; marginals focal Y ¾
// N ¼, reference Y ½ N ½, so p_e = ¾·½ + ¼·½ = ½ and κ = (¾ − ½)/(1 − ½) = ½.
func TestVotePoint(t *testing.T) {
	rc := func(id int) *votes.RollCall { return &votes.RollCall{RCID: id} }
	joint := []votes.JointVote{
		{RollCall: rc(1), Vote: votes.Yes, Ref: votes.Yes},
		{RollCall: rc(2), Vote: votes.Yes, Ref: votes.Yes},
		{RollCall: rc(3), Vote: votes.No, Ref: votes.No},
		{RollCall: rc(4), Vote: votes.Yes, Ref: votes.No},
	}
	p := align.VotePoint(joint, votes.Nominal, align.BootstrapOptions{Seed: 1})
	if !near(p.Value, 0.5) || p.N != 4 || p.Units != 4 {
		t.Errorf("got value %v N %d units %d, want 0.5, 4, 4", p.Value, p.N, p.Units)
	}
	if !(p.Lo <= p.Value && p.Value <= p.Hi && p.Lo >= -1 && p.Hi <= 1 && p.Lo < p.Hi) {
		t.Errorf("interval [%v, %v] around %v", p.Lo, p.Hi, p.Value)
	}
	if !slices.Equal(p.Evidence, []string{"unga:1", "unga:2", "unga:3", "unga:4"}) {
		t.Errorf("evidence %v", p.Evidence)
	}
	// All identical: κ undefined, no data.
	same := []votes.JointVote{{RollCall: rc(1), Vote: votes.Yes, Ref: votes.Yes}, {RollCall: rc(2), Vote: votes.Yes, Ref: votes.Yes}}
	if q := align.VotePoint(same, votes.Nominal, align.BootstrapOptions{}); q.N != 0 || len(q.Notes) != 1 {
		t.Errorf("undefined κ: %+v", q)
	}
	if q := align.VotePoint(nil, votes.Nominal, align.BootstrapOptions{}); q.N != 0 {
		t.Errorf("no votes: %+v", q)
	}
}

// TestUkraineVoteShift runs the change-point search on Ukraine's real
// yearly κ tilt between RUS and POL, 1992–2019. On these data the one
// change found is in 2006 (+0.26: mean tilt 0.09 before, 0.36 after),
// after the Orange Revolution, not in 2014: κ toward POL was already
// ≈ 0.35–0.42 from 2006 on. The test pins that finding.
func TestUkraineVoteShift(t *testing.T) {
	d, err := votes.Load()
	if err != nil {
		t.Fatal(err)
	}
	opt := votes.Options{From: 1992, To: 2019}
	bopt := align.BootstrapOptions{B: 100}
	r, err := align.VoteSeries(d, "UKR", votes.StateRef("RUS"), opt, bopt)
	if err != nil {
		t.Fatal(err)
	}
	w, err := align.VoteSeries(d, "UKR", votes.StateRef("POL"), opt, bopt)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Points) != 28 || len(w.Points) != 28 {
		t.Fatalf("%d and %d yearly points, want 28", len(r.Points), len(w.Points))
	}
	shifts, err := align.Shifts(align.TiltSeries(r, w), align.ChangeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(shifts) != 1 || shifts[0].Period != "2006" || shifts[0].Size < 0.2 {
		t.Errorf("shifts %+v, want one westward shift in 2006", shifts)
	}
	if _, err := align.VoteSeries(d, "UKX", votes.StateRef("RUS"), opt, bopt); err == nil {
		t.Error("unknown state: no error")
	}
}

func BenchmarkVotePoint(b *testing.B) {
	joint := make([]votes.JointVote, 100)
	for i := range joint {
		joint[i] = votes.JointVote{RollCall: &votes.RollCall{RCID: i}, Vote: votes.Vote(1 + i%3), Ref: votes.Vote(1 + i%2*2)}
	}
	for b.Loop() {
		align.VotePoint(joint, votes.Nominal, align.BootstrapOptions{})
	}
}

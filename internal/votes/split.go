package votes

import (
	"fmt"
	"slices"
	"time"
)

// Side is whom a state followed on a roll call where two references split.
type Side uint8

// Sides.
const (
	Neither Side = iota // the state's vote differs from both references
	WithA               // the state voted as reference A
	WithB               // the state voted as reference B
)

// String returns "neither", "A" or "B".
func (s Side) String() string {
	switch s {
	case WithA:
		return "A"
	case WithB:
		return "B"
	}
	return "neither"
}

// SplitShare counts, in one time bucket, the roll calls on which
// references A and B voted differently and the state voted, by whom the
// state followed (alignment-measures.md §1.5, §5.5).
type SplitShare struct {
	Bucket     string
	Start, End int // years, or sessions when bucketing by session
	First      time.Time
	Last       time.Time
	N          int // split roll calls on which the state voted
	WithA      int
	WithB      int
	Neither    int
}

// ShareA is WithA/N (NaN when N is 0).
func (s SplitShare) ShareA() float64 { return ratio(s.WithA, s.N) }

// ShareB is WithB/N (NaN when N is 0).
func (s SplitShare) ShareB() float64 { return ratio(s.WithB, s.N) }

// ShareNeither is Neither/N (NaN when N is 0): the multi-vector signature.
func (s SplitShare) ShareNeither() float64 { return ratio(s.Neither, s.N) }

// SplitVote is one roll call on which references A and B split and the
// state voted.
type SplitVote struct {
	RollCall *RollCall // points into the shared data: do not modify
	Bucket   string
	Vote     Vote // the state's vote
	A, B     Vote // the references' votes (different)
	Side     Side
}

// Split returns, per time bucket, whom state followed on roll calls where
// references a and b voted differently. Buckets without split roll calls
// are left out.
func (d *Data) Split(state string, a, b Ref, opt Options) ([]SplitShare, error) {
	acc := newByBucket(func(s *SplitShare) span { return span{&s.Bucket, &s.Start, &s.End, &s.First, &s.Last} })
	err := d.split(state, a, b, opt, func(i, key int, _, _, _ Vote, side Side) {
		s := acc.add(key, d.rolls[i].Date)
		s.N++
		switch side {
		case WithA:
			s.WithA++
		case WithB:
			s.WithB++
		default:
			s.Neither++
		}
	})
	if err != nil {
		return nil, err
	}
	return acc.done(opt, d.lastYear()), nil
}

// SplitVotes lists the roll calls behind [Data.Split] in date order (then
// RCID).
func (d *Data) SplitVotes(state string, a, b Ref, opt Options) ([]SplitVote, error) {
	var out []SplitVote
	last := d.lastYear()
	err := d.split(state, a, b, opt, func(i, key int, v, va, vb Vote, side Side) {
		label, _, _ := opt.bucketSpan(key, last)
		out = append(out, SplitVote{RollCall: &d.rolls[i], Bucket: label, Vote: v, A: va, B: vb, Side: side})
	})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(out, func(x, y SplitVote) int { return x.RollCall.Date.Compare(y.RollCall.Date) })
	return out, nil
}

func (d *Data) split(state string, a, b Ref, opt Options, fn func(i, key int, v, va, vb Vote, side Side)) error {
	s, err := d.voter(state, opt)
	if err != nil {
		return err
	}
	ra, err := d.resolve(a, s)
	if err != nil {
		return fmt.Errorf("reference %s: %w", a.Name, err)
	}
	rb, err := d.resolve(b, s)
	if err != nil {
		return fmt.Errorf("reference %s: %w", b.Name, err)
	}
	d.each(s, opt, func(i int, r *RollCall, v Vote) {
		va, _ := ra.vote(i)
		vb, _ := rb.vote(i)
		if va == Absent || vb == Absent || va == vb {
			return
		}
		side := Neither
		switch v {
		case va:
			side = WithA
		case vb:
			side = WithB
		}
		fn(i, opt.bucketKey(r), v, va, vb, side)
	})
	return nil
}

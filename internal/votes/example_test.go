package votes_test

import (
	"fmt"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/votes"
)

func ExampleData_Pair() {
	d, err := votes.Load()
	if err != nil {
		panic(err)
	}
	as, err := d.Pair("BLR", "RUS", votes.Options{By: votes.ByPeriod, From: 1992, To: 2001})
	if err != nil {
		panic(err)
	}
	for _, a := range as {
		fmt.Printf("%s n=%d identical=%.3f kappa=%.3f\n", a.Bucket, a.N(), a.Identical(), a.Kappa(votes.Nominal))
	}
	// Output:
	// 1992-1996 n=356 identical=0.697 kappa=0.402
	// 1997-2001 n=406 identical=0.768 kappa=0.411
}

func ExampleData_Split() {
	d, err := votes.Load()
	if err != nil {
		panic(err)
	}
	// Whom did Kazakhstan follow when the USA and Russia voted differently?
	ss, err := d.Split("KAZ", votes.StateRef("USA"), votes.StateRef("RUS"), votes.Options{By: votes.ByPeriod, From: 2012, To: 2016})
	if err != nil {
		panic(err)
	}
	s := ss[0]
	fmt.Printf("%s: %d split votes, with USA %.1f%%, with RUS %.1f%%, neither %.1f%%\n",
		s.Bucket, s.N, 100*s.ShareA(), 100*s.ShareB(), 100*s.ShareNeither())
	// Output:
	// 2012-2016: 292 split votes, with USA 13.7%, with RUS 68.5%, neither 17.8%
}

func ExamplePoleRef() {
	d, err := votes.Load()
	if err != nil {
		panic(err)
	}
	// A pole's reference vote is the majority of its members present; the
	// member list may depend on the date (here it does not).
	eu3 := func(time.Time) []string { return []string{"DEU", "FRA", "ITA"} }
	as, err := d.Versus("UKR", votes.PoleRef("EU3", eu3), votes.Options{From: 2014, To: 2014})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%s: n=%d kappa>0.5: %v\n", as[0].Bucket, as[0].N(), as[0].Kappa(votes.Nominal) > 0.5)
	// Output:
	// 2014: n=70 kappa>0.5: true
}

func ExampleTable() {
	// Four joint votes: Y–Y, Y–Y, N–N and A–Y.
	var t votes.Table
	t.Add(votes.Yes, votes.Yes)
	t.Add(votes.Yes, votes.Yes)
	t.Add(votes.No, votes.No)
	t.Add(votes.Abstain, votes.Yes)
	fmt.Printf("identical %.3f, half-credit %.3f, S %.3f, kappa %.3f\n",
		t.Identical(), t.HalfCredit(), t.S(votes.Linear), t.Kappa(votes.Nominal))
	// Output:
	// identical 0.750, half-credit 0.875, S 0.750, kappa 0.556
}

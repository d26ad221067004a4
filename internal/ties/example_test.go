package ties_test

import (
	"fmt"

	"github.com/fulcrum-dev/fulcrum/internal/ties"
)

func ExampleData_Score() {
	d, err := ties.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	russia := ties.Pole{Name: "RUSSIA", States: []string{"RUS"}, Orgs: []string{"CSTO", "EAEU", "CIS"}}
	s, err := d.Score("BLR", russia, 2005)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("A %.3f, M %.3f, share %.3f, value %.3f\n", s.Alliance, s.Membership, s.Share, s.Value)
	for _, e := range s.Evidence {
		if e.Partner == "RUS" || e.Kind == "membership" {
			fmt.Println(e.Text)
		}
	}
	// Output:
	// A 0.969, M 1.000, share 0.984, value 0.969
	// BLR–RUS alliance (ATOP v5.1), 1992–: defense, non-aggression, consultation
	// BLR full member of CSTO, 2002– (COW IGO v3)
	// BLR full member of EAEU (through its predecessor EAEC), 2000–2014 (COW IGO v3)
	// BLR full member of CIS, 1991– (COW IGO v3)
}

func ExampleData_CCode() {
	d, err := ties.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range []struct {
		code string
		year int
	}{{"BLR", 2000}, {"DEU", 1980}, {"DEU", 2000}, {"GFR", 1980}} {
		n, ok := d.CCode(c.code, c.year)
		fmt.Println(c.code, c.year, n, ok)
	}
	iso, _ := d.ISO3(680)
	fmt.Println(680, iso)
	// Output:
	// BLR 2000 370 true
	// DEU 1980 260 true
	// DEU 2000 255 true
	// GFR 1980 260 true
	// 680 YMD
}

package align_test

import (
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/align"
	"github.com/fulcrum-dev/fulcrum/internal/ties"
)

var (
	russia = ties.Pole{Name: "RUSSIA", States: []string{"RUS"}, Orgs: []string{"CSTO", "EAEU", "CIS"}}
	west   = ties.Pole{Name: "WEST", States: []string{"USA"}, Orgs: []string{"EU", "NATO"}}
)

func tiesData(t *testing.T) *ties.Data {
	t.Helper()
	d, err := ties.New()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestTiesBelarus: Belarus sits with Russia on ties throughout 1992–2020.
func TestTiesBelarus(t *testing.T) {
	d := tiesData(t)
	tilt := align.TiltSeries(align.TiesSeries(d, "BLR", russia, 1992, 2020), align.TiesSeries(d, "BLR", west, 1992, 2020))
	for _, p := range tilt.Points {
		if p.N == 0 {
			t.Errorf("%s: no data", p.Period)
			continue
		}
		if got := align.Label(p.Value, "RUSSIA", "WEST"); got != "sides with RUSSIA" {
			t.Errorf("%s: tilt %.3f %s", p.Period, p.Value, got)
		}
		if p.Period >= "2015" && !strings.Contains(strings.Join(p.Notes, " "), "COW IGO membership data end in 2014") {
			t.Errorf("%s: censoring not noted: %v", p.Period, p.Notes)
		}
	}
}

// TestTiesPolandShift: Poland's ties move toward WEST when it joins NATO
// (1999) and the EU (2004).
func TestTiesPolandShift(t *testing.T) {
	d := tiesData(t)
	tilt := align.TiltSeries(align.TiesSeries(d, "POL", russia, 1992, 2014), align.TiesSeries(d, "POL", west, 1992, 2014))
	shifts, err := align.Shifts(tilt, align.ChangeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range shifts {
		if s.Size > 0.2 && s.Period >= "1999" && s.Period <= "2004" {
			found = true
		}
	}
	if !found {
		t.Errorf("no westward shift in 1999–2004: %+v", shifts)
	}
	first, last := tilt.Points[0].Value, tilt.Points[len(tilt.Points)-1].Value
	if align.Label(first, "RUSSIA", "WEST") != "balanced" || align.Label(last, "RUSSIA", "WEST") != "sides with WEST" {
		t.Errorf("Poland 1992 %.3f, 2014 %.3f", first, last)
	}
}

func TestTiesPointAnchor(t *testing.T) {
	p := align.TiesPoint(ties.Score{Year: 2000, Share: 1, Value: 1})
	if p.N != 1 || p.Value != 1 || p.Period != "2000" {
		t.Errorf("anchor point %+v", p)
	}
}

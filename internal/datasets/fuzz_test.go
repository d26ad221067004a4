package datasets_test

import (
	"math"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/datasets"
)

// checkRecord is the property every parsed record must have: a date in
// YYYY-MM-DD form, an origin, a Goldstein weight within ±10 and a quad 0–4.
func checkRecord(t *testing.T, r datasets.Record) {
	t.Helper()
	if len(r.Date) != 10 || r.Date[4] != '-' || r.Date[7] != '-' {
		t.Errorf("date %q", r.Date)
	}
	if r.Origin == "" || r.OrigID == "" {
		t.Errorf("origin %q id %q", r.Origin, r.OrigID)
	}
	if math.IsNaN(r.Goldstein) || r.Goldstein < -10 || r.Goldstein > 10 {
		t.Errorf("goldstein %v", r.Goldstein)
	}
	if r.Quad < 0 || r.Quad > 4 {
		t.Errorf("quad %d", r.Quad)
	}
}

func FuzzParseGDELT(f *testing.F) {
	f.Add(gdeltLine("1", "20190305", "BLR", "", "RUS", "", "040", "1", "1.0", "2", "2", "F1"))
	f.Add(gdeltLine("2", "20190305", "", "EEC", "ROM", "", "1823", "4", "-10", "2", "2", ""))
	f.Add("1\t2\t3")
	f.Add(strings.Repeat("\t", 60))
	f.Fuzz(func(t *testing.T, line string) {
		r, err := datasets.ParseGDELT(strings.Split(line, "\t"))
		if err != nil {
			return
		}
		checkRecord(t, r)
		_ = r.Event()
	})
}

func FuzzParseICEWS(f *testing.F) {
	l, err := datasets.NewICEWSLayout(strings.Split(icewsHeader, "\t"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add("101\t2019-03-05\tForeign Affairs (Belarus)\tGovernment\tBelarus\tConsult\t040\t1\tVladimir Putin\tGovernment\tRussian Federation\t9\t1\tWire\tMinsk\tNA\tMinsk\tBelarus\t53.9\t27.56")
	f.Add("\"105\"\t\"2019-03-08\"\t\"Russia\"\t\"NA\"\t\"Russian Federation\"\t\"Threaten\"\t\"130\"\t\"-4.4\"\t\"(\"\t\"NA\"\t\"\"\"\t\"9\"\t\"2\"\t\"Wire\"\t\"NA\"\t\"NA\"\t\"NA\"\t\"NA\"\t\"NA\"\t\"NA\"")
	f.Add(strings.Repeat("\t", 19))
	f.Fuzz(func(t *testing.T, line string) {
		r, err := l.Parse(strings.Split(line, "\t"))
		if err != nil {
			return
		}
		checkRecord(t, r)
	})
}

func FuzzParsePOLECAT(f *testing.F) {
	hdr := "Event ID\tEvent Date\tEvent Type\tEvent Mode\tIntensity\tQuad Code\tActor Name\tActor Country\tRecipient Name\tRecipient Country\tGeoNames ID\tLatitude\tLongitude"
	l, err := datasets.NewPOLECATLayout(strings.Split(hdr, "\t"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add("p1\t2023-05-02\tCONSULT\tvisit\t4\tVERBAL COOPERATION\tA;B\tBLR;RUS\tC\tCHN\t625144\t53.9\t27.5")
	f.Add("p1\t2023-05-02\tassault\t\t-11\t9\t;;\t;\t\t\t\tx\t")
	f.Fuzz(func(t *testing.T, line string) {
		recs, err := l.Parse(strings.Split(line, "\t"))
		if err != nil {
			return
		}
		if len(recs) == 0 {
			t.Fatal("no records and no error")
		}
		for _, r := range recs {
			checkRecord(t, r)
		}
	})
}

func FuzzParsePLOVERJSON(f *testing.F) {
	f.Add(`{"id":"j1","date":"2023-05-02","event":["AGREE"],"actor":[{"code":"BLR"}],"recipient":[{"code":"RUS"}],"event_loc":{"name":"Minsk","geonamesid":625144}}`)
	f.Add(`{"id":7,"date":"2023-05-02T10:00:00","event_type":"ACCUSE","attributes":{"ACTOR":[{"text":"NATO"}],"RECIP":"RUS","LOC":[{"lat":"x"}]}}`)
	f.Add(`{"id":"j","date":"2023-05-02","event":"AGREE","actor":"BLR","intensity":"3","quad_code":"2"}`)
	f.Fuzz(func(t *testing.T, line string) {
		recs, err := datasets.ParsePLOVERJSON([]byte(line))
		if err != nil {
			return
		}
		for _, r := range recs {
			checkRecord(t, r)
		}
	})
}

func FuzzDetect(f *testing.F) {
	f.Add(icewsHeader)
	f.Add(gdeltLine("1", "20190305", "BLR", "", "RUS", "", "040", "1", "1.0", "2", "2", "F1"))
	f.Add(`{"id":1}`)
	f.Fuzz(func(t *testing.T, line string) {
		got, shape, err := datasets.Detect([]byte(line))
		if (err == nil) == (got == "") || shape == "" {
			t.Errorf("Detect(%q) = %q, %q, %v", line, got, shape, err)
		}
	})
}

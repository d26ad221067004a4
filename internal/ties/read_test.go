package ties_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/ties"
)

const atopHead = "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul,asymmetric\n"

func TestReadATOP(t *testing.T) {
	got, err := ties.ReadATOP("t.csv", strings.NewReader(atopHead+"365,370,1993,1,0,1,1,1,0\n2,20,1942,0,1,0,0,0,1\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []ties.DyadYear{
		{A: 365, B: 370, Year: 1993, Obl: ties.Defense | ties.Neutrality | ties.NonAggression | ties.Consultation},
		{A: 2, B: 20, Year: 1942, Obl: ties.Offense, Asymmetric: true},
	}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name   string
		read   func(string) error
		input  string
		line   int
		column string
	}{
		{"atop empty", readATOP, "", 1, ""},
		{"atop missing column", readATOP, "ccode1,ccode2,year\n1,2,3\n", 1, "atop_defense"},
		{"atop not a number", readATOP, atopHead + "365,370,1993,1,0,1,1,1,0\n365,x,1993,1,0,1,1,1,0\n", 3, "ccode2"},
		{"atop flag 2", readATOP, atopHead + "365,370,1993,2,0,1,1,1,0\n", 2, "atop_defense"},
		{"atop short row", readATOP, atopHead + "365,370,1993\n", 2, "atop_defense"},
		{"atop self dyad", readATOP, atopHead + "365,365,1993,1,0,0,0,0,0\n", 2, "ccode2"},
		{"atop bad quote", readATOP, atopHead + "365,\"370,1993\n", 2, ""},
		{"spell status 0", readSpells, "ccode,state,ioname,status,start_year,end_year\n370,belarus,CIS,0,1991,2014\n", 2, "status"},
		{"spell reversed", readSpells, "ccode,state,ioname,status,start_year,end_year\n370,belarus,CIS,1,1991,1990\n", 2, "end_year"},
		{"spell empty name", readSpells, "ccode,state,ioname,status,start_year,end_year\n370,belarus,,1,1991,1990\n", 2, "ioname"},
		{"state bad iso", readStates, "stateabb,ccode,statenme,styear,endyear,iso3_voeten\nBLR,370,Belarus,1991,2016,blr\n", 2, "iso3_voeten"},
		{"igo empty name", readIGOs, "ioname,orgname,longorgname,sdate,deaddate,last_year_in_data\n,x,y,1990,,2014\n", 2, "ioname"},
		{"directed bad year", readDirected, "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n2,235,19x4,1,1,0,0,0\n", 2, "year"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.read(tc.input)
			var pe *ties.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want *ParseError", err)
			}
			if !errors.Is(err, ties.ErrFormat) {
				t.Errorf("%v does not wrap ErrFormat", err)
			}
			if pe.File != "in.csv" || pe.Line != tc.line || pe.Column != tc.column {
				t.Errorf("got %s:%d column %q, want in.csv:%d column %q (%v)", pe.File, pe.Line, pe.Column, tc.line, tc.column, err)
			}
		})
	}
}

func readATOP(s string) error {
	_, err := ties.ReadATOP("in.csv", strings.NewReader(s))
	return err
}

func readDirected(s string) error {
	_, err := ties.ReadATOPDirected("in.csv", strings.NewReader(s))
	return err
}

func readSpells(s string) error {
	_, err := ties.ReadSpells("in.csv", strings.NewReader(s))
	return err
}

func readStates(s string) error {
	_, err := ties.ReadStates("in.csv", strings.NewReader(s))
	return err
}

func readIGOs(s string) error {
	_, err := ties.ReadIGOs("in.csv", strings.NewReader(s))
	return err
}

func FuzzReadATOP(f *testing.F) {
	f.Add(atopHead + "365,370,1993,1,0,1,1,1,0\n")
	f.Add(atopHead + "365,\"370\",1993,1,0,1,1,1,0\r\n2,20,1942,0,1,0,0,0,1")
	f.Add("ccode1\n1\n")
	f.Fuzz(func(t *testing.T, s string) {
		rows, err := ties.ReadATOP("fuzz.csv", strings.NewReader(s))
		if err != nil {
			var pe *ties.ParseError
			if !errors.As(err, &pe) || pe.Line < 1 {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		for _, r := range rows {
			if r.A <= 0 || r.B <= 0 || r.A == r.B || r.Obl >= ties.Consultation<<1 {
				t.Fatalf("accepted bad row %+v", r)
			}
		}
	})
}

func FuzzReadSpells(f *testing.F) {
	f.Add("ccode,state,ioname,status,start_year,end_year\n370,belarus,CIS,1,1991,2014\n")
	f.Add("ccode,state,ioname,status,start_year,end_year\n370,\"a,b\",CIS,3,1991,1991\n")
	f.Fuzz(func(t *testing.T, s string) {
		rows, err := ties.ReadSpells("fuzz.csv", strings.NewReader(s))
		if err != nil {
			var pe *ties.ParseError
			if !errors.As(err, &pe) || pe.Line < 1 {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		for _, r := range rows {
			if r.Status < ties.Full || r.Status > ties.Observer || r.To < r.From || r.IOName == "" {
				t.Fatalf("accepted bad spell %+v", r)
			}
		}
	})
}

func FuzzReadStates(f *testing.F) {
	f.Add("stateabb,ccode,statenme,styear,endyear,iso3_voeten\nBLR,370,Belarus,1991,2016,BLR\n")
	f.Add("stateabb,ccode,statenme,styear,endyear,iso3_voeten\nKOS,347,Kosovo,2008,2016,\n")
	f.Fuzz(func(t *testing.T, s string) {
		rows, err := ties.ReadStates("fuzz.csv", strings.NewReader(s))
		if err != nil {
			var pe *ties.ParseError
			if !errors.As(err, &pe) || pe.Line < 1 {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		for _, r := range rows {
			if r.CCode <= 0 || r.To < r.From || (r.ISO3 != "" && len(r.ISO3) != 3) {
				t.Fatalf("accepted bad state %+v", r)
			}
		}
	})
}

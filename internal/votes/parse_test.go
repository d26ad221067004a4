package votes_test

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/fulcrum-dev/fulcrum/internal/votes"
)

// tinyFS returns the tiny fixture as an in-memory file system with
// replacements for some files.
func tinyFS(t testing.TB, replace map[string]string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	for _, name := range []string{votes.CountriesFile, votes.RollCallsFile, votes.IssuesFile, votes.VotesFile, votes.IdealFile} {
		b, err := os.ReadFile("testdata/tiny/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if r, ok := replace[name]; ok {
			b = []byte(r)
		}
		m[name] = &fstest.MapFile{Data: b}
	}
	return m
}

const (
	votesHead = "rcid,iso3,vote\n"
	rollHead  = `"rcid","session","date","year","unres","importantvote","amend","para","short","descr"` + "\n"
)

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		content string
		want    string // the error message after "read vote data: "
		line    int
	}{
		{"bad vote", votes.VotesFile, votesHead + "1,AAA,Y\n1,BBB,X\n", `votes.csv:3: vote "X", want Y, A or N`, 3},
		{"second vote", votes.VotesFile, votesHead + "1,AAA,Y\n1,AAA,N\n", "votes.csv:3: second vote of AAA on rcid 1", 3},
		{"unknown roll call", votes.VotesFile, votesHead + "99,AAA,Y\n", "votes.csv:2: rcid 99 not in roll_calls.csv", 2},
		{"unknown country", votes.VotesFile, votesHead + "1,AAX,Y\n", `votes.csv:2: iso3 "AAX" not in countries.csv`, 2},
		{"rcid not a number", votes.VotesFile, votesHead + "one,AAA,Y\n", `votes.csv:2: column rcid: strconv.Atoi: parsing "one": invalid syntax`, 2},
		{"wrong header", votes.VotesFile, "rcid,country,vote\n", `votes.csv:1: header ["rcid" "country" "vote"], want ["rcid" "iso3" "vote"]`, 1},
		{"empty file", votes.VotesFile, "", "votes.csv:1: header: EOF", 1},
		{"short record", votes.VotesFile, votesHead + "1,AAA\n", "votes.csv:2: record on line 2: wrong number of fields", 2},
		{"bare quote", votes.VotesFile, votesHead + "1,A\"AA,Y\n", "votes.csv:2: parse error on line 2, column 4: bare \" in non-quoted-field", 2},
		{"bad date", votes.RollCallsFile, rollHead + `1,1,"1946-13-01",1946,"R",0,0,0,"S","D"` + "\n", `roll_calls.csv:2: column date: parsing time "1946-13-01": month out of range`, 2},
		{"year differs from date", votes.RollCallsFile, rollHead + `1,1,"1946-12-01",1947,"R",0,0,0,"S","D"` + "\n", "roll_calls.csv:2: year 1947 differs from date 1946-12-01", 2},
		{"rcid order", votes.RollCallsFile, rollHead + `2,1,"1946-12-01",1946,"R",0,0,0,"S","D"` + "\n" + `1,1,"1946-12-01",1946,"R",0,0,0,"S","D"` + "\n", "roll_calls.csv:3: rcid 1 not after 2", 3},
		{"bad flag", votes.RollCallsFile, rollHead + `1,1,"1946-12-01",1946,"R",0,2,0,"S","D"` + "\n", `roll_calls.csv:2: column amend: flag "2", want 0, 1 or empty`, 2},
		{"session zero", votes.RollCallsFile, rollHead + `1,0,"1946-12-01",1946,"R",0,0,0,"S","D"` + "\n", "roll_calls.csv:2: rcid 1, session 0: want positive", 2},
		{"lower-case country", votes.CountriesFile, `"iso3","iso2_source","country_source","first_vote_date","last_vote_date","n_votes","n_yes","n_abstain","n_no"` + "\n" + `"aaa","AA","A","1946-12-01","1946-12-01",1,1,0,0` + "\n", `countries.csv:2: iso3 "aaa" is not three upper-case letters`, 2},
		{"issue of unknown roll call", votes.IssuesFile, `"rcid","short_name","issue"` + "\n7,\"hr\",\"Human rights\"\n70,\"hr\",\"Human rights\"\n", "roll_call_issues.csv:3: rcid 70 not in roll_calls.csv", 3},
		{"issue renamed", votes.IssuesFile, `"rcid","short_name","issue"` + "\n7,\"hr\",\"Human rights\"\n8,\"hr\",\"Rights\"\n", `roll_call_issues.csv:3: issue hr named "Rights", earlier "Human rights"`, 3},
		{"ideal point not a number", votes.IdealFile, idealHead + `901,"AAA","A",1,1946,2,x,0,0,0,0,0,0,0,,,,,,` + "\n", `ideal_points_bsv_jun2024.csv:2: column IdealPointAll: strconv.ParseFloat: parsing "x": invalid syntax`, 2},
		{"ideal point infinite", votes.IdealFile, idealHead + `901,"AAA","A",1,1946,2,Inf,0,0,0,0,0,0,0,,,,,,` + "\n", `ideal_points_bsv_jun2024.csv:2: column IdealPointAll: "Inf" is not a finite number`, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := tinyFS(t, map[string]string{tc.file: tc.content})
			_, err := votes.ReadFS(m, m)
			var pe *votes.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want a *ParseError", err)
			}
			if pe.File != tc.file || pe.Line != tc.line {
				t.Errorf("position: got %s:%d, want %s:%d", pe.File, pe.Line, tc.file, tc.line)
			}
			if got, want := err.Error(), "read vote data: "+tc.want; got != want {
				t.Errorf("got  %q\nwant %q", got, want)
			}
		})
	}
	t.Run("missing file", func(t *testing.T) {
		m := tinyFS(t, nil)
		delete(m, votes.IssuesFile)
		if _, err := votes.ReadFS(m, m); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("got %v, want fs.ErrNotExist", err)
		}
	})
}

var idealHead = `"ccode","iso3c","Countryname","session","year","NVotesAll","IdealPointAll","QO%All","Q5%All","Q10%All","Q50%All","Q90%All","Q95%All","Q100%All","USAgree","RUSSAgree","BrazilAgree","ChinaAgree","IndiaAgree","IsraelAgree"` + "\n"

// FuzzReadVotes feeds arbitrary votes.csv content: reading never panics,
// fails only with a *ParseError, and what it accepts is in range.
func FuzzReadVotes(f *testing.F) {
	seed, err := os.ReadFile("testdata/tiny/votes.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(seed))
	f.Add(votesHead + "1,AAA,Y\n1,AAA,N\n")
	f.Add(votesHead + "\"1\",\"AAA\",\"A\"\r\n")
	f.Add(votesHead + "9999999999999999999,AAA,Y\n")
	base := tinyFS(f, nil)
	f.Fuzz(func(t *testing.T, content string) {
		m := fstest.MapFS{}
		for k, v := range base {
			m[k] = v
		}
		m[votes.VotesFile] = &fstest.MapFile{Data: []byte(content)}
		d, err := votes.ReadFS(m, m)
		if err != nil {
			var pe *votes.ParseError
			if !errors.As(err, &pe) || pe.File != votes.VotesFile || pe.Line < 1 {
				t.Fatalf("error %v is not a positioned *ParseError", err)
			}
			return
		}
		n := 0
		for _, rc := range d.RollCalls() {
			for _, s := range d.States() {
				switch v := d.Vote(rc.RCID, s); v {
				case votes.Absent:
				case votes.Yes, votes.Abstain, votes.No:
					n++
				default:
					t.Fatalf("vote %d out of range", v)
				}
			}
		}
		if lines := strings.Count(strings.TrimRight(content, "\r\n"), "\n"); n > lines {
			t.Fatalf("%d votes from %d lines", n, lines)
		}
	})
}

// FuzzReadRollCalls feeds arbitrary roll_calls.csv content (with no votes
// or issues).
func FuzzReadRollCalls(f *testing.F) {
	seed, err := os.ReadFile("testdata/tiny/roll_calls.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(seed))
	f.Add(rollHead + `1,1,"1946-12-01",1946,"R",,,,"S","D"` + "\n")
	base := tinyFS(f, map[string]string{votes.VotesFile: votesHead, votes.IssuesFile: `"rcid","short_name","issue"` + "\n"})
	f.Fuzz(func(t *testing.T, content string) {
		m := fstest.MapFS{}
		for k, v := range base {
			m[k] = v
		}
		m[votes.RollCallsFile] = &fstest.MapFile{Data: []byte(content)}
		d, err := votes.ReadFS(m, m)
		if err != nil {
			var pe *votes.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			return
		}
		prev := 0
		for _, rc := range d.RollCalls() {
			if rc.RCID <= prev || rc.Year != rc.Date.Year() {
				t.Fatalf("accepted bad roll call %+v", rc)
			}
			prev = rc.RCID
			// Every accepted roll call must survive the measures.
			if _, err := d.Pair("AAA", "BBB", votes.Options{By: votes.BySession}); err != nil {
				t.Fatal(err)
			}
		}
	})
}

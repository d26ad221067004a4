package code_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/code"
)

func TestScanDates(t *testing.T) {
	tests := []struct {
		src  string
		want string // "y-m-d/prec/rel/prep" joined by ";"
	}{
		{"On March 5, 2019, he spoke.", "2019-3-5/day//on"},
		{"on 5 March 2019", "2019-3-5/day//on"},
		{"on 23 March 2014 and 24th of March 2014", "2014-3-23/day//on;2014-3-24/day//"},
		{"In March 2019 it began", "2019-3-0/month//in"},
		{"in March of 2019", "2019-3-0/month//in"},
		{"In 2018 Belarus", "2018-0-0/year//in"},
		{"2019 was a year", "2019-0-0/year//"},
		{"since 2014 and by 2030", "2014-0-0/year//since;2030-0-0/year//by"},
		{"2,000 troops and resolution 2202", ""},
		{"in the 1990s", ""},
		{"on 2019-03-05 at noon", "2019-3-5/day//on"},
		{"on Jan. 5, 2020", "2020-1-5/day//on"},
		{"on Sept. 30", "0-9-30/day//on"},
		{"on 31 February 2019", "2019-2-0/month//"},
		{"on 29 February 2020", "2020-2-29/day//on"},
		{"In the same session, he added", "0-0-0//same/in"},
		{"at the same meeting", "0-0-0//same/at"},
		{"on that occasion", "0-0-0//same/on"},
		{"later that day", "0-0-0//same/"},
		{"yesterday and last year and this year and last month", "0-0-0//yesterday/;0-0-0//last-year/;0-0-0//this-year/;0-0-0//last-month/"},
		{"May I add that we may agree", ""},
		{"in May 2015", "2015-5-0/month//in"},
		{"the march to the border on May 9", "0-5-9/day//on"},
		{"During the Second World War the city burned", "1939-0-0/year//during"},
		{"in the years of the Great Patriotic War", "1941-0-0/year//of"},
		{"after World War II ended", "1939-0-0/year//after"},
		{"a world war would be a catastrophe", ""},
		{"the first world", ""},
		{"Fifty years ago, the war began", "50-0-0//years-ago/"},
		{"two decades ago and 75 years ago", "20-0-0//years-ago/;75-0-0//years-ago/"},
		{"a century ago", "100-0-0//years-ago/"},
		{"years ago", ""},
		{"many years ago", ""},
		{"said on Tuesday and last Friday", "0-0-2//weekday/on;0-0-5//last-weekday/"},
		{"the tuesday rule", ""},
		{"in March and since May and early June", "0-3-0/month//in;0-5-0/month//since;0-6-0/month//early"},
		{"March organisers said", ""},
		{"May the talks succeed", ""},
		{"the next day and two days later", "0-0-1//days-later/;0-0-2//days-later/"},
		{"the following day", "0-0-1//days-later/"},
		{"every day", ""},
	}
	for _, tc := range tests {
		t.Run(tc.src, func(t *testing.T) {
			var got []string
			for _, d := range code.ScanDates(tc.src, nil) {
				got = append(got, fmt.Sprintf("%d-%d-%d/%s/%s/%s", d.Year, d.Month, d.Day, d.Precision, d.Rel, d.Prep))
				if d.Start < 0 || d.End > len(tc.src) || d.Start >= d.End {
					t.Errorf("bad span %+v", d)
				}
			}
			if g := strings.Join(got, ";"); g != tc.want {
				t.Errorf("ScanDates(%q) = %q, want %q", tc.src, g, tc.want)
			}
		})
	}
}

func FuzzScanDates(f *testing.F) {
	for _, s := range []string{"On March 5, 2019", "5th of May 2020", "2019-02-30", "in the same session", "31 31 31", "May", "Sept. 2019-", "\xff2019"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, d := range code.ScanDates(s, nil) {
			if d.Start < prev || d.Start >= d.End || d.End > len(s) {
				t.Fatalf("date %+v out of order or bounds (len %d)", d, len(s))
			}
			if d.Rel == "" && (d.Month < 0 || d.Month > 12 || d.Day < 0 || d.Day > 31) {
				t.Fatalf("impossible date %+v", d)
			}
			prev = d.End
		}
	})
}

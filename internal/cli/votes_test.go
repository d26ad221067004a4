package cli_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/cli"
)

// runCLI runs fulcrum in-process and returns its exit code and streams.
func runVotesCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := cli.Main(t.Context(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestVotesTable(t *testing.T) {
	code, out, errs := runVotesCLI(t, "votes", "BLR", "RUS", "--by", "5y", "--from", "1992", "--to", "2001")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// alignment-measures.md §5.1/§5.3: BLR–RUS 1992–96 69.7 % (356),
	// κ 0.40; 1997–2001 76.8 % (406).
	for _, want := range []string{"BLR vs RUS", "1992-1996", "356", "0.697", "0.402", "1997-2001", "406", "0.768", "kappa"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestVotesCSVMeasures(t *testing.T) {
	code, out, errs := runVotesCLI(t, "votes", "UKR", "POL", "--by", "5y", "--from", "2007", "--to", "2011", "--measure", "identical,kappa", "--csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 {
		t.Fatalf("got %d records, want header + 1:\n%s", len(recs), out)
	}
	if got, want := strings.Join(recs[0], ","), "period,start,end,n,n_identical,identical,kappa"; got != want {
		t.Errorf("header %q, want %q", got, want)
	}
	// §5.1: UKR–POL 2007–2011 94.3 % of 454.
	if got := strings.Join(recs[1][:5], ","); got != "2007-2011,2007,2011,454,428" {
		t.Errorf("row %q", got)
	}
	if recs[1][5] != "0.943" {
		t.Errorf("identical %q, want 0.943", recs[1][5])
	}
}

func TestVotesSplitJSON(t *testing.T) {
	code, out, errs := runVotesCLI(t, "votes", "KAZ", "USA", "RUS", "--by", "5y", "--from", "2012", "--to", "2016", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		State      string   `json:"state"`
		References []string `json:"references"`
		Split      []struct {
			Bucket  string  `json:"bucket"`
			N       int     `json:"n"`
			Neither float64 `json:"share_neither"`
		} `json:"split_votes"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	// §5.5: KAZ 2012–2016, USA vs RUS: 292 split votes, 17.8 % neither.
	if got.State != "KAZ" || len(got.Split) != 1 || got.Split[0].N != 292 || got.Split[0].Neither < 0.1775 || got.Split[0].Neither > 0.1785 {
		t.Errorf("got %+v", got)
	}
}

func TestVotesRollCalls(t *testing.T) {
	code, out, errs := runVotesCLI(t, "votes", "BLR", "POL,DEU,FRA", "--from", "2014", "--to", "2014", "--rollcalls", "--csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) < 50 {
		t.Fatalf("got %d roll calls in 2014, want dozens", len(recs)-1)
	}
	for _, r := range recs[1:] {
		if !strings.HasPrefix(r[1], "2014-") {
			t.Errorf("roll call %s dated %s", r[0], r[1])
		}
		n := 0
		for _, c := range r[8:11] {
			k, err := strconv.Atoi(c)
			if err != nil {
				t.Fatal(err)
			}
			n += k
		}
		if n < 1 || n > 3 {
			t.Errorf("roll call %s: %d member votes behind the reference, want 1–3 of POL, DEU, FRA", r[0], n)
		}
	}
}

func TestVotesErrors(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"unknown state", []string{"votes", "BLS", "RUS"}, 2, `Error: votes: unknown state "BLS" in the UN vote data (did you mean BLR?)`},
		{"unknown reference", []string{"votes", "BLR", "RUX"}, 2, `(did you mean RUS?)`},
		{"one argument", []string{"votes", "BLR"}, 2, "Error: votes: name a STATE and one or two references"},
		{"json and csv", []string{"votes", "BLR", "RUS", "--json", "--csv"}, 2, "Error: votes: --json and --csv exclude each other"},
		{"from after to", []string{"votes", "BLR", "RUS", "--from", "2010", "--to", "2000"}, 2, "Error: votes: --from 2010 is after --to 2000"},
		{"bad bucketing", []string{"votes", "BLR", "RUS", "--by", "decade"}, 2, `Error: votes: --by: unknown bucketing "decade"`},
		{"bad measure", []string{"votes", "BLR", "RUS", "--measure", "tau"}, 2, `Error: votes: unknown measure "tau"`},
		{"measure with split", []string{"votes", "BLR", "RUS", "USA", "--measure", "kappa"}, 2, "Error: votes: --measure does not apply to split votes"},
		{"bad issue", []string{"votes", "BLR", "RUS", "--issue", "zz"}, 2, `Error: votes: unknown issue "zz"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := runVotesCLI(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d", code, tc.code)
			}
			if !strings.Contains(errs, tc.stderr) {
				t.Errorf("stderr %q lacks %q", errs, tc.stderr)
			}
		})
	}
}

func TestVotesEmptyPeriod(t *testing.T) {
	code, out, errs := runVotesCLI(t, "votes", "KAZ", "RUS", "--to", "1980")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "No roll call in this period on which both voted.") {
		t.Errorf("got %s", out)
	}
}

func TestVotesList(t *testing.T) {
	code, out, _ := runVotesCLI(t, "votes", "--list")
	if code != 0 || !strings.Contains(out, "BLR") || !strings.Contains(out, "GFR") {
		t.Errorf("exit %d, output %q…", code, out[:min(len(out), 200)])
	}
}

func TestVotesPoleName(t *testing.T) {
	code, out, errs := runVotesCLI(t, "votes", "BLR", "WESX")
	if code != 2 || !strings.Contains(errs, `unknown state or pole "WESX" (did you mean WEST?)`) {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	code, out, errs = runVotesCLI(t, "votes", "UKR", "WEST", "--from", "2014", "--to", "2014", "--csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(out, "year,start,end,n,") || !strings.Contains(out, "\n2014,2014,2014,") {
		t.Errorf("got %q", out)
	}
}

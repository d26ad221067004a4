package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/suggest"
	"github.com/fulcrum-dev/fulcrum/internal/votes"
)

const votesUsage = `Usage: fulcrum votes [options] STATE REF [REF2]

UN General Assembly roll-call agreement of STATE with a reference vote,
1946 – January 2020 (Voeten's data, embedded). REF is a state (ISO3: RUS),
a comma list of states whose majority vote is the reference (POL,DEU,FRA),
or a pole name from the dictionaries (RUSSIA, WEST, CHINA): the majority of
its member states present on each vote date, STATE itself left out.

Measures over the n roll calls on which both voted Y, A or N (absences never
count): identical-vote share, half-credit agreement (Lijphart), State-Dept
coincidence (Y/N votes only), Signorino–Ritter S (absolute and squared,
d_max = 2), Cohen's kappa and Scott's pi (distance set by --weight).

With REF2, prints split votes instead: on roll calls where REF and REF2 voted
differently, the share of STATE's votes with REF, with REF2 and with neither.

Examples:
  fulcrum votes BLR RUS
  fulcrum votes UKR POL --by 5y --from 1992 --measure identical,kappa
  fulcrum votes KAZ USA RUS --by 5y --from 1992       # split votes
  fulcrum votes BLR WEST --by session --voeten --json
  fulcrum votes BLR RUS --from 2014 --to 2014 --rollcalls
  fulcrum votes --list`

// voteMeasures are the measure names --measure accepts, in table order.
var voteMeasures = []struct {
	name, head string
	get        func(m votes.Measures) float64
}{
	{"identical", "identical", func(m votes.Measures) float64 { return m.Identical }},
	{"halfcredit", "half-credit", func(m votes.Measures) float64 { return m.HalfCredit }},
	{"statedept", "state-dept", func(m votes.Measures) float64 { return m.StateDept }},
	{"s", "S", func(m votes.Measures) float64 { return m.S }},
	{"ssq", "S_sq", func(m votes.Measures) float64 { return m.SSquared }},
	{"kappa", "kappa", func(m votes.Measures) float64 { return m.Kappa }},
	{"pi", "pi", func(m votes.Measures) float64 { return m.Pi }},
}

func runVotes(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "votes", votesUsage)
	by := fs.String("by", "year", "time `bucket`: year, session, or a period such as 5y")
	from := fs.Int("from", 0, "first calendar `year` of votes (0: 1946)")
	to := fs.Int("to", 0, "last calendar `year` of votes (0: the end of the data)")
	measure := fs.String("measure", "", "comma list of `measures` for the table and CSV: identical, halfcredit, statedept, s, ssq, kappa, pi (default all)")
	weight := fs.String("weight", "nominal", "distance for kappa and pi: nominal, linear or quadratic")
	voeten := fs.Bool("voeten", false, "Voeten's vote set: drop unanimous votes, amendment/paragraph votes after 1989 and session 19")
	important := fs.Bool("important", false, "only the US State Department's important votes (from session 39)")
	issues := fs.String("issue", "", "only roll calls tagged with one of these comma-separated `issues`: me, nu, di, hr, co, ec")
	rollcalls := fs.Bool("rollcalls", false, "list the roll calls behind the figures (the evidence) instead of the summary")
	asJSON := fs.Bool("json", false, "print JSON")
	asCSV := fs.Bool("csv", false, "print CSV")
	list := fs.Bool("list", false, "list the state codes of the vote data and exit")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *asJSON && *asCSV {
		return usagef("votes: --json and --csv exclude each other")
	}
	d, err := votes.Load()
	if err != nil {
		return fmt.Errorf("load UN votes: %w", err)
	}
	if *list {
		if len(pos) > 0 {
			return usagef("votes: --list takes no arguments")
		}
		return writeVoteStates(env.Stdout, d)
	}
	if len(pos) < 2 || len(pos) > 3 {
		return usagef("votes: name a STATE and one or two references, e.g. fulcrum votes BLR RUS")
	}
	opt := votes.Options{From: *from, To: *to}
	if opt.By, opt.PeriodYears, err = votes.ParseBucketing(*by); err != nil {
		return usagef("votes: --by: %v", err)
	}
	if opt.Weight, err = votes.ParseWeight(*weight); err != nil {
		return usagef("votes: --weight: %v", err)
	}
	if opt.From != 0 && opt.To != 0 && opt.From > opt.To {
		return usagef("votes: --from %d is after --to %d", opt.From, opt.To)
	}
	if *voeten {
		opt.Filter = votes.VoetenFilter()
	}
	opt.Filter.ImportantOnly = *important
	for _, is := range strings.Split(*issues, ",") {
		if is = strings.ToLower(strings.TrimSpace(is)); is != "" {
			if d.IssueName(is) == "" {
				return usagef("votes: unknown issue %q (known: %s)", is, strings.Join(d.Issues(), ", "))
			}
			opt.Filter.Issues = append(opt.Filter.Issues, is)
		}
	}
	cols, err := votesColumns(*measure)
	if err != nil {
		return err
	}
	if len(pos) == 3 && *measure != "" {
		return usagef("votes: --measure does not apply to split votes (three arguments)")
	}
	state := strings.ToUpper(pos[0])
	if _, err := d.Country(state); err != nil {
		return usagef("votes: %v", err)
	}
	refs := make([]votes.Ref, len(pos)-1)
	descr := make([]string, len(refs))
	for i, p := range pos[1:] {
		if refs[i], descr[i], err = voteRef(env, d, p); err != nil {
			return err
		}
	}
	format := "table"
	if *asJSON {
		format = "json"
	} else if *asCSV {
		format = "csv"
	}
	names := make([]string, len(refs))
	for i, r := range refs {
		names[i] = r.Name
	}
	head := votesHeader{State: state, Names: names, Refs: descr, Opt: opt, Format: format}
	if len(refs) == 2 {
		if *rollcalls {
			sv, err := d.SplitVotes(state, refs[0], refs[1], opt)
			if err != nil {
				return err
			}
			return writeSplitVotes(env.Stdout, head, sv)
		}
		ss, err := d.Split(state, refs[0], refs[1], opt)
		if err != nil {
			return err
		}
		return writeSplit(env.Stdout, head, ss)
	}
	if *rollcalls {
		js, err := d.JointVotes(state, refs[0], opt)
		if err != nil {
			return err
		}
		return writeJointVotes(env.Stdout, head, js)
	}
	as, err := d.Versus(state, refs[0], opt)
	if err != nil {
		return err
	}
	return writeAgreements(env.Stdout, head, as, cols)
}

// voteRef turns a REF argument into a reference vote and its description.
func voteRef(env *Env, d *votes.Data, arg string) (votes.Ref, string, error) {
	arg = strings.ToUpper(strings.TrimSpace(arg))
	if strings.Contains(arg, ",") {
		var ms []string
		for _, m := range strings.Split(arg, ",") {
			if m = strings.TrimSpace(m); m == "" {
				continue
			}
			if _, err := d.Country(m); err != nil {
				return votes.Ref{}, "", usagef("votes: %v", err)
			}
			ms = append(ms, m)
		}
		return votes.GroupRef(arg, ms...), "majority of " + strings.Join(ms, ", "), nil
	}
	if d.Known(arg) {
		return votes.StateRef(arg), arg, nil
	}
	dict, err := dictionary(env)
	if err != nil {
		return votes.Ref{}, "", fmt.Errorf("votes: %s is not a state of the vote data, and the dictionaries that define poles did not load: %w", arg, err)
	}
	if p, ok := dict.Pole(arg); ok {
		ref := votes.PoleRef(p.Name, func(date time.Time) []string { return dict.PoleMembers(p, date) })
		return ref, fmt.Sprintf("pole %s (majority of its member states present; core %s)", p.Name, strings.Join(p.Core, ", ")), nil
	}
	_, serr := d.Country(arg)
	var ue *votes.UnknownStateError
	if errors.As(serr, &ue) && ue.Suggestion == "" {
		if s := suggest.Closest(arg, dict.Poles()); s != "" {
			return votes.Ref{}, "", usagef("votes: unknown state or pole %q (did you mean %s?)", arg, s)
		}
	}
	return votes.Ref{}, "", usagef("votes: %v", serr)
}

func votesColumns(list string) ([]int, error) {
	if strings.TrimSpace(list) == "" {
		cols := make([]int, len(voteMeasures))
		for i := range cols {
			cols[i] = i
		}
		return cols, nil
	}
	var cols []int
	for _, name := range strings.Split(list, ",") {
		name = strings.ToLower(strings.TrimSpace(name))
		found := -1
		for i, m := range voteMeasures {
			if m.name == name || strings.ReplaceAll(m.head, "-", "") == name {
				found = i
			}
		}
		if found < 0 {
			names := make([]string, len(voteMeasures))
			for i, m := range voteMeasures {
				names[i] = m.name
			}
			return nil, usagef("votes: unknown measure %q (known: %s)", name, strings.Join(names, ", "))
		}
		cols = append(cols, found)
	}
	return cols, nil
}

// votesHeader describes a votes output: what was compared, how.
type votesHeader struct {
	State  string
	Names  []string // short names of the references
	Refs   []string // descriptions of the references
	Opt    votes.Options
	Format string
}

func (h votesHeader) filterText() string {
	f := h.Opt.Filter
	var parts []string
	if f.DropUnanimous && f.DropAmendments && f.DropSession19 {
		parts = append(parts, "Voeten's vote set (no unanimous, post-1989 amendment/paragraph or session-19 votes)")
	} else {
		parts = append(parts, "all recorded roll calls")
	}
	if f.ImportantOnly {
		parts = append(parts, "important votes only")
	}
	if len(f.Issues) > 0 {
		parts = append(parts, "issues "+strings.Join(f.Issues, ", "))
	}
	return strings.Join(parts, "; ")
}

func (h votesHeader) span() string {
	from, to := "1946", "2020-01"
	if h.Opt.From != 0 {
		from = strconv.Itoa(h.Opt.From)
	}
	if h.Opt.To != 0 {
		to = strconv.Itoa(h.Opt.To)
	}
	return from + " – " + to
}

func (h votesHeader) byText() string {
	if h.Opt.By == votes.ByPeriod {
		y := h.Opt.PeriodYears
		if y == 0 {
			y = votes.DefaultPeriodYears
		}
		return fmt.Sprintf("%d-year periods", y)
	}
	return h.Opt.By.String()
}

func (h votesHeader) writeText(w io.Writer, what string) {
	fmt.Fprintf(w, "UN General Assembly votes, %s: %s\n", h.span(), what)
	fmt.Fprintf(w, "By %s; %s. Source: Voeten (2013), unvotes.\n\n", h.byText(), h.filterText())
}

// jsonHeader is the common part of every JSON output.
func (h votesHeader) json() map[string]any {
	return map[string]any{
		"state":                  h.State,
		"references":             h.Names,
		"reference_descriptions": h.Refs,
		"by":                     h.byText(),
		"from":                   h.Opt.From,
		"to":                     h.Opt.To,
		"vote_set":               h.filterText(),
		"weight":                 h.Opt.Weight.String(),
		"source":                 "Voeten (2013) UNGA voting data via unvotes; CC0",
	}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// fmtNum prints a measure with 3 decimals, or "-" (table) / "" (CSV) when
// undefined.
func fmtNum(x float64, undefined string) string {
	if math.IsNaN(x) {
		return undefined
	}
	return strconv.FormatFloat(x, 'f', 3, 64)
}

func writeAgreements(w io.Writer, h votesHeader, as []votes.Agreement, cols []int) error {
	switch h.Format {
	case "json":
		rows := make([]map[string]any, len(as))
		for i, a := range as {
			rows[i] = map[string]any{"bucket": a.Bucket, "start": a.Start, "end": a.End,
				"first_vote": a.First.Format(time.DateOnly), "last_vote": a.Last.Format(time.DateOnly),
				"table": a.Table, "measures": a.Measures(h.Opt.Weight)}
		}
		out := h.json()
		out["buckets"] = rows
		return writeJSON(w, out)
	case "csv":
		cw := csv.NewWriter(w)
		head := []string{h.Opt.By.String(), "start", "end", "n", "n_identical"}
		for _, c := range cols {
			head = append(head, voteMeasures[c].name)
		}
		cw.Write(head)
		for _, a := range as {
			m := a.Measures(h.Opt.Weight)
			rec := []string{a.Bucket, strconv.Itoa(a.Start), strconv.Itoa(a.End), strconv.Itoa(m.N), strconv.Itoa(m.Same)}
			for _, c := range cols {
				rec = append(rec, fmtNum(voteMeasures[c].get(m), ""))
			}
			cw.Write(rec)
		}
		cw.Flush()
		return cw.Error()
	}
	h.writeText(w, h.State+" vs "+h.Refs[0])
	if len(as) == 0 {
		fmt.Fprintln(w, "No roll call in this period on which both voted.")
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\tn\t", h.Opt.By)
	for _, c := range cols {
		fmt.Fprintf(tw, "%s\t", voteMeasures[c].head)
	}
	fmt.Fprintln(tw)
	for _, a := range as {
		m := a.Measures(h.Opt.Weight)
		fmt.Fprintf(tw, "%s\t%d\t", a.Bucket, m.N)
		for _, c := range cols {
			fmt.Fprintf(tw, "%s\t", fmtNum(voteMeasures[c].get(m), "-"))
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nn: roll calls on which both voted Y/A/N. kappa and pi: %s distance; \"-\": undefined (no variation).\n", h.Opt.Weight)
	return nil
}

func writeSplit(w io.Writer, h votesHeader, ss []votes.SplitShare) error {
	a, b := h.Refs[0], h.Refs[1]
	switch h.Format {
	case "json":
		rows := make([]map[string]any, len(ss))
		for i, s := range ss {
			rows[i] = map[string]any{"bucket": s.Bucket, "start": s.Start, "end": s.End, "n": s.N,
				"with_a": s.WithA, "with_b": s.WithB, "neither": s.Neither,
				"share_a": s.ShareA(), "share_b": s.ShareB(), "share_neither": s.ShareNeither()}
		}
		out := h.json()
		out["split_votes"] = rows
		return writeJSON(w, out)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{h.Opt.By.String(), "start", "end", "n", "with_a", "with_b", "neither", "share_a", "share_b", "share_neither"})
		for _, s := range ss {
			cw.Write([]string{s.Bucket, strconv.Itoa(s.Start), strconv.Itoa(s.End), strconv.Itoa(s.N),
				strconv.Itoa(s.WithA), strconv.Itoa(s.WithB), strconv.Itoa(s.Neither),
				fmtNum(s.ShareA(), ""), fmtNum(s.ShareB(), ""), fmtNum(s.ShareNeither(), "")})
		}
		cw.Flush()
		return cw.Error()
	}
	h.writeText(w, fmt.Sprintf("whom %s follows when %s and %s split", h.State, h.Names[0], h.Names[1]))
	if len(ss) == 0 {
		fmt.Fprintln(w, "No split roll call in this period on which the state voted.")
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\tsplit\twith %s\twith %s\tneither\t\n", h.Opt.By, h.Names[0], h.Names[1])
	for _, s := range ss {
		fmt.Fprintf(tw, "%s\t%d\t%.1f%%\t%.1f%%\t%.1f%%\t\n", s.Bucket, s.N, 100*s.ShareA(), 100*s.ShareB(), 100*s.ShareNeither())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%s: %s. %s: %s. split: roll calls where they voted differently and %s voted.\n", h.Names[0], a, h.Names[1], b, h.State)
	return nil
}

func rollCallJSON(rc *votes.RollCall) map[string]any {
	return map[string]any{"rcid": rc.RCID, "date": rc.Date.Format(time.DateOnly), "session": rc.Session,
		"resolution": rc.Resolution, "short": rc.Short, "descr": rc.Descr, "issues": rc.Issues, "important": rc.Important == 1}
}

func writeJointVotes(w io.Writer, h votesHeader, js []votes.JointVote) error {
	switch h.Format {
	case "json":
		rows := make([]map[string]any, len(js))
		for i, j := range js {
			r := rollCallJSON(j.RollCall)
			r["bucket"], r["vote"], r["ref_vote"], r["agree"] = j.Bucket, j.Vote.String(), j.Ref.String(), j.Agree()
			r["ref_yes"], r["ref_abstain"], r["ref_no"] = j.RefCounts[0], j.RefCounts[1], j.RefCounts[2]
			rows[i] = r
		}
		out := h.json()
		out["roll_calls"] = rows
		return writeJSON(w, out)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"rcid", "date", "session", h.Opt.By.String(), "resolution", "vote", "ref_vote", "agree", "ref_yes", "ref_abstain", "ref_no", "issues", "short", "descr"})
		for _, j := range js {
			rc := j.RollCall
			cw.Write([]string{strconv.Itoa(rc.RCID), rc.Date.Format(time.DateOnly), strconv.Itoa(rc.Session), j.Bucket, rc.Resolution,
				j.Vote.String(), j.Ref.String(), strconv.FormatBool(j.Agree()),
				strconv.Itoa(j.RefCounts[0]), strconv.Itoa(j.RefCounts[1]), strconv.Itoa(j.RefCounts[2]),
				strings.Join(rc.Issues, " "), rc.Short, rc.Descr})
		}
		cw.Flush()
		return cw.Error()
	}
	h.writeText(w, fmt.Sprintf("roll calls on which %s and %s both voted", h.State, h.Refs[0]))
	if len(js) == 0 {
		fmt.Fprintln(w, "No roll call in this period on which both voted.")
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "date\trcid\tresolution\tvote\tref\t\tissues\ttitle")
	for _, j := range js {
		mark := "agree"
		if !j.Agree() {
			mark = "differ"
		}
		rc := j.RollCall
		fmt.Fprintf(tw, "%s\t%d\t%s\t%v\t%v\t%s\t%s\t%s\n", rc.Date.Format(time.DateOnly), rc.RCID, rc.Resolution, j.Vote, j.Ref, mark,
			strings.Join(rc.Issues, " "), rc.Short)
	}
	return tw.Flush()
}

func writeSplitVotes(w io.Writer, h votesHeader, sv []votes.SplitVote) error {
	side := func(s votes.Side) string {
		switch s {
		case votes.WithA:
			return h.Names[0]
		case votes.WithB:
			return h.Names[1]
		}
		return "neither"
	}
	switch h.Format {
	case "json":
		rows := make([]map[string]any, len(sv))
		for i, v := range sv {
			r := rollCallJSON(v.RollCall)
			r["bucket"], r["vote"], r["a_vote"], r["b_vote"], r["side"] = v.Bucket, v.Vote.String(), v.A.String(), v.B.String(), v.Side.String()
			rows[i] = r
		}
		out := h.json()
		out["roll_calls"] = rows
		return writeJSON(w, out)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"rcid", "date", "session", h.Opt.By.String(), "resolution", "vote", "a_vote", "b_vote", "side", "issues", "short", "descr"})
		for _, v := range sv {
			rc := v.RollCall
			cw.Write([]string{strconv.Itoa(rc.RCID), rc.Date.Format(time.DateOnly), strconv.Itoa(rc.Session), v.Bucket, rc.Resolution,
				v.Vote.String(), v.A.String(), v.B.String(), v.Side.String(), strings.Join(rc.Issues, " "), rc.Short, rc.Descr})
		}
		cw.Flush()
		return cw.Error()
	}
	h.writeText(w, fmt.Sprintf("roll calls on which %s and %s split and %s voted", h.Names[0], h.Names[1], h.State))
	if len(sv) == 0 {
		fmt.Fprintln(w, "No split roll call in this period on which the state voted.")
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "date\trcid\tresolution\tvote\tA\tB\twith\tissues\ttitle")
	for _, v := range sv {
		rc := v.RollCall
		fmt.Fprintf(tw, "%s\t%d\t%s\t%v\t%v\t%v\t%s\t%s\t%s\n", rc.Date.Format(time.DateOnly), rc.RCID, rc.Resolution, v.Vote, v.A, v.B,
			side(v.Side), strings.Join(rc.Issues, " "), rc.Short)
	}
	return tw.Flush()
}

func writeVoteStates(w io.Writer, d *votes.Data) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "code\tname\tfirst vote\tlast vote\tvotes")
	for _, c := range d.Countries() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\n", c.ISO3, c.Name, c.FirstVote.Format(time.DateOnly), c.LastVote.Format(time.DateOnly), c.NVotes)
	}
	return tw.Flush()
}

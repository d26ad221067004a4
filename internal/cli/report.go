package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/report"
	"github.com/fulcrum-dev/fulcrum/internal/ties"
	"github.com/fulcrum-dev/fulcrum/internal/votes"
)

const reportUsage = `Usage: fulcrum report COUNTRY [--poles A,B[,C]] [--from YEAR] [--to YEAR] [--format md|html|json] [-o FILE]

Where does COUNTRY (ISO3) stand between the poles, per channel and year,
how sure are we, when did it move, and on what evidence? Channels: UN votes
(κ with each pole's plurality vote, 1946–2019), ties (alliances and
memberships) and statements (coded events: the built-in UN General Debate
speeches plus everything ingested into the database).

With -o FILE.md the SVG charts are written beside the report
(FILE-votes.svg …); HTML has them inline; JSON carries every number and the
ids of its evidence.

Examples:
  fulcrum report BLR --poles RUSSIA,WEST
  fulcrum report UKR --poles RUSSIA,WEST --from 2004 --to 2019 --format html -o ukr.html
  fulcrum report KAZ --poles RUSSIA,WEST,CHINA --format json`

func runReport(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "report", reportUsage)
	poles := fs.String("poles", "RUSSIA,WEST", "comma-separated pole `names` (built in: RUSSIA, WEST, CHINA)")
	from := fs.Int("from", 1992, "first calendar `year`")
	to := fs.Int("to", 2020, "last calendar `year`")
	format := fs.String("format", "", "output `format`: md, html or json (default: from -o's extension, else md)")
	out := fs.String("o", "", "write to `file` instead of standard output")
	voteSet := fs.String("votes", "all", "roll-call `set`: all (every recorded vote) or voeten (drops unanimous, post-1989 amendment/paragraph votes and session 19)")
	boot := fs.Int("bootstrap", 0, "bootstrap `resamples` for intervals (default 1000)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("report: name one COUNTRY (ISO3), e.g. fulcrum report BLR --poles RUSSIA,WEST")
	}
	f, err := reportFormat(*format, *out)
	if err != nil {
		return err
	}
	if *from > *to {
		return usagef("report: --from %d is after --to %d", *from, *to)
	}
	if *from < 1946 || *to > time.Now().Year() {
		return usagef("report: years must lie between 1946 and %d", time.Now().Year())
	}
	var filter votes.Filter
	switch *voteSet {
	case "all":
	case "voeten":
		filter = votes.VoetenFilter()
	default:
		return usagef("report: --votes must be all or voeten, not %q", *voteSet)
	}
	poleNames := splitList(*poles)
	if len(poleNames) < 2 {
		return usagef("report: --poles needs at least two poles, e.g. RUSSIA,WEST")
	}
	seen := map[string]bool{}
	for _, p := range poleNames {
		if seen[p] {
			return usagef("report: pole %s is named twice", p)
		}
		seen[p] = true
	}

	p := newProgress(env.Stderr)
	defer p.Done()
	in, err := reportInputs(ctx, env, strings.ToUpper(pos[0]), *from, *to, p)
	if err != nil {
		if srv, ok := runningServer(err); ok {
			// fulcrum serve holds the database: it builds the report.
			p.Done()
			return reportFromServer(ctx, env, srv, pos[0], poleNames, *from, *to, f, *out)
		}
		return err
	}
	r, err := report.Build(ctx, in, report.Options{
		Country: pos[0], Poles: poleNames, From: *from, To: *to,
		VoteFilter: filter, Bootstrap: *boot,
		Progress: func(step string) { p.Printf("report: %s…", step) },
	})
	if err != nil {
		var ue *report.UnknownError
		if errors.As(err, &ue) {
			return usagef("report: %v", err)
		}
		if errors.Is(err, report.ErrNoData) {
			return withHint(err, "widen --from/--to, or ingest documents about this state")
		}
		return err
	}
	p.Done()
	return writeReport(env, r, f, *out)
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.ToUpper(strings.TrimSpace(p)); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// reportFormat reconciles --format with -o's extension: naming both in
// disagreement is a usage error.
func reportFormat(format, out string) (string, error) {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(out)), ".")
	switch ext {
	case "markdown":
		ext = "md"
	case "htm":
		ext = "html"
	case "md", "html", "json":
	default:
		ext = ""
	}
	switch format {
	case "":
		if ext == "" {
			return "md", nil
		}
		return ext, nil
	case "md", "html", "json":
		if ext != "" && ext != format {
			return "", usagef("report: --format %s conflicts with -o %s", format, out)
		}
		return format, nil
	}
	return "", usagef("report: --format must be md, html or json, not %q", format)
}

// reportInputs loads the reference data and the state's coded events,
// each source in its own goroutine: decoding the embedded data sets and
// opening the database take comparable time.
func reportInputs(ctx context.Context, env *Env, country string, from, to int, p *progress) (report.Inputs, error) {
	var in report.Inputs
	var errs [4]error
	var wg sync.WaitGroup
	wg.Add(3)
	go func() {
		defer wg.Done()
		in.Dict, errs[0] = dictionary(env)
	}()
	go func() {
		defer wg.Done()
		if in.Ties, errs[1] = ties.New(); errs[1] != nil {
			errs[1] = fmt.Errorf("load ties: %w", errs[1])
		}
	}()
	go func() {
		defer wg.Done()
		if in.Votes, errs[2] = votes.Load(); errs[2] != nil {
			errs[2] = fmt.Errorf("load UN votes: %w", errs[2])
			return
		}
		in.Events, in.Notes, errs[3] = statementEvents(ctx, env, country, from, to, in.Votes, p)
	}()
	p.Printf("report: loading votes, ties, dictionaries and statements…")
	wg.Wait()
	return in, errors.Join(errs[:]...)
}

func writeReport(env *Env, r *report.Report, format, out string) error {
	var w io.Writer = env.Stdout
	var file *os.File
	if out != "" {
		var err error
		if file, err = os.Create(out); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
		w = file
	}
	bw := bufio.NewWriter(w)
	var err error
	switch format {
	case "json":
		err = r.WriteJSON(bw)
	case "html":
		err = r.WriteHTML(bw)
	default:
		var link func(string) string
		if out != "" {
			stem := strings.TrimSuffix(out, filepath.Ext(out))
			names, svgs := r.Charts()
			for _, n := range names {
				if werr := os.WriteFile(stem+"-"+n+".svg", svgs[n], 0o644); werr != nil {
					return fmt.Errorf("write chart: %w", werr)
				}
			}
			link = func(n string) string { return filepath.Base(stem) + "-" + n + ".svg" }
		}
		err = r.WriteMarkdown(bw, link)
	}
	if err == nil {
		err = bw.Flush()
	}
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			fmt.Fprintf(env.Stderr, "wrote %s\n", out)
		}
	}
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// reportFromServer asks a running fulcrum serve for the report and writes it
// where the report would have gone.
func reportFromServer(ctx context.Context, env *Env, srv *serveClient, country string, poles []string, from, to int, format, out string) error {
	if out == "" {
		return reportViaServer(ctx, srv, env.Stdout, country, poles, from, to, format)
	}
	f, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	err = reportViaServer(ctx, srv, f, country, poles, from, to, format)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		fmt.Fprintf(env.Stderr, "wrote %s (built by the running fulcrum serve)\n", out)
	}
	return err
}

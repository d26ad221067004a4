package cameodict

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/event"
)

// UsageError is a mistake in how the command was called (exit code 2).
type UsageError struct{ Msg string }

// Error returns the message.
func (e *UsageError) Error() string { return e.Msg }

// ErrRecordsFailed is returned by [Command] after a run in which some
// records could not be read or coded; each was reported on stderr with
// its file, line, id and reason, and the others were coded (exit code 1).
var ErrRecordsFailed = errors.New("some records could not be coded")

const commandUsage = `Usage: fulcrum petrarch code --dict-dir DIR [flags] FILE...
       fulcrum petrarch dicts --dict-dir DIR [--dict-format F]

code reads TABARI text records, PETRARCH XML <Sentence> records or plain
text, codes them with TABARI/PETRARCH CAMEO dictionaries and writes events.
dicts loads the dictionaries and prints what they hold and any problems.

Examples:
  fulcrum petrarch code --dict-dir petrarch2/data/dictionaries --records xml --out phoenix sents.xml
  fulcrum petrarch code --dict-dir dicts --records tabari --out gdelt leads.txt > events.tsv
  fulcrum petrarch code --dict-dir dicts --records text --source BLR --out jsonl speech.txt
  fulcrum petrarch code --dict-dir dicts --records text --source @name --review unknown.tsv texts/*/*.txt
`

// Command runs "fulcrum petrarch …"; args are the words after "petrarch".
// It writes events to stdout and diagnostics to stderr.
func Command(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, commandUsage)
		if len(args) == 0 {
			return &UsageError{Msg: "petrarch: missing subcommand (code or dicts)"}
		}
		return nil
	}
	switch args[0] {
	case "code":
		return runCode(ctx, args[1:], stdin, stdout, stderr)
	case "dicts":
		return runDicts(args[1:], stdout, stderr)
	}
	return &UsageError{Msg: fmt.Sprintf("petrarch: unknown subcommand %q (want code or dicts)", args[0])}
}

type codeFlags struct {
	dictDir, dictFormat, records, out, review, source, date string
	header, all, noDyad, quiet                              bool
	maxGap                                                  int
}

func newFlagSet(name string, stderr io.Writer, cf *codeFlags) *flag.FlagSet {
	fs := flag.NewFlagSet("petrarch "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, commandUsage+"\nFlags:\n")
		fs.PrintDefaults()
	}
	fs.StringVar(&cf.dictDir, "dict-dir", "", "folder of dictionary files (*actors*, *agents*, *discards*, CAMEO*/*verbs*)")
	fs.StringVar(&cf.dictFormat, "dict-format", "auto", "dictionary dialect: auto, tabari (stems) or petrarch (whole words)")
	return fs
}

func parseFormat(s string) (Format, error) {
	switch s {
	case "", "auto":
		return FormatAuto, nil
	case "tabari":
		return FormatTABARI, nil
	case "petrarch", "phoenix":
		return FormatPETRARCH, nil
	}
	return "", &UsageError{Msg: fmt.Sprintf("--dict-format %q: want auto, tabari or petrarch", s)}
}

func runDicts(args []string, stdout, stderr io.Writer) error {
	var cf codeFlags
	fs := newFlagSet("dicts", stderr, &cf)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return &UsageError{Msg: err.Error()}
	}
	if cf.dictDir == "" {
		return &UsageError{Msg: "petrarch dicts: --dict-dir is required"}
	}
	f, err := parseFormat(cf.dictFormat)
	if err != nil {
		return err
	}
	t0 := time.Now()
	d, err := Load(cf.dictDir, f)
	if err != nil {
		return err
	}
	s := d.Stats()
	fmt.Fprintf(stdout, "format\t%s\nload\t%.2fs\nactors\t%d (%d phrases)\nagents\t%d\nverb sets\t%d\nverbs\t%d (%d forms)\npatterns\t%d\nsynsets\t%d\ndiscards\t%d\nissues\t%d\nwarnings\t%d\n",
		d.Format, time.Since(t0).Seconds(), s.Actors, s.ActorPhrases, s.Agents, s.VerbSets, s.Verbs, s.VerbForms, s.Patterns, s.Synsets, s.Discards, s.Issues, len(d.Warnings))
	for _, w := range d.Warnings {
		fmt.Fprintf(stderr, "warning: %v\n", w)
	}
	for _, p := range d.Skipped {
		fmt.Fprintf(stderr, "skipped: %s\n", p)
	}
	return nil
}

var yearInName = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})(?:[^0-9]|$)`)

func runCode(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var cf codeFlags
	fs := newFlagSet("code", stderr, &cf)
	fs.StringVar(&cf.records, "records", "", "record format: tabari, xml or text (default: xml for *.xml, else tabari)")
	fs.StringVar(&cf.out, "out", "phoenix", "output: gdelt, phoenix or jsonl")
	fs.StringVar(&cf.review, "review", "", "write unknown actor-like phrases (phrase, role, count, first record) to this TSV file")
	fs.StringVar(&cf.source, "source", "", "actor code of the speaker, the source of first-person clauses that name no actor; @name takes it from each file name's part before the first _ (BLR_69_2014.txt → BLR)")
	fs.StringVar(&cf.date, "date", "", "date of text records, YYYYMMDD (default: a year in the file name, else none)")
	fs.BoolVar(&cf.header, "header", false, "start tab-separated output with a line of column names")
	fs.BoolVar(&cf.all, "all", false, "also write negated and hypothetical events to gdelt/phoenix output (jsonl always has them, flagged)")
	fs.BoolVar(&cf.noDyad, "no-dyad", false, "keep events that have a source but no target")
	fs.BoolVar(&cf.quiet, "quiet", false, "no summary line on stderr")
	fs.IntVar(&cf.maxGap, "max-gap", DefaultOptions().MaxGap, "most tokens allowed between pattern words")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return &UsageError{Msg: err.Error()}
	}
	if cf.dictDir == "" {
		return &UsageError{Msg: "petrarch code: --dict-dir is required"}
	}
	if fs.NArg() == 0 {
		return &UsageError{Msg: "petrarch code: no input files (use - for stdin)"}
	}
	format, err := parseFormat(cf.dictFormat)
	if err != nil {
		return err
	}
	switch cf.records {
	case "", "tabari", "xml", "text":
	default:
		return &UsageError{Msg: fmt.Sprintf("--records %q: want tabari, xml or text", cf.records)}
	}
	fixedDate := 0
	if cf.date != "" {
		if fixedDate, err = ParseRecordDate(cf.date); err != nil {
			return &UsageError{Msg: fmt.Sprintf("--date: %v", err)}
		}
	}
	w, err := NewWriter(stdout, OutFormat(cf.out), cf.header)
	if err != nil {
		return &UsageError{Msg: "--out: " + err.Error()}
	}
	d, err := Load(cf.dictDir, format)
	if err != nil {
		return err
	}
	opt := DefaultOptions()
	opt.MaxGap = cf.maxGap
	opt.RequireDyad = !cf.noDyad
	byName := cf.source == "@name"
	if !byName {
		opt.DefaultSource = strings.ToUpper(cf.source)
	}
	coder := NewCoder(d, opt)

	var nRec, nEvents, nDiscard, nFailed int
	unknown := map[[2]string]*seenUnknown{}
	bad := func(e *RecordError) {
		nFailed++
		fmt.Fprintf(stderr, "skip: %v\n", e)
	}
	code := func(rec Record) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		nRec++
		res, err := coder.Code(rec)
		if err != nil {
			bad(&RecordError{File: rec.File, Line: rec.Line, ID: rec.ID, Err: err})
			return nil
		}
		if res.Discard != "" {
			nDiscard++
		}
		for _, u := range res.Unknown {
			k := [2]string{u.Text, u.Role}
			if s := unknown[k]; s != nil {
				s.count++
			} else {
				unknown[k] = &seenUnknown{count: 1, first: u.Record}
			}
		}
		for i := range res.Events {
			e := &res.Events[i]
			if cf.out != string(OutJSONL) && !cf.all && !e.Counts() {
				continue
			}
			nEvents++
			if err := w.Write(e); err != nil {
				return fmt.Errorf("write events: %w", err)
			}
		}
		return nil
	}
	for _, name := range fs.Args() {
		var r io.Reader = stdin
		label := "stdin"
		if name != "-" {
			f, err := os.Open(name)
			if err != nil {
				fmt.Fprintf(stderr, "skip: %v\n", err)
				nFailed++
				continue
			}
			r, label = f, name
			defer f.Close()
		}
		if byName {
			base := filepath.Base(name)
			src, _, _ := strings.Cut(strings.TrimSuffix(base, filepath.Ext(base)), "_")
			coder.SetDefaultSource(strings.ToUpper(src))
		}
		kind := cf.records
		if kind == "" {
			kind = "tabari"
			if strings.EqualFold(filepath.Ext(name), ".xml") {
				kind = "xml"
			}
		}
		var err error
		switch kind {
		case "tabari":
			err = ReadTABARI(r, label, code, bad)
		case "xml":
			err = ReadXML(r, label, code, bad)
		case "text":
			err = codeText(r, label, fixedDate, code)
		}
		if err != nil {
			w.Flush()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write events: %w", err)
	}
	if cf.review != "" {
		if err := writeReview(cf.review, unknown); err != nil {
			return err
		}
	}
	if !cf.quiet {
		fmt.Fprintf(stderr, "petrarch: %d records, %d events, %d discarded, %d failed, %d unknown actor phrases\n", nRec, nEvents, nDiscard, nFailed, len(unknown))
	}
	if nFailed > 0 {
		return fmt.Errorf("%w: %d", ErrRecordsFailed, nFailed)
	}
	return nil
}

// codeText splits a plain document into sentences and codes each one.
func codeText(r io.Reader, label string, fixedDate int, code func(Record) error) error {
	b, err := io.ReadAll(io.LimitReader(r, 256<<20))
	if err != nil {
		return fmt.Errorf("read %s: %w", label, err)
	}
	text := strings.TrimPrefix(string(b), "\ufeff")
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	date, precision := fixedDate, ""
	if date == 0 {
		if m := yearInName.FindStringSubmatch(filepath.Base(label)); m != nil {
			y, _ := strconv.Atoi(m[1])
			date = y*10000 + 701
			precision = event.PrecisionYear
		}
	}
	docID := doc.HashID(text)
	id := strings.TrimSuffix(filepath.Base(label), filepath.Ext(label))
	for _, rec := range Sentences(text, id, date) {
		rec.Doc, rec.File, rec.DatePrecision = docID, label, precision
		rec.Line = 1 + strings.Count(text[:rec.Offset], "\n")
		if err := code(rec); err != nil {
			return err
		}
	}
	return nil
}

type seenUnknown struct {
	count int
	first string
}

// writeReview writes the unknown actor-like phrases, most frequent first,
// as TSV: phrase, role, count, first record.
func writeReview(path string, m map[[2]string]*seenUnknown) error {
	keys := make([][2]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := m[keys[i]], m[keys[j]]
		if a.count != b.count {
			return a.count > b.count
		}
		return keys[i][0] < keys[j][0] || keys[i][0] == keys[j][0] && keys[i][1] < keys[j][1]
	})
	var b strings.Builder
	b.WriteString("phrase\trole\tcount\tfirst_record\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "%s\t%s\t%d\t%s\n", clean(k[0]), k[1], m[k].count, clean(m[k].first))
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write review list: %w", err)
	}
	return nil
}

// Package cli is fulcrum's command line: the only package that knows flags,
// environment variables and configuration. Each subcommand lives in its own
// file with its own flag set; [Main] dispatches to them and maps errors to
// exit codes (0 ok, 1 failure, 2 usage).
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/suggest"
)

// Env carries what every subcommand needs: its streams and the global
// options. Commands take plain values from it and pass plain values down.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// DB is the database path or URL (--db, else $FULCRUM_DB, else the
	// store's default path). Empty means the default.
	DB string
	// Dicts are extra dictionary files or folders (--dict, repeatable).
	Dicts []string
	// Getenv reads the environment; tests replace it.
	Getenv func(string) string
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *Env, args []string) error
}

// commands is the table of subcommands, in the order help lists them.
func commands() []command {
	return []command{
		{"report", "where a state stands between poles, with evidence", runReport},
		{"code", "print the events coded from documents", runCode},
		{"ingest", "store documents and their events in the database", runIngest},
		{"votes", "UN General Assembly vote agreement between two states", runVotes},
		{"import", "import GDELT, ICEWS or POLECAT event files", runImport},
		{"series", "dyadic event series per day, week, month or year", runSeries},
		{"export", "write events, votes, series or corrections as CSV, JSON lines or Parquet", runExport},
		{"serve", "the analyst's dashboard and JSON API", runServe},
		{"petrarch", "code with TABARI/PETRARCH CAMEO dictionaries and records", runPetrarch},
	}
}

// usageError is a mistake in how fulcrum was called: exit code 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// hintError adds a "Try: …" line to an error.
type hintError struct {
	err  error
	hint string
}

func (e *hintError) Error() string { return e.err.Error() }
func (e *hintError) Unwrap() error { return e.err }

// withHint wraps err so that Main prints hint after it.
func withHint(err error, hint string) error { return &hintError{err: err, hint: hint} }

// failedError reports that some inputs failed after the rest was done: the
// individual errors were already printed, so Main only sets exit code 1.
type failedError struct{ n int }

func (e *failedError) Error() string {
	if e.n == 0 {
		return "some inputs failed"
	}
	return fmt.Sprintf("%d input(s) failed", e.n)
}

// Main runs fulcrum with args (without the program name) and returns the
// process exit code.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr, Getenv: os.Getenv}
	err := run(ctx, env, args)
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "Error: %s\nTry: fulcrum help\n", ue.msg)
		return 2
	}
	fmt.Fprintf(stderr, "Error: %s\n", err)
	var he *hintError
	if errors.As(err, &he) {
		fmt.Fprintf(stderr, "Try: %s\n", he.hint)
	}
	return 1
}

func run(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("fulcrum", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	globalFlags(fs, env)
	if err := fs.Parse(args); err != nil {
		return usagef("%v", err)
	}
	args = fs.Args()
	if env.DB == "" {
		env.DB = env.Getenv("FULCRUM_DB")
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printHelp(env.Stdout)
		return nil
	}
	if args[0] == "version" {
		fmt.Fprintln(env.Stdout, "fulcrum", Version)
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, env, args[1:])
		}
	}
	names := make([]string, 0)
	for _, c := range commands() {
		names = append(names, c.name)
	}
	if s := suggest.Closest(args[0], names); s != "" {
		return usagef("unknown command %q (did you mean %q?)", args[0], s)
	}
	return usagef("unknown command %q", args[0])
}

// Version is fulcrum's version, set at build time with -ldflags.
var Version = "dev"

func printHelp(w io.Writer) {
	fmt.Fprintln(w, `fulcrum: where does a state stand between rival powers, since when, and on what evidence?

Usage: fulcrum [--db PATH] [--dict FILE|DIR] COMMAND [options]

Commands:`)
	cs := commands()
	for _, c := range cs {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, `
Run "fulcrum COMMAND -h" for a command's options and examples.
Exit codes: 0 ok, 1 failure, 2 usage error.`)
}

// newFlagSet returns a flag set for a subcommand whose -h prints usage and
// examples to env.Stdout.
//
// The global --db and --dict are accepted after the command as well
// ("fulcrum report KAZ --db kaz.duckdb"), since users type them where they
// type every other option; a later --db wins over an earlier one.
func newFlagSet(env *Env, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	globalFlags(fs, env)
	fs.Usage = func() {
		fmt.Fprintf(env.Stdout, "%s\n\nOptions:\n", strings.TrimSpace(usage))
		fs.SetOutput(env.Stdout)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}

// globalFlags defines --db and --dict on fs, before or after the command.
// --db sets env.DB only when given, so that one typed before the command
// survives the command's own flag set.
func globalFlags(fs *flag.FlagSet, env *Env) {
	fs.Func("db", "database `path` or URL (default $FULCRUM_DB or the user data directory; also accepted before the command)", func(v string) error {
		env.DB = v
		return nil
	})
	fs.Var((*stringList)(&env.Dicts), "dict", "extra dictionary `file or folder`, repeatable (also accepted before the command)")
}

// parseFlags parses args, allowing flags after positional arguments
// ("fulcrum votes BLR RUS --json"), and turns flag errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, flag.ErrHelp // the flag set has printed fs.Usage
			}
			return nil, usagef("%s: %v", fs.Name(), err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

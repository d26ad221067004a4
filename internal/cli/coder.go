package cli

import (
	"flag"
	"fmt"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/actors"
	"github.com/fulcrum-dev/fulcrum/internal/code"
)

// dictionary returns the built-in actor dictionary extended by the user's
// --dict files.
func dictionary(env *Env) (*actors.Dict, error) {
	d, err := actors.Builtin()
	if err != nil {
		return nil, fmt.Errorf("load built-in dictionaries: %w", err)
	}
	if len(env.Dicts) == 0 {
		return d, nil
	}
	d = d.Clone()
	for _, p := range env.Dicts {
		if err := d.AddFile(p); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// coder builds the text coder from the dictionaries and the built-in stance
// rules plus any rule files given.
func coder(env *Env, ruleFiles []string) (*code.Coder, *actors.Dict, error) {
	d, err := dictionary(env)
	if err != nil {
		return nil, nil, err
	}
	rules, err := code.DefaultRules()
	if err != nil {
		return nil, nil, fmt.Errorf("load built-in rules: %w", err)
	}
	for _, f := range ruleFiles {
		if err := rules.LoadFile(f); err != nil {
			return nil, nil, err
		}
	}
	return code.New(d, rules), d, nil
}

// codingFlags are the flags of the commands that code documents (code and
// ingest): the documents' first-person speaker and extra stance rules.
type codingFlags struct {
	source string
	rules  stringList
}

// addCodingFlags registers --source and --rules on fs.
func addCodingFlags(fs *flag.FlagSet) *codingFlags {
	f := &codingFlags{}
	fs.StringVar(&f.source, "source", "", "actor `code` of the documents' first-person speaker (e.g. BLR)")
	fs.Var(&f.rules, "rules", "extra stance rule `file` (repeatable)")
	return f
}

// parse parses the command line of command name, which must name at least
// one document, and builds the coder; it returns the document arguments.
func (f *codingFlags) parse(env *Env, fs *flag.FlagSet, name string, args []string) ([]string, *code.Coder, error) {
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, nil, err
	}
	if len(pos) == 0 {
		return nil, nil, usagef("%s: name at least one FILE, DIR, URL or - for stdin", name)
	}
	c, _, err := coder(env, f.rules)
	if err != nil {
		return nil, nil, err
	}
	return pos, c, nil
}

// author is the --source actor code, upper-cased.
func (f *codingFlags) author() string { return strings.ToUpper(f.source) }

package cli

import (
	"fmt"

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

package cameodict

import (
	"fmt"
	"io"
	"strings"
)

// Agent is one phrase of an agent dictionary with its role code. Plural and
// substitution forms are expanded into their own Agent values that share the
// line number.
type Agent struct {
	Phrase Phrase
	// Code is the role code without its "~": "GOV", "GOVFRM", "NGO".
	Code string
	// Prefix is true for "NGO~"-style codes, which go before the actor code
	// instead of after it.
	Prefix bool
	File   string
	Line   int
}

// ReadAgents reads a PETRARCH/TABARI agents dictionary: lines
// "PHRASE {PLURALS} [~CODE]" where "{}" suppresses the automatic plural and
// "{X Y}" gives irregular plurals, and substitution sets
// "!MINIST! = MINISTER, MINISTRY" whose marker is replaced by every item.
//
// With a nil warn the first malformed line is returned as a [*ParseError];
// otherwise malformed lines are passed to warn and skipped.
func ReadAgents(r io.Reader, file string, warn func(error)) ([]Agent, error) {
	lines, err := readLines(r, file)
	if err != nil {
		return nil, err
	}
	subst := map[string][]string{}
	var out []Agent
	for _, l := range lines {
		if l.blank {
			continue
		}
		if err := agentLine(l, file, warn, subst, &out); err != nil {
			if warn == nil {
				return nil, err
			}
			warn(err)
		}
	}
	return out, nil
}

func agentLine(l dictLine, file string, warn func(error), subst map[string][]string, outp *[]Agent) error {
	{
		s := strings.TrimSpace(l.text)
		if s[0] == '!' {
			if name, list, ok := strings.Cut(s, "="); ok {
				name = strings.TrimSpace(name)
				if len(name) < 3 || !strings.HasSuffix(name, "!") {
					return syntaxf(file, l.n, "substitution marker %q: want !NAME!", name)
				}
				var items []string
				for _, it := range strings.Split(list, ",") {
					if it = strings.ToUpper(strings.Join(strings.Fields(it), "")); it != "" {
						items = append(items, it)
					}
				}
				subst[strings.ToUpper(name)] = items
				return nil
			}
		}
		if strings.Count(s, "[") == 1 && !strings.Contains(s, "]") && strings.HasSuffix(s, "}") {
			// "[~ENV}": a mistyped bracket that can only mean one thing
			if warn != nil {
				warn(&ParseError{File: file, Line: l.n, Err: fmt.Errorf("code %q closed with }: read as ]", s[strings.IndexByte(s, '['):])})
			}
			s = s[:len(s)-1] + "]"
		}
		head, codes, err := bracketed(s)
		if err != nil {
			return syntaxf(file, l.n, "%v", err)
		}
		if len(codes) != 1 {
			return syntaxf(file, l.n, "agent %q: want one [~CODE], got %d", s, len(codes))
		}
		code, prefix, ok := agentCode(codes[0])
		if !ok {
			return syntaxf(file, l.n, "agent code [%s]: want ~CODE or CODE~", codes[0])
		}
		phrase := head
		var plurals []string
		explicit := false
		if i := strings.IndexByte(head, '{'); i >= 0 {
			j := strings.IndexByte(head[i:], '}')
			if j < 0 {
				return syntaxf(file, l.n, "unclosed { in %q", head)
			}
			explicit = true
			plurals = strings.Fields(head[i+1 : i+j])
			phrase = head[:i] + head[i+j+1:]
		}
		phrase = strings.ToUpper(strings.TrimSpace(phrase))
		if phrase == "" {
			return syntaxf(file, l.n, "agent line has no phrase")
		}
		forms := []string{phrase}
		substituted := false
		for changed, rounds := true, 0; changed; rounds++ {
			changed = false
			if rounds > 8 || len(forms) > 1000 {
				return syntaxf(file, l.n, "substitution markers in %q expand without end", phrase)
			}
			for i, f := range forms {
				a := strings.IndexByte(f, '!')
				if a < 0 {
					continue
				}
				b := strings.IndexByte(f[a+1:], '!')
				if b < 0 {
					return syntaxf(file, l.n, "unclosed substitution marker in %q", f)
				}
				marker := f[a : a+b+2]
				items, ok := subst[marker]
				if !ok {
					return syntaxf(file, l.n, "substitution marker %s is not defined", marker)
				}
				var repl []string
				for _, it := range items {
					repl = append(repl, f[:a]+it+f[a+b+2:])
				}
				forms = append(append(forms[:i:i], repl...), forms[i+1:]...)
				changed, substituted = true, true
				break
			}
		}
		if !substituted {
			if explicit {
				forms = append(forms, plurals...)
			} else if p, ok := pluralPhrase(phrase); ok {
				forms = append(forms, p)
			}
		}
		for _, f := range forms {
			p, ok := parsePhrase(f)
			if !ok {
				continue
			}
			*outp = append(*outp, Agent{Phrase: p, Code: code, Prefix: prefix, File: file, Line: l.n})
		}
	}
	return nil
}

// agentCode reads "~GOV" (suffix) or "NGO~" (prefix).
func agentCode(s string) (code string, prefix bool, ok bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	switch {
	case strings.HasPrefix(s, "~") && len(s) > 1:
		return s[1:], false, true
	case strings.HasSuffix(s, "~") && len(s) > 1:
		return s[:len(s)-1], true, true
	}
	return "", false, false
}

// pluralPhrase forms the regular plural of a phrase's last word: +IES after
// a consonant and Y, +ES after S, SH, CH or X, else +S. A phrase ending in
// "_" keeps that "_".
func pluralPhrase(p string) (string, bool) {
	exact := strings.HasSuffix(p, "_")
	p = strings.TrimSuffix(p, "_")
	if p == "" {
		return "", false
	}
	w := p
	if i := strings.LastIndexAny(p, "_ "); i >= 0 {
		w = p[i+1:]
	}
	if w == "" {
		return "", false
	}
	pl := plural(w)
	out := p[:len(p)-len(w)] + pl
	if exact {
		out += "_"
	}
	return out, true
}

func plural(w string) string {
	n := len(w)
	switch {
	case n >= 2 && w[n-1] == 'Y' && !strings.ContainsRune("AEIOU", rune(w[n-2])):
		return w[:n-1] + "IES"
	case strings.HasSuffix(w, "S"), strings.HasSuffix(w, "SH"), strings.HasSuffix(w, "CH"), strings.HasSuffix(w, "X"):
		return w + "ES"
	}
	return w + "S"
}

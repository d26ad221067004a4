package cameodict

import (
	"io"
	"strings"
)

// Issue is one phrase of a PETRARCH issues list ("n:genocide [ID_ATROCITY]")
// after expansion, or an exclusion phrase ("~Saturday Night massacre",
// "~~Armenian genocide") whose presence cancels the issue coding of a
// sentence.
type Issue struct {
	Phrase  Phrase
	Code    string // "" for an exclusion
	Exclude bool
	File    string
	Line    int
}

// ReadIssues reads a PETRARCH issues list: lines "<phrase> [CODE]" where
// "n:word" stands for the noun and its plural, "v:word" for the verb's
// regular forms, and "a+b" for both "a b" and "a-b"; lines starting with
// "~" (sentence) or "~~" (story) are exclusions, which cancel all issue
// coding of the sentence, as in PETRARCH. Other lines (the
// <ISSUE CATEGORY=…> wrappers, phrases without a code) are skipped.
func ReadIssues(r io.Reader, file string) ([]Issue, error) {
	lines, err := readLines(r, file)
	if err != nil {
		return nil, err
	}
	var out []Issue
	for _, l := range lines {
		if l.blank {
			continue
		}
		s := strings.TrimSpace(l.text)
		exclude := strings.HasPrefix(s, "~")
		code := ""
		if exclude {
			s = strings.TrimLeft(s, "~")
		} else {
			i := strings.IndexByte(s, '[')
			j := strings.IndexByte(s, ']')
			if i < 0 || j < i {
				continue
			}
			code = strings.TrimSpace(s[i+1 : j])
			s = s[:i]
		}
		for _, f := range expandIssue(strings.ToUpper(strings.TrimSpace(s))) {
			words := strings.Fields(f)
			if len(words) == 0 {
				continue
			}
			out = append(out, Issue{Phrase: Phrase{Words: words}, Code: code, Exclude: exclude, File: file, Line: l.n})
		}
	}
	return out, nil
}

// expandIssue applies the N:, V: and + expansions to an upper-case phrase.
func expandIssue(s string) []string {
	forms := []string{s}
	for changed, rounds := true, 0; changed && rounds < 16 && len(forms) < 256; rounds++ {
		changed = false
		var next []string
		for _, f := range forms {
			switch {
			case strings.Contains(f, "+"):
				next = append(next, strings.Replace(f, "+", " ", 1), strings.Replace(f, "+", "-", 1))
				changed = true
			case strings.Contains(f, "N:"):
				a, b, _ := strings.Cut(f, "N:")
				w, rest, _ := strings.Cut(b, " ")
				next = append(next, strings.TrimSpace(a+w+" "+rest))
				if w != "" {
					next = append(next, strings.TrimSpace(a+plural(w)+" "+rest))
				}
				changed = true
			case strings.Contains(f, "V:"):
				a, b, _ := strings.Cut(f, "V:")
				w, rest, _ := strings.Cut(b, " ")
				next = append(next, strings.TrimSpace(a+w+" "+rest))
				if w != "" {
					for _, v := range regularForms(w) {
						next = append(next, strings.TrimSpace(a+v+" "+rest))
					}
				}
				changed = true
			default:
				next = append(next, f)
			}
		}
		forms = next
	}
	return forms
}

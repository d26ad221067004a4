package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/store"
)

var (
	codeRE  = regexp.MustCompile(`^[A-Z][A-Z0-9_]{1,15}$`)
	cameoRE = regexp.MustCompile(`^[0-9]{2}$`)
	wordRE  = regexp.MustCompile(`^[A-Za-z_]{1,32}$`)
)

// codeList parses a comma-separated list of actor codes.
func codeList(q url.Values, name string) ([]string, error) {
	var out []string
	for _, v := range q[name] {
		for _, p := range strings.Split(v, ",") {
			p = strings.ToUpper(strings.TrimSpace(p))
			if p == "" {
				continue
			}
			if !codeRE.MatchString(p) {
				return nil, badParam(name, "%q is not an actor code (like BLR or NATO)", p)
			}
			out = append(out, p)
		}
	}
	return out, nil
}

func wordList(q url.Values, name string, re *regexp.Regexp, what string) ([]string, error) {
	var out []string
	for _, v := range q[name] {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p == "" {
				continue
			}
			if !re.MatchString(p) {
				return nil, badParam(name, "%q is not %s", p, what)
			}
			out = append(out, p)
		}
	}
	return out, nil
}

// year parses an optional year parameter within [1946, now].
func year(q url.Values, name string, def, maxYear int) (int, error) {
	v := strings.TrimSpace(q.Get(name))
	if v == "" {
		return def, nil
	}
	y, err := strconv.Atoi(v)
	if err != nil || y < 1946 || y > maxYear {
		return 0, badParam(name, "%q is not a year between 1946 and %d", v, maxYear)
	}
	return y, nil
}

// day parses an optional date: YYYY, YYYY-MM or YYYY-MM-DD. end selects the
// last day of a year or month.
func day(q url.Values, name string, end bool) (time.Time, error) {
	v := strings.TrimSpace(q.Get(name))
	if v == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		t, err := time.Parse(layout, v)
		if err != nil {
			continue
		}
		if end {
			switch layout {
			case "2006":
				t = t.AddDate(1, 0, -1)
			case "2006-01":
				t = t.AddDate(0, 1, -1)
			}
		}
		return t, nil
	}
	return time.Time{}, badParam(name, "%q is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", v)
}

func intParam(q url.Values, name string, def, lo, hi int) (int, error) {
	v := strings.TrimSpace(q.Get(name))
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, badParam(name, "%q is not a whole number between %d and %d", v, lo, hi)
	}
	return n, nil
}

// evidenceQuery is the evidence browser's filter as given, echoed back
// into its form.
type evidenceQuery struct {
	Source, Target, Pole, From, To, CAMEO, PLOVER, Negated, Modality, Origin, Doc string
	Wrong                                                                         string
	Page                                                                          int
}

// eventFilter parses the evidence browser's parameters into a store filter.
func (s *Server) eventFilter(r *http.Request) (store.EventFilter, evidenceQuery, error) {
	q := r.URL.Query()
	var f store.EventFilter
	eq := evidenceQuery{
		Source: q.Get("source"), Target: q.Get("target"), Pole: q.Get("pole"), From: q.Get("from"), To: q.Get("to"),
		CAMEO: q.Get("cameo"), PLOVER: q.Get("plover"), Negated: q.Get("negated"), Modality: q.Get("modality"),
		Origin: q.Get("origin"), Doc: q.Get("doc"), Wrong: q.Get("wrong"),
	}
	var err error
	if f.Sources, err = codeList(q, "source"); err != nil {
		return f, eq, err
	}
	if f.Targets, err = codeList(q, "target"); err != nil {
		return f, eq, err
	}
	if f.From, err = day(q, "from", false); err != nil {
		return f, eq, err
	}
	if f.To, err = day(q, "to", true); err != nil {
		return f, eq, err
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.From.After(f.To) {
		return f, eq, badParam("from", "%s is after to %s", eq.From, eq.To)
	}
	if f.CAMEORoots, err = wordList(q, "cameo", cameoRE, "a two-digit CAMEO root (01–20)"); err != nil {
		return f, eq, err
	}
	if f.PLOVER, err = wordList(q, "plover", wordRE, "a PLOVER type (CONSULT, AID …)"); err != nil {
		return f, eq, err
	}
	for i := range f.PLOVER {
		f.PLOVER[i] = strings.ToUpper(f.PLOVER[i])
	}
	switch strings.ToLower(eq.Negated) {
	case "", "any":
	case "yes", "true", "1":
		f.Negated = new(true)
	case "no", "false", "0":
		f.Negated = new(false)
	default:
		return f, eq, badParam("negated", "%q is not yes, no or any", eq.Negated)
	}
	if f.Modalities, err = wordList(q, "modality", wordRE, "a modality"); err != nil {
		return f, eq, err
	}
	for _, m := range f.Modalities {
		switch m {
		case event.Asserted, event.Intent, event.Hypothetical, event.Reported:
		default:
			return f, eq, badParam("modality", "%q is not one of %s, %s, %s, %s", m, event.Asserted, event.Intent, event.Hypothetical, event.Reported)
		}
	}
	if f.Origins, err = wordList(q, "origin", wordRE, "an origin"); err != nil {
		return f, eq, err
	}
	if d := strings.TrimSpace(eq.Doc); d != "" {
		if len(d) > 200 {
			return f, eq, badParam("doc", "too long")
		}
		f.Doc = d
	}
	switch eq.Wrong {
	case "", "no":
	case "include":
		f.IncludeWrong = true
	case "only":
		f.OnlyWrong = true
	default:
		return f, eq, badParam("wrong", "%q is not no, include or only", eq.Wrong)
	}
	if eq.Pole != "" {
		p, ok := s.cfg.Dict.Pole(strings.ToUpper(eq.Pole))
		if !ok {
			return f, eq, badParam("pole", "unknown pole %q (known: %s)", eq.Pole, strings.Join(s.cfg.Dict.Poles(), ", "))
		}
		at := f.To
		if at.IsZero() {
			at = s.cfg.Now()
		}
		members := s.cfg.Dict.PoleMembers(p, at)
		members = append(members, p.Core...)
		f.Targets = append(f.Targets, members...)
	}
	if eq.Page, err = intParam(q, "page", 1, 1, 1_000_000); err != nil {
		return f, eq, err
	}
	f.Limit = DefaultPageSize
	f.Offset = (eq.Page - 1) * DefaultPageSize
	return f, eq, nil
}

package cameodict

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/event"
)

// candidate is one verb of a sentence with the code it gets, the pattern
// markers that matched and the rule that decided.
type candidate struct {
	code, code2 string
	paired      bool
	s           slots
	vs, ve      int
	rule        string
	fromPattern bool
}

// codeVerbs finds the verbs of a sentence, codes each with its patterns or
// default code, and turns the codes into events between the sources and
// targets found.
func (c *Coder) codeVerbs(rec Record) (Result, error) {
	var res Result
	cands := c.cands[:0]
	defer func() { c.cands = cands[:0] }()
	for i := 0; i < len(c.toks); i++ {
		t := c.toks[i]
		if t.punct != 0 || c.npAt[i] >= 0 {
			continue
		}
		var forms []verbForm
		if t.id >= 0 {
			forms = c.d.verbs[t.id]
		}
		if len(forms) == 0 && c.d.verbStems != nil {
			forms = c.verbStem(t)
		}
		if len(forms) == 0 {
			continue
		}
		if i > 0 && c.d.has(c.toks[i-1].id, flagNounDet) {
			continue // "the attack", "a visit": a noun, not a verb
		}
		for _, f := range forms {
			if i+1+len(f.rest) > len(c.toks) || !c.idsAt(i+1, f.rest) {
				continue
			}
			vs, ve := i, i+1+len(f.rest)
			cs := &c.d.sets[f.set]
			verb := &cs.set.Verbs[f.verb]
			cand := candidate{vs: vs, ve: ve}
			matched := false
			for pi := range cs.patterns {
				p := &cs.patterns[pi]
				if s, ok := c.matchPattern(p, vs, ve); ok {
					cand.code, cand.code2, cand.paired = p.p.Code, p.p.Code2, p.p.Paired
					cand.s, cand.fromPattern = s, true
					cand.rule = p.rule
					matched = true
					break
				}
			}
			if !matched {
				code := verb.Code
				if code == "" {
					code = cs.set.Code
				}
				cand.code, cand.code2, cand.paired = splitCode(code)
				cand.s = slots{-1, -1, -1}
				cand.rule = cs.verbRules[f.verb]
			}
			if cand.code == "###" {
				return Result{Discard: "###"}, nil
			}
			cands = append(cands, cand)
			i = ve - 1
			break
		}
	}
	// Statements (root 01) give way to any other event in the sentence:
	// "X said it would attack Y" is an attack threat, not a comment.
	other := false
	for _, cd := range cands {
		if isEvent(cd.code) && !strings.HasPrefix(cd.code, "01") || isEvent(cd.code2) && !strings.HasPrefix(cd.code2, "01") {
			other = true
		}
	}
	c.seenEv = c.seenEv[:0]
	clauseFrom := 0
	for _, cd := range cands {
		srcs, srcText, speaker := c.side(cd.s.src, cd.s.both, cd.vs, clauseFrom, true)
		// A finite verb with its own subject ends that subject's reach:
		// in "X said Y attacked Z" the attack's source is Y.
		if len(srcs) > 0 && !bytesHasSuffix(c.word(c.toks[cd.vs]), "ING") {
			clauseFrom = cd.ve
		}
		if !isEvent(cd.code) && !isEvent(cd.code2) {
			continue
		}
		if other && !cd.fromPattern && strings.HasPrefix(cd.code, "01") {
			continue
		}
		tgts, tgtText, tgtSpeaker := c.side(cd.s.tgt, cd.s.both, cd.ve, 0, false)
		if len(srcs) == 0 && c.opt.DefaultSource != "" && c.firstPerson(cd.vs, clauseFrom) {
			srcs = []string{c.opt.DefaultSource}
		}
		if len(srcs) == 0 {
			res.Unknown = append(res.Unknown, c.unknown(cd.vs, true, rec.ID)...)
			continue
		}
		if len(tgts) == 0 {
			res.Unknown = append(res.Unknown, c.unknown(cd.ve, false, rec.ID)...)
			if c.opt.RequireDyad {
				continue
			}
			tgts = []string{""}
		}
		neg, mod := c.modality(cd.vs)
		verbText := c.text[c.toks[cd.vs].start:c.toks[cd.ve-1].end]
		for _, s := range srcs {
			for _, t := range tgts {
				if s == t {
					continue
				}
				if isEvent(cd.code) {
					c.emit(&res, rec, cd, cd.code, s, t, srcText, tgtText, verbText, speaker, neg, mod)
				}
				if cd.paired && isEvent(cd.code2) && t != "" {
					c.emit(&res, rec, cd, cd.code2, t, s, tgtText, srcText, verbText, tgtSpeaker, neg, mod)
				}
			}
		}
	}
	return res, nil
}

// verbStem returns the forms of the longest TABARI verb stem that begins
// token t.
func (c *Coder) verbStem(t token) []verbForm {
	w := c.word(t)
	for _, k := range c.d.verbStemLens {
		if k <= len(w) {
			if f := c.d.verbStems[string(w[:k])]; f != nil {
				return f
			}
		}
	}
	return nil
}

// firstPerson reports whether the clause before a verb has a first-person
// pronoun ("we", "I", "our", "my"): the speaker is then the source.
func (c *Coder) firstPerson(vs, from int) bool {
	for t := vs - 1; t >= 0 && t >= from; t-- {
		tk := c.toks[t]
		if c.boundary(tk) || c.clauseLink(t) {
			break
		}
		if c.d.has(tk.id, flagFirstPerson) {
			return true
		}
	}
	return false
}

func bytesHasSuffix(b []byte, suf string) bool {
	return len(b) >= len(suf) && string(b[len(b)-len(suf):]) == suf
}

func isEvent(code string) bool { return code != "" && code != "---" && code != "###" }

func splitCode(code string) (a, b string, paired bool) {
	a, b, paired = strings.Cut(code, ":")
	return a, b, paired
}

// side returns the actor codes of a verb's source (before=true) or target:
// the marked noun phrase's compound group if a pattern marked one,
// otherwise the first coded noun phrase of the clause before the verb
// (source) or after it (target).
func (c *Coder) side(marked, both, at, from int, before bool) (codes []string, text, speaker string) {
	n := marked
	if n < 0 {
		n = both
	}
	if n < 0 {
		if before {
			start := from
			for t := at - 1; t >= from; t-- {
				if c.boundary(c.toks[t]) {
					start = t + 1
					break
				}
				if c.clauseLink(t) {
					start = t + 2
					break
				}
			}
			for t := start; t < at; t++ {
				if k := c.npAt[t]; k >= 0 && c.nps[k].code != "" {
					n = int(k)
					break
				}
			}
		} else {
			for t := at; t < len(c.toks) && !c.boundary(c.toks[t]); t++ {
				if k := c.npAt[t]; k >= 0 && c.nps[k].code != "" {
					n = int(k)
					break
				}
			}
		}
	}
	if n < 0 {
		return nil, "", ""
	}
	g := c.nps[n].group
	first, last := -1, -1
	for k := range c.nps {
		if c.nps[k].group != g || c.nps[k].code == "" {
			continue
		}
		if first < 0 {
			first = k
		}
		last = k
		dup := false
		for _, x := range codes {
			dup = dup || x == c.nps[k].code
		}
		if !dup {
			codes = append(codes, c.nps[k].code)
		}
	}
	text = c.text[c.toks[c.nps[first].start].start:c.toks[c.nps[last].end-1].end]
	if first == last {
		speaker = c.nps[first].speaker
	}
	return codes, text, speaker
}

// modality looks at the few tokens before a verb for negators and modal
// verbs.
func (c *Coder) modality(vs int) (bool, string) {
	neg, mod := false, event.Asserted
	for t := vs - 1; t >= 0 && t >= vs-4; t-- {
		tk := c.toks[t]
		if tk.punct != 0 || c.npAt[t] >= 0 {
			break
		}
		switch {
		case c.d.has(tk.id, flagNegator):
			neg = true
		case c.d.has(tk.id, flagHypothetical):
			mod = event.Hypothetical
		case c.d.has(tk.id, flagIntent) && mod == event.Asserted:
			mod = event.Intent
		}
	}
	return neg, mod
}

// unknown collects capitalised word runs in the clause before (source) or
// after (target) a verb that no dictionary knows.
func (c *Coder) unknown(at int, before bool, rec string) []Unknown {
	role := "target"
	lo, hi := at, len(c.toks)
	if before {
		role = "source"
		lo, hi = 0, at
		for t := at - 1; t >= 0; t-- {
			if c.boundary(c.toks[t]) {
				lo = t + 1
				break
			}
		}
	} else {
		for t := at; t < len(c.toks); t++ {
			if c.boundary(c.toks[t]) {
				hi = t
				break
			}
		}
	}
	var out []Unknown
	for t := lo; t < hi; t++ {
		tk := c.toks[t]
		if !tk.upper || tk.punct != 0 || c.npAt[t] >= 0 || tk.id >= 0 && c.d.verbs[tk.id] != nil || stopword(string(c.word(tk))) {
			continue
		}
		e := t + 1
		for e < hi && c.toks[e].upper && c.toks[e].punct == 0 && c.npAt[e] < 0 {
			e++
		}
		out = append(out, Unknown{Text: c.text[tk.start:c.toks[e-1].end], Role: role, Record: rec})
		t = e - 1
		if len(out) == 2 {
			break
		}
	}
	return out
}

func stopword(w string) bool {
	switch w {
	case "I", "WE", "THE", "IT", "HE", "SHE", "THEY", "THIS", "THAT", "THESE", "THOSE", "THERE", "IN", "ON", "AT",
		"BY", "FOR", "OF", "A", "AN", "AND", "BUT", "OR", "OUR", "MY", "HIS", "HER", "ITS", "THEIR", "MR", "MRS", "MS",
		"HOWEVER", "MOREOVER", "THEREFORE", "THUS", "YET", "TODAY", "YESTERDAY", "TOMORROW", "NOW", "THEN", "ALSO",
		"AS", "IF", "WHEN", "WHILE", "SINCE", "AFTER", "BEFORE", "WITH", "FROM", "TO", "ALL", "EACH", "NO", "NOT",
		"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "LET", "ONE", "SOME", "MANY",
		"SUCH", "WHAT", "WHICH", "WHO", "WHOM", "WHOSE", "WHERE", "WHY", "HOW", "ONLY", "EVERY", "ANY", "OTHER", "BOTH",
		"EITHER", "FIRST", "SECOND", "THIRD", "FINALLY", "INDEED", "NEVERTHELESS", "UNFORTUNATELY", "TOGETHER", "HERE",
		"THANK", "ALLOW", "YOU", "ME", "US", "THEM", "HIM", "MOST", "MORE", "FURTHERMORE", "ACCORDINGLY", "CONSEQUENTLY":
		return true
	}
	return false
}

func (c *Coder) emit(res *Result, rec Record, cd candidate, code, src, tgt, srcText, tgtText, verbText, speaker string, neg bool, mod string) {
	key := src + "\x1f" + tgt + "\x1f" + code
	for _, k := range c.seenEv {
		if k == key {
			return
		}
	}
	c.seenEv = append(c.seenEv, key)
	docID := rec.Doc
	if docID == "" {
		docID = doc.HashID(rec.Text)
	}
	e := event.Event{
		Doc:      docID,
		CAMEO:    code,
		Negated:  neg,
		Modality: mod,
		Rule:     cd.rule,
		Origin:   c.opt.Origin,
		Evidence: event.Evidence{Start: rec.Offset, End: rec.Offset + len(rec.Text), Text: rec.Text},
	}
	e.Source, e.SourceRole, _ = SplitActor(src)
	e.Speaker = speaker
	e.Target, _, _ = SplitActor(tgt)
	switch {
	case rec.Date != 0 && rec.DatePrecision == event.PrecisionYear:
		e.Date = fmt.Sprintf("%04d", rec.Date/10000)
		e.DatePrecision = event.PrecisionYear
	case rec.Date != 0:
		e.Date = fmt.Sprintf("%04d-%02d-%02d", rec.Date/10000, rec.Date/100%100, rec.Date%100)
		e.DatePrecision = event.PrecisionDay
	}
	e.ID = event.MakeID(docID, rec.ID, strconv.Itoa(rec.Offset), strconv.Itoa(cd.vs), code, src, tgt)
	e.Fill()
	res.Events = append(res.Events, Coded{
		Event: e, Record: rec.ID, Publisher: rec.Publisher,
		SourceCode: src, TargetCode: tgt, SourceText: srcText, TargetText: tgtText, VerbText: verbText,
	})
}

// roles are the CAMEO sector codes that Phoenix treats as roles.
var roles = map[string]bool{
	"GOV": true, "MIL": true, "REB": true, "OPP": true, "PTY": true, "COP": true, "JUD": true,
	"SPY": true, "MED": true, "EDU": true, "BUS": true, "CRM": true, "CVL": true, "LEG": true,
	"ELI": true, "HLH": true, "AGR": true, "LAB": true, "REF": true, "UAF": true, "IRC": true,
}

var orgPrefixes = map[string]bool{"IGO": true, "NGO": true, "IMG": true, "MNC": true, "NGM": true, "UIS": true}

// SplitActor splits a CAMEO actor code into its entity (a country code, or
// an organisation code such as "IGOUNO" or "IGOEUREEC"), its first role
// (GOV, MIL, OPP …) and the remaining attribute codes:
// "BLRGOV" → "BLR", "GOV", ""; "USAMILGOV" → "USA", "MIL", "GOV".
func SplitActor(code string) (entity, role, attr string) {
	if len(code) < 3 {
		return code, "", ""
	}
	i := 3
	if orgPrefixes[code[:3]] {
		for i+3 <= len(code) && !roles[code[i:i+3]] {
			i += 3
		}
	}
	entity = code[:i]
	rest := code[i:]
	if len(rest) >= 3 && roles[rest[:3]] {
		role, rest = rest[:3], rest[3:]
	}
	return entity, role, rest
}

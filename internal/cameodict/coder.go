package cameodict

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/event"
)

func lookupCode(c string) (event.Code, bool) { return event.Lookup(c) }

// Options tune a [Coder]. The zero value is not useful; start from
// [DefaultOptions].
type Options struct {
	// MaxGap is how many other tokens may come between two pattern
	// elements that are not joined with "_" (default 8).
	MaxGap int
	// RequireDyad drops events without a target, as PETRARCH does by
	// default (default true).
	RequireDyad bool
	// DefaultSource is the actor code used as the source when the clause
	// before a verb names no actor but has a first-person pronoun ("we",
	// "I", "our", "my"): the speaker of a first-person text such as a UN
	// speech. Empty (the default) leaves such sentences uncoded.
	DefaultSource string
	// Origin is written to every event (default event.OriginPhoenix).
	Origin string
}

// DefaultOptions returns the defaults described on [Options].
func DefaultOptions() Options {
	return Options{MaxGap: 8, RequireDyad: true, Origin: event.OriginPhoenix}
}

// Record is one unit of text to code: a TABARI record, a PETRARCH
// <Sentence>, or one sentence split from a plain document.
type Record struct {
	ID string
	// Date is YYYYMMDD, 0 when unknown. It selects date-restricted actor
	// codes and dates the events.
	Date int
	// DatePrecision is event.PrecisionDay (or "", the same) when Date is a
	// real day, event.PrecisionYear when only its year is known.
	DatePrecision string
	// Publisher is the news source named by the record (PETRARCH's
	// source attribute), if any.
	Publisher string
	Text      string
	// Doc is the id of the document Text comes from, and Offset the byte
	// offset of Text in it; when Doc is empty the record is its own
	// document (id doc.HashID(Text)).
	Doc    string
	Offset int
	// File and Line locate the record in its input, for error messages.
	File string
	Line int
}

// Story is the story a record belongs to: its id without the last "-" or
// "_" part ("AFP0808-01-M008-02" → "AFP0808-01-M008"). Story-level
// discards skip the rest of a story.
func (r *Record) Story() string {
	if i := strings.LastIndexAny(r.ID, "-_"); i > 0 {
		return r.ID[:i]
	}
	return r.ID
}

// Coded is one coded event with the TABARI/PETRARCH detail that the
// Phoenix and GDELT writers need.
type Coded struct {
	event.Event
	Record    string `json:"record"`
	Publisher string `json:"publisher,omitempty"`
	// SourceCode and TargetCode are the full CAMEO actor codes
	// ("BLRGOV", "IGOEUREEC"); Event.Source/SourceRole hold their split.
	SourceCode string `json:"source_code"`
	TargetCode string `json:"target_code"`
	// Issues are the Phoenix issue codes found in the sentence with their
	// counts, "NUCLEAR_WEAPONS 1, SANCTIONS 2".
	Issues     string `json:"issues,omitempty"`
	SourceText string `json:"source_text,omitempty"`
	TargetText string `json:"target_text,omitempty"`
	VerbText   string `json:"verb_text,omitempty"`
}

// Unknown is a capitalised phrase found where a verb wanted a source or a
// target but that no actor or agent dictionary knows: a candidate for the
// user's actor file.
type Unknown struct {
	Text   string
	Role   string // "source" or "target"
	Record string
}

// Result is what coding one record produced.
type Result struct {
	Events []Coded
	// Discard is the discard phrase (or "###" pattern) that stopped the
	// record from being coded, "" if none.
	Discard string
	Unknown []Unknown
}

// Coder codes records with a [Dictionary]. A Coder keeps scratch buffers
// and story state: use one per goroutine.
type Coder struct {
	d   *Dictionary
	opt Options

	toks  []token
	up    []byte
	text  string
	date  int
	ments []mention
	nps   []nounPhrase
	npAt  []int32 // token → noun phrase index, -1
	coded []int   // group → how many coded noun phrases it has
	seen  []uint32
	gen   uint32

	discardedStory string

	bestEnd  int
	bestVals []int32
	scratch  []byte
	cands    []candidate
	seenEv   []string
}

type mention struct {
	start, end int
	actor      int32 // index into d.Actors or -1
	agent      int32 // index into d.Agents or -1
}

type nounPhrase struct {
	start, end int
	code       string // full CAMEO actor code, "" when unknown
	agentOnly  bool
	group      int
}

// NewCoder returns a coder for d with options opt.
func NewCoder(d *Dictionary, opt Options) *Coder {
	if opt.MaxGap <= 0 {
		opt.MaxGap = DefaultOptions().MaxGap
	}
	if opt.Origin == "" {
		opt.Origin = event.OriginPhoenix
	}
	return &Coder{d: d, opt: opt, seen: make([]uint32, len(d.words))}
}

// SetDefaultSource changes [Options.DefaultSource] for the records coded
// from now on (the speaker of the next document).
func (c *Coder) SetDefaultSource(code string) { c.opt.DefaultSource = code }

func (c *Coder) word(t token) []byte { return c.up[t.ustart:t.uend] }

// Code codes one record. It never panics on any text; the error is
// non-nil only for a record that cannot be coded at all (empty text, a
// text over 1 MB), and names the record.
func (c *Coder) Code(rec Record) (res Result, err error) {
	defer func() {
		if p := recover(); p != nil { // last resort: a bug must not stop a run
			res, err = Result{}, fmt.Errorf("record %s: internal error: %v", rec.ID, p)
		}
	}()
	if strings.TrimSpace(rec.Text) == "" {
		return Result{}, fmt.Errorf("record %s: %w", rec.ID, ErrEmptyRecord)
	}
	if len(rec.Text) > 1<<20 {
		return Result{}, fmt.Errorf("record %s: %w (%d bytes)", rec.ID, ErrRecordTooLong, len(rec.Text))
	}
	if story := rec.Story(); c.discardedStory != "" && story == c.discardedStory {
		return Result{Discard: "story"}, nil
	}
	c.text, c.date = rec.Text, rec.Date
	c.toks, c.up = tokenize(rec.Text, c.toks[:0], c.up[:0])
	c.gen++
	if c.gen == 0 {
		clear(c.seen)
		c.gen = 1
	}
	for i := range c.toks {
		t := &c.toks[i]
		if t.punct != 0 {
			continue
		}
		id, ok := c.d.vocab[string(c.word(*t))]
		if !ok && t.brk > 0 {
			// A hyphen at a line break may be a syllable break: try the
			// word without it ("criti-\ncized").
			w := c.word(*t)
			c.scratch = append(append(c.scratch[:0], w[:t.brk]...), w[t.brk+1:]...)
			id, ok = c.d.vocab[string(c.scratch)]
		}
		if ok {
			t.id = id
			c.seen[id] = c.gen
		}
	}
	if dsc, story := c.discard(); dsc != "" {
		if story {
			c.discardedStory = rec.Story()
		}
		return Result{Discard: dsc}, nil
	}
	c.findMentions()
	c.buildNPs()
	res, err = c.codeVerbs(rec)
	if len(res.Events) > 0 && len(c.d.Issues) > 0 {
		if is := c.issues(); is != "" {
			for i := range res.Events {
				res.Events[i].Issues = is
			}
		}
	}
	return res, err
}

// issues counts the issue phrases of the sentence (longest match at each
// token) and formats them "CODE N, CODE N" in order of first appearance;
// an exclusion phrase cancels them all.
func (c *Coder) issues() string {
	var codes []string
	var counts []int
	for i := 0; i < len(c.toks); i++ {
		end, vals := c.matchTrie(c.d.issues, i)
		if end < 0 {
			continue
		}
		is := &c.d.Issues[vals[0]]
		if is.Exclude {
			return ""
		}
		k := 0
		for k < len(codes) && codes[k] != is.Code {
			k++
		}
		if k == len(codes) {
			codes, counts = append(codes, is.Code), append(counts, 0)
		}
		counts[k]++
		i = end - 1
	}
	var b strings.Builder
	for k, code := range codes {
		if k > 0 {
			b.WriteString(", ")
		}
		b.WriteString(code)
		b.WriteByte(' ')
		b.WriteString(strconv.Itoa(counts[k]))
	}
	return b.String()
}

// matchTrie returns the end of the longest phrase of root starting at
// token i and its values; -1 and nil when none starts there.
func (c *Coder) matchTrie(root *trieNode, i int) (int, []int32) {
	t := c.toks[i]
	if t.punct != 0 {
		return -1, nil
	}
	c.bestEnd, c.bestVals = -1, nil
	if t.id >= 0 && int(t.id) < len(root.first) {
		if ch := root.first[t.id]; ch != nil {
			c.walk(ch, i+1)
		}
	}
	if root.stems != nil {
		c.stemStep(root, i)
	}
	return c.bestEnd, c.bestVals
}

func (c *Coder) walk(n *trieNode, j int) {
	if len(n.vals) > 0 && j > c.bestEnd {
		c.bestEnd, c.bestVals = j, n.vals
	}
	if j >= len(c.toks) || c.toks[j].punct != 0 {
		return
	}
	if id := c.toks[j].id; id >= 0 && n.next != nil {
		if ch := n.next[id]; ch != nil {
			c.walk(ch, j+1)
		}
	}
	if n.stems != nil {
		c.stemStep(n, j)
	}
}

// stemStep matches token j against the stems below n: a stem matches any
// word that begins with it.
func (c *Coder) stemStep(n *trieNode, j int) {
	w := c.word(c.toks[j])
	if len(w) == 0 {
		return
	}
	if p := prefix2(w[:min(2, len(w))]); n.stemStart[p/8]&(1<<(p%8)) == 0 && len(n.stemLens) > 0 && n.stemLens[0] > 1 {
		return
	}
	for i := len(n.stemLens) - 1; i >= 0; i-- { // longest stem first
		k := n.stemLens[i]
		if k > len(w) {
			continue
		}
		if ch := n.stems[string(w[:k])]; ch != nil && len(ch.vals) > 0 && j+1 > c.bestEnd {
			c.bestEnd, c.bestVals = j+1, ch.vals
		}
	}
}

func (c *Coder) discard() (string, bool) {
	if len(c.d.Discards) == 0 {
		return "", false
	}
	for i := range c.toks {
		if c.toks[i].punct != 0 {
			continue
		}
		if end, vals := c.matchTrie(c.d.discards, i); end > 0 {
			ds := c.d.Discards[vals[0]]
			return strings.Join(ds.Phrase.Words, " "), ds.Story
		}
	}
	return "", false
}

func (c *Coder) findMentions() {
	c.ments = c.ments[:0]
	for i := 0; i < len(c.toks); {
		if c.toks[i].punct != 0 {
			i++
			continue
		}
		ae, av := c.matchTrie(c.d.actors, i)
		ge, gv := c.matchTrie(c.d.agents, i)
		if c.lowerAbbrev(i, ae) {
			ae = -1
		}
		if c.lowerAbbrev(i, ge) {
			ge = -1
		}
		switch {
		case ae > 0 && ae >= ge:
			c.ments = append(c.ments, mention{start: i, end: ae, actor: av[0], agent: -1})
			i = ae
		case ge > 0:
			c.ments = append(c.ments, mention{start: i, end: ge, actor: -1, agent: gv[0]})
			i = ge
		default:
			i++
		}
	}
}

// lowerAbbrev reports whether a match [i, end) is one short word (three
// letters or fewer) that the text did not write in capitals: "us" is a
// pronoun, "US" the United States; "un" is no United Nations.
func (c *Coder) lowerAbbrev(i, end int) bool {
	if end != i+1 {
		return false
	}
	t := c.toks[i]
	return t.uend-t.ustart <= 3 && !t.caps
}

// buildNPs joins adjacent mentions (possibly linked by "of", "the", "'s",
// "for") into noun phrases, resolves each one's code (actor + agent) and
// groups phrases joined by "and" or commas into compound actors.
func (c *Coder) buildNPs() {
	c.nps = c.nps[:0]
	if cap(c.npAt) < len(c.toks) {
		c.npAt = make([]int32, len(c.toks))
	}
	c.npAt = c.npAt[:len(c.toks)]
	for i := range c.npAt {
		c.npAt[i] = -1
	}
	fn := &c.d.fn
	for k := 0; k < len(c.ments); {
		start, end := c.ments[k].start, c.ments[k].end
		j := k + 1
		for j < len(c.ments) {
			gap := c.ments[j].start - end
			ok := gap == 0
			if gap > 0 && gap <= 2 {
				ok = true
				for t := end; t < c.ments[j].start; t++ {
					id := c.toks[t].id
					if id != fn.of && id != fn.the && id != fn.s && id != fn.for_ {
						ok = false
					}
				}
			}
			if !ok {
				break
			}
			end = c.ments[j].end
			j++
		}
		np := c.resolve(c.ments[k:j])
		np.start, np.end = start, end
		np.group = len(c.nps)
		if n := len(c.nps); n > 0 && c.joined(c.nps[n-1].end, start) && !c.clauseAt(c.nps[n-1].end, start, end) {
			np.group = c.nps[n-1].group
		}
		for t := start; t < end; t++ {
			c.npAt[t] = int32(len(c.nps))
		}
		c.nps = append(c.nps, np)
		k = j
	}
	c.coded = c.coded[:0]
	for range c.nps {
		c.coded = append(c.coded, 0)
	}
	for _, np := range c.nps {
		if np.code != "" {
			c.coded[np.group]++
		}
	}
}

// actorAt reports whether noun phrase n can fill a pattern marker: it
// must have a code, and a compound marker needs at least two actors.
func (c *Coder) actorAt(n int32, kind ElemKind) bool {
	np := &c.nps[n]
	if np.code == "" {
		return false
	}
	return kind != ElemCompound || c.coded[np.group] >= 2
}

// joined reports whether the tokens between two noun phrases make them a
// compound: "and", ",", ", and", optionally followed by "the".
func (c *Coder) joined(a, b int) bool {
	if b-a < 1 || b-a > 3 {
		return false
	}
	fn := &c.d.fn
	sawLink := false
	for t := a; t < b; t++ {
		tk := c.toks[t]
		switch {
		case tk.punct == ',' || tk.id == fn.and && tk.id >= 0:
			sawLink = true
		case tk.id == fn.the && tk.id >= 0:
		default:
			return false
		}
	}
	return sawLink
}

// clauseAt reports whether tokens [a, b) are ", and" or ", but" (a comma
// then a conjunction) and the noun phrase [b, e) is followed by a verb: a
// new clause with its own subject, not a longer compound.
func (c *Coder) clauseAt(a, b, e int) bool {
	if !c.clauseLink(a) {
		return false
	}
	return e < len(c.toks) && c.isVerbAt(e)
}

// clauseLink reports whether token t is a comma followed by "and", "but",
// "while" or "whereas".
func (c *Coder) clauseLink(t int) bool {
	if t+1 >= len(c.toks) || c.toks[t].punct != ',' {
		return false
	}
	return c.d.has(c.toks[t+1].id, flagConj)
}

// isVerbAt reports whether token t, or the one after an auxiliary or
// negator, is a verb form of the dictionary.
func (c *Coder) isVerbAt(t int) bool {
	for k := t; k < len(c.toks) && k < t+3; k++ {
		id := c.toks[k].id
		if id < 0 {
			return false
		}
		if c.d.verbs[id] != nil {
			return true
		}
		if !c.d.has(id, flagAux|flagNegator) {
			return false
		}
	}
	return false
}

func (c *Coder) resolve(ms []mention) nounPhrase {
	var actor, person string
	var ag *Agent
	for _, m := range ms {
		if m.actor >= 0 {
			code := c.d.Actors[m.actor].CodeAt(c.date)
			if code == "" {
				continue
			}
			if len(code) > 3 && person == "" {
				person = code
			}
			if actor == "" {
				actor = code
			}
		} else if m.agent >= 0 && ag == nil {
			ag = &c.d.Agents[m.agent]
		}
	}
	switch {
	case person != "":
		return nounPhrase{code: person}
	case actor != "" && ag != nil && ag.Prefix:
		return nounPhrase{code: ag.Code + actor}
	case actor != "" && ag != nil:
		return nounPhrase{code: actor + ag.Code}
	case actor != "":
		return nounPhrase{code: actor}
	case ag != nil:
		return nounPhrase{agentOnly: true}
	}
	return nounPhrase{}
}

func (c *Coder) boundary(t token) bool {
	switch t.punct {
	case ';', ':', '.', '!', '?':
		return true
	}
	return false
}

// matchFwd matches element e starting at token p; it returns the end.
func (c *Coder) matchFwd(e *celem, p int) int {
	if p >= len(c.toks) || c.toks[p].punct != 0 && e.kind != ElemSkip {
		return -1
	}
	switch e.kind {
	case ElemWord:
		if e.stem != "" && c.hasPrefix(p, e.stem) || e.stem == "" && c.toks[p].id == e.id {
			return p + 1
		}
	case ElemSynset:
		for _, ph := range e.syn {
			if p+len(ph) <= len(c.toks) && c.idsAt(p, ph) {
				return p + len(ph)
			}
		}
	case ElemSource, ElemTarget, ElemCompound:
		if n := c.npAt[p]; n >= 0 && c.nps[n].start == p && c.actorAt(n, e.kind) {
			if e.kind == ElemCompound {
				return c.groupEnd(n)
			}
			return c.nps[n].end
		}
	case ElemSkip:
		if c.boundary(c.toks[p]) {
			return -1
		}
		if n := c.npAt[p]; n >= 0 {
			return c.nps[n].end
		}
		return p + 1
	}
	return -1
}

// matchBack matches element e ending just before token q (exclusive); it
// returns the start.
func (c *Coder) matchBack(e *celem, q int) int {
	p := q - 1
	if p < 0 || c.toks[p].punct != 0 && e.kind != ElemSkip {
		return -1
	}
	switch e.kind {
	case ElemWord:
		if e.stem != "" && c.hasPrefix(p, e.stem) || e.stem == "" && c.toks[p].id == e.id {
			return p
		}
	case ElemSynset:
		for _, ph := range e.syn {
			if s := q - len(ph); s >= 0 && c.idsAt(s, ph) {
				return s
			}
		}
	case ElemSource, ElemTarget, ElemCompound:
		if n := c.npAt[p]; n >= 0 && c.nps[n].end == q && c.actorAt(n, e.kind) {
			if e.kind == ElemCompound {
				return c.groupStart(n)
			}
			return c.nps[n].start
		}
	case ElemSkip:
		if c.boundary(c.toks[p]) {
			return -1
		}
		if n := c.npAt[p]; n >= 0 {
			return c.nps[n].start
		}
		return p
	}
	return -1
}

// groupStart and groupEnd give the token span of noun phrase n's
// compound group.
func (c *Coder) groupStart(n int32) int {
	k := int(n)
	for k > 0 && c.nps[k-1].group == c.nps[n].group {
		k--
	}
	return c.nps[k].start
}

func (c *Coder) groupEnd(n int32) int {
	k := int(n)
	for k+1 < len(c.nps) && c.nps[k+1].group == c.nps[n].group {
		k++
	}
	return c.nps[k].end
}

func (c *Coder) hasPrefix(p int, stem string) bool {
	w := c.word(c.toks[p])
	return len(w) >= len(stem) && string(w[:len(stem)]) == stem
}

func (c *Coder) idsAt(p int, ids []int32) bool {
	for k, id := range ids {
		if c.toks[p+k].id != id {
			return false
		}
	}
	return true
}

// slots records where pattern markers matched: noun phrase indexes or -1.
type slots struct{ src, tgt, both int }

func (c *Coder) mark(s *slots, e *celem, tok int) {
	n := int(c.npAt[tok])
	switch e.kind {
	case ElemSource:
		s.src = n
	case ElemTarget:
		s.tgt = n
	case ElemCompound:
		s.both = n
	}
}

// matchPattern tries p around the verb at tokens [vs, ve). Elements are
// matched greedily at the nearest position, as TABARI does.
func (c *Coder) matchPattern(p *cpattern, vs, ve int) (slots, bool) {
	s := slots{-1, -1, -1}
	for _, id := range p.req {
		if c.seen[id] != c.gen {
			return s, false
		}
	}
	pos := ve
	for i := range p.post {
		e := &p.post[i]
		limit := pos
		if e.gap {
			limit = pos + c.opt.MaxGap
		}
		found := -1
		for q := pos; q <= limit && q < len(c.toks); q++ {
			if q > pos && c.boundary(c.toks[q-1]) {
				break
			}
			if end := c.matchFwd(e, q); end > q {
				c.mark(&s, e, q)
				found = end
				break
			}
		}
		if found < 0 {
			return s, false
		}
		pos = found
	}
	pos = vs
	for i := len(p.pre) - 1; i >= 0; i-- {
		e := &p.pre[i]
		limit := pos
		if e.gap {
			limit = pos - c.opt.MaxGap
		}
		found := -1
		for q := pos; q >= limit && q > 0; q-- {
			if q < pos && c.boundary(c.toks[q]) {
				break
			}
			if st := c.matchBack(e, q); st >= 0 && st < q {
				c.mark(&s, e, st)
				found = st
				break
			}
		}
		if found < 0 {
			return s, false
		}
		pos = found
	}
	return s, true
}

type candidate struct {
	code, code2 string
	paired      bool
	s           slots
	vs, ve      int
	rule        string
	fromPattern bool
}

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
		srcs, srcText := c.side(cd.s.src, cd.s.both, cd.vs, clauseFrom, true)
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
		tgts, tgtText := c.side(cd.s.tgt, cd.s.both, cd.ve, 0, false)
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
					c.emit(&res, rec, cd, cd.code, s, t, srcText, tgtText, verbText, neg, mod)
				}
				if cd.paired && isEvent(cd.code2) && t != "" {
					c.emit(&res, rec, cd, cd.code2, t, s, tgtText, srcText, verbText, neg, mod)
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
func (c *Coder) side(marked, both, at, from int, before bool) ([]string, string) {
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
		return nil, ""
	}
	g := c.nps[n].group
	var codes []string
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
	text := c.text[c.toks[c.nps[first].start].start:c.toks[c.nps[last].end-1].end]
	return codes, text
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

func (c *Coder) emit(res *Result, rec Record, cd candidate, code, src, tgt, srcText, tgtText, verbText string, neg bool, mod string) {
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

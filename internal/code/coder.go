package code

import (
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/fulcrum-dev/fulcrum/internal/actors"
	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/text"
)

// StatementRule is the rule id of a plain statement (CAMEO 010): an
// attributed sentence or quotation that names another actor but matches no
// stance pattern. Such events always have a target; a plain statement
// about no one is not recorded.
const StatementRule = "stmt"

// Defaults for a [Coder]'s tunable fields.
const (
	DefaultMaxTargets = 6    // targets per pattern: lists of twenty states make noise, not events
	negWindow         = 8    // words before a pattern searched for negation and modality
	maxSentence       = 4000 // longer sentences are coded in pieces
)

// Coder turns documents into events. It is safe for concurrent use: its
// dictionary and rules are read-only and each call gets its own scratch
// space.
type Coder struct {
	dict  *actors.Dict
	rules *Rules
	lex   map[string]lexEntry
	pool  sync.Pool
	// MaxTargets bounds the targets of one pattern match (default
	// DefaultMaxTargets). Set it before the first call to Code.
	MaxTargets int
}

type lexEntry struct {
	e   *wordEntry
	cls uint32
}

// New returns a coder that finds actors with dict and stances with rules.
// A nil dict finds no actors (only first-person speech of a document's
// Author is coded); nil rules mean [DefaultRules].
func New(dict *actors.Dict, rules *Rules) *Coder {
	if rules == nil {
		var err error
		if rules, err = DefaultRules(); err != nil {
			rules = newRules()
		}
	}
	c := &Coder{dict: dict, rules: rules, MaxTargets: DefaultMaxTargets}
	c.lex = make(map[string]lexEntry, len(rules.words)+len(fixedClasses))
	for w, e := range rules.words {
		c.lex[w] = lexEntry{e: e}
	}
	for w, cls := range fixedClasses {
		le := c.lex[w]
		le.cls |= cls
		c.lex[w] = le
	}
	c.pool.New = func() any { return new(state) }
	return c
}

// Code returns the events of one document (see [Coder.AppendEvents]).
func (c *Coder) Code(d doc.Document) []event.Event {
	return c.AppendEvents(nil, d)
}

// tk is one token of the sentence being coded.
type tk struct {
	start, end int // offsets into the document
	kind       text.TokenKind
	punct      byte  // for punctuation: ',', ';', ':', '.', '"' (any quotation mark), '(', ')', '-' (dash)
	id         int32 // rule word id, -1 when unknown
	e          *wordEntry
	cls        uint32 // fixed classes
	mark       uint16 // marker classes of the marker phrases that start here
	markEnd    int32  // token after the longest marker phrase starting here
	ment       int32  // index of the mention starting here, -1
	inMent     int32  // index of the mention covering this token, -1
	quote      int32  // index of the quotation covering this token, -1
	upper      bool   // starts with a capital letter
	poss       bool   // a possessive ("Russia's", "the minister's"): a noun follows
}

// mention is an actor found in the sentence.
type mention struct {
	t0, t1   int // token range
	code     string
	role     string
	person   string
	kind     actors.Kind
	form     actors.Form
	attached bool
}

// speaker is who said something.
type speaker struct {
	code, role, person string
	ok                 bool
}

// when is a resolved date.
type when struct {
	date, prec string
}

// quoteInfo caches a quotation's attribution.
type quoteInfo struct {
	done bool
	sp   speaker
	date when
}

// scratch is what the coder knows about one span of text.
type scratch struct {
	toks    []tk
	ttoks   []text.Token
	lbuf    []byte
	matches []actors.Match
	ments   []mention
}

type state struct {
	a, b   scratch
	sents  []text.Sentence
	quotes []text.Quote
	qinfo  []quoteInfo
	cands  []cand
	dates  []Date
	dwords []dword
	// sentSubj is the subject of the sentence being coded, at token
	// sentSubjAt.
	sentSubj   speaker
	sentSubjAt int
}

// docCtx is what carries from one sentence to the next.
type docCtx struct {
	d        *doc.Document
	norm     string
	docDate  when
	findDate time.Time
	// ref is the day that weekdays count back from: the document's date
	// when it is a day, or the date of a wire dateline.
	ref       time.Time
	lastDate  when
	lastSent  int // sentence index where lastDate was set
	sent      int
	last      speaker // last named speaker
	lastState speaker // last state or organisation that was a subject
	lastSpk   int     // sentence index where last was attributed
	dateSpk   string  // the person whose statement carried dateW
	dateW     when
	dateSent  int
	// author is who "we" and "I" are: the document's Author, or the
	// speaker named by the label of the current transcript turn
	// ("MR. LAVROV: We …").
	author speaker
	// asking is set in a transcript turn of a journalist or moderator
	// ("Q:", "QUESTION:"): a question states nothing for any state. askAt
	// is where that turn's label ended.
	asking bool
	askAt  int
}

// AppendEvents appends the events of document d to dst and returns the
// extended slice. Events come in text order; their evidence offsets point
// into d.Text. d.Text should be valid UTF-8 with "\n" line ends
// ([text.Clean]); other input is coded as well as it can be and never
// causes a panic.
func (c *Coder) AppendEvents(dst []event.Event, d doc.Document) []event.Event {
	st := c.pool.Get().(*state)
	defer c.pool.Put(st)
	src := d.Text
	ctx := docCtx{d: &d, norm: text.Normalize(src), lastSent: -10, lastSpk: -10, dateSent: -10}
	ctx.author = docAuthor(&d)
	if !d.Date.IsZero() {
		ctx.findDate = d.Date
		ctx.docDate = when{formatDate(d.Date, d.DatePrecision), event.PrecisionDoc}
		if d.DatePrecision == event.PrecisionDay || d.DatePrecision == "" {
			ctx.ref = d.Date
		}
	}
	// A wire dateline ("MINSK, March 5 (Reuters) -") names where the story
	// was filed, not an actor of it; its date is the story's when the
	// document's own date is not a day.
	dlEnd, dlDate := dateline(ctx.norm, &st.dates, &st.dwords)
	if dlDate.Precision == event.PrecisionDay && ctx.ref.IsZero() && !d.Date.IsZero() && validDay(d.Date.Year(), dlDate.Month, dlDate.Day) {
		ctx.ref = time.Date(d.Date.Year(), time.Month(dlDate.Month), dlDate.Day, 0, 0, 0, 0, time.UTC)
		ctx.findDate = ctx.ref
		ctx.docDate = when{ctx.ref.Format("2006-01-02"), event.PrecisionDoc}
	}
	st.sents = text.AppendSplit(st.sents[:0], src)
	st.quotes = text.AppendQuotes(st.quotes[:0], src)
	st.qinfo = st.qinfo[:0]
	for range st.quotes {
		st.qinfo = append(st.qinfo, quoteInfo{})
	}
	q0 := 0
	for i, s := range st.sents {
		ctx.sent = i
		if s.Start < dlEnd {
			if s.End <= dlEnd {
				continue
			}
			s.Start = dlEnd
		}
		// A transcript's speaker label ("MR. LAVROV:", "Q (Reuters):")
		// opens a turn that lasts until the next label; the label itself
		// is no text to code. A label may also follow a line break inside
		// what the splitter took for one sentence.
		lab, isLab := c.readLabel(st, &ctx, s.Start, s.End)
	turns:
		for {
			if isLab {
				s.Start = openTurn(&ctx, lab)
			}
			// Only a line break before a label cuts.
			cut := s.Start
			for {
				nl := strings.IndexByte(src[cut:s.End], '\n')
				if nl < 0 {
					break turns
				}
				cut += nl + 1
				if lab, isLab = c.readLabel(st, &ctx, cut, s.End); isLab {
					break
				}
			}
			dst = c.codePiece(st, &ctx, text.Sentence{Start: s.Start, End: cut - 1}, &q0, dst)
			s.Start = cut
		}
		dst = c.codePiece(st, &ctx, s, &q0, dst)
	}
	return dst
}

// skipBlanks returns the offset of the first byte of s[i:end] that is no
// space or line break, or end.
func skipBlanks(s string, i, end int) int {
	for i < end && (s[i] == ' ' || s[i] == '\n') {
		i++
	}
	return i
}

// codePiece codes sentence s (cut in pieces when it is very long) unless
// it belongs to a journalist's turn. *q0p is the index of the first
// quotation that may reach s; it moves forward past the quotations that
// end before s.
func (c *Coder) codePiece(st *state, ctx *docCtx, s text.Sentence, q0p *int, dst []event.Event) []event.Event {
	src := ctx.d.Text
	s.Start = skipBlanks(src, s.Start, s.End)
	if ctx.asking && questionEnded(src[min(ctx.askAt, s.Start):s.Start]) {
		// An interview that labels its questions but not its answers.
		ctx.asking = false
	}
	if ctx.asking || s.Start >= s.End {
		return dst
	}
	for *q0p < len(st.quotes) && st.quotes[*q0p].TextEnd <= s.Start {
		*q0p++
	}
	q0 := *q0p
	// A "sentence" of thousands of bytes is a table, a list without
	// stops or a file with no punctuation: code it in pieces cut at
	// spaces, so that no input makes the coder slow.
	for s.End-s.Start > maxSentence {
		cut := s.Start + maxSentence/2
		for cut < s.Start+maxSentence && src[cut] != ' ' && src[cut] != '\n' {
			cut++
		}
		for cut > s.Start+1 && !utf8.RuneStart(src[cut]) {
			cut-- // never split a character
		}
		dst = c.codeSentence(st, ctx, text.Sentence{Start: s.Start, End: cut}, q0, dst)
		s.Start = cut
		s.Start = skipBlanks(src, s.Start, s.End)
	}
	if s.Start < s.End {
		dst = c.codeSentence(st, ctx, s, q0, dst)
	}
	return dst
}

// formatDate writes t at the given precision (day when unknown).
func formatDate(t time.Time, prec string) string {
	switch prec {
	case event.PrecisionYear:
		return t.Format("2006")
	case event.PrecisionMonth:
		return t.Format("2006-01")
	}
	return t.Format("2006-01-02")
}

// prepare tokenises norm[start:end], looks words up and finds actors and
// marker phrases, into sc.
func (c *Coder) prepare(sc *scratch, norm string, start, end int, date time.Time) {
	sc.ttoks = text.AppendTokens(sc.ttoks[:0], norm, start, end)
	sc.toks = sc.toks[:0]
	for _, t := range sc.ttoks {
		k := tk{start: t.Start, end: t.End, kind: t.Kind, id: -1, ment: -1, inMent: -1, quote: -1}
		if t.Kind == text.Punct {
			k.punct = punctClass(norm[t.Start:t.End])
		} else {
			w := norm[t.Start:t.End]
			k.upper = w[0] >= 'A' && w[0] <= 'Z'
			sc.lbuf = appendLower(sc.lbuf[:0], w)
			if le, ok := c.lex[string(sc.lbuf)]; ok && !(k.upper && isMonthWord(sc.lbuf, len(sc.toks))) {
				k.e, k.cls = le.e, le.cls
				if le.e != nil {
					k.id = le.e.id
				}
			} else if n := len(sc.lbuf); n > 3 && sc.lbuf[n-2] == '\'' && sc.lbuf[n-1] == 's' {
				// Belarus's, Russia's: look up the word without the possessive.
				if le, ok := c.lex[string(sc.lbuf[:n-2])]; ok {
					k.cls = le.cls
				}
				k.poss = !contractions[string(sc.lbuf[:n-2])]
			}
		}
		sc.toks = append(sc.toks, k)
	}
	// Marker phrases.
	toks := sc.toks
	for i := range toks {
		e := toks[i].e
		if e == nil || len(e.markers) == 0 {
			continue
		}
		for _, mi := range e.markers {
			m := &c.rules.markers[mi]
			if n := matchWords(toks, i, m.words); n > 0 {
				toks[i].mark |= m.class
				toks[i].markEnd = max(toks[i].markEnd, int32(i+n))
			}
		}
	}
	// Actors.
	sc.ments = sc.ments[:0]
	if c.dict == nil || start >= end {
		return
	}
	sc.matches = c.dict.Find(norm[start:end], date, sc.matches[:0])
	j := 0
	for _, m := range sc.matches {
		ms, me := m.Start+start, m.End+start
		for j < len(toks) && toks[j].end <= ms {
			j++
		}
		if j >= len(toks) {
			break
		}
		t0 := j
		t1 := j
		for t1 < len(toks) && toks[t1].start < me {
			t1++
		}
		if t1 == t0 {
			continue
		}
		if m.Code == "UN" && membersOf(norm, toks, t0) {
			// "Member States of the United Nations favour …": every state
			// is a member, so the members are not the organisation.
			j = t1
			continue
		}
		if m.Form == actors.Capital && placeNotActor(norm, toks, t0, t1) {
			// "the Minsk agreements", "signed in Moscow": a place, not the
			// government acting or being acted on.
			j = t1
			continue
		}
		mt := mention{t0: t0, t1: t1, code: m.Code, role: m.Role, person: m.Person, kind: m.Kind, form: m.Form, attached: m.Attached}
		// Merge "Belarusian President Lukashenko" style neighbours with the
		// same code: keep the person and role.
		if n := len(sc.ments); n > 0 {
			p := &sc.ments[n-1]
			if p.code == mt.code && p.t1 <= t0 && t0-p.t1 <= 2 && onlyTitles(toks, p.t1, t0) {
				p.t1 = t1
				if mt.person != "" {
					p.person = mt.person
				}
				if mt.role != "" {
					p.role = mt.role
				}
				p.kind = mt.kind
				for k := t0; k < t1; k++ {
					toks[k].inMent = int32(n - 1)
				}
				j = t1
				continue
			}
		}
		if mt.role == "" && t1 < len(toks) {
			// "Russian troops", "Belarus's army": the noun after gives the role.
			switch cls := toks[t1].cls; {
			case cls&cRoleMil != 0:
				mt.role = "MIL"
			case cls&cRolePolice != 0:
				mt.role = "COP"
			case cls&cRoleGov != 0:
				mt.role = "GOV"
			}
		}
		idx := int32(len(sc.ments))
		sc.ments = append(sc.ments, mt)
		toks[t0].ment = idx
		for k := t0; k < t1; k++ {
			toks[k].inMent = idx
			if toks[k].upper {
				toks[k].mark = 0 // "the United States" does not state anything
			}
		}
		j = t1
	}
}

// contractions are the words whose "'s" is "is" or "has", not a
// possessive.
var contractions = map[string]bool{"it": true, "he": true, "she": true, "that": true, "what": true, "there": true, "here": true, "who": true, "where": true, "how": true, "let": true}

// placeWords are the prepositions after which a capital names a place
// ("talks in Minsk", "signed at Moscow"), not its government.
var placeWords = map[string]bool{"in": true, "at": true, "near": true, "outside": true, "around": true, "across": true, "throughout": true, "via": true}

// verbParticle are the words before "at" that make it part of a verb
// aimed at someone ("lashed out at Tokyo", "fired at Kyiv", "took aim at
// Washington", "hit back at Moscow"): the capital is its government.
var verbParticle = map[string]bool{"out": true, "back": true, "aim": true, "fire": true, "fired": true, "firing": true, "jab": true, "swipe": true, "dig": true}

// placeNouns are the nouns a capital modifies as the place an agreement,
// meeting or process is named after ("the Minsk agreements", "the Normandy
// format", "the Astana process").
var placeNouns = map[string]bool{
	"agreement": true, "agreements": true, "accord": true, "accords": true,
	"protocol": true, "protocols": true, "process": true, "format": true,
	"talks": true, "group": true, "ceasefire": true, "cease": true, "truce": true,
	"declaration": true, "memorandum": true, "summit": true, "negotiations": true,
	"treaty": true, "deal": true, "arrangements": true, "meeting": true,
	"consultations": true, "platform": true, "peace": true, "package": true,
	"document": true, "documents": true, "framework": true, "initiative": true,
	"conference": true, "communique": true, "statement": true, "plan": true,
	"settlement": true, "formula": true, "principles": true, "commitments": true,
	"obligations": true, "trilateral": true, "contact": true, "ii": true,
}

// placeNotActor reports whether the capital at toks[t0:t1] names a place:
// it follows a preposition of place or modifies an agreement-like noun.
func placeNotActor(norm string, toks []tk, t0, t1 int) bool {
	if t0 > 0 && toks[t0-1].kind != text.Punct {
		w := norm[toks[t0-1].start:toks[t0-1].end]
		if placeWords[strings.ToLower(w)] && !(t0 > 1 && verbParticle[strings.ToLower(norm[toks[t0-2].start:toks[t0-2].end])]) {
			return true
		}
		if strings.EqualFold(w, "and") {
			// "in New York and Washington": a place listed after a place.
			j := t0 - 2
			for n := 0; j >= 0 && n < 4 && toks[j].kind == text.Word && toks[j].upper; n++ {
				j--
			}
			if j >= 0 && j < t0-2 && toks[j].kind == text.Word && placeWords[strings.ToLower(norm[toks[j].start:toks[j].end])] {
				return true
			}
		}
	}
	if t1 < len(toks) && toks[t1].kind != text.Punct {
		w := norm[toks[t1].start:toks[t1].end]
		if placeNouns[strings.ToLower(w)] {
			return true
		}
		// "the Berlin Wall", "the Minsk Group", "the Paris Agreement": a
		// capital inside a longer name.
		if toks[t1].kind == text.Word && toks[t1].upper && toks[t1].e == nil {
			return true
		}
	}
	return false
}

// membersOf reports whether the organisation at toks[t0] follows
// "members of", "Member States of" or "States Members of" (with or
// without "the").
func membersOf(norm string, toks []tk, t0 int) bool {
	j := t0 - 1
	word := func(i int) string {
		if i < 0 || toks[i].kind == text.Punct {
			return ""
		}
		return strings.ToLower(norm[toks[i].start:toks[i].end])
	}
	if word(j) == "the" {
		j--
	}
	if word(j) != "of" {
		return false
	}
	switch word(j - 1) {
	case "members", "member", "states", "nations":
		return true
	}
	return false
}

// demandClause finds "demanded that Y …", "insisted that Y …" in
// toks[a:b]: it returns the index of "that" and the mention of Y, or -1.
func demandClause(toks []tk, ments []mention, a, b int) (int, int32) {
	for k := a; k < b; k++ {
		if toks[k].mark&mDemand == 0 {
			continue
		}
		th := int(toks[k].markEnd)
		if th-1 > k && th-1 < b && toks[th-1].cls&cThat != 0 {
			th--
		}
		if th >= b || toks[th].cls&cThat == 0 {
			continue
		}
		for j := th + 1; j < min(b, th+4); j++ {
			if m := toks[j].ment; m >= 0 && !ments[m].attached {
				return th, m
			}
			if toks[j].kind == text.Punct {
				break
			}
		}
	}
	return -1, -1
}

// isMonthWord reports a capitalised "March" or "May" that is not the
// first word: the month, not the verb.
func isMonthWord(lower []byte, pos int) bool {
	return pos > 0 && (string(lower) == "march" || string(lower) == "may")
}

func onlyTitles(toks []tk, a, b int) bool {
	for k := a; k < b; k++ {
		if toks[k].cls&cTitle == 0 {
			return false
		}
	}
	return true
}

// matchWords reports how many tokens from i match words exactly (0 when
// they do not).
func matchWords(toks []tk, i int, words []int32) int {
	if i+len(words) > len(toks) {
		return 0
	}
	for k, w := range words {
		if toks[i+k].id != w {
			return 0
		}
	}
	return len(words)
}

func punctClass(p string) byte {
	switch p {
	case ",", ";", ":", ".", "!", "?", "(", ")", "[", "]":
		switch p {
		case "!", "?":
			return '.'
		case "[":
			return '('
		case "]":
			return ')'
		}
		return p[0]
	case "—", "–":
		return '-'
	case "…":
		return '.'
	}
	return '"'
}

// appendLower appends the lower-case form of w, with ’ as '.
func appendLower(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 32
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		if r == '’' || r == '‘' {
			dst = append(dst, '\'')
		} else {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
		i += n
	}
	return dst
}

// cand is a stance pattern matched in a segment.
type cand struct {
	rule   int32
	t0, t1 int // token range of the match
	size   int
	drop   bool
	code   string // when set, replaces the rule's code (an accusation made precise)
}

// matchRules appends the matches of all patterns within toks[a:b].
func (c *Coder) matchRules(toks []tk, a, b int, dst []cand) []cand {
	for i := a; i < b; i++ {
		e := toks[i].e
		if e == nil || len(e.starts) == 0 {
			continue
		}
		// "a visit", "the attack", "Minsk's request": a noun, not the verb.
		det := i > a && (toks[i-1].cls&cDet != 0 || toks[i-1].poss)
		for _, sr := range e.starts {
			r := &c.rules.rules[sr.rule]
			if r.off || (det && r.verb) {
				continue // "a visit", "the attack": a noun, not the verb
			}
			first := r.slots[0][sr.phrase]
			n := matchWordsBounded(toks, i, b, first)
			if n == 0 {
				continue
			}
			end, words, ok := c.matchSlots(toks, i+n, b, r, 1)
			if !ok {
				continue
			}
			dst = append(dst, cand{rule: sr.rule, t0: i, t1: end, size: n + words})
		}
	}
	return dst
}

func matchWordsBounded(toks []tk, i, b int, words []int32) int {
	if i+len(words) > b {
		return 0
	}
	for k := range words {
		if toks[i+k].inMent >= 0 && toks[i+k].upper {
			return 0 // "Eurasian Economic Union" is an actor, not "economic union"
		}
	}
	return matchWords(toks[:b], i, words)
}

// matchSlots matches slots k… of r from token j; it returns the end and
// the number of words the slots matched (gaps excluded).
func (c *Coder) matchSlots(toks []tk, j, b int, r *rule, k int) (int, int, bool) {
	if k >= len(r.slots) {
		return j, 0, true
	}
	gap := int(r.gaps[k])
	for g := 0; g <= gap && j+g < b; g++ {
		if g > 0 {
			p := toks[j+g-1]
			if p.kind == text.Punct && p.punct != ',' && p.punct != '"' {
				break
			}
		}
		best, bestEnd, bestWords := 0, 0, 0
		for _, ph := range r.slots[k] {
			if len(ph) <= best {
				continue
			}
			if n := matchWordsBounded(toks, j+g, b, ph); n > 0 {
				if end, words, ok := c.matchSlots(toks, j+g+n, b, r, k+1); ok {
					best, bestEnd, bestWords = n, end, n+words
				}
			}
		}
		if best > 0 {
			return bestEnd, bestWords, true
		}
	}
	return 0, 0, false
}

// resolveOverlaps keeps the longest of overlapping matches.
func resolveOverlaps(cs []cand) {
	for i := range cs {
		for j := range cs {
			if i == j || cs[i].drop || cs[j].drop {
				continue
			}
			if cs[i].t0 < cs[j].t1 && cs[j].t0 < cs[i].t1 {
				// Keep the larger; on ties the earlier start, then the
				// earlier rule.
				a, b := cs[i], cs[j]
				if a.size > b.size || (a.size == b.size && (a.t0 < b.t0 || (a.t0 == b.t0 && a.rule < b.rule))) {
					cs[j].drop = true
				} else {
					cs[i].drop = true
				}
			}
		}
	}
}

// segment is a run of tokens in one sentence that is either narrative or
// inside one quotation.
type segment struct {
	a, b  int // token range
	quote int // quotation index, -1 for narrative
}

// codeSentence codes sentence s.
func (c *Coder) codeSentence(st *state, ctx *docCtx, s text.Sentence, q0 int, dst []event.Event) []event.Event {
	norm := ctx.norm
	sdate, explicit := c.sentenceDate(st, ctx, norm[s.Start:s.End])
	fd := ctx.findDate
	if explicit {
		if t, err := parseWhen(sdate.date); err == nil {
			fd = t
		}
	}
	sc := &st.a
	c.prepare(sc, norm, s.Start, s.End, fd)
	toks := sc.toks
	if len(toks) == 0 {
		return dst
	}
	// A person who is a sentence's subject is who "he" or "she" will be;
	// a state or organisation, what "it" will be.
	st.sentSubj = speaker{}
	if m0 := sentenceSubject(toks, sc.ments); m0 >= 0 {
		m := sc.ments[m0]
		st.sentSubj, st.sentSubjAt = fromMention(m), m.t0
		if m.person != "" {
			ctx.last = st.sentSubj
		} else {
			ctx.lastState = st.sentSubj
		}
	}
	// Which quotation covers each token.
	hasQuote := false
	for q := q0; q < len(st.quotes) && st.quotes[q].TextStart < s.End; q++ {
		qt := st.quotes[q]
		for k := range toks {
			if toks[k].start >= qt.TextStart && toks[k].end <= qt.TextEnd {
				toks[k].quote = int32(q)
				hasQuote = true
			}
		}
	}
	// Split into segments.
	var segs [8]segment
	sg := segs[:0]
	if !hasQuote {
		sg = append(sg, segment{0, len(toks), -1})
	} else {
		cur := segment{0, 0, int(toks[0].quote)}
		for k := range toks {
			q := int(toks[k].quote)
			if q != cur.quote {
				if k > cur.a {
					cur.b = k
					sg = append(sg, cur)
				}
				cur = segment{k, k, q}
			}
		}
		cur.b = len(toks)
		if cur.b > cur.a {
			sg = append(sg, cur)
		}
	}
	// Attribute the quotations that start or end here.
	for i, seg := range sg {
		if seg.quote < 0 || st.qinfo[seg.quote].done {
			continue
		}
		qi := &st.qinfo[seg.quote]
		qi.done = true
		qi.date = sdate
		var before, after *segment
		if i > 0 && sg[i-1].quote < 0 {
			before = &sg[i-1]
		}
		if i+1 < len(sg) && sg[i+1].quote < 0 {
			after = &sg[i+1]
		}
		qi.sp = c.attributeQuote(st, ctx, toks, sc.ments, before, after, st.quotes[seg.quote], s, fd)
		if !qi.sp.ok && i == 0 && ctx.lastSpk >= ctx.sent-1 && ctx.last.ok {
			// A quotation that opens a sentence right after an attributed
			// one continues that speaker.
			qi.sp = ctx.last
		}
		if qi.sp.ok {
			ctx.last = qi.sp
			ctx.lastSpk = ctx.sent
		}
	}
	for _, seg := range sg {
		if seg.quote >= 0 {
			qi := st.qinfo[seg.quote]
			qt := st.quotes[seg.quote]
			es, ee := max(qt.TextStart, s.Start), min(qt.TextEnd, s.End)
			ee = trimEvidence(ctx.d.Text, es, ee)
			w := sdate
			if qi.date.date != "" && qi.date.prec != event.PrecisionDoc {
				w = qi.date
			}
			dst = c.codeSegment(st, ctx, toks, sc.ments, seg.a, seg.b, qi.sp, true, es, ee, w, dst)
			if qi.sp.ok {
				ctx.lastSpk = ctx.sent
			}
			continue
		}
		dst = c.codeSegment(st, ctx, toks, sc.ments, seg.a, seg.b, speaker{}, false, s.Start, s.End, sdate, dst)
	}
	return dst
}

func trimEvidence(src string, s, e int) int {
	for e > s {
		c := src[e-1]
		if c == ' ' || c == '\n' || c == '\t' || c == ',' || c == ';' || c == ':' || c == '\r' {
			e--
			continue
		}
		break
	}
	return e
}

func parseWhen(d string) (time.Time, error) {
	switch len(d) {
	case 4:
		return time.Parse("2006", d)
	case 7:
		return time.Parse("2006-01", d)
	}
	return time.Parse("2006-01-02", d)
}

// attributeQuote finds who said quotation q from the narrative segments
// before and after it in the sentence.
func (c *Coder) attributeQuote(st *state, ctx *docCtx, toks []tk, ments []mention, before, after *segment, q text.Quote, s text.Sentence, fd time.Time) speaker {
	if before != nil {
		a, b := before.a, before.b
		// "According to X, “…”"
		for k := a; k < b; k++ {
			if toks[k].cls&cAccording != 0 && k+2 < b+1 {
				if sp, ok := c.mentionSpeaker(ctx, toks, ments, k+1, min(b, k+8)); ok {
					return sp
				}
			}
		}
		// "X said: “…”", "X told reporters that “…”", "said X: “…”"
		for k := b - 1; k >= a; k-- {
			if toks[k].mark&mSpeech == 0 {
				continue
			}
			if sp, ok := c.subjectSpeaker(ctx, toks, ments, a, k); ok {
				return sp
			}
			if sp, ok := c.mentionSpeaker(ctx, toks, ments, int(toks[k].markEnd), b); ok {
				return sp
			}
		}
		// "In his view, “…”"
		for k := a; k+2 < b+1 && k+2 <= b; k++ {
			if toks[k].cls&cHisHer != 0 && k+1 < b && toks[k+1].cls&cView != 0 && ctx.last.ok {
				return ctx.last
			}
		}
		// "Makei: “…”"
		if b > a && toks[b-1].punct == ':' {
			if sp, ok := c.subjectSpeaker(ctx, toks, ments, a, b-1); ok {
				return sp
			}
		}
	}
	var aa, ab int
	var atoks []tk
	var aments []mention
	if after != nil {
		aa, ab, atoks, aments = after.a, after.b, toks, ments
	} else if q.End < len(ctx.norm) && q.TextEnd > s.End-1 {
		// The quotation ends in a later sentence: look just after it.
		end := q.End + 160
		if end > len(ctx.norm) {
			end = len(ctx.norm)
		}
		for k := q.End; k < end; k++ {
			if ctx.norm[k] == '.' || ctx.norm[k] == '\n' {
				end = k
				break
			}
		}
		c.prepare(&st.b, ctx.norm, q.End, end, fd)
		aa, ab, atoks, aments = 0, len(st.b.toks), st.b.toks, st.b.ments
	}
	if atoks != nil {
		lim := min(ab, aa+10)
		for k := aa; k < lim; k++ {
			if atoks[k].mark&mSpeech == 0 {
				continue
			}
			// "“…,” X said" or "“…,” said X" or "“…,” he added"
			if sp, ok := c.subjectSpeaker(ctx, atoks, aments, aa, k); ok {
				return sp
			}
			if sp, ok := c.mentionSpeaker(ctx, atoks, aments, int(atoks[k].markEnd), min(ab, int(atoks[k].markEnd)+6)); ok {
				return sp
			}
		}
	}
	return speaker{}
}

// mentionSpeaker returns the first actor mentioned in toks[a:b], or a
// pronoun's referent.
func (c *Coder) mentionSpeaker(ctx *docCtx, toks []tk, ments []mention, a, b int) (speaker, bool) {
	for k := a; k < b && k < len(toks); k++ {
		if m := toks[k].ment; m >= 0 && !ments[m].attached {
			return fromMention(ments[m]), true
		}
		if toks[k].cls&cHeShe != 0 && ctx.last.ok {
			return ctx.last, true
		}
		if toks[k].punct == '.' || toks[k].punct == ';' {
			break
		}
	}
	return speaker{}, false
}

func fromMention(m mention) speaker {
	return speaker{code: m.code, role: m.role, person: m.person, ok: m.code != ""}
}

// docAuthor returns the document's Author as a speaker; ok is false when
// it has none.
func docAuthor(d *doc.Document) speaker {
	return speaker{code: d.Author, ok: d.Author != ""}
}

// subjectSpeaker returns the speaker that is the subject of toks[a:b].
func (c *Coder) subjectSpeaker(ctx *docCtx, toks []tk, ments []mention, a, b int) (speaker, bool) {
	sub := c.subject(ctx, toks, ments, a, b, false)
	switch sub.kind {
	case subMention:
		return fromMention(ments[sub.ments[0]]), true
	case subFirst:
		if ctx.author.ok {
			return ctx.author, true
		}
	case subPronoun:
		if ctx.last.ok {
			return ctx.last, true
		}
	}
	return speaker{}, false
}

// convMask holds the marker classes that convert a pattern's code.
const convMask = mReject | mHalt | mAppeal | mDemand | mThreaten

const (
	subNone = iota
	subMention
	subFirst   // we, I, our country
	subPronoun // he, she, the minister
	subIt      // it: the last state or organisation that was a subject
	subOther   // a subject that is no actor: "the sanctions were lifted"
)

type subj struct {
	kind  int
	ments [4]int32
	n     int
	at    int // token where the subject starts
}

func (s subj) list() []int32 { return s.ments[:s.n] }

// subject finds the grammatical subject in toks[a:b]: the first actor
// not governed by a preposition (with the actors coordinated with it),
// a first-person pronoun, or he/she.
func (c *Coder) subject(ctx *docCtx, toks []tk, ments []mention, a, b int, noun bool) subj {
	// The word right before the verb, after auxiliaries and adverbs, is
	// usually its subject: "… and Ukraine protested", "Thousands of
	// Georgians demonstrated", "Russia has repeatedly deployed", "we
	// strongly support"; "the sanctions were lifted", "African States have
	// joined" have a subject that is no actor.
	if !noun {
		k := b - 1
		for {
			k0 := k
			for k >= a && toks[k].kind == text.Word && toks[k].inMent < 0 && !toks[k].upper &&
				(toks[k].cls&cAux != 0 || strings.HasSuffix(ctx.norm[toks[k].start:toks[k].end], "ly")) {
				k--
			}
			// "China on Wednesday criticised", "Moscow last week
			// accused": a time adverbial sits between subject and verb.
			k = skipWhen(ctx.norm, toks, a, k)
			if k == k0 {
				break
			}
		}
		if k >= a && toks[k].kind == text.Word {
			t := toks[k]
			switch {
			case isWord(ctx.norm, t, "which", "who") && k-2 >= a && toks[k-1].punct == ',' && toks[k-2].inMent >= 0:
				// "welcomes Switzerland and East Timor, which are joining
				// the Organization": the relative pronoun stands for the
				// actors before it.
				m := toks[k-2].inMent
				if ments[m].attached || ments[m].t1 != k-1 {
					break
				}
				// Not "the actions of Russia and Belarus, which …": there
				// the pronoun stands for the actions.
				if cs := coordinatedBefore(toks, ments, a, m); !governed(toks, a, cs.at) {
					return cs
				}
			case t.inMent >= 0:
				if m := t.inMent; !ments[m].attached && ments[m].t1 == k+1 {
					// "Russia and Belarus signed", "Armenian and Azerbaijani
					// troops", "Germany and the United States".
					return coordinatedBefore(toks, ments, a, m)
				}
			case t.cls&cWe != 0, t.cls&cSelfNoun != 0 && k > a && toks[k-1].cls&cOurMy != 0:
				return subj{kind: subFirst, at: k}
			case t.cls&cHeShe != 0:
				return subj{kind: subPronoun, at: k}
			case t.cls&cIt != 0:
				return subj{kind: subIt, at: k}
			case t.cls&(cPrep|cThat|cAnd|cConj|cDet) != 0:
			case t.upper && k > a, k > a && toks[k-1].cls&cDet != 0:
				// "the Belarusian KGB", "the United Nations Human Rights
				// Council": a name after an actor is that actor's body.
				j := k
				for j > a && toks[j].upper && toks[j].inMent < 0 && toks[j].kind == text.Word {
					j--
				}
				if m := toks[j].inMent; t.upper && j < k && m >= 0 && !ments[m].attached && ments[m].t1 == j+1 {
					s := subj{kind: subMention, at: ments[m].t0, n: 1}
					s.ments[0] = m
					return s
				}
				return subj{kind: subOther, at: k}
			}
		}
	}
	// Prefer a subject in the comma-delimited chunk next to the verb:
	// "If Russia attacks, Belarus could mobilise".
	if !noun {
		for k := b - 1; k > a; k-- {
			if toks[k].punct == ',' {
				if s := c.subjectFrom(toks, ments, k+1, b); s.kind != subNone {
					return s
				}
				break
			}
		}
	}
	return c.subjectFrom(toks, ments, a, b)
}

// backgroundWords open a phrase that gives the time or cause of the main
// act; a noun act inside it is background, not news.
var backgroundWords = map[string]bool{"after": true, "following": true, "amid": true, "before": true, "despite": true}

// background reports whether the pattern at toks[t0] is a noun (or an
// "-ing" verb) in a background phrase: "after talks with", "following
// Ankara's criticism", "amid clashes", "in response to the annexation",
// "in the wake of", "in retaliation for", "days after launching".
func background(norm string, toks []tk, cs, t0 int, r *rule) bool {
	if !r.noun && !(r.verb && strings.HasSuffix(strings.ToLower(norm[toks[t0].start:toks[t0].end]), "ing")) {
		return false
	}
	j := t0 - 1
	for n := 0; j >= cs && n < 8; n++ {
		t := toks[j]
		if t.kind != text.Word {
			return false
		}
		w := strings.ToLower(norm[t.start:t.end])
		if w == "what" || w == "called" || w == "calls" {
			return false // "over what it called interference": a charge
		}
		if backgroundWords[w] || w == "over" && r.noun {
			// ("over" only before a noun: "clashed over the drills" but
			// not "took over").
			return r.noun || n == 0
		}
		if w == "to" || w == "for" || w == "of" {
			// "in response to", "in retaliation for", "in the wake of"
			if j >= cs+2 && (isWord(norm, toks[j-1], "response", "reaction", "retaliation", "reprisal", "wake") && isWord(norm, toks[j-2], "in", "the")) {
				return true
			}
			if w != "of" || !r.noun {
				return false
			}
			// "after Ankara's criticism of the Gaza offensive": the
			// noun inside a background noun phrase.
			j--
			continue
		}
		if !r.noun || t.cls&(cPrep|cAnd|cBe|cAux|cThat) != 0 || t.mark != 0 {
			return false
		}
		j--
	}
	return false
}

// coordinatedBefore returns the subject made of the mention m and the
// actors coordinated before it ("Russia and Belarus", "Russia, Belarus
// and Kazakhstan").
func coordinatedBefore(toks []tk, ments []mention, a int, m int32) subj {
	s := subj{kind: subMention, at: ments[m].t0, n: 1}
	s.ments[0] = m
	j := ments[m].t0 - 1
	if j > a && toks[j].cls&cThe != 0 {
		j--
	}
	for s.n < len(s.ments) && j-1 >= a && (toks[j].cls&cAnd != 0 || toks[j].punct == ',') {
		pm := toks[j-1].inMent
		if pm < 0 || ments[pm].attached || ments[pm].t1 != j {
			break
		}
		s.ments[s.n] = pm
		s.n++
		s.at = ments[pm].t0
		j = ments[pm].t0 - 1
		if j > a && toks[j].cls&cThe != 0 {
			j--
		}
	}
	return s
}

// ownNoun reports whether the noun at toks[t0] follows "our" or "my",
// perhaps with adjectives between: "our bilateral cooperation".
func ownNoun(toks []tk, cs, t0 int) bool {
	for k := t0 - 1; k >= cs && k >= t0-3; k-- {
		t := toks[k]
		if t.cls&cOurMy != 0 {
			return true
		}
		if t.kind != text.Word || t.cls&(cPrep|cAnd|cThe|cBe|cAux|cThat) != 0 {
			return false
		}
	}
	return false
}

// mustBefore reports whether "must", "should" or "ought" stands in
// toks[ws:t0], before a pattern.
func mustBefore(norm string, toks []tk, ws, t0 int) bool {
	for k := ws; k < t0; k++ {
		if isWord(norm, toks[k], "must", "should", "ought") {
			return true
		}
	}
	return false
}

// between returns the actors listed from toks[k] ("Serbia and Kosovo",
// "Russia, Ukraine and the EU") and how many there are, at most 4.
func between(toks []tk, ments []mention, k, b int) ([4]int32, int) {
	var ps [4]int32
	n := 0
	for ; k < b && n < len(ps); k++ {
		t := toks[k]
		if m := t.ment; m >= 0 && !ments[m].attached {
			ps[n] = m
			n++
			k = ments[m].t1 - 1
			continue
		}
		if t.cls&(cAnd|cThe) != 0 || t.punct == ',' {
			continue
		}
		break
	}
	return ps, n
}

// whenWords are the words of a short time adverbial between a subject
// and its verb ("on Wednesday", "last week", "on 3 March", "overnight").
var whenWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"week": true, "month": true, "year": true, "weekend": true, "morning": true, "evening": true, "night": true, "afternoon": true,
}

// whenLeads are the words that open such an adverbial.
var whenLeads = map[string]bool{"on": true, "in": true, "last": true, "this": true, "earlier": true, "late": true, "early": true}

// whenAlone are the adverbs that are such an adverbial on their own.
var whenAlone = map[string]bool{"yesterday": true, "today": true, "overnight": true, "tonight": true, "earlier": true, "later": true, "again": true, "also": true, "then": true}

// skipWhen returns the token before a time adverbial that ends at
// toks[k], or k when there is none.
func skipWhen(norm string, toks []tk, a, k int) int {
	if k < a || toks[k].kind != text.Word || toks[k].inMent >= 0 {
		return k
	}
	w := strings.ToLower(norm[toks[k].start:toks[k].end])
	if whenAlone[w] {
		return k - 1
	}
	if !whenWords[w] && !allDigits(w) {
		return k
	}
	j := k - 1
	for j >= a && j >= k-3 && toks[j].kind == text.Word && toks[j].inMent < 0 {
		v := strings.ToLower(norm[toks[j].start:toks[j].end])
		if whenLeads[v] {
			return j - 1
		}
		if !whenWords[v] && !allDigits(v) && v != "of" && v != "the" {
			break
		}
		j--
	}
	return k
}

// subjectFrom finds the first subject-like actor or pronoun in toks[a:b].
func (c *Coder) subjectFrom(toks []tk, ments []mention, a, b int) subj {
	for k := a; k < b; k++ {
		t := toks[k]
		if m := t.ment; m >= 0 {
			mt := ments[m]
			if mt.attached || mt.t1 > b {
				continue
			}
			if governed(toks, a, k) {
				k = mt.t1 - 1
				continue
			}
			s := subj{kind: subMention, at: k}
			s.ments[0] = m
			s.n = 1
			// Coordinated: "Russia and Belarus", "Russia, Belarus and Kazakhstan".
			j := mt.t1
			for s.n < len(s.ments) && j+1 < b {
				if toks[j].cls&cAnd == 0 && toks[j].punct != ',' {
					break
				}
				n := j + 1
				if n < b && toks[n].cls&cAnd != 0 {
					n++
				}
				if n < b && toks[n].cls&cThe != 0 && toks[n].ment < 0 {
					n++
				}
				if n >= b || toks[n].ment < 0 {
					break
				}
				s.ments[s.n] = toks[n].ment
				s.n++
				j = ments[toks[n].ment].t1
			}
			return s
		}
		if t.inMent >= 0 {
			continue
		}
		if t.cls&cWe != 0 {
			return subj{kind: subFirst, at: k}
		}
		if t.cls&cOurMy != 0 && k+1 < b && toks[k+1].cls&cSelfNoun != 0 {
			return subj{kind: subFirst, at: k}
		}
		if t.cls&cHeShe != 0 {
			return subj{kind: subPronoun, at: k}
		}
		if t.cls&cIt != 0 && !(k+1 < b && toks[k+1].cls&cDummy != 0) {
			return subj{kind: subIt, at: k}
		}
		if t.cls&cThe != 0 && k+1 < b && toks[k+1].cls&cTitle != 0 && toks[k+1].cls&cRoleGov != 0 {
			// "The minister said", but not "the Government of Belarus".
			n := k + 2
			for n < b && toks[n].cls&cTitle != 0 {
				n++
			}
			if n < b && toks[n].cls&cOf != 0 {
				continue
			}
			if n < b && toks[n].ment >= 0 {
				continue
			}
			return subj{kind: subPronoun, at: k}
		}
	}
	return subj{}
}

// governed reports whether the actor at toks[k] follows a preposition
// (skipping "the" and adjectives), except "of" after a title: "the
// President of Belarus" is Belarus speaking.
func governed(toks []tk, a, k int) bool {
	for j := k - 1; j >= a && j >= k-3; j-- {
		t := toks[j]
		if t.cls&cPrep != 0 {
			if t.cls&cOf != 0 && j > a && toks[j-1].cls&cTitle != 0 {
				return false
			}
			return true
		}
		if t.kind == text.Word && (t.cls&cThe != 0 || t.upper) {
			continue
		}
		return false
	}
	return false
}

// clauseStart returns the first token of the clause holding toks[k],
// not before a.
func clauseStart(toks []tk, a, k int) int {
	for j := k - 1; j >= a; j-- {
		if boundaryAt(toks, a, j) {
			return j + 1
		}
	}
	return a
}

// boundaryAt reports whether toks[j] ends a clause: ";", ":", a final
// stop, a conjunction such as "but" or "whereas", "that", or "and"/"yet"
// after a comma.
func boundaryAt(toks []tk, a, j int) bool {
	t := toks[j]
	if t.punct == ';' || t.punct == ':' || t.punct == '.' || t.cls&(cConj|cThat) != 0 {
		return true
	}
	return j > a && toks[j-1].punct == ',' && (t.cls&cAnd != 0 || t.cls&cYet != 0)
}

// clauseEnd returns the end of the clause that goes on at toks[k].
func clauseEnd(toks []tk, k, b int) int {
	for j := k; j < b; j++ {
		if boundaryAt(toks, k, j) {
			if toks[j].cls&(cAnd|cYet) != 0 {
				return j - 1
			}
			return j
		}
	}
	return b
}

// codeSegment codes toks[a:b]: a narrative run (sp unset) or a quotation
// by sp. Evidence is src[es:ee].
func (c *Coder) codeSegment(st *state, ctx *docCtx, toks []tk, ments []mention, a, b int, sp speaker, quote bool, es, ee int, w when, dst []event.Event) []event.Event {
	if a >= b {
		return dst
	}
	// Reported speech in narrative: "X said (that) …", "According to X,
	// …", "it was revealed that …".
	content := a
	reported := false
	contentEnd := b // a trailing attribution ends the reported words
	if !quote {
		if tsp, comma, ok := c.trailingAttribution(ctx, toks, ments, a, b); ok {
			// "Turkey apologised to Russia, the Kremlin said": Turkey's act,
			// told by the Kremlin, which is not its target.
			sp, reported, contentEnd = tsp, true, comma
			if !tsp.ok && ownOrgan(ctx.norm, toks, comma+1, b) {
				// "…, the ministry said", "…, its chair said": the
				// actor's own office tells of its act, which is asserted.
				reported = false
			}
		}
		for k := a; k < b && !reported; k++ {
			t := toks[k]
			if t.cls&cAccording != 0 && k+1 < b {
				if s2, ok := c.mentionSpeaker(ctx, toks, ments, k+1, min(b, k+8)); ok {
					sp, reported = s2, true
					content = k + 2
					for content < b && toks[content].punct != ',' {
						content++
					}
					content = min(content+1, b)
					break
				}
			}
			if t.mark&mImpersonal != 0 && k >= a+2 && toks[k-1].cls&cBe != 0 && toks[k-2].cls&cIt != 0 {
				content = int(t.markEnd)
				if content < b && toks[content].cls&cThat != 0 {
					content++
				}
				reported = true
				break
			}
			if t.mark&mSpeech != 0 && !(k > a && toks[k-1].cls&(cDet|cPrep) != 0) {
				// (Not a noun: "the report", "in a note", "at state factories".)
				end := int(t.markEnd)
				// Speech verbs that take a clause: "said that", "said:",
				// "stated Belarus would".
				if s2, ok := c.subjectSpeaker(ctx, toks, ments, clauseStart(toks, a, k), k); ok && end < b {
					n := end
					// "told reporters that": skip a short object.
					for j := end; j < min(b, end+4); j++ {
						if toks[j].cls&cThat != 0 {
							n = j
							break
						}
					}
					if n < b && (toks[n].cls&cThat != 0 || toks[n].punct == ':' || toks[n].punct == ',') {
						n++
					}
					sp, reported, content = s2, true, n
					break
				}
			}
		}
		if reported && sp.ok {
			ctx.last = sp
			ctx.lastSpk = ctx.sent
		}
	}
	// Hearsay: "reportedly", or reported speech without a speaker ("it was
	// revealed that …"). A named speaker's own words are the speaker's act
	// (asserted); another actor's act inside them is made reported below.
	hearsay := reported && !sp.ok
	for k := a; k < b; k++ {
		if toks[k].mark&mReported != 0 {
			hearsay = true
		}
	}
	st.cands = c.matchRules(toks, a, b, st.cands[:0])
	resolveOverlaps(st.cands)
	// Discards hide the marker words inside them ("in order to").
	for ci := range st.cands {
		cd := &st.cands[ci]
		if !cd.drop && c.rules.rules[cd.rule].code == discardCode {
			for k := cd.t0; k < cd.t1; k++ {
				toks[k].mark = 0
			}
			cd.drop = true
		}
	}
	c.nestedActs(ctx.norm, toks, a, b, st.cands)
	// Converters consume the standalone patterns they start ("refused"
	// in "refused to recognise").
	for ci := range st.cands {
		cd := &st.cands[ci]
		if cd.drop {
			continue
		}
		ws := max(clauseStart(toks, a, cd.t0), cd.t0-negWindow)
		for k := cd.t0 - 1; k >= ws; k-- {
			if toks[k].mark&convMask == 0 || int(toks[k].markEnd) > cd.t0 {
				continue
			}
			for cj := range st.cands {
				// Only a pattern that is the marker alone ("refused", not
				// "suspended negotiations").
				if cj != ci && st.cands[cj].t0 == k && st.cands[cj].t1 <= int(toks[k].markEnd) {
					st.cands[cj].drop = true
				}
			}
			break
		}
	}
	// "X demanded that Y withdraw": Y is the demand's target, and what Y
	// is asked to do has not happened.
	demandThat, demandTgt := demandClause(toks, ments, a, b)
	emitted := 0
	for ci := range st.cands {
		cd := &st.cands[ci]
		if cd.drop {
			continue
		}
		r := &c.rules.rules[cd.rule]
		cs := clauseStart(toks, a, cd.t0)
		if cd.t0 >= content && cs < content {
			cs = content
		}
		if background(ctx.norm, toks, cs, cd.t0, r) {
			// "withdrew after talks with the EU", "in response to
			// Russia's annexation", "days after launching the invasion":
			// the background of another act, not an act of its own.
			continue
		}
		ws := max(cs, cd.t0-negWindow)
		// "a move welcomed by the United States", "militias backed by
		// Rwanda", "a ceasefire brokered by Russia": a participle right
		// before "by" is a passive whose patient is the noun it follows;
		// the markers before that noun belong to another verb.
		reducedBy := !r.noun && r.verb && cd.t1 == cd.t0+1 && cd.t1+1 < b && toks[cd.t1].cls&cBy != 0 &&
			cd.t0 > cs && toks[cd.t0-1].cls&(cAux|cWe|cHeShe|cIt|cPassive) == 0 && toks[cd.t0-1].inMent < 0 &&
			participle(ctx.norm[toks[cd.t0].start:toks[cd.t0].end])
		if reducedBy {
			ws = cd.t0
		}
		if cd.t0 > ws && toks[cd.t0-1].punct == ',' && r.verb && strings.HasSuffix(ctx.norm[toks[cd.t0].start:toks[cd.t0].end], "ing") {
			// "has sought to diversify its partners, signing agreements
			// with China": a participle after a comma is an act of its own.
			ws = cd.t0
		}
		var neg, intent, hypo bool
		ifAt := -1 // an "if" that makes the pattern hypothetical
		var conv uint16
		convAt, intentAt := -1, -1
		for k := cd.t0 - 1; k >= ws; k-- {
			m := toks[k].mark
			if m == 0 {
				continue
			}
			if int(toks[k].markEnd) > cd.t0 {
				continue // the marker overlaps the pattern itself
			}
			if m&mNegation != 0 {
				neg = true
			}
			if m&mIntent != 0 && intentAt < 0 {
				intent, intentAt = true, k
			}
			if m&mHypothetical != 0 && !(toks[k].upper == false && isMay(ctx.norm, toks[k])) {
				hypo = true
				if toks[k].e != nil && isIf(ctx.norm, toks[k]) {
					ifAt = k
				}
			}
			if conv == 0 && m&convMask != 0 {
				conv = m & convMask
				convAt = k
			}
		}
		for k := cd.t0 + 1; k < cd.t1; k++ {
			if toks[k].mark&mNegation != 0 {
				neg = true
			}
		}
		if conv == 0 {
			// "We urge other States to respond positively by starting
			// negotiations …": an appeal governs the whole clause after
			// it, beyond the marker window.
			for k := ws - 1; k >= cs; k-- {
				if e := int(toks[k].markEnd); e < b && toks[e].cls&cBy != 0 {
					continue // "encouraged by the feeble response": a passive
				}
				if m := toks[k].mark & (mAppeal | mDemand); m != 0 && int(toks[k].markEnd) <= cd.t0 {
					conv, convAt = m, k
					break
				}
			}
		}
		for k := cs; k < ws; k++ {
			if toks[k].mark&mHypothetical != 0 && toks[k].e != nil && isIf(ctx.norm, toks[k]) {
				hypo = true
				if ifAt < 0 {
					ifAt = k
				}
			}
		}
		if conv&(mReject|mDemand|mAppeal) != 0 && intentAt > convAt {
			// "turned down Minsk's offer to host talks": the offer is
			// the other's intent; the refusal is done.
			intent = false
		}
		if hypo && reported && cd.t0 >= content && wouldOnly(ctx.norm, toks, ws, cd.t0) {
			// Reported "would" is the backshifted "will": an intention.
			hypo, intent = false, true
		}
		code := r.code
		ruleID := r.id
		if cd.code != "" {
			code, ruleID = cd.code, ruleID+"+act"
		}
		switch {
		case conv&mReject != 0:
			if c2, ok := rejectOf(code); ok {
				code, ruleID = c2, ruleID+"+reject"
			} else {
				neg = !neg
			}
		case conv&mHalt != 0:
			if c2, ok := haltOf(code); ok {
				code, ruleID = c2, ruleID+"+halt"
			} else {
				neg = !neg
			}
		case conv&mAppeal != 0:
			code, ruleID = appealOf(code), ruleID+"+appeal"
		case conv&mDemand != 0:
			code, ruleID = demandOf(code), ruleID+"+demand"
		case conv&mThreaten != 0:
			code, ruleID = threatOf(code), ruleID+"+threaten"
		case intent || r.intent:
			if c2 := intentOf(code); c2 != code {
				code, ruleID = c2, ruleID+"+intent"
			}
		}
		if hypo && ifAt >= 0 && (intent || r.intent) && root(code) == 13 && !hypoBetween(ctx.norm, toks, ws, cd.t0) {
			// "If India attacks us, Pakistan will respond with force": a
			// conditional threat is a threat, stated now.
			hypo = false
		} else {
			ifAt = -1
		}
		modality := event.Asserted
		switch {
		case hypo:
			modality = event.Hypothetical
		case intent || r.intent || hypo:
			modality = event.Intent
		case hearsay && cd.t0 >= content:
			modality = event.Reported
		}
		if demandThat >= 0 && cd.t0 > demandThat {
			modality = event.Hypothetical
		}
		if r.noun && (root(code) == 4 || code == "050") && cd.t1-1 > cd.t0 && isWord(ctx.norm, toks[cd.t1-1], "between") {
			// "Talks between Serbia and Kosovo collapsed": a joint act of
			// the actors listed after "between", each the other's target.
			if ps, n := between(toks, ments, cd.t1, b); n >= 2 {
				for i := 0; i < n; i++ {
					for j := 0; j < n; j++ {
						if i != j && ments[ps[i]].code != ments[ps[j]].code {
							dst = c.emit(st, ctx, dst, fromMention(ments[ps[i]]), ments[ps[j]].code, code, ruleID, neg, modality, quote, es, ee, w)
							emitted++
						}
					}
				}
				continue
			}
		}
		// Source.
		sub := c.subject(ctx, toks, ments, cs, cd.t0, r.noun)
		var srcs [4]speaker
		ns := 0
		inContent := cd.t0 >= content && (reported || quote)
		switch sub.kind {
		case subMention:
			if mustBefore(ctx.norm, toks, ws, cd.t0) {
				// "Russia must withdraw its troops", "Israel should end
				// the occupation": in a speaker's words, a demand on the
				// subject, not its act.
				var by speaker
				switch {
				case sp.ok && (quote || cd.t0 >= content):
					by = sp
				case !quote && !reported && ctx.author.ok:
					by = ctx.author
				}
				if by.ok {
					for _, m := range sub.list() {
						if ments[m].code != by.code {
							dst = c.emit(st, ctx, dst, by, ments[m].code, demandOf(r.code), r.id+"+must", false, event.Asserted, quote, es, ee, w)
							emitted++
						}
					}
					continue
				}
				modality = event.Hypothetical
			}
			for _, m := range sub.list() {
				srcs[ns] = fromMention(ments[m])
				ns++
			}
			if inContent && sp.ok && srcs[0].code != sp.code && modality == event.Asserted {
				modality = event.Reported
				if root(code) >= 14 && !r.noun && !neg && contentEnd == b {
					// Lavrov said: "The West has declared war on Russia":
					// another's hostile act in a speaker's words (not
					// told after them) is the speaker's accusation.
					for i := 0; i < ns; i++ {
						if srcs[i].code != sp.code {
							dst = c.emit(st, ctx, dst, sp, srcs[i].code, accusationOf(code), ruleID+"+accuse", false, event.Asserted, quote, es, ee, w)
							emitted++
						}
					}
					continue
				}
			}
			if sp.ok && srcs[0].code == sp.code && srcs[0].person == "" {
				srcs[0] = sp // the speaker's own state: keep the speaker's name
			}
		case subFirst:
			switch {
			case inContent && sp.ok:
				srcs[0], ns = sp, 1
			case ctx.author.ok:
				srcs[0], ns = ctx.author, 1
			}
		case subPronoun:
			switch {
			case quote && sp.ok:
				srcs[0], ns = sp, 1
			case ctx.last.ok:
				srcs[0], ns = ctx.last, 1
			}
		case subIt:
			if ctx.lastState.ok && !quote {
				srcs[0], ns = ctx.lastState, 1
			}
		case subNone:
			if !quote && a > 0 && st.sentSubj.ok && st.sentSubjAt < a {
				// "Moscow accused Georgia of “…” and banned flights": the
				// sentence's subject goes on after a quotation.
				srcs[0], ns = st.sentSubj, 1
			}
		}
		// Material conflict named by a noun ("Russian aggression", "the
		// occupation by Russia"): the actor named with it is its agent. Said
		// by someone else, it is that speaker's accusation of the agent.
		// A noun pattern's source is the actor named with it ("Russian
		// aggression", "a visit by the Russian minister"); without one, only
		// a speech act ("talks", "criticism") may take the clause's subject,
		// and then it needs a target.
		nounAgent := int32(-1)
		convAgent := int32(-1)
		if r.noun {
			nounAgent = nominalAgent(ctx.norm, toks, ments, cs, cd.t0, cd.t1, b)
			if nounAgent < 0 && sub.kind == subMention && (possessedBySubject(toks, cs, cd.t0) || afterLightVerb(toks, cs, cd.t0)) {
				// "Russia continues its aggression against Ukraine", "forces
				// committed mass killings", "carried out air strikes".
				nounAgent = sub.ments[0]
			}
			switch {
			case nounAgent >= 0 && conv != 0 && root(code) < 14 &&
				((sub.kind == subMention && ments[sub.ments[0]].code != ments[nounAgent].code) || sub.kind == subFirst || sub.kind == subPronoun):
				// "Belarus opposed the deployment of a Russian air base",
				// "Moscow turned down Minsk's request": the subject rejects
				// (demands, urges) what the noun's agent does or asks.
				convAgent = nounAgent
			case nounAgent >= 0 && root(code) < 14:
				srcs[0], ns = fromMention(ments[nounAgent]), 1
				sub = subj{kind: subMention, at: ments[nounAgent].t0, n: 1}
				sub.ments[0] = nounAgent
			case nounAgent < 0 && !verbal(code):
				continue // "the ceasefire", "protests" with no one doing them
			}
		}
		if r.noun && root(code) >= 14 {
			agent := nounAgent
			var accuser speaker
			switch {
			case contentEnd < b && cd.t0 < contentEnd:
				// "…, the United States said": the act is reported, not
				// the speaker's accusation.
			case sp.ok && (quote || cd.t0 >= content):
				accuser = sp
			case sub.kind == subFirst && ctx.author.ok:
				accuser = ctx.author
			case sub.kind == subMention && sub.ments[0] != agent:
				accuser = fromMention(ments[sub.ments[0]])
			case ctx.author.ok:
				accuser = ctx.author
			}
			ag := ments[agent]
			if accuser.ok && accuser.code != ag.code {
				dst = c.emit(st, ctx, dst, accuser, ag.code, accusationOf(code), ruleID+"+accuse", neg, modality, quote, es, ee, w)
				emitted++
				continue
			}
			srcs[0], ns = fromMention(ag), 1
			sub = subj{kind: subMention, at: ag.t0, n: 1}
			sub.ments[0] = agent
		}
		if r.bySpkr {
			// An evaluation ("… is illegal", "concerned about …") is the
			// speaker's, about every actor in the clause.
			var judge speaker
			switch {
			case sp.ok && (quote || cd.t0 >= content):
				judge = sp
			case sub.kind == subFirst && ctx.author.ok:
				judge = ctx.author
			case ctx.author.ok && !reported && !quote:
				judge = ctx.author
			}
			if !judge.ok {
				continue
			}
			srcs[0], ns = judge, 1
			sub = subj{}
		}
		if ns == 0 && verbal(code) && sub.kind != subOther && !(r.noun && !sp.ok && sub.kind == subNone && nounAgent < 0 && !ownNoun(toks, cs, cd.t0)) {
			// (Not a bare noun about no one: "international cooperation
			// with the central role of the United Nations" is no act of
			// the speaker's, "our cooperation with China" is.)
			// Only speech acts fall back on the speaker: the author of a
			// speech does not commit the killings it describes.
			switch {
			case sp.ok:
				srcs[0], ns = sp, 1
			case ctx.author.ok && !reported:
				srcs[0], ns = ctx.author, 1
			}
		}
		// Passive voice: "Belarus was criticised by the EU".
		var agentMent int32 = -1
		ce := clauseEnd(toks, cd.t1, b)
		if cd.t1 <= contentEnd {
			ce = min(ce, contentEnd)
		}
		passive := !r.noun && r.verb && cd.t0 > cs && participle(ctx.norm[toks[cd.t0].start:toks[cd.t0].end]) &&
			(toks[cd.t0-1].cls&cPassive != 0 ||
				(cd.t0-1 > cs && toks[cd.t0-2].cls&cPassive != 0 && strings.HasSuffix(ctx.norm[toks[cd.t0-1].start:toks[cd.t0-1].end], "ly")))
		if passive {
			for k := cd.t1; k+1 < ce; k++ {
				if toks[k].cls&cBy != 0 && toks[k+1].ment >= 0 {
					agentMent = toks[k+1].ment
					break
				}
				if toks[k].cls&cBy != 0 && k+2 < ce && toks[k+1].cls&cThe != 0 && toks[k+2].ment >= 0 {
					agentMent = toks[k+2].ment
					break
				}
			}
		}
		// A reduced passive, or one in a relative clause ("…, which was
		// supported by …"): its patient is the noun it follows, not the
		// clause's subject.
		ownPatient := false
		if !passive && reducedBy {
			passive, ownPatient = true, true
		}
		if passive && cd.t0 >= 2 && cd.t0-2 >= cs && toks[cd.t0-1].cls&cPassive != 0 && isWord(ctx.norm, toks[cd.t0-2], "which", "who", "that") {
			ownPatient = true
		}
		if passive {
			for k := cd.t1; agentMent < 0 && k+1 < ce; k++ {
				if toks[k].cls&cBy != 0 && toks[k+1].ment >= 0 {
					agentMent = toks[k+1].ment
				}
				if toks[k].cls&cBy != 0 && k+2 < ce && toks[k+1].cls&cThe != 0 && toks[k+2].ment >= 0 {
					agentMent = toks[k+2].ment
				}
			}
		}
		if passive && agentMent < 0 {
			continue // "my country was invaded": by whom is not said
		}
		if ownPatient {
			// The patient is an actor right before the participle (or the
			// relative pronoun and its comma); a bare noun ("a move") refers
			// to what the sentence's subject did.
			sub = subj{}
			k := cd.t0 - 1
			for k > cs && (toks[k].cls&(cPassive|cThat) != 0 || toks[k].punct == ',' || isWord(ctx.norm, toks[k], "which", "who")) {
				k--
			}
			if m := toks[k].inMent; m >= 0 && ments[m].t1 == k+1 && !ments[m].attached {
				sub = subj{kind: subMention, n: 1, at: ments[m].t0}
				sub.ments[0] = m
			} else if st.sentSubj.ok && st.sentSubjAt < cd.t0 && k > cs && toks[k].punct != ',' && !isWord(ctx.norm, toks[k], "which", "who", "that") && toks[k-1].cls&cDet != 0 {
				if m := toks[st.sentSubjAt].ment; m >= 0 {
					sub = subj{kind: subMention, n: 1, at: st.sentSubjAt}
					sub.ments[0] = m
				}
			}
		}
		var tgts [16]string
		nt := 0
		addT := func(code string) {
			if code == "" || nt >= len(tgts) || nt >= c.MaxTargets {
				return
			}
			for i := 0; i < ns; i++ {
				if srcs[i].code == code {
					return
				}
			}
			for i := 0; i < nt; i++ {
				if tgts[i] == code {
					return
				}
			}
			tgts[nt] = code
			nt++
		}
		if agentMent >= 0 {
			// The subject is the target, the agent the source.
			if sub.kind == subMention {
				for _, m := range sub.list() {
					tgts[nt] = ments[m].code
					nt++
				}
			}
			srcs[0], ns = fromMention(ments[agentMent]), 1
			// "signed by Georgia and Turkey": every coordinated agent.
			last := ments[agentMent].t1
			for k := last; k < ce && ns < len(srcs); k++ {
				m := toks[k].ment
				if m < 0 || ments[m].attached {
					continue
				}
				if !coordinated(toks, last, k) {
					break
				}
				srcs[ns] = fromMention(ments[m])
				ns++
				last = ments[m].t1
			}
			if nt == 0 && !r.bySpkr {
				// "sanctions were imposed on Iran by the United States": with
				// no actor as subject, the actor between the verb and its
				// agent is the target.
				for k := cd.t1; k < ments[agentMent].t0; k++ {
					if m := toks[k].ment; m >= 0 && !ments[m].attached {
						addT(ments[m].code)
						break
					}
				}
			}
			for i := 0; i < nt; {
				own := false
				for j := 0; j < ns; j++ {
					own = own || tgts[i] == srcs[j].code
				}
				if own {
					tgts[i] = tgts[nt-1]
					nt--
					continue
				}
				i++
			}
		} else if r.target != targetNone {
			if convAgent >= 0 {
				addT(ments[convAgent].code)
			}
			if r.target != targetBefore {
				// A pattern with a gap may hold its target inside ("imposed
				// on Belarus new sanctions", "supplied Russia with drones",
				// "warned Washington against …"): that is its object, and
				// actors after the pattern are then in other phrases.
				for k := cd.t0; k < cd.t1; k++ {
					if m := toks[k].ment; m >= 0 && !ments[m].attached {
						addT(ments[m].code)
					}
				}
				// The first actor after the pattern is its object; later ones
				// count only when coordinated with it ("with China and
				// Russia"), not in other phrases ("accused Warsaw of … on the
				// Belarusian border").
				last := -1
				inside := nt > 0 && !r.bySpkr
				for k := cd.t1; k < ce && !inside; k++ {
					if toks[k].punct == ',' && k+1 < ce && isWord(ctx.norm, toks[k+1], "a", "an") {
						break // "…, a move welcomed by X": an apposition
					}
					m := toks[k].ment
					if m < 0 || ments[m].attached {
						continue
					}
					if last >= 0 && !r.bySpkr && !coordinated(toks, last, k) {
						break
					}
					if root(code) != 15 && placeAdjective(ctx.norm, toks, ments[m]) {
						continue // "clashed near the Venezuelan border": a place
					}
					addT(ments[m].code)
					last = ments[m].t1
				}
			}
			if r.bySpkr {
				for k := cs; k < cd.t0; k++ {
					if m := toks[k].ment; m >= 0 && !ments[m].attached {
						addT(ments[m].code)
					}
				}
			}
			if nt == 0 && r.target != targetAfter {
				from := cs
				for k := cd.t0 - 1; k > cs; k-- {
					if toks[k].punct == ',' {
						from = k + 1
						break
					}
				}
				for k := from; k < cd.t0; k++ {
					m := toks[k].ment
					if m < 0 || ments[m].attached || inList(sub, m) {
						continue
					}
					addT(ments[m].code)
				}
			}
		}
		if nt == 0 && ifAt >= 0 {
			// The one whose act the threat is conditional on is its target.
			for k := ifAt; k < cd.t0; k++ {
				if m := toks[k].ment; m >= 0 && !ments[m].attached && !inList(sub, m) {
					addT(ments[m].code)
				}
			}
		}
		// "Armenia and Azerbaijan joined the Council of Europe": an actor
		// right after the verb is its object, whoever the subjects are.
		directObj := !r.noun && cd.t1 < ce && (toks[cd.t1].ment >= 0 ||
			toks[cd.t1].cls&cThe != 0 && cd.t1+1 < ce && toks[cd.t1+1].ment >= 0)
		if ns > 1 && agentMent < 0 && (reciprocal(code) || reciprocal(r.code)) && !directObj {
			// "Russia and China held talks on the Iranian nuclear issue",
			// "… held joint exercises near the Polish border": a joint act
			// of coordinated subjects is between them; only a partner
			// named right after it with "with" is a further target.
			nt = 0
			if k := cd.t1; k < ce && toks[k].cls&cWith != 0 {
				last := -1
				for k++; k < ce; k++ {
					m := toks[k].ment
					if m < 0 || ments[m].attached {
						if last < 0 && toks[k].cls&cThe == 0 {
							break
						}
						continue
					}
					if last >= 0 && !coordinated(toks, last, k) {
						break
					}
					addT(ments[m].code)
					last = ments[m].t1
				}
			}
		}
		if nt == 0 && r.target != targetNone && r.target != targetBefore {
			// "Russian troops have destroyed our cities": the speaker's
			// country is the object.
			var own speaker
			switch {
			case sp.ok && (quote || cd.t0 >= content):
				own = sp
			case !reported && !quote && ctx.author.ok:
				own = ctx.author
			}
			for k := cd.t0 + 1; own.ok && k+1 < ce; k++ {
				if toks[k].cls&cOurMy != 0 && toks[k+1].kind == text.Word && toks[k+1].ment < 0 {
					addT(own.code)
					break
				}
				if toks[k].ment >= 0 {
					break
				}
			}
		}
		if nt == 0 && demandThat >= 0 && cd.t1 <= demandThat && root(code) == 10 {
			addT(ments[demandTgt].code)
		}
		if ns == 0 {
			continue
		}
		if nt == 0 && ns < 2 && r.need && !(sub.kind == subMention && !r.noun) && nounAgent < 0 && (agentMent < 0 || root(code) < 10 && code != "057") {
			// (A rejection, a signature or a conflictual act with its agent
			// named, "the plan was rejected by Russia", is about someone in
			// particular; "a coup supported by X" is too vague.)
			continue // "talks", "sanctions", "helped" about no one in particular
		}
		if nt == 0 && ns > 1 && r.target != targetNone {
			// "Russia and Belarus signed an agreement": each the other's target.
			for i := 0; i < ns; i++ {
				for j := 0; j < ns; j++ {
					if i != j && srcs[i].code != srcs[j].code {
						dst = c.emit(st, ctx, dst, srcs[i], srcs[j].code, code, ruleID, neg, modality, quote, es, ee, w)
						emitted++
					}
				}
			}
			continue
		}
		for i := 0; i < ns; i++ {
			if nt == 0 {
				dst = c.emit(st, ctx, dst, srcs[i], "", code, ruleID, neg, modality, quote, es, ee, w)
				emitted++
			}
			for j := 0; j < nt; j++ {
				dst = c.emit(st, ctx, dst, srcs[i], tgts[j], code, ruleID, neg, modality, quote, es, ee, w)
				emitted++
			}
		}
		if ns == 1 && nt == 1 && agentMent < 0 && mutualFight(code) && cd.t1 < ce && toks[cd.t1].cls&cWith != 0 {
			// "Armenian troops clashed with Azerbaijani forces": a clash
			// or an exchange of fire is fought by both sides.
			dst = c.emit(st, ctx, dst, speaker{code: tgts[0], ok: true}, srcs[0].code, code, ruleID, neg, modality, quote, es, ee, w)
			emitted++
		}
		if sub.kind == subMention && ments[sub.ments[0]].person != "" {
			ctx.last = fromMention(ments[sub.ments[0]])
			ctx.lastSpk = ctx.sent
		}
	}
	// A plain statement: attributed words about another actor that match
	// no pattern. A speaker named after the words ("…, officials said")
	// tells of others' acts and makes no statement of their own.
	if emitted == 0 && contentEnd == b {
		var src speaker
		switch {
		case sp.ok && (quote || reported):
			src = sp
		case !quote && ctx.author.ok && !reported:
			if c.subject(ctx, toks, ments, a, b, false).kind == subFirst {
				src = ctx.author
			}
		}
		if src.ok {
			from := a
			if !quote {
				from = content
			}
			// The speaker's own statement, told by a journalist or quoted,
			// is the speaker's act.
			modality := event.Asserted
			n := 0
			for k := from; k < b && n < c.MaxTargets; k++ {
				m := toks[k].ment
				if m < 0 || ments[m].attached || ments[m].code == src.code {
					continue
				}
				if exampleOf(ctx.norm, toks, ments, a, k) {
					continue // "in countries such as Rwanda and Ethiopia"
				}
				dup := false
				for j := from; j < k; j++ {
					if pm := toks[j].ment; pm >= 0 && ments[pm].code == ments[m].code {
						dup = true
						break
					}
				}
				if dup {
					continue
				}
				dst = c.emit(st, ctx, dst, src, ments[m].code, "010", StatementRule, false, modality, quote, es, ee, w)
				n++
			}
		}
	}
	return dst
}

// nestedActs drops the acts that a stance names rather than asserts, in
// the cands of toks[a:b]:
//
//   - what an accusation accuses of: "accused Azerbaijan of shelling
//     civilian areas" is an accusation (made precise: 1123), not shelling;
//     "citizens accused of spying" (no accuser) is neither;
//   - an act named by a noun as the object of a statement, praise or
//     criticism: "criticised Washington's support for Kurdish militias",
//     "welcomes the agreement between the United States and the Taliban",
//     "opposes the deployment of missiles" (a conflictual noun after a
//     rejection or threat too). A cooperative noun after a converter
//     ("opposed the deployment of a Russian air base", "urged talks") is
//     left to the conversion;
//   - a conflictual noun that an investigation looks into: "opened an
//     inquiry into the poisoning" investigates, it does not accuse.
func (c *Coder) nestedActs(norm string, toks []tk, a, b int, cs []cand) {
	for ci := range cs {
		cd := &cs[ci]
		if cd.drop {
			continue
		}
		r := &c.rules.rules[cd.rule]
		if r.noun || !r.verb {
			continue
		}
		rt := root(r.code)
		accuse := strings.HasPrefix(r.code, "112")
		if !accuse && rt != 1 && rt != 9 && rt != 11 && rt != 12 && rt != 13 && r.code != "051" && r.code != "052" {
			continue
		}
		ce := clauseEnd(toks, cd.t1, b)
		if accuse && cd.t0+1 < b && isWord(norm, toks[cd.t0+1], "of", "with", "for") {
			// "citizens accused of spying": no accuser, and the spying is
			// only alleged.
			cd.drop = true
		}
		conv := toks[cd.t0].mark&convMask != 0
		lim := min(ce, cd.t1+8)
		if accuse {
			lim = ce
		}
		for cj := range cs {
			o := &cs[cj]
			if cj == ci || o.drop || o.t0 < cd.t1 || o.t0 >= lim {
				continue
			}
			or := &c.rules.rules[o.rule]
			if or.code == discardCode {
				continue
			}
			ort := root(or.code)
			if accuse {
				o.drop = true
				if r.code == "112" && cd.code == "" && ort >= 14 {
					if acc := accusationOf(or.code); acc != "112" && strings.HasPrefix(acc, "112") {
						cd.code = acc
					}
				}
				continue
			}
			// "condemns the attempts by Russia to destabilise Moldova":
			// an infinitive in the object of a statement, praise or
			// criticism names an act as well.
			inf := !or.noun && (rt == 1 || rt == 5 || rt == 11) && o.t0 > cd.t1 && isWord(norm, toks[o.t0-1], "to")
			if !(or.noun || inf) || (conv && ort <= 8) || (rt != 1 && rt != 11 && rt != 5 && !(rt == 13 && !conv) && ort < 14) {
				continue
			}
			o.drop = true
		}
	}
}

// isWord reports whether token t is one of the lower-case words ws.
func isWord(norm string, t tk, ws ...string) bool {
	if t.kind != text.Word {
		return false
	}
	w := norm[t.start:t.end]
	for _, x := range ws {
		if strings.EqualFold(w, x) {
			return true
		}
	}
	return false
}

// trailingAttribution finds a speaker named after the words they report,
// at the end of toks[a:b]: "…, the Kremlin said (on Tuesday).", "…, said
// Lavrov.", "…, according to human rights groups.". It returns the
// speaker (not ok when the speaker is no known actor: "…, rebels said")
// and the comma that ends the reported words; ok is false when there is
// no such attribution.
func (c *Coder) trailingAttribution(ctx *docCtx, toks []tk, ments []mention, a, b int) (speaker, int, bool) {
	end := b
	for end > a && toks[end-1].kind == text.Punct && toks[end-1].punct != ',' {
		end-- // the final stop, a closing quotation mark
	}
	comma := -1
	for k := end - 1; k > a && k >= end-12; k-- {
		if toks[k].punct == ',' {
			comma = k
			break
		}
		if toks[k].kind == text.Punct || toks[k].cls&cThat != 0 {
			return speaker{}, 0, false
		}
	}
	if comma <= a+2 || comma+1 >= end {
		return speaker{}, 0, false
	}
	n := comma + 1
	who := func(from, to int) speaker {
		if sp, ok := c.mentionSpeaker(ctx, toks, ments, from, to); ok {
			return sp
		}
		return speaker{}
	}
	switch {
	case toks[n].cls&cAccording != 0:
		// ", according to X."
		return who(n+1, end), comma, true
	case toks[n].mark&mSpeech != 0:
		// ", said X."
		return who(int(toks[n].markEnd), end), comma, true
	}
	for k := n + 1; k < end && k <= n+8; k++ {
		if toks[k].mark&mSpeech == 0 {
			continue
		}
		// ", X said (on Tuesday / in a statement)."
		if end-int(toks[k].markEnd) > 5 {
			return speaker{}, 0, false
		}
		return who(n, k), comma, true
	}
	return speaker{}, 0, false
}

// organWords are the heads of the phrases that name an actor's own office
// in a trailing attribution ("the ministry said", "its chair said").
var organWords = map[string]bool{
	"ministry": true, "minister": true, "office": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "chair": true, "chairman": true, "chairwoman": true, "presidency": true,
	"government": true, "military": true, "army": true, "navy": true, "commissioner": true,
	"commission": true, "embassy": true, "cabinet": true, "secretariat": true, "command": true,
}

// ownOrgan reports whether toks[n:b] is a trailing attribution by a
// definite office with no name of its own — "the ministry said", "the
// defence minister said on Friday", "said its chair", "the bloc's aid
// commissioner said" — which refers back to the actor of the sentence.
func ownOrgan(norm string, toks []tk, n, b int) bool {
	for b > n && toks[b-1].kind == text.Punct {
		b--
	}
	if n >= b {
		return false
	}
	if toks[n].mark&mSpeech != 0 {
		n = int(toks[n].markEnd) // ", said the ministry"
	} else {
		for k := n + 1; k < b; k++ {
			if toks[k].mark&mSpeech != 0 {
				b = k
				break
			}
		}
	}
	if n >= b || b-n > 6 || !isWord(norm, toks[n], "the", "its", "his", "her", "their") {
		return false
	}
	for k := n + 1; k < b; k++ {
		if toks[k].kind != text.Word {
			return false
		}
		if organWords[strings.ToLower(norm[toks[k].start:toks[k].end])] {
			return true
		}
	}
	return false
}

// afterLightVerb reports whether the noun at toks[t0] is the object of a
// verb that only says it was done ("committed", "carried out",
// "conducted", "launched"), perhaps with an article and two adjectives
// between: the subject is its agent.
func afterLightVerb(toks []tk, a, t0 int) bool {
	for k := t0 - 1; k >= a && k >= t0-4; k-- {
		t := toks[k]
		if t.cls&cLight != 0 {
			return true
		}
		if t.cls&cPrep != 0 && k > a && toks[k-1].cls&cPart != 0 {
			return true // "take part in", "participated in"
		}
		if t.kind != text.Word || t.upper || t.inMent >= 0 || t.cls&(cPrep|cAnd|cBe) != 0 {
			return false
		}
	}
	return false
}

// possessedBySubject reports whether the noun at toks[t0] follows "its"
// or "their", perhaps with one adjective between: the subject's act.
func possessedBySubject(toks []tk, a, t0 int) bool {
	for k := t0 - 1; k >= a && k >= t0-2; k-- {
		if toks[k].cls&cIts != 0 {
			return true
		}
		if toks[k].kind != text.Word || toks[k].upper || toks[k].cls&(cPrep|cDet) != 0 {
			return false
		}
	}
	return false
}

// sentenceSubject returns the actor that opens a sentence as its subject:
// the first one not governed by a preposition and met before any stance,
// speech or modal word ("In 2018 Belarus hosted …", "President Lukashenko
// said …", not "The state joined the CSTO"); -1 when there is none.
func sentenceSubject(toks []tk, ments []mention) int32 {
	for k := range toks {
		t := toks[k]
		if m := t.ment; m >= 0 {
			if !ments[m].attached && !governed(toks, 0, k) {
				return m
			}
			continue
		}
		if t.inMent >= 0 {
			continue
		}
		if t.mark != 0 || t.cls&cBe != 0 || (t.e != nil && len(t.e.starts) > 0) {
			return -1
		}
	}
	return -1
}

// ofAgent are the act nouns whose "of" phrase is the doer.
var ofAgent = map[string]bool{
	"aggression": true, "aggressions": true, "interference": true, "meddling": true,
	"provocation": true, "provocations": true, "crimes": true, "atrocities": true,
	"policy": true, "policies": true, "actions": true, "action": true, "expansion": true,
	"expansionism": true, "hegemonism": true, "imperialism": true, "threats": true,
	"threat": true, "pressure": true, "support": true, "assistance": true, "aid": true,
	"help": true, "cooperation": true, "position": true, "stance": true, "decision": true,
	"proposal": true, "proposals": true, "initiative": true, "initiatives": true,
	"statement": true, "statements": true, "refusal": true, "demand": true, "demands": true,
	"request": true, "efforts": true, "attempts": true, "intervention": true, "militarism": true,
	"sanctions": true, "forces": true, "troops": true, "army": true, "military": true,
	"mobilisation": true, "mobilization": true, "deployment": true, "buildup": true,
	"presence": true, "withdrawal": true,
}

// nominalAgent returns the actor a noun pattern at toks[t0:t1] names as
// its agent: right before it, perhaps with one adjective between
// ("Russian aggression", "Russia's military aggression"), or after "of"
// or "by" ("the aggression of the Russian Federation", "a visit by a
// Russian delegation"); -1 when there is none.
func nominalAgent(norm string, toks []tk, ments []mention, a, t0, t1, b int) int32 {
	k := t0 - 1
	if k >= a && toks[k].kind == text.Word && toks[k].inMent < 0 && !toks[k].upper && toks[k].cls&(cPrep|cAnd|cThe|cThat|cBe) == 0 {
		k--
	}
	if k >= a {
		if m := toks[k].inMent; m >= 0 && !ments[m].attached && ments[m].t1 == k+1 {
			return m
		}
	}
	j := t1
	// "by X" names the agent; "of X" only after a noun whose "of" is its
	// doer ("the aggression of X"), not its victim ("the invasion of
	// Ukraine", "the massacre of Palestinians").
	if j < b && (toks[j].cls&cBy != 0 || toks[j].cls&cOf != 0 && ofAgent[strings.ToLower(norm[toks[t1-1].start:toks[t1-1].end])]) {
		j++
		for n := 0; n < 2 && j < b && toks[j].inMent < 0 && toks[j].kind == text.Word && !toks[j].upper && toks[j].end-toks[j].start <= 3 && toks[j].cls&cPrep == 0; n++ {
			j++ // "the", "a", "an"
		}
		if j < b {
			if m := toks[j].inMent; m >= 0 && !ments[m].attached {
				return m
			}
		}
	}
	return -1
}

// coordinated reports whether the tokens from a to b only join two actors:
// ",", "and", "or", "the", "as well as".
func coordinated(toks []tk, a, b int) bool {
	for k := a; k < b; k++ {
		t := toks[k]
		if t.punct == ',' || t.cls&(cAnd|cThe|cOr) != 0 {
			continue
		}
		return false
	}
	return true
}

// exampleOf reports whether the actor at token t0 is named as an example
// or a comparison in a list that starts after from: "countries such as
// Rwanda and Ethiopia", "including Kenya and Ghana", "like Chile",
// "for example Costa Rica". A speech names such actors in passing; it
// makes no statement about them.
func exampleOf(norm string, toks []tk, ments []mention, from, t0 int) bool {
	for k := t0 - 1; k >= from; k-- {
		t := toks[k]
		switch {
		case isWord(norm, t, "including", "notably", "namely"):
			return true
		case isWord(norm, t, "like", "unlike"):
			return k == from || !isWord(norm, toks[k-1], "would", "should", "'d", "we", "i", "they")
		case isWord(norm, t, "as"):
			return k > from && isWord(norm, toks[k-1], "such")
		case isWord(norm, t, "example", "instance"):
			return k > from && isWord(norm, toks[k-1], "for")
		case t.inMent >= 0 && ments[t.inMent].t0 <= k:
			k = ments[t.inMent].t0
		case t.punct == ',' || t.cls&(cAnd|cOr|cThe) != 0:
		default:
			return false
		}
	}
	return false
}

// mutualFight reports whether code is a fight both sides take part in:
// clashes, exchanges of fire.
func mutualFight(code string) bool {
	return code == "190" || code == "193"
}

// placeAdjective reports whether an actor named by an adjective only
// places an act: "near the Venezuelan border", "along the Afghan
// frontier", "off the Libyan coast".
func placeAdjective(norm string, toks []tk, m mention) bool {
	if m.form != actors.Adjective || m.t1 >= len(toks) || m.t0 < 2 {
		return false
	}
	if !isWord(norm, toks[m.t1], "border", "borders", "frontier", "coast", "coastline", "shore", "shores", "side") {
		return false
	}
	if toks[m.t0-1].cls&cThe == 0 {
		return false
	}
	p := toks[m.t0-2]
	return isWord(norm, p, "near", "along", "off", "at", "by", "to") && !(isWord(norm, p, "to") && (m.t0 < 3 || !isWord(norm, toks[m.t0-3], "close", "next")))
}

// participle reports whether w looks like a past participle: "criticised",
// "taken", "met".
func participle(w string) bool {
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || strings.HasSuffix(w, "wn") {
		return true
	}
	return irregularParticiples[strings.ToLower(w)]
}

var irregularParticiples = map[string]bool{
	"met": true, "held": true, "sent": true, "led": true, "made": true, "sought": true,
	"fought": true, "struck": true, "shot": true, "built": true, "told": true, "said": true,
	"brought": true, "found": true, "kept": true, "left": true, "lost": true, "paid": true,
	"put": true, "set": true, "cut": true, "hit": true, "won": true, "bought": true,
	"caught": true, "done": true, "laid": true, "fed": true, "fled": true, "bound": true,
	"spread": true, "hung": true, "stuck": true, "upheld": true, "withheld": true,
}

// reciprocal reports whether a CAMEO code is an act that coordinated
// subjects do with each other: sharing views, agreeing to cooperate,
// meeting, negotiating, signing, cooperating, a ceasefire, clashing.
func reciprocal(code string) bool {
	switch r := root(code); {
	case code == "019", r == 6, r == 4 && code != "042" && code != "043" && code != "045":
		return true
	case code == "030", code == "036", code == "037", strings.HasPrefix(code, "031"):
		return true
	case code == "050", code == "057", code == "0871", code == "190", code == "193", code == "194":
		return true
	}
	return false
}

// verbal reports whether a CAMEO code is a speech act (roots 01–05 and
// 09–13), which a speaker performs by speaking.
func verbal(code string) bool {
	r := root(code)
	return r <= 5 || (r >= 9 && r <= 13)
}

// accusationOf is the accusation a speaker makes by naming an actor's
// act of material conflict.
func accusationOf(code string) string {
	switch r := root(code); {
	case r == 20:
		return "1124"
	case r == 15 || r >= 18:
		return "1123"
	case code == "175":
		return "1122"
	case r == 16:
		return "111"
	}
	return "112"
}

func inList(s subj, m int32) bool {
	for _, x := range s.list() {
		if x == m {
			return true
		}
	}
	return false
}

// isMay reports whether the token is "may" (the month when capitalised).
func isMay(norm string, t tk) bool {
	return t.end-t.start == 3 && strings.EqualFold(norm[t.start:t.end], "may")
}

func isIf(norm string, t tk) bool {
	w := norm[t.start:t.end]
	return strings.EqualFold(w, "if") || strings.EqualFold(w, "unless")
}

// hypoBetween reports whether a hypothetical marker other than "if" lies in
// toks[a:b] ("would", "could", "might"): the main clause itself is then
// hypothetical.
func hypoBetween(norm string, toks []tk, a, b int) bool {
	for k := a; k < b; k++ {
		if toks[k].mark&mHypothetical != 0 && !isIf(norm, toks[k]) {
			return true
		}
	}
	return false
}

// wouldOnly reports whether the only hypothetical marker in toks[a:b] is
// "would", which in reported speech is the backshifted "will".
func wouldOnly(norm string, toks []tk, a, b int) bool {
	found := false
	for k := a; k < b; k++ {
		if toks[k].mark&mHypothetical == 0 {
			continue
		}
		if !strings.EqualFold(norm[toks[k].start:toks[k].end], "would") {
			return false
		}
		found = true
	}
	return found
}

// emit appends one event, skipping an exact duplicate of one already
// made from the same evidence.
func (c *Coder) emit(st *state, ctx *docCtx, dst []event.Event, src speaker, target, code, ruleID string, neg bool, modality string, quote bool, es, ee int, w when) []event.Event {
	if es < 0 || ee > len(ctx.d.Text) || es >= ee {
		return dst
	}
	// A person who goes on speaking in the next sentence without a new
	// date keeps the date of the last one ("He noted that …").
	if src.person != "" {
		switch {
		case w.prec != event.PrecisionDoc && w.date != "":
			ctx.dateSpk, ctx.dateW, ctx.dateSent = src.person, w, ctx.sent
		case ctx.dateSpk == src.person && ctx.dateSent >= ctx.sent-1:
			w = ctx.dateW
			ctx.dateSent = ctx.sent
		}
	}
	id := event.MakeID(ctx.d.ID, strconv.Itoa(es), src.code, target, code, ruleID)
	for i := len(dst) - 1; i >= 0 && i >= len(dst)-32; i-- {
		if dst[i].ID == id {
			return dst
		}
	}
	e := event.Event{
		ID:            id,
		Doc:           ctx.d.ID,
		DocTitle:      ctx.d.Title,
		DocURL:        ctx.d.URL,
		Date:          w.date,
		DatePrecision: w.prec,
		Source:        src.code,
		Target:        target,
		SourceRole:    src.role,
		Speaker:       src.person,
		CAMEO:         code,
		Negated:       neg,
		Modality:      modality,
		Quote:         quote,
		Evidence:      event.Evidence{Start: es, End: ee, Text: ctx.d.Text[es:ee]},
		Rule:          ruleID,
		Origin:        event.OriginText,
	}
	if !ctx.d.Date.IsZero() {
		e.DocDate = formatDate(ctx.d.Date, ctx.d.DatePrecision)
	}
	if e.Date == "" {
		e.DatePrecision = event.PrecisionNone
	}
	e.Fill()
	return append(dst, e)
}

// sentenceDate returns the statement date of a sentence and whether the
// sentence gave it (else the document's date, precision "doc").
func (c *Coder) sentenceDate(st *state, ctx *docCtx, s string) (when, bool) {
	if !mayHoldDate(s) {
		return ctx.docDate, false
	}
	st.dates = scanDates(s, st.dates[:0], &st.dwords)
	for _, d := range st.dates {
		var w when
		switch d.Rel {
		case "same":
			if ctx.lastDate.date == "" {
				continue
			}
			w = ctx.lastDate
		case "yesterday":
			if ctx.d.Date.IsZero() || ctx.d.DatePrecision != event.PrecisionDay {
				continue
			}
			w = when{ctx.d.Date.AddDate(0, 0, -1).Format("2006-01-02"), event.PrecisionDay}
		case "last-year", "this-year":
			if ctx.d.Date.IsZero() {
				continue
			}
			y := ctx.d.Date.Year()
			if d.Rel == "last-year" {
				y--
			}
			w = when{strconv.Itoa(y), event.PrecisionYear}
		case "years-ago":
			if ctx.d.Date.IsZero() {
				continue
			}
			w = when{strconv.Itoa(ctx.d.Date.Year() - d.Year), event.PrecisionYear}
		case "weekday", "last-weekday", "next-weekday":
			ref := ctx.ref
			if ref.IsZero() {
				continue
			}
			switch d.Prep {
			case "since", "until", "till", "by", "before", "from", "to", "through", "between", "beyond":
				continue
			}
			var t time.Time
			switch back := (int(ref.Weekday()) - d.Day + 7) % 7; d.Rel {
			case "weekday":
				t = ref.AddDate(0, 0, -back)
			case "last-weekday":
				if back == 0 {
					back = 7
				}
				t = ref.AddDate(0, 0, -back)
			default:
				fwd := (7 - back) % 7
				if fwd == 0 {
					fwd = 7
				}
				t = ref.AddDate(0, 0, fwd)
			}
			w = when{t.Format("2006-01-02"), event.PrecisionDay}
		case "days-later":
			last, err := time.Parse("2006-01-02", ctx.lastDate.date)
			if err != nil || ctx.lastDate.prec != event.PrecisionDay {
				continue
			}
			w = when{last.AddDate(0, 0, d.Day).Format("2006-01-02"), event.PrecisionDay}
		case "last-month":
			if ctx.d.Date.IsZero() || ctx.d.DatePrecision == event.PrecisionYear {
				continue
			}
			w = when{ctx.d.Date.AddDate(0, -1, 0).Format("2006-01"), event.PrecisionMonth}
		default:
			switch d.Prep {
			case "since", "until", "till", "by", "before", "from", "to", "through", "between", "beyond":
				continue
			}
			year := d.Year
			if year == 0 {
				switch {
				case len(ctx.lastDate.date) >= 4 && ctx.lastDate.prec != event.PrecisionDoc:
					year, _ = strconv.Atoi(ctx.lastDate.date[:4])
				case !ctx.findDate.IsZero():
					// A month without a year is the most recent such
					// month not after the document's date ("last March":
					// before its month).
					year = ctx.findDate.Year()
					if d.Precision == event.PrecisionMonth && ctx.d.DatePrecision != event.PrecisionYear {
						if m := int(ctx.findDate.Month()); d.Month > m || d.Prep == "last" && d.Month == m {
							year--
						}
					}
				default:
					continue
				}
			}
			if d.Precision == event.PrecisionYear && d.Prep != "in" && d.Prep != "during" && d.Prep != "of" && d.Prep != "" {
				continue
			}
			switch d.Precision {
			case event.PrecisionDay:
				w = when{time.Date(year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC).Format("2006-01-02"), event.PrecisionDay}
			case event.PrecisionMonth:
				w = when{time.Date(year, time.Month(d.Month), 1, 0, 0, 0, 0, time.UTC).Format("2006-01"), event.PrecisionMonth}
			default:
				w = when{strconv.Itoa(year), event.PrecisionYear}
			}
		}
		ctx.lastDate = w
		ctx.lastSent = ctx.sent
		return w, true
	}
	return ctx.docDate, false
}

// mayHoldDate is a cheap filter before [ScanDates]: a digit, or a word
// that starts a relative date.
func mayHoldDate(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i]-'0' < 10 {
			return true
		}
	}
	return strings.Contains(s, "ame ") || strings.Contains(s, "esterday") || strings.Contains(s, "ear") ||
		strings.Contains(s, "ary") || strings.Contains(s, "ber") || strings.Contains(s, "Ma") ||
		strings.Contains(s, "Ju") || strings.Contains(s, "April") || strings.Contains(s, "August") ||
		strings.Contains(s, "onth") || strings.Contains(s, "day") || strings.Contains(s, "ccasion") ||
		strings.Contains(s, "War") || strings.Contains(s, " ago")
}

// dateline returns the end of a wire dateline opening s ("MINSK, March 5
// (Reuters) - ", "KYIV, Ukraine (AP) — ", "BEIJING, Jan. 5 -- ") and the
// date it gives (zero when none), or 0 when s opens with none. A dateline
// is a place in capitals, then at most a few words, a day or a news
// agency in brackets, then a dash.
func dateline(s string, buf *[]Date, words *[]dword) (int, Date) {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\n') {
		i++
	}
	caps := 0
	for j := i; j < len(s) && s[j] >= 'A' && s[j] <= 'Z'; j++ {
		caps++
	}
	if caps < 3 || i+caps < len(s) && s[i+caps] >= 'a' && s[i+caps] <= 'z' {
		return 0, Date{}
	}
	lim := min(len(s), i+100)
	for j := i + caps; j < lim; j++ {
		switch s[j] {
		case '\n', '"', ';', ':':
			return 0, Date{}
		case '-':
			if j+1 >= len(s) || (s[j+1] != ' ' && s[j+1] != '-') || j == 0 || s[j-1] != ' ' {
				continue
			}
		case '\xe2': // an en or em dash
			if !strings.HasPrefix(s[j:], "—") && !strings.HasPrefix(s[j:], "–") {
				continue
			}
		default:
			continue
		}
		head := strings.TrimRight(s[i:j], " ")
		agency := strings.HasSuffix(head, ")") && strings.Contains(head, "(")
		var d Date
		*buf = scanDates(head, (*buf)[:0], words)
		for _, x := range *buf {
			if x.Precision == event.PrecisionDay {
				d = x
			}
		}
		if !agency && d.Precision == "" {
			return 0, Date{}
		}
		end := j
		for end < len(s) && (s[end] == '-' || s[end] == ' ' || s[end] >= 0x80 && !isLetterStart(s, end)) {
			end++
		}
		return end, d
	}
	return 0, Date{}
}

// isLetterStart reports whether the non-ASCII rune at s[i] is a letter.
func isLetterStart(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

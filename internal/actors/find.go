package actors

import (
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	tokWord   uint8 = iota + 1 // a run of letters, digits and marks
	tokApos                    // ' ’ ‘ ʼ
	tokHyphen                  // - ‐ ‑
	tokPunct                   // any other single non-space rune
)

// token is one word or punctuation rune of a text.
type token struct {
	start, end int32
	hash       uint64 // FNV-1a of the case-folded token (apostrophes and hyphens normalised)
	kind       uint8
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// tokenize appends the tokens of s to dst. Offsets beyond 2 GiB are not
// representable; Find stops at that point.
func tokenize(s string, dst []token) []token {
	n := len(s)
	if n > 1<<31-1 {
		n = 1<<31 - 1
	}
	i := 0
	for i < n {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
				j, h := wordAt(s, i, n)
				dst = append(dst, token{start: int32(i), end: int32(j), hash: h, kind: tokWord})
				i = j
			case c == ' ', c == '\t', c == '\n', c == '\r', c == '\f', c == '\v':
				i++
			case c == '\'':
				dst = append(dst, token{start: int32(i), end: int32(i + 1), hash: hashByte('\''), kind: tokApos})
				i++
			case c == '-':
				dst = append(dst, token{start: int32(i), end: int32(i + 1), hash: hashByte('-'), kind: tokHyphen})
				i++
			default:
				dst = append(dst, token{start: int32(i), end: int32(i + 1), hash: hashByte(c), kind: tokPunct})
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r):
			j, h := wordAt(s, i, n)
			dst = append(dst, token{start: int32(i), end: int32(j), hash: h, kind: tokWord})
			i = j
		case unicode.IsSpace(r):
			i += size
		case r == '’' || r == '‘' || r == 'ʼ':
			dst = append(dst, token{start: int32(i), end: int32(i + size), hash: hashByte('\''), kind: tokApos})
			i += size
		case r == '‐' || r == '‑':
			dst = append(dst, token{start: int32(i), end: int32(i + size), hash: hashByte('-'), kind: tokHyphen})
			i += size
		default:
			dst = append(dst, token{start: int32(i), end: int32(i + size), hash: hashRune(fnvOffset, r), kind: tokPunct})
			i += size
		}
	}
	return dst
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// wordAt scans the word starting at i and returns its end and folded hash.
func wordAt(s string, i, n int) (int, uint64) {
	h := uint64(fnvOffset)
	for i < n {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			default:
				return i, h
			}
			h = (h ^ uint64(c)) * fnvPrime
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) || (r == utf8.RuneError && size == 1) {
			return i, h
		}
		h = hashRune(h, unicode.ToLower(r))
		i += size
	}
	return i, h
}

func hashByte(c byte) uint64 { return (fnvOffset ^ uint64(c)) * fnvPrime }

func hashRune(h uint64, r rune) uint64 {
	u := uint32(r)
	for range 4 {
		h = (h ^ uint64(u&0xff)) * fnvPrime
		u >>= 8
	}
	return h
}

// Target classes of a pattern.
const (
	tActor  uint8 = iota + 1 // a state or organisation name
	tPerson                  // a person's name or surname
	tIgnore                  // a phrase that contains a name but is not that actor ("Georgia Tech")
	tPhrase                  // a role word ("government") or title ("President")
)

// pattern is one dictionary name, pre-tokenised.
type pattern struct {
	text   string
	toks   []string // each token's text as written
	up     []string // all-capitals form of a mixed-case token of 3+ letters, or the token itself when it has capitals; "" when it has none
	hashes []uint64
	class  uint8
	code   string   // actor code (tActor)
	people []string // person ids (tPerson); several when persons share a surname
	form   Form
	role   string // tActor: role implied by the name ("GOV" for "the Kremlin"); tPhrase: role of the phrase
	title  bool   // tPhrase: may precede a person's name
	office string // tPhrase: the office the phrase names ("foreign minister"), if any
	weak   bool   // tPerson: a surname that is also a common word ("Rice"): not matched first in a sentence
	entry  string
	line   int
	file   string
	lead   int // 1 when the first token is "the" and others follow: indexed by the second
}

// index maps the hash of a pattern's key token to the patterns, longest
// first, with a Bloom-style bit set in front so that most words of a text
// cost one bit test.
type index struct {
	m     map[uint64][]int32
	bloom []uint64
}

const bloomBits = 1 << 16

func newIndex() index {
	return index{m: make(map[uint64][]int32), bloom: make([]uint64, bloomBits/64)}
}

func (ix *index) clone() index {
	c := index{m: make(map[uint64][]int32, len(ix.m)), bloom: slices.Clone(ix.bloom)}
	for k, v := range ix.m {
		c.m[k] = slices.Clone(v)
	}
	return c
}

func (ix *index) add(h uint64, i int32) {
	ix.m[h] = append(ix.m[h], i)
	b := h & (bloomBits - 1)
	ix.bloom[b/64] |= 1 << (b % 64)
}

// matcher indexes patterns by the hash of their first token, or of their
// second when the first is "the": "the Alliance" is found at "Alliance"
// and then checked for a "the" before it, so that the commonest word of
// English costs nothing.
type matcher struct {
	pats    []pattern
	names   index            // tActor, tPerson, tIgnore
	phrases index            // tPhrase
	byKey   map[string]int32 // class group + exact tokens → pattern, for overrides
}

func newMatcher() matcher {
	return matcher{names: newIndex(), phrases: newIndex(), byKey: make(map[string]int32)}
}

func (m *matcher) clone() matcher {
	c := matcher{
		pats:    slices.Clone(m.pats),
		names:   m.names.clone(),
		phrases: m.phrases.clone(),
		byKey:   make(map[string]int32, len(m.byKey)),
	}
	for k, v := range m.byKey {
		c.byKey[k] = v
	}
	for i := range c.pats {
		c.pats[i].people = slices.Clone(c.pats[i].people)
	}
	return c
}

func (m *matcher) indexOf(class uint8) *index {
	if class == tPhrase {
		return &m.phrases
	}
	return &m.names
}

// keyOf is the override key of a pattern: its class group and exact tokens
// (apostrophes and hyphens normalised).
func keyOf(class uint8, text string, toks []token) string {
	var b strings.Builder
	if class == tPhrase {
		b.WriteString("p\x00")
	} else {
		b.WriteString("n\x00")
	}
	for _, t := range toks {
		switch t.kind {
		case tokApos:
			b.WriteByte('\'')
		case tokHyphen:
			b.WriteByte('-')
		default:
			b.WriteString(text[t.start:t.end])
		}
		b.WriteByte(0)
	}
	return b.String()
}

// makePattern tokenises text into a pattern; ok is false when the text has
// no tokens or does not start with a word.
func makePattern(text string) (pattern, []token, bool) {
	toks := tokenize(text, nil)
	if len(toks) == 0 || toks[0].kind != tokWord {
		return pattern{}, nil, false
	}
	p := pattern{text: text, toks: make([]string, len(toks)), up: make([]string, len(toks)), hashes: make([]uint64, len(toks))}
	if len(toks) > 1 && strings.EqualFold(text[toks[0].start:toks[0].end], "the") {
		p.lead = 1
	}
	for i, t := range toks {
		s := text[t.start:t.end]
		p.toks[i] = s
		p.hashes[i] = t.hash
		if strings.IndexFunc(s, unicode.IsUpper) >= 0 {
			up := strings.ToUpper(s)
			if up != s && utf8.RuneCountInString(s) < 3 {
				up = s
			}
			p.up[i] = up
		}
	}
	return p, toks, true
}

// put adds or replaces a pattern and returns its index.
func (m *matcher) put(p pattern, toks []token) int32 {
	key := keyOf(p.class, p.text, toks)
	if i, ok := m.byKey[key]; ok {
		old := &m.pats[i]
		if old.class == tPerson && p.class == tPerson {
			// Persons share this name (two Ivanovs, or a user's person
			// and a built-in one): keep all and pick by date when
			// matching.
			for _, id := range p.people {
				if !slices.Contains(old.people, id) {
					old.people = append(old.people, id)
				}
			}
			return i
		}
		if old.class == tPhrase && p.class == tPhrase {
			if p.role != "" && (old.role == "" || p.office == "") {
				old.role = p.role
			}
			old.title = old.title || p.title
			if p.office != "" {
				old.office = p.office
			}
			return i
		}
		m.remove(i)
	}
	i := int32(len(m.pats))
	m.pats = append(m.pats, p)
	m.byKey[key] = i
	m.indexOf(p.class).add(p.hashes[p.lead], i)
	return i
}

// remove drops pattern i from the indexes (its slot stays, unused).
func (m *matcher) remove(i int32) {
	p := &m.pats[i]
	ix := m.indexOf(p.class)
	h := p.hashes[p.lead]
	ix.m[h] = slices.DeleteFunc(ix.m[h], func(j int32) bool { return j == i })
	if len(ix.m[h]) == 0 {
		delete(ix.m, h)
	}
	for k, v := range m.byKey {
		if v == i {
			delete(m.byKey, k)
		}
	}
	p.class = 0
}

// sortIndex orders each candidate list by the number of tokens from the
// key token on, longest first (a leading "the" breaks ties), so that the
// first candidate that verifies is the longest match.
func (m *matcher) sortIndex() {
	for _, ix := range []*index{&m.names, &m.phrases} {
		for _, v := range ix.m {
			slices.SortStableFunc(v, func(a, b int32) int {
				pa, pb := &m.pats[a], &m.pats[b]
				if d := (len(pb.hashes) - pb.lead) - (len(pa.hashes) - pa.lead); d != 0 {
					return d
				}
				return pb.lead - pa.lead
			})
		}
	}
}

// at returns the longest pattern of ix whose key token is token i, as its
// index and the token span [start, end) it covers; pi is -1 when none
// matches. A pattern that begins with "the" may start at i-1, but not
// before floor.
func (m *matcher) at(ix *index, text string, toks []token, i, floor int) (pi int32, start, end int) {
	h := toks[i].hash
	b := h & (bloomBits - 1)
	if ix.bloom[b/64]&(1<<(b%64)) == 0 {
		return -1, 0, 0
	}
	cands, ok := ix.m[h]
	if !ok {
		return -1, 0, 0
	}
next:
	for _, ci := range cands {
		p := &m.pats[ci]
		s := i - p.lead
		n := len(p.hashes)
		if s < floor || s+n > len(toks) {
			continue
		}
		for k := range n {
			t := toks[s+k]
			if t.hash != p.hashes[k] {
				continue next
			}
			if up := p.up[k]; up != "" {
				w := text[t.start:t.end]
				if w != p.toks[k] && w != up {
					continue next
				}
			}
		}
		return ci, s, s + n
	}
	return -1, 0, 0
}

var tokPool = sync.Pool{New: func() any { s := make([]token, 0, 256); return &s }}

// Find appends to dst every actor named in text and returns the extended
// slice. Matches are word-bounded, non-overlapping and leftmost-longest
// ("Russian Federation" rather than "Russian"), in text order. The date
// decides which office a named person held (a zero date: their most recent
// office). Phrases around a name refine its role: "the Belarusian
// government", "Russia's armed forces", "the Government of Belarus",
// "President Lukashenko" (the match then spans the whole phrase).
func (d *Dict) Find(text string, date time.Time, dst []Match) []Match {
	bp := tokPool.Get().(*[]token)
	toks := tokenize(text, (*bp)[:0])
	day := dayOf(date)
	floor := 0
	for i := 0; i < len(toks); i++ {
		if toks[i].kind != tokWord {
			continue
		}
		mt, next, ok := d.matchAt(text, toks, i, floor, day)
		if ok {
			dst = append(dst, mt)
		}
		if next > i {
			floor = next
			i = next - 1
		}
	}
	if cap(toks) <= 1<<16 {
		*bp = toks[:0]
		tokPool.Put(bp)
	}
	return dst
}

// matchAt tries a match whose key token is i (it may start at a "the"
// before i, not before floor). next is the token after what was consumed
// (i or less when nothing was), ok whether a Match was produced.
func (d *Dict) matchAt(text string, toks []token, i, floor int, day int32) (Match, int, bool) {
	m := &d.m
	qi, qs, qe := m.at(&m.phrases, text, toks, i, floor)
	var q *pattern
	if qi >= 0 {
		q = &m.pats[qi]
		// A title before a person's name: "President Lukashenko",
		// "Secretary-General Guterres".
		if q.title && qe < len(toks) {
			if pi, s, e := m.at(&m.names, text, toks, qe, qe); pi >= 0 && m.pats[pi].class == tPerson {
				mt := d.build(&m.pats[pi], text, toks, s, e, day)
				mt.Start = int(toks[qs].start)
				return mt, e, true
			}
		}
	}
	if pi, s, e := m.at(&m.names, text, toks, i, floor); pi >= 0 {
		p := &m.pats[pi]
		if p.class == tIgnore {
			return Match{}, e, false
		}
		if p.weak && sentenceStart(text, toks, s) {
			return Match{}, i, false
		}
		if currencyMark(text, int(toks[s].start), int(toks[e-1].end)) {
			return Match{}, e, false // "$US 13 billion", "US$ 1 billion", "A$", "NZ$"
		}
		// "the Secretary-General of NATO": a name no longer than a role
		// word that is followed by "of" and an actor is that role word.
		if q != nil && e <= qe {
			if mt, next, ok := d.roleOf(q, text, toks, qs, qe, day); ok {
				return mt, next, true
			}
		}
		mt := d.build(p, text, toks, s, e, day)
		j := e
		if p.class == tActor && !mt.Attached && p.form != Capital && p.form != Demonym {
			if k := skipPossessive(toks, j); k < len(toks) {
				if ri, _, re := m.at(&m.phrases, text, toks, k, k); ri >= 0 && m.pats[ri].role != "" {
					// Not "Russian President Putin" (a title), "Russian
					// state-owned" (a compound), "the Belarusian Minister
					// of Sport" (a role of something else) or "US State
					// Department" (a longer name).
					if !d.personAt(text, toks, re) && !followsOf(text, toks, re) && !attached(toks, k, re-k) && !d.longerName(text, toks, k, re) {
						mt.End = int(toks[re-1].end)
						if mt.Role == "" || m.pats[ri].role == "MIL" {
							mt.Role = m.pats[ri].role
						}
						d.fillOffice(&mt, m.pats[ri].office, day)
						j = re
					}
				}
			}
		}
		return mt, j, true
	}
	if q != nil {
		return d.roleOf(q, text, toks, qs, qe, day)
	}
	return Match{}, i, false
}

// roleOf matches a role word q at tokens [qs, qe) followed by "of", an
// optional "the" and a state or organisation: "the Government of Belarus",
// "the armed forces of the Russian Federation".
func (d *Dict) roleOf(q *pattern, text string, toks []token, qs, qe int, day int32) (Match, int, bool) {
	if q.role == "" || !followsOf(text, toks, qe) {
		return Match{}, qs, false
	}
	k := qe + 1
	if k < len(toks) && isWord(text, toks[k], "the") {
		k++
	}
	if k < len(toks) {
		if pi, s, e := d.m.at(&d.m.names, text, toks, k, qe+1); pi >= 0 && d.m.pats[pi].class == tActor {
			mt := d.build(&d.m.pats[pi], text, toks, s, e, day)
			mt.Start = int(toks[qs].start)
			mt.Role = q.role
			d.fillOffice(&mt, q.office, day)
			return mt, e, true
		}
	}
	return Match{}, qs, false
}

// build makes the Match for pattern p found at tokens [s, e).
func (d *Dict) build(p *pattern, text string, toks []token, s, e int, day int32) Match {
	mt := Match{
		Start: int(toks[s].start),
		End:   int(toks[e-1].end),
		Form:  p.form,
		Entry: p.entry,
		Role:  p.role,
	}
	mt.Attached = attached(toks, s, e-s)
	if p.class == tPerson {
		pr := d.pickPerson(p.people, day)
		mt.Kind = Person
		if pr.entry != "" {
			mt.Entry = pr.entry
		}
		mt.Person = pr.name
		mt.Code = pr.nat
		if o, ok := pr.officeAt(day); ok {
			mt.Code, mt.Role, mt.Office = o.code, o.role, o.title
		}
		return mt
	}
	mt.Code = p.code
	if a, ok := d.actors[p.code]; ok {
		mt.Kind = a.Kind
	}
	return mt
}

// pickPerson chooses among persons sharing a name: the one in office on
// day, else the one whose last office began most recently before day (or
// at all, for a zero day).
func (d *Dict) pickPerson(ids []string, day int32) *person {
	var best *person
	var bestStart int32 = -1
	for _, id := range ids {
		pr := d.persons[id]
		if pr == nil {
			continue
		}
		if day != 0 {
			if _, ok := pr.officeAt(day); ok {
				return pr
			}
		}
		var s int32
		for _, o := range pr.offices {
			if (day == 0 || o.period.start <= day) && o.period.start > s {
				s = o.period.start
			}
		}
		if best == nil || s > bestStart {
			best, bestStart = pr, s
		}
	}
	if best == nil {
		return &person{}
	}
	return best
}

// personAt reports whether a person's name starts at token i.
func (d *Dict) personAt(text string, toks []token, i int) bool {
	if i >= len(toks) {
		return false
	}
	pi, _, _ := d.m.at(&d.m.names, text, toks, i, i)
	return pi >= 0 && d.m.pats[pi].class == tPerson
}

// fillOffice records the office a phrase named ("the Belarusian Foreign
// Minister") and, when the dictionaries know who held it on day, the
// holder's name.
func (d *Dict) fillOffice(mt *Match, office string, day int32) {
	if office == "" {
		return
	}
	mt.Office = office
	if pr := d.holder(mt.Code, office, day); pr != nil {
		mt.Person = pr.name
	}
}

// longerName reports whether a name starting at token k ends after token
// end ("US State Department": "State Department" is a name, so "State" is
// not a role word there).
func (d *Dict) longerName(text string, toks []token, k, end int) bool {
	pi, _, e := d.m.at(&d.m.names, text, toks, k, k)
	return pi >= 0 && e > end
}

// sentenceStart reports whether token i may begin a sentence: it is the
// first token, or follows sentence-final punctuation, an opening quote or
// bracket, or a line break.
func sentenceStart(text string, toks []token, i int) bool {
	if i == 0 {
		return true
	}
	prev := toks[i-1]
	if strings.ContainsAny(text[prev.end:toks[i].start], "\n\r") {
		return true
	}
	switch text[prev.start:prev.end] {
	case ".", "!", "?", ":", ";", "\"", "“", "‘", "'", "(", "[", "—", "–", "•":
		return true
	}
	return false
}

// followsOf reports whether token i is the word "of".
func followsOf(text string, toks []token, i int) bool {
	return i < len(toks) && isWord(text, toks[i], "of")
}

func isWord(text string, t token, w string) bool {
	return t.kind == tokWord && strings.EqualFold(text[t.start:t.end], w)
}

// skipPossessive returns the token after a possessive ending at j ("'s",
// "’s", or a bare apostrophe after a final s), or j.
func skipPossessive(toks []token, j int) int {
	if j < len(toks) && toks[j].kind == tokApos && toks[j].start == toks[j-1].end {
		if j+1 < len(toks) && toks[j+1].kind == tokWord && toks[j+1].start == toks[j].end &&
			toks[j+1].end-toks[j+1].start == 1 && toks[j+1].hash == hashByte('s') {
			return j + 2
		}
		return j + 1
	}
	return j
}

// currencyMark reports whether the name at text[start:end] is glued to a
// dollar sign, as in "$US", "US$" or "HK$": a currency, not the state.
func currencyMark(text string, start, end int) bool {
	return (start > 0 && text[start-1] == '$') || (end < len(text) && text[end] == '$')
}

// attached reports whether tokens [i, i+n) are joined to a word by a
// hyphen on either side ("pro-Russian", "Russian-led").
func attached(toks []token, i, n int) bool {
	if i >= 2 && toks[i-1].kind == tokHyphen && toks[i-1].end == toks[i].start &&
		toks[i-2].kind == tokWord && toks[i-2].end == toks[i-1].start {
		return true
	}
	j := i + n
	return j+1 < len(toks) && toks[j].kind == tokHyphen && toks[j].start == toks[j-1].end &&
		toks[j+1].kind == tokWord && toks[j+1].start == toks[j].end
}

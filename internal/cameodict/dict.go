package cameodict

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Format is a dictionary dialect.
type Format string

// Dictionary formats. They differ in how phrases match: TABARI treats a
// phrase's last word as a stem unless it ends with "_"; PETRARCH matches
// whole words only. Both read the same file syntax.
const (
	FormatAuto     Format = ""
	FormatTABARI   Format = "tabari"
	FormatPETRARCH Format = "petrarch"
)

// ErrNoVerbs is returned by [Load] when no verb dictionary was found.
var ErrNoVerbs = errors.New("no verb dictionary")

// Files names the dictionary files of each kind.
type Files struct {
	Actors, Agents, Verbs, Discards, Issues []string
}

// Dictionary is a loaded and compiled set of CAMEO dictionaries, ready for
// a [Coder]. It is read-only after [Load] and may be shared by coders in
// several goroutines.
type Dictionary struct {
	Format   Format
	Actors   []Actor
	Agents   []Agent
	Verbs    *Verbs
	Discards []Discard
	Issues   []Issue
	// Files are the files read, by kind; Skipped the files in the folder
	// that were not dictionaries fulcrum uses (issue lists, notes).
	Files   Files
	Skipped []string
	// Warnings are non-fatal problems: patterns skipped for undefined
	// synsets, 7-digit dates, unknown CAMEO codes.
	Warnings []error

	vocab    map[string]int32
	words    []string
	actors   *trieNode
	agents   *trieNode
	discards *trieNode
	issues   *trieNode    // values: index into Issues
	verbs    [][]verbForm // by word id
	// verbStems holds TABARI verb stems ("ACCUS"); verbStemLens their
	// lengths, longest first.
	verbStems    map[string][]verbForm
	verbStemLens []int
	flags        []uint8 // by word id
	sets         []compiledSet
	synsets      map[string][][]int32
	fn           funcWords
}

type trieNode struct {
	first []*trieNode // roots only: children by word id, filled by compile
	next  map[int32]*trieNode
	stems map[string]*trieNode
	vals  []int32
	// stemLens are the distinct lengths of the keys of stems, ascending,
	// and stemStart marks the first two bytes of any stem: together they
	// keep a token from being looked up at every prefix length.
	stemLens  []int
	stemStart *[1 << 16 / 8]byte
}

// indexStems fills stemLens and stemStart below n.
func (n *trieNode) indexStems() {
	if len(n.stems) > 0 {
		seen := map[int]bool{}
		n.stemStart = new([1 << 16 / 8]byte)
		for k := range n.stems {
			if !seen[len(k)] {
				seen[len(k)] = true
				n.stemLens = append(n.stemLens, len(k))
			}
			n.stemStart[prefix2(k)/8] |= 1 << (prefix2(k) % 8)
		}
		sort.Ints(n.stemLens)
	}
	for _, ch := range n.next {
		ch.indexStems()
	}
	for _, ch := range n.stems {
		ch.indexStems()
	}
}

// prefix2 packs the first two bytes of s (one byte and 0 for a
// one-byte s).
func prefix2[S ~string | ~[]byte](s S) uint16 {
	if len(s) == 1 {
		return uint16(s[0]) << 8
	}
	return uint16(s[0])<<8 | uint16(s[1])
}

func (n *trieNode) child(id int32) *trieNode {
	if n.next == nil {
		n.next = map[int32]*trieNode{}
	}
	c := n.next[id]
	if c == nil {
		c = &trieNode{}
		n.next[id] = c
	}
	return c
}

func (n *trieNode) stemChild(w string) *trieNode {
	if n.stems == nil {
		n.stems = map[string]*trieNode{}
	}
	c := n.stems[w]
	if c == nil {
		c = &trieNode{}
		n.stems[w] = c
	}
	return c
}

type verbForm struct {
	set, verb int32
	rest      []int32 // words after the first, consecutive
}

type compiledSet struct {
	set       *VerbSet
	patterns  []cpattern
	verbRules []string // "file:line" of each verb, the rule of its default code
}

type celem struct {
	kind ElemKind
	id   int32
	stem string // TABARI: a word matched as a prefix; id is then unused
	syn  [][]int32
	gap  bool // other tokens may come between this element and its neighbour toward the verb
}

type cpattern struct {
	pre, post []celem
	p         *Pattern
	req       []int32 // literal words the sentence must contain
	rule      string  // "file:line"
}

type funcWords struct {
	and, of, the, s, for_, a, an, to int32
}

// Flags of function words.
const (
	flagNegator uint8 = 1 << iota
	flagIntent
	flagHypothetical
	flagNounDet
	flagConj
	flagAux
	flagFirstPerson
)

// has reports whether word id carries any of the flags.
func (d *Dictionary) has(id int32, f uint8) bool {
	return id >= 0 && int(id) < len(d.flags) && d.flags[id]&f != 0
}

// Load reads every dictionary in dir, classifying files by name: names
// containing "actor" are actor files, "agent" agents, "discard" discards,
// "issue" issue lists, "verb" or starting with "CAMEO" verb patterns; other
// files are listed in Skipped. format FormatAuto picks PETRARCH when the verb file has
// "--- NAME [CODE] ---" block headers and TABARI otherwise.
func Load(dir string, format Format) (*Dictionary, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read dictionary folder: %w", err)
	}
	var fs Files
	var skipped []string
	for _, e := range ents {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		n := strings.ToLower(e.Name())
		switch {
		case strings.Contains(n, "issue"):
			fs.Issues = append(fs.Issues, p)
		case strings.Contains(n, "discard"):
			fs.Discards = append(fs.Discards, p)
		case strings.Contains(n, "agent"):
			fs.Agents = append(fs.Agents, p)
		case strings.Contains(n, "actor"):
			fs.Actors = append(fs.Actors, p)
		case strings.Contains(n, "verb") || strings.HasPrefix(n, "cameo"):
			fs.Verbs = append(fs.Verbs, p)
		default:
			skipped = append(skipped, p)
		}
	}
	d, err := LoadFiles(fs, format)
	if err != nil {
		return nil, err
	}
	d.Skipped = skipped
	return d, nil
}

// LoadFiles reads the named dictionary files and compiles them. At least
// one verb file is required ([ErrNoVerbs]).
func LoadFiles(fs Files, format Format) (*Dictionary, error) {
	if len(fs.Verbs) == 0 {
		return nil, fmt.Errorf("load dictionaries: %w (want a file named *verb* or CAMEO*)", ErrNoVerbs)
	}
	d := &Dictionary{Files: fs, Verbs: &Verbs{Synsets: map[string]*Synset{}}}
	warn := func(err error) { d.Warnings = append(d.Warnings, err) }
	headers := false
	for _, f := range fs.Verbs {
		err := withFile(f, func(r io.Reader) error {
			v, err := ReadVerbs(r, filepath.Base(f), warn)
			if err != nil {
				return err
			}
			for k, s := range v.Synsets {
				d.Verbs.Synsets[k] = s
			}
			d.Verbs.Sets = append(d.Verbs.Sets, v.Sets...)
			return nil
		})
		if err != nil {
			return nil, err
		}
		if format == FormatAuto && !headers {
			headers = hasBlockHeaders(f)
		}
	}
	for _, f := range fs.Actors {
		err := withFile(f, func(r io.Reader) error {
			a, err := ReadActors(r, filepath.Base(f), warn)
			d.Actors = append(d.Actors, a...)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	for _, f := range fs.Agents {
		err := withFile(f, func(r io.Reader) error {
			a, err := ReadAgents(r, filepath.Base(f), warn)
			d.Agents = append(d.Agents, a...)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	for _, f := range fs.Discards {
		err := withFile(f, func(r io.Reader) error {
			a, err := ReadDiscards(r, filepath.Base(f), warn)
			d.Discards = append(d.Discards, a...)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	for _, f := range fs.Issues {
		err := withFile(f, func(r io.Reader) error {
			a, err := ReadIssues(r, filepath.Base(f))
			d.Issues = append(d.Issues, a...)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	switch {
	case format != FormatAuto:
		d.Format = format
	case headers:
		d.Format = FormatPETRARCH
	default:
		d.Format = FormatTABARI
	}
	d.compile()
	return d, nil
}

// New compiles dictionaries that were read with the Read functions (or
// built in code). A nil verbs is an empty verb dictionary.
func New(format Format, actors []Actor, agents []Agent, verbs *Verbs, discards []Discard) *Dictionary {
	if format == FormatAuto {
		format = FormatPETRARCH
	}
	if verbs == nil {
		verbs = &Verbs{Synsets: map[string]*Synset{}}
	}
	d := &Dictionary{Format: format, Actors: actors, Agents: agents, Verbs: verbs, Discards: discards}
	d.compile()
	return d
}

func withFile(path string, fn func(io.Reader) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open dictionary: %w", err)
	}
	defer f.Close()
	return fn(bufio.NewReaderSize(f, 256*1024))
}

func hasBlockHeaders(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	for sc.Scan() {
		s := sc.Text()
		if strings.HasPrefix(s, "---") && strings.Contains(s, "[") && strings.HasSuffix(strings.TrimSpace(s), "---") {
			return true
		}
	}
	return false
}

// stems reports whether phrases match TABARI-style with stems.
func (d *Dictionary) stems() bool { return d.Format == FormatTABARI }

func (d *Dictionary) id(w string) int32 {
	if id, ok := d.vocab[w]; ok {
		return id
	}
	id := int32(len(d.words))
	d.vocab[w] = id
	d.words = append(d.words, w)
	return id
}

// insert adds phrase p to a trie. With stems, a phrase that did not end in
// "_" matches any word beginning with its last word.
func (d *Dictionary) insert(root *trieNode, p Phrase, val int32, stems bool) {
	n := root
	for i, w := range p.Words {
		if i == len(p.Words)-1 && p.Stem && stems {
			n = n.stemChild(w)
			break
		}
		n = n.child(d.id(w))
	}
	n.vals = append(n.vals, val)
}

func (d *Dictionary) compile() {
	d.splitTABARIActors()
	d.vocab = make(map[string]int32, 1<<16)
	d.actors, d.agents, d.discards, d.issues = &trieNode{}, &trieNode{}, &trieNode{}, &trieNode{}
	for i := range d.Issues {
		d.insert(d.issues, d.Issues[i].Phrase, int32(i), false)
	}
	for i := range d.Actors {
		for _, p := range d.Actors[i].Phrases {
			d.insert(d.actors, p, int32(i), d.stems())
		}
	}
	for i := range d.Agents {
		d.insert(d.agents, d.Agents[i].Phrase, int32(i), d.stems())
	}
	for i := range d.Discards {
		d.insert(d.discards, d.Discards[i].Phrase, int32(i), true) // discards are stems in both dialects
	}
	d.synsets = make(map[string][][]int32, len(d.Verbs.Synsets))
	for name, s := range d.Verbs.Synsets {
		ph := make([][]int32, 0, len(s.Phrases))
		for _, p := range s.Phrases {
			ids := make([]int32, len(p))
			for i, w := range p {
				ids[i] = d.id(w)
			}
			ph = append(ph, ids)
		}
		d.synsets[name] = ph
	}
	verbs := map[int32][]verbForm{}
	d.sets = make([]compiledSet, len(d.Verbs.Sets))
	for si, set := range d.Verbs.Sets {
		for vi, v := range set.Verbs {
			forms := v.Forms
			if d.stems() && v.Regular {
				forms = forms[:1] // TABARI: the written form (or stem) only
			}
			for _, f := range forms {
				vf := verbForm{set: int32(si), verb: int32(vi)}
				for _, w := range f[1:] {
					vf.rest = append(vf.rest, d.id(w))
				}
				if v.Stem && d.stems() && len(f) == 1 {
					if d.verbStems == nil {
						d.verbStems = map[string][]verbForm{}
					}
					d.verbStems[f[0]] = append(d.verbStems[f[0]], vf)
					continue
				}
				first := d.id(f[0])
				verbs[first] = append(verbs[first], vf)
			}
			d.checkCode(v.Code, v.File, v.Line)
		}
		d.checkCode(set.Code, set.File, set.Line)
		ps := sortPatterns(set.Patterns)
		cs := compiledSet{set: set, patterns: make([]cpattern, len(ps))}
		for _, v := range set.Verbs {
			cs.verbRules = append(cs.verbRules, fmt.Sprintf("%s:%d", filepath.Base(v.File), v.Line))
		}
		for pi := range ps {
			p := &ps[pi]
			d.checkCode(p.Code, p.File, p.Line)
			d.checkCode(p.Code2, p.File, p.Line)
			cp := cpattern{p: p, rule: fmt.Sprintf("%s:%d", filepath.Base(p.File), p.Line)}
			cp.pre = d.compileElems(p.Pre, true)
			cp.post = d.compileElems(p.Post, false)
			for _, e := range append(append([]celem(nil), cp.pre...), cp.post...) {
				if e.kind == ElemWord && e.stem == "" {
					cp.req = append(cp.req, e.id)
				}
			}
			cs.patterns[pi] = cp
		}
		d.sets[si] = cs
	}
	fn := &d.fn
	fn.and, fn.of, fn.the, fn.s, fn.for_ = d.id("AND"), d.id("OF"), d.id("THE"), d.id("'S"), d.id("FOR")
	fn.a, fn.an, fn.to = d.id("A"), d.id("AN"), d.id("TO")
	var flagged []struct {
		w string
		f uint8
	}
	set := func(f uint8, ws ...string) {
		for _, w := range ws {
			d.id(w)
			flagged = append(flagged, struct {
				w string
				f uint8
			}{w, f})
		}
	}
	set(flagNegator, "NOT", "N'T", "NEVER", "NO", "CANNOT", "NEITHER", "NOR")
	set(flagIntent, "WILL", "SHALL", "INTENDS", "INTEND", "PLANS", "PLAN")
	set(flagHypothetical, "WOULD", "COULD", "MIGHT", "MAY", "SHOULD", "IF", "UNLESS")
	set(flagFirstPerson, "I", "WE", "MY", "OUR")
	set(flagConj, "AND", "BUT", "WHILE", "WHEREAS")
	set(flagAux, "DID", "DOES", "DO", "HAS", "HAVE", "HAD", "WILL", "WOULD", "SHALL", "SHOULD", "CAN", "COULD", "MAY", "MIGHT", "MUST", "IS", "ARE", "WAS", "WERE", "ALSO", "THEN")
	set(flagNounDet, "THE", "A", "AN", "ITS", "THEIR", "HIS", "HER", "OUR", "THIS", "THAT", "THESE", "THOSE", "'S")
	// The vocabulary is complete: index what the coder looks up by id.
	d.flags = make([]uint8, len(d.words))
	for _, x := range flagged {
		d.flags[d.vocab[x.w]] |= x.f
	}
	lens := map[int]bool{}
	for k := range d.verbStems {
		if !lens[len(k)] {
			lens[len(k)] = true
			d.verbStemLens = append(d.verbStemLens, len(k))
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(d.verbStemLens)))
	d.verbs = make([][]verbForm, len(d.words))
	for id, v := range verbs {
		d.verbs[id] = v
	}
	for _, root := range []*trieNode{d.actors, d.agents, d.discards, d.issues} {
		root.indexStems()
		root.first = make([]*trieNode, len(d.words))
		for id, ch := range root.next {
			root.first[id] = ch
		}
	}
	sort.Slice(d.Warnings, func(i, j int) bool { return d.Warnings[i].Error() < d.Warnings[j].Error() })
}

// splitTABARIActors moves what TABARI kept in its actors files to where
// the coder looks for it: entries coded "[~GOV]" or "[NGO~]" become agents
// and entries coded "[###]" become sentence discards.
func (d *Dictionary) splitTABARIActors() {
	kept := d.Actors[:0:0]
	for _, a := range d.Actors {
		code := ""
		if len(a.Codes) == 1 && a.Codes[0].Default() {
			code = a.Codes[0].Code
		}
		switch ag, prefix, ok := agentCode(code); {
		case ok && strings.Contains(code, "~"):
			for _, p := range a.Phrases {
				d.Agents = append(d.Agents, Agent{Phrase: p, Code: ag, Prefix: prefix, File: a.File, Line: a.Line})
			}
		case code == "###":
			for _, p := range a.Phrases {
				d.Discards = append(d.Discards, Discard{Phrase: p, File: a.File, Line: a.Line})
			}
		default:
			kept = append(kept, a)
		}
	}
	d.Actors = kept
}

// compileElems turns pattern elements into word ids. For elements before
// the verb, an element may be followed by a gap unless the next one was
// joined to it; for elements after, an element may be preceded by a gap
// unless it was joined to the previous one.
func (d *Dictionary) compileElems(es []Elem, pre bool) []celem {
	out := make([]celem, len(es))
	for i, e := range es {
		c := celem{kind: e.Kind}
		switch e.Kind {
		case ElemWord:
			if e.Stem && d.stems() {
				c.stem = e.Word
			} else {
				c.id = d.id(e.Word)
			}
		case ElemSynset:
			c.syn = d.synsets[e.Word]
			for _, alt := range e.Alts {
				ids := make([]int32, len(alt))
				for k, w := range alt {
					ids[k] = d.id(w)
				}
				c.syn = append(c.syn, ids)
			}
		}
		if pre {
			c.gap = i == len(es)-1 || !es[i+1].Next
		} else {
			c.gap = !e.Next
		}
		out[i] = c
	}
	return out
}

func (d *Dictionary) checkCode(code, file string, line int) {
	if code == "" || code == "---" || code == "###" {
		return
	}
	a, b, _ := strings.Cut(code, ":")
	for _, c := range []string{a, b} {
		if c == "" || c == "---" {
			continue
		}
		if _, ok := lookupCode(c); !ok {
			d.Warnings = append(d.Warnings, &ParseError{File: file, Line: line, Err: fmt.Errorf("code %s is not in the CAMEO table; events keep it without Goldstein or PLOVER", c)})
		}
	}
}

// Stats counts what a dictionary holds.
type Stats struct {
	Actors, ActorPhrases, Agents, VerbSets, Verbs, VerbForms, Patterns, Synsets, Discards, Issues int
}

// Stats returns counts of the dictionary's entries.
func (d *Dictionary) Stats() Stats {
	s := Stats{Actors: len(d.Actors), Agents: len(d.Agents), VerbSets: len(d.Verbs.Sets), Synsets: len(d.Verbs.Synsets), Discards: len(d.Discards), Issues: len(d.Issues)}
	for _, a := range d.Actors {
		s.ActorPhrases += len(a.Phrases)
	}
	for _, set := range d.Verbs.Sets {
		s.Verbs += len(set.Verbs)
		s.Patterns += len(set.Patterns)
		for _, v := range set.Verbs {
			s.VerbForms += len(v.Forms)
		}
	}
	return s
}

// LookupActor returns the actors whose phrases match the words of phrase
// exactly (blank- or "_"-separated, any case), for tests and tools.
func (d *Dictionary) LookupActor(phrase string) []*Actor {
	p, ok := parsePhrase(phrase)
	if !ok {
		return nil
	}
	var out []*Actor
	for i := range d.Actors {
		for _, ap := range d.Actors[i].Phrases {
			if strings.Join(ap.Words, " ") == strings.Join(p.Words, " ") {
				out = append(out, &d.Actors[i])
				break
			}
		}
	}
	return out
}

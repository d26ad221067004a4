package cameodict

import (
	"fmt"
	"strconv"
	"strings"

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
	speaker    string // the named office-holder in the phrase, if any
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

package code

import (
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/actors"
)

// Transcript turns.
//
// A press-conference or briefing transcript opens each turn with a speaker
// label: "MR. LAVROV:", "Sergey Lavrov:", "SPOKESPERSON ZAKHAROVA:",
// "Ms. Psaki:", or a journalist's "Q:", "QUESTION:", "Q (Al-Ahram):",
// "MODERATOR:". The label sets who "I" and "we" are until the next label
// (the speaker's state on the document's date, through the actor
// dictionary's office-holders); a journalist's or moderator's turn states
// nothing for any state and gives no event.

// Label shapes.
const (
	labelNone = iota
	labelAsk  // Q:, QUESTION:, MODERATOR:
	labelName // a speaker's name, resolved or not
)

// maxLabel bounds a label's length in bytes, colon included.
const maxLabel = 72

// askWords open the label of a turn that is no state's statement.
var askWords = map[string]bool{
	"q": true, "question": true, "questions": true, "journalist": true,
	"reporter": true, "correspondent": true, "moderator": true,
	"participant": true, "audience": true, "interviewer": true,
}

// answerWords open the label of an answer without a name.
var answerWords = map[string]bool{"a": true, "answer": true, "reply": true, "response": true}

// labelTitles are courtesy titles that make a capitalised name a label
// ("Ms. Psaki:") even when the dictionary does not know the person.
var labelTitles = map[string]bool{
	"mr": true, "ms": true, "mrs": true, "dr": true, "amb": true,
	"ambassador": true, "spokesperson": true, "spokesman": true,
	"spokeswoman": true,
}

// labelShape parses a speaker label at norm[i:end]: its shape, the end of
// the name (before any parenthesis) and the offset of the text after the
// colon and its spaces. A plain capitalised name ("Sergey Lavrov:") has
// shape labelName with known=false: it is a label only when the
// dictionary knows the person.
func labelShape(norm string, i, end int) (shape, nameEnd, next int, known, caps bool) {
	lim := min(end, i+maxLabel)
	if i >= lim {
		return labelNone, 0, 0, false, false
	}
	c0 := norm[i]
	if c0 < 'A' || c0 > 'Z' {
		return labelNone, 0, 0, false, false
	}
	colon := strings.IndexByte(norm[i:lim], ':')
	if colon <= 0 {
		return labelNone, 0, 0, false, false
	}
	colon += i
	next = colon + 1
	if next < end && norm[next] != ' ' && norm[next] != '\n' {
		return labelNone, 0, 0, false, false // "10:30", "https://"
	}
	next = skipBlanks(norm, next, end)
	if next < end && isQuoteStart(norm[next:]) {
		// "Makei: “…”": a quotation with its speaker, attributed as such.
		return labelNone, 0, 0, false, false
	}
	nameEnd = colon
	for nameEnd > i && norm[nameEnd-1] == ' ' {
		nameEnd--
	}
	if nameEnd > i && norm[nameEnd-1] == ')' {
		// "Q (Al-Ahram):", "LAVROV (via interpreter):"
		p := strings.LastIndexByte(norm[i:nameEnd], '(')
		if p <= 0 {
			return labelNone, 0, 0, false, false
		}
		nameEnd = i + p
		for nameEnd > i && norm[nameEnd-1] == ' ' {
			nameEnd--
		}
	}
	name := norm[i:nameEnd]
	if name == "" || strings.IndexByte(name, '\n') >= 0 {
		return labelNone, 0, 0, false, false
	}
	words, titled := 0, false
	caps = true
	for w := range strings.FieldsSeq(name) {
		words++
		if words > 5 {
			return labelNone, 0, 0, false, false
		}
		c := w[0]
		if (c < 'A' || c > 'Z') && c < 0x80 {
			return labelNone, 0, 0, false, false
		}
		for k := 0; k < len(w); k++ {
			b := w[k]
			switch {
			case b >= '0' && b <= '9', b == ',', b == ';', b == '"':
				return labelNone, 0, 0, false, false
			case b >= 'a' && b <= 'z':
				caps = false
			}
		}
		lw := strings.ToLower(strings.TrimSuffix(w, "."))
		if words == 1 && askWords[lw] {
			return labelAsk, nameEnd, next, true, false
		}
		if words == 1 && answerWords[lw] && !strings.ContainsAny(name, " ") {
			// "A:", "ANSWER:": the reply to a question, by the document's
			// Author when no name is given; it ends the question's turn.
			return labelName, nameEnd, next, true, false
		}
		if words == 1 && labelTitles[lw] {
			titled = true
		}
	}
	if caps && len(name) < 2 {
		return labelNone, 0, 0, false, false
	}
	return labelName, nameEnd, next, caps || titled, caps
}

// isQuoteStart reports whether s opens with a quotation mark.
func isQuoteStart(s string) bool {
	return s[0] == '"' || s[0] == '\'' || strings.HasPrefix(s, "“") || strings.HasPrefix(s, "«") || strings.HasPrefix(s, "‘")
}

// labelSpeaker resolves a label's name with the dictionary: a person
// named at the end of the label ("Sergey Lavrov", "FOREIGN MINISTER
// MIRZOYAN"), on the document's date. A state or organisation speaks only
// in an upper-case label of more than one word that ends with it
// ("DELEGATE OF CHINA"); a title's colon ("Minsk Between Two Poles:") or a
// single place name ("WASHINGTON:") names no speaker.
func (c *Coder) labelSpeaker(st *state, ctx *docCtx, name string, caps bool) (speaker, bool) {
	if c.dict == nil {
		return speaker{}, false
	}
	st.b.matches = c.dict.Find(name, ctx.findDate, st.b.matches[:0])
	multi := strings.IndexByte(name, ' ') > 0
	for _, m := range st.b.matches {
		if m.Attached || m.Code == "" || m.End != len(name) {
			continue
		}
		if m.Kind == actors.Person || (caps && multi && m.Form != actors.Capital) {
			return speaker{code: m.Code, role: m.Role, person: m.Person, ok: true}, true
		}
	}
	return speaker{}, false
}

// label is a speaker label read by readLabel.
type label struct {
	ask  bool    // a journalist's or moderator's turn
	next int     // the offset of the text after the label
	sp   speaker // the speaker, when the dictionary knows the name
}

// readLabel reads a speaker label at ctx.norm[i:end]; ok is false when
// there is none. It changes nothing in ctx: openTurn does.
func (c *Coder) readLabel(st *state, ctx *docCtx, i, end int) (l label, ok bool) {
	shape, nameEnd, next, known, caps := labelShape(ctx.norm, i, end)
	switch shape {
	case labelNone:
		return label{}, false
	case labelAsk:
		return label{ask: true, next: next}, true
	}
	sp, ok := c.labelSpeaker(st, ctx, ctx.norm[i:nameEnd], caps)
	if !ok && !known {
		return label{}, false
	}
	return label{next: next, sp: sp}, true
}

// openTurn opens the turn of label l in ctx and returns the offset of the
// text after the label.
func openTurn(ctx *docCtx, l label) int {
	if l.ask {
		ctx.asking, ctx.askAt = true, l.next
		return l.next
	}
	ctx.asking = false
	ctx.author = docAuthor(ctx.d)
	if l.sp.ok {
		ctx.author = l.sp
		if l.sp.person != "" {
			ctx.last = l.sp
		}
	}
	return l.next
}

// questionEnded reports whether the text of a journalist's turn so far,
// between its label and the sentence at hand, ends the turn without a
// label: a paragraph break, or a line break after a question mark. Many
// interviews label only the questions ("Q: …?" then the answer), and a
// question's turn that ran to the next label would silence the rest of
// the document.
func questionEnded(s string) bool {
	if strings.Contains(s, "\n\n") {
		return true
	}
	for {
		line, rest, ok := strings.Cut(s, "\n")
		if !ok {
			return false
		}
		line = strings.TrimRight(line, " \")")
		if strings.HasSuffix(line, "?") || strings.HasSuffix(line, "?”") || strings.HasSuffix(line, "?’") {
			return true
		}
		s = rest
	}
}

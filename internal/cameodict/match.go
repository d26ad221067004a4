package cameodict

import "strings"

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

// discard returns the first discard phrase in the sentence and whether it
// discards the whole story.
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

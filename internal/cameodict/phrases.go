package cameodict

// findMentions records the longest actor or agent phrase starting at each
// token, left to right, actors winning ties.
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

// resolve gives a noun phrase its code: a named person's dated code
// first, else the first actor's code with the first agent's role added.
// An actor with date restrictions is an office-holder: its text is the
// phrase's speaker.
func (c *Coder) resolve(ms []mention) nounPhrase {
	var actor, person, speaker string
	var ag *Agent
	for _, m := range ms {
		if m.actor >= 0 {
			a := &c.d.Actors[m.actor]
			code := a.CodeAt(c.date)
			if code == "" {
				continue
			}
			if speaker == "" && dated(a) {
				speaker = c.text[c.toks[m.start].start:c.toks[m.end-1].end]
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
		return nounPhrase{code: person, speaker: speaker}
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

// dated reports whether an actor has date-restricted codes.
func dated(a *Actor) bool {
	for _, c := range a.Codes {
		if !c.Default() {
			return true
		}
	}
	return false
}

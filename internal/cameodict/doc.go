// Package cameodict reads the CAMEO dictionaries of the classic event
// coders (TABARI and PETRARCH/Phoenix: actors with date-restricted codes,
// agents, verb synonym sets and patterns, discards), reads their record
// formats (TABARI text records and PETRARCH XML <Sentence> records), codes
// sentences with those dictionaries into [event.Event] records and writes
// them as GDELT-style or Phoenix-style tab-separated files or JSON lines.
//
// The coder is a shallow pattern coder in the manner of TABARI: it needs no
// parse trees. A sentence is split into upper-cased word tokens; actors and
// agents are found with word tries (longest match), adjacent ones are
// composed into noun phrases ("Belarusian President" → BLR + ~GOV →
// BLRGOV), noun phrases joined by "and" or commas form compound actors, and
// each verb form found is tried against its synonym set's patterns, longest
// pattern first, then falls back to the verb's or the set's code. Pattern
// words may be separated by up to [Options.MaxGap] other tokens unless they
// are joined by "_". Paired codes ("[042:043]") give a second event with
// source and target swapped. Negation ("did not", "never") and modality
// ("will", "would") are recorded on the event, never turned into another
// code. Null codes ("---") code nothing; "###" discards the sentence.
// Phoenix issue lists add "CODE count" issues to each event.
//
// Where the two coders differ, [Format] selects the behaviour: TABARI
// treats words without a trailing "_" as stems and uses verbs as written;
// PETRARCH matches whole words and generates regular verb forms. Files are
// found by name by [Load] and run with [Command] ("fulcrum petrarch code").
//
// The dictionaries themselves are data the user supplies; the Phoenix set
// (MIT) lives at github.com/openeventdata/petrarch2 under
// petrarch2/data/dictionaries.
package cameodict

// Package code is fulcrum's text coder: it turns a document into events
// (DESIGN.md §2) — who said or did what to whom, when, with which CAMEO
// code, negated or not, asserted, intended, hypothetical or reported —
// each pointing at the sentence or quotation that carries it.
//
// A [Coder] splits the text into sentences and direct quotations
// (package text), finds actors with an actors.Dict, and matches the stance
// patterns of its [Rules] (data files; see rules/README.md). For each
// match it decides:
//
//   - the source: the speaker of a quotation ("X said: “…”", "“…,” X
//     said", "According to X, “…”", "In his view, “…”") or of reported
//     speech ("X stated that …", "it was revealed that …"), else the
//     clause's grammatical subject; "we", "I", "our country", "my
//     delegation" are the document's Author (a UN speech's country), the
//     speaker of a transcript turn ("MR. LAVROV: We …", until the next
//     label; a journalist's "Q:" turn gives no event) or the quoted
//     speaker; "he", "she", "the minister" are the last named
//     speaker; in "was criticised by X" the source is X. Inside a quotation
//     or reported speech, a subject that names another actor is that
//     actor's act, reported. Only speech acts (CAMEO 01–05 and 09–13) fall
//     back on the speaker or Author when no subject is found;
//   - the target: actors after the pattern in its clause, else before it,
//     other than the source; one event per (source, target);
//   - negation and modality: "did not recognise" and "has never shown any
//     willingness to join" are negated (they never count); "ready to",
//     "will", "intends to" make an intent (cooperation becomes the 03x
//     intent, force becomes a 13x threat); "would", "could", "if" make a
//     hypothetical, except a reported "would", which is the backshifted
//     "will"; "reportedly" and reported speech make it reported; "refused
//     to recognise" is a rejection (12x), "suspended talks" a reduction of
//     relations (16x), "urged … to negotiate" an appeal (02x), "demanded
//     talks" a demand (10x), "threatened to impose sanctions" a threat
//     (13x);
//   - material conflict named by a noun with its agent ("Russian
//     aggression", "the occupation by X") is, when someone else says it,
//     that speaker's accusation of the agent (112x);
//   - the date: "on March 5, 2019", "on 23 March 2014", "in March 2019",
//     "in 2018", "2019-03-05" in the sentence; "in the same session", "at
//     the same meeting", "later that day" inherit the last date;
//     "yesterday", "last year", "last month" count from the document's
//     date; a person who goes on speaking in the next sentence keeps the
//     date; else the document's date with precision "doc"; else none.
//
// Events without a target are kept when a pattern fired on a named
// subject; a first-person or speaker-only statement with no target, a
// noun pattern or a need=target pattern without target, and a plain
// statement about no one are not recorded. An attributed sentence or
// quotation that names another actor but matches no pattern gives a plain
// statement (CAMEO 010, rule [StatementRule]) toward that actor, unless
// the actor is only an example ("countries such as Rwanda", "including
// Kenya", "like Chile").
//
// The coder never panics on any input; every evidence span lies inside
// the document's text.
package code

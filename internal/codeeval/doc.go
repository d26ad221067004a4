// Package codeeval measures how well fulcrum's text coder (package code)
// codes text: it holds a development evaluation set written by the team
// (set.jsonl: sentences in the registers of wire news, policy briefs with
// PDF-extraction artefacts and UN General Debate speeches, covering CAMEO
// roots 01 to 20 and hard cases such as negation, intent, hypotheticals,
// reported speech, pronouns, relative dates, metonyms and sentences that
// carry no event) and a scorer that compares the coder's events with the
// wanted ones.
//
// # The evaluation set
//
// Each line of set.jsonl is one [Item]: a short text, its register, the
// document's date, the first-person author (the speaking country of a UN
// speech) and the events a careful human coder would record ([Want]). An
// empty want list means the text should give no event. Source, target and
// CAMEO fields may list alternatives separated by "|"; an empty
// alternative of a target ("BLR|") means "no target" is also right.
//
// # Matching rules
//
// [Evaluate] codes each item as its own document and matches its predicted
// events to its wanted ones, within the item only:
//
//   - Key. A prediction can match a want when its source is one of the
//     want's sources, its target one of the want's targets, and its root
//     (the first two digits of its CAMEO code) the root of one of the
//     want's codes. Source roles (GOV, MIL …) and speakers are not scored.
//   - Counting. A prediction that does not count ([event.Event.Counts] is
//     false: negated or hypothetical) can only match a want that does not
//     count either. A counting prediction may match any want; when the want
//     does not count, the pair is matched but reported as "counted wrongly"
//     (it would move the alignment model the wrong way).
//   - One to one. Candidate pairs are ranked by how many of code, negation,
//     modality and date agree, and assigned greedily, best first; each
//     prediction and each want is used at most once.
//   - Leftovers. A want left unmatched is a miss (false negative). A
//     counting prediction left unmatched is a false positive, unless it has
//     the same key as a prediction already matched in the same item, when
//     it is a duplicate (counted apart, not a false positive). A
//     non-counting prediction left unmatched is ignored: a recorded negated
//     or hypothetical statement does no harm to the model.
//
// Among matched pairs the report gives: exact-code accuracy (the first
// three digits of the prediction equal those of one of the want's codes;
// scored only when every alternative of the want has three or more digits),
// negation accuracy (Negated equal), modality accuracy (Modality equal; a
// want's modality defaults to asserted) and date accuracy (the prediction's
// date starts with the want's date, so a wanted "2019-03" accepts
// "2019-03-05"; scored only when the want gives a date).
//
// Precision, recall and F1 are computed on matched keys (source, target,
// root): P = TP/(TP+FP), R = TP/(TP+FN). Per-root figures count a miss
// under the want's root and a false positive under the prediction's root;
// per-register and per-topic figures count under the item's register and
// topic.
package codeeval

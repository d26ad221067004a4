// Package ties answers what a state is bound by in a given year: its
// alliance obligations (ATOP v5.1 dyad-years, 1815–2018) and its memberships
// of intergovernmental organisations (COW IGO v3 membership spells,
// 1816–2014), with the Correlates of War state codes mapped to the ISO 3166
// alpha-3 actor codes fulcrum uses (DESIGN.md §3).
//
// The reference data are embedded (see data/README.md for sources, licences
// and citations) and parsed once, on the first call to [New]. Callers extend
// them with [Data.AddMembership] and [Data.AddAlliance], for example with the
// organisation member lists of the actors file that run to the present.
//
// Both sources are right-censored: ATOP ends in [ATOPLastYear] and COW IGO in
// [IGOLastYear]. Unless [Data.CarryForward] is switched off, a tie that is
// still in force in the last year of its source is assumed to continue, and
// every such tie is flagged Censored so that reports can say so.
//
// [Data.Score] turns these ties into the third channel of the alignment
// model (DESIGN.md §5): how strongly a focal state is bound to a pole, with
// every contributing alliance and membership listed as evidence.
package ties

// Package actors holds fulcrum's actor dictionaries and matches them in text.
//
// A [Dict] knows states (ISO 3166-1 alpha-3 codes such as "BLR"),
// organisations and blocs ("NATO", "EU", "CSTO", "EAEU"), persons with the
// offices they held and the dates they held them, organisation memberships
// over time, and poles: named, date-aware sets of actors ("RUSSIA", "WEST",
// "CHINA") between which the alignment model places a state.
//
// The built-in dictionaries are embedded text files (see data/README.md for
// the format, which is also the format of a user's --dict files). [Builtin]
// parses them once; [Dict.Clone] gives a copy a user's files may extend with
// [Dict.AddFile] or [Dict.Add] without touching the shared built-in.
//
// [Dict.Find] scans a sentence once: the text is split into word and
// punctuation tokens, each token's case-folded hash is tested against a bit
// set and looked up in a table keyed by the first token of every name (the
// second, for names that start with "the"), and candidate names are
// verified token by token, longest first. It allocates nothing beyond the
// matches it appends; on a 2-core machine it costs about 1 µs of CPU for a
// 120-byte sentence. Find is meant for sentences and paragraphs: its
// scratch space is 24 bytes per token of the text it is given. Proper names match case-sensitively in
// their capitals ("China" but not "china", "US" but not "us"), but an
// all-capitals headline ("RUSSIA") still matches; lower-case words inside a
// name ("of", "the") match in any case.
package actors

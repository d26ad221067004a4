// Package text splits a document's text into sentences, direct quotations
// and word tokens, each carrying byte offsets into the original text.
//
// It is written for the text that analysts actually have: speeches, wire
// news and PDF-extracted policy briefs with sentences broken across lines,
// "post-\nSoviet" hyphenation, footnote numbers glued to closing quotes
// (yours.”1), curly and straight quotes mixed, page-break artefacts,
// abbreviations, headings without final punctuation and bullet lists.
//
// Offsets always point into the text the caller passed in. [Normalize]
// returns a cleaned view of the same length, so the same offsets index both
// the original and the cleaned text. Nothing in this package panics on any
// input, valid UTF-8 or not.
package text

package code

import (
	"strings"
	"unicode/utf8"
)

// Date is a date expression found by [ScanDates] in a piece of text.
// Start and End are byte offsets into that text.
type Date struct {
	Start, End int
	// Year, Month and Day are 0 when the text does not give them.
	Year, Month, Day int
	// Precision is event.PrecisionDay, PrecisionMonth or PrecisionYear for
	// an absolute date; "" for a relative one (see Rel).
	Precision string
	// Rel names a relative expression: "same" (in the same session, at
	// the same meeting, on that occasion), "yesterday", "last-year",
	// "this-year", "last-month", "years-ago" (Year then holds the number
	// of years: "fifty years ago" is 50), "weekday" ("on Tuesday": the
	// most recent Tuesday on or before the document's date),
	// "last-weekday" ("last Tuesday": strictly before), "next-weekday"
	// ("next Tuesday": strictly after) — Day then holds the weekday,
	// 0 for Sunday as in time.Weekday —, "days-later" ("the next day",
	// "a day later", "two days later": Day days after the date last
	// mentioned); "" for an absolute date. A month without a year ("in
	// March") is absolute with Year 0.
	Rel string
	// Prep is the lower-cased word just before the expression ("in",
	// "on", "since", "by" …), "" at the start of the text.
	Prep string
}

var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// sameWords are the nouns of "in the same session", "at the same meeting"…
var sameWords = map[string]bool{
	"session": true, "meeting": true, "day": true, "occasion": true, "speech": true,
	"interview": true, "event": true, "conference": true, "summit": true,
	"address": true, "statement": true, "visit": true, "press": true,
	"briefing": true, "debate": true, "sitting": true, "forum": true, "talks": true,
}

// dword is one word of the text being scanned for dates.
type dword struct {
	start, end int
	lb         [10]byte // lower-cased word when short
	n          int      // bytes in lb; 0 when the word is longer
	num        int      // value when all digits (≤ 4), else -1
	ndig       int
}

// is reports whether the word is w (lower case); it does not allocate.
func (d *dword) is(w string) bool { return string(d.lb[:d.n]) == w }

func (d *dword) month() (int, bool) {
	m, ok := monthNames[string(d.lb[:d.n])]
	return m, ok
}

// prepName returns the word as one of the known prepositions (a constant
// string, so that a Date does not hold on to the text), or "".
func (d *dword) prepName() string {
	for _, p := range prepList {
		if string(d.lb[:d.n]) == p {
			return p
		}
	}
	return ""
}

var prepList = []string{"in", "on", "at", "of", "during", "since", "by", "until", "till", "before",
	"after", "from", "to", "through", "between", "beyond", "early", "mid", "late", "spring",
	"summer", "autumn", "fall", "winter", "year", "the", "same", "that", "last", "next"}

// weekdays maps the names of the days to time.Weekday numbers.
var weekdays = map[string]int{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// monthPreps are the words after which a month without a year is a date:
// "in March", "since May", "in early June", "last April".
var monthPreps = map[string]bool{
	"in": true, "during": true, "since": true, "until": true, "till": true, "by": true,
	"before": true, "after": true, "from": true, "early": true, "mid": true, "late": true,
	"last": true, "through": true,
}

// ScanDates appends to dst the date expressions in s, in order: "on
// March 5, 2019", "5 March 2019", "5th of March 2019", "March 2019",
// "2019-03-05", "in 2018", "in the same session", "at the same meeting",
// "yesterday", "last year". A bare year is reported only after "in",
// "during", "of", "since", "by" and similar words (Prep says which) or at
// the start of the text, so that numbers such as "2,000 troops" or
// "resolution 2202" are not taken for years. It never panics and reports
// only offsets inside s.
func ScanDates(s string, dst []Date) []Date {
	var words []dword
	return scanDates(s, dst, &words)
}

// scanDates is ScanDates with a reusable word buffer.
func scanDates(s string, dst []Date, buf *[]dword) []Date {
	words := (*buf)[:0]
	defer func() { *buf = words[:0] }()
	for i := 0; i < len(s) && len(words) < 4096; {
		c := s[i]
		if isASCIIAlnum(c) {
			j := i
			for j < len(s) && isASCIIAlnum(s[j]) {
				j++
			}
			w := dword{start: i, end: j, num: -1}
			if j-i <= len(w.lb) {
				for k := i; k < j; k++ {
					w.lb[k-i] = lowerByte(s[k])
				}
				w.n = j - i
			}
			if allDigits(s[i:j]) && j-i <= 4 {
				w.ndig = j - i
				n := 0
				for k := i; k < j; k++ {
					n = n*10 + int(s[k]-'0')
				}
				w.num = n
			}
			words = append(words, w)
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	between := func(a, b dword) string { return s[a.end:b.start] }
	prep := func(k int) string {
		if k > 0 {
			return words[k-1].prepName()
		}
		return ""
	}
	for k := 0; k < len(words); k++ {
		w := words[k]
		// ISO date 2019-03-05.
		if w.ndig == 4 && k+2 < len(words) && between(w, words[k+1]) == "-" && between(words[k+1], words[k+2]) == "-" &&
			words[k+1].ndig == 2 && words[k+2].ndig == 2 && validDay(w.num, words[k+1].num, words[k+2].num) {
			dst = append(dst, Date{Start: w.start, End: words[k+2].end, Year: w.num, Month: words[k+1].num, Day: words[k+2].num, Precision: "day", Prep: prep(k)})
			k += 2
			continue
		}
		// Day first: 5 March 2019, 5th of March 2019.
		if d, ok := dayNumber(w, s); ok {
			m := k + 1
			if m < len(words) && words[m].is("of") {
				m++
			}
			if m < len(words) && isSpaceOrDot(between(words[m-1], words[m])) {
				if mo, ok := words[m].month(); ok && (words[m].n > 3 || words[m].is("may") || strings.HasPrefix(s[words[m].end:], ".")) {
					if m+1 < len(words) && isYear(words[m+1]) && isDateSep(between(words[m], words[m+1])) && validDay(words[m+1].num, mo, d) {
						dst = append(dst, Date{Start: w.start, End: words[m+1].end, Year: words[m+1].num, Month: mo, Day: d, Precision: "day", Prep: prep(k)})
						k = m + 1
						continue
					}
					if validDay(2000, mo, d) {
						dst = append(dst, Date{Start: w.start, End: words[m].end, Month: mo, Day: d, Precision: "day", Prep: prep(k)})
						k = m
						continue
					}
				}
			}
		}
		// Month first: March 5, 2019; March 2019; March 5.
		if mo, ok := w.month(); ok && isCapital(s, w) && (w.n > 3 || w.is("may") || strings.HasPrefix(s[w.end:], ".")) {
			bare := monthPreps[prep(k)] && k > 0 && isSpaceOrDot(between(words[k-1], w))
			if w.is("may") && !bare && (k+1 >= len(words) || (words[k+1].num < 0)) {
				continue // the verb "May …" at a sentence start
			}
			if k+1 < len(words) {
				n := words[k+1]
				if d, ok := dayNumber(n, s); ok && isDateSep(between(w, n)) {
					if k+2 < len(words) && isYear(words[k+2]) && isDateSep(between(n, words[k+2])) && validDay(words[k+2].num, mo, d) {
						dst = append(dst, Date{Start: w.start, End: words[k+2].end, Year: words[k+2].num, Month: mo, Day: d, Precision: "day", Prep: prep(k)})
						k += 2
						continue
					}
					if validDay(2000, mo, d) && !isYear(n) {
						dst = append(dst, Date{Start: w.start, End: n.end, Month: mo, Day: d, Precision: "day", Prep: prep(k)})
						k++
						continue
					}
				}
				m := k + 1
				if words[m].is("of") && m+1 < len(words) {
					m++
				}
				if isYear(words[m]) && isDateSep(between(words[m-1], words[m])) {
					dst = append(dst, Date{Start: w.start, End: words[m].end, Year: words[m].num, Month: mo, Precision: "month", Prep: prep(k)})
					k = m
					continue
				}
			}
			if bare {
				// "in March", "since May": the year is the context's.
				dst = append(dst, Date{Start: w.start, End: w.end, Month: mo, Precision: "month", Prep: prep(k)})
			}
			continue
		}
		// A bare year after a preposition, or opening the text.
		if isYear(w) {
			p := prep(k)
			if k == 0 || yearPreps[p] {
				// Not "2019-2020" ranges' second half nor "1990s".
				if w.end < len(s) && s[w.end] == 's' {
					continue
				}
				dst = append(dst, Date{Start: w.start, End: w.end, Year: w.num, Precision: "year", Prep: p})
			}
			continue
		}
		// Relative expressions.
		switch string(w.lb[:w.n]) {
		case "same", "that":
			if k+1 < len(words) && words[k+1].sameWord() && k > 0 && (w.is("same") && words[k-1].is("the") || w.is("that") && (prep(k) == "on" || prep(k) == "at")) {
				start := words[k-1].start
				p := ""
				if w.is("same") && k > 1 {
					p = words[k-2].prepName()
					start = words[k-2].start
				} else if w.is("that") {
					p = prep(k)
				}
				dst = append(dst, Date{Start: start, End: words[k+1].end, Rel: "same", Prep: p})
				k++
			}
		case "second", "first", "great", "world":
			// The world wars, named: "during the Second World War", "in
			// the years of the Great Patriotic War", "after World War II".
			// Dated to the year they began (for the Soviet Union, 1941),
			// so that narrative about them is not dated to the text.
			if y, n := warYear(words, k); y > 0 {
				start, p := w.start, prep(k)
				if k > 0 && words[k-1].is("the") {
					start, p = words[k-1].start, prep(k-1)
				}
				dst = append(dst, Date{Start: start, End: words[k+n-1].end, Year: y, Precision: "year", Prep: p})
				k += n - 1
			}
		case "ago":
			// "fifty years ago", "75 years ago", "two decades ago", "a
			// century ago": Year holds how many years back.
			if n, start, ok := yearsAgo(words, k); ok {
				dst = append(dst, Date{Start: words[start].start, End: w.end, Year: n, Rel: "years-ago", Prep: prep(start)})
			}
		case "yesterday":
			dst = append(dst, Date{Start: w.start, End: w.end, Rel: "yesterday", Prep: prep(k)})
		case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
			if !isCapital(s, w) {
				continue
			}
			d := Date{Start: w.start, End: w.end, Day: weekdays[string(w.lb[:w.n])], Rel: "weekday", Prep: prep(k)}
			if k > 0 && (words[k-1].is("last") || words[k-1].is("next")) {
				d.Start, d.Rel, d.Prep = words[k-1].start, words[k-1].prepName()+"-weekday", prep(k-1)
			}
			dst = append(dst, d)
		case "day", "days":
			// "the next day", "the following day", "a day later", "two
			// days later", "the day after".
			if n, start, ok := daysLater(words, k); ok {
				end := w.end
				if k+1 < len(words) && (words[k+1].is("later") || words[k+1].is("after")) {
					end = words[k+1].end
				}
				dst = append(dst, Date{Start: words[start].start, End: end, Day: n, Rel: "days-later", Prep: prep(start)})
				if end > w.end {
					k++
				}
			}
		case "last", "this", "past":
			if k+1 < len(words) {
				switch string(words[k+1].lb[:words[k+1].n]) {
				case "year":
					rel := "last-year"
					if w.is("this") {
						rel = "this-year"
					}
					dst = append(dst, Date{Start: w.start, End: words[k+1].end, Rel: rel, Prep: prep(k)})
					k++
				case "month":
					if w.is("last") {
						dst = append(dst, Date{Start: w.start, End: words[k+1].end, Rel: "last-month", Prep: prep(k)})
						k++
					}
				}
			}
		case "later":
			if k+2 < len(words) && words[k+1].is("that") && words[k+2].is("day") {
				dst = append(dst, Date{Start: w.start, End: words[k+2].end, Rel: "same", Prep: prep(k)})
				k += 2
			}
		}
	}
	return dst
}

// yearPreps are the words after which a bare number is a year.
var yearPreps = map[string]bool{
	"in": true, "during": true, "of": true, "since": true, "by": true, "until": true,
	"till": true, "before": true, "after": true, "from": true, "to": true, "through": true,
	"early": true, "mid": true, "late": true, "spring": true, "summer": true,
	"autumn": true, "fall": true, "winter": true, "year": true,
}

func dayNumber(w dword, s string) (int, bool) {
	if w.num >= 1 && w.num <= 31 && w.ndig <= 2 {
		return w.num, true
	}
	// 5th, 1st, 22nd, 3rd
	l := w.lb[:w.n]
	if len(l) >= 3 && len(l) <= 4 && hasOrdinalSuffix(string(l[len(l)-2:])) {
		d := 0
		for i := 0; i < len(l)-2; i++ {
			if l[i] < '0' || l[i] > '9' {
				return 0, false
			}
			d = d*10 + int(l[i]-'0')
		}
		if d >= 1 && d <= 31 {
			return d, true
		}
	}
	return 0, false
}

func hasOrdinalSuffix(s string) bool { return s == "th" || s == "st" || s == "nd" || s == "rd" }

func (d *dword) sameWord() bool { return sameWords[string(d.lb[:d.n])] }

func isYear(w dword) bool { return w.ndig == 4 && w.num >= 1900 && w.num <= 2099 }

func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [...]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	if d > days[m-1] {
		return false
	}
	if m == 2 && d == 29 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		return false
	}
	return true
}

func isSpaceOrDot(b string) bool {
	if len(b) == 0 || len(b) > 3 {
		return false
	}
	for i := 0; i < len(b); i++ {
		if b[i] != ' ' && b[i] != '.' && b[i] != '\n' {
			return false
		}
	}
	return true
}

// isDateSep reports whether b can separate parts of a date: spaces, a
// comma, a period after an abbreviated month.
func isDateSep(b string) bool {
	if len(b) == 0 || len(b) > 3 {
		return false
	}
	for i := 0; i < len(b); i++ {
		if b[i] != ' ' && b[i] != ',' && b[i] != '.' && b[i] != '\n' {
			return false
		}
	}
	return true
}

func isCapital(s string, w dword) bool { return s[w.start] >= 'A' && s[w.start] <= 'Z' }

func isASCIIAlnum(c byte) bool {
	return (c|0x20) >= 'a' && (c|0x20) <= 'z' || c >= '0' && c <= '9'
}

func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 32
	}
	return c
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) > 0
}

// warYear returns the year a world war named at words[k:] began and the
// number of words of its name, or 0.
func warYear(words []dword, k int) (int, int) {
	at := func(i int, w string) bool { return k+i < len(words) && words[k+i].is(w) }
	switch {
	case at(0, "second") && at(1, "world") && at(2, "war"):
		return 1939, 3
	case at(0, "first") && at(1, "world") && at(2, "war"):
		return 1914, 3
	case at(0, "great") && at(1, "patriotic") && at(2, "war"):
		return 1941, 3
	case at(0, "world") && at(1, "war") && at(2, "ii"):
		return 1939, 3
	case at(0, "world") && at(1, "war") && (at(2, "i") || at(2, "one")):
		return 1914, 3
	case at(0, "world") && at(1, "war") && at(2, "two"):
		return 1939, 3
	}
	return 0, 0
}

var numberWords = map[string]int{
	"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}

// yearsAgo reads "<number> years|decades ago", "a century ago" ending at
// words[k] ("ago"): the number of years and the index of the first word.
func yearsAgo(words []dword, k int) (int, int, bool) {
	if k < 2 {
		return 0, 0, false
	}
	unit := 0
	switch u := words[k-1]; {
	case u.is("years") || u.is("year"):
		unit = 1
	case u.is("decades") || u.is("decade"):
		unit = 10
	case u.is("centuries") || u.is("century"):
		unit = 100
	default:
		return 0, 0, false
	}
	nw := words[k-2]
	n := nw.num
	if n < 0 {
		v, ok := numberWords[string(nw.lb[:nw.n])]
		if !ok {
			return 0, 0, false
		}
		n = v
	}
	if n <= 0 || n*unit > 2000 {
		return 0, 0, false
	}
	return n * unit, k - 2, true
}

// daysLater reads a count of days after the last date at words[k] ("day"
// or "days"): "the next day", "the following day", "a day later", "two
// days later". It returns the number of days and the index of
// the first word.
func daysLater(words []dword, k int) (int, int, bool) {
	if k < 1 {
		return 0, 0, false
	}
	prev := words[k-1]
	if (prev.is("next") || prev.is("following")) && words[k].is("day") {
		start := k - 1
		if k >= 2 && words[k-2].is("the") {
			start = k - 2
		}
		return 1, start, true
	}
	if k+1 >= len(words) || !words[k+1].is("later") {
		return 0, 0, false
	}
	n := prev.num
	if n < 0 {
		v, ok := numberWords[string(prev.lb[:prev.n])]
		if !ok {
			return 0, 0, false
		}
		n = v
	}
	if n <= 0 || n > 31 {
		return 0, 0, false
	}
	return n, k - 1, true
}

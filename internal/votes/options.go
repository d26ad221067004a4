package votes

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Bucketing says how roll calls are grouped in time.
type Bucketing uint8

// Bucketings.
const (
	// ByYear groups by the calendar year of the vote date (the default).
	ByYear Bucketing = iota
	// BySession groups by UNGA session (session s opens in September of
	// year s + 1945; some votes fall into the next calendar year).
	BySession
	// ByPeriod groups calendar years into periods of Options.PeriodYears
	// years starting at Options.From (else 1946): "1992-1996", …; the last
	// period is labelled up to the last year with data (or To).
	ByPeriod
)

// String returns "year", "session" or "period".
func (b Bucketing) String() string {
	switch b {
	case ByYear:
		return "year"
	case BySession:
		return "session"
	case ByPeriod:
		return "period"
	}
	return fmt.Sprintf("Bucketing(%d)", b)
}

// ParseBucketing reads "year", "session", or a period length such as "5y"
// (also "period", meaning 5 years). It returns the bucketing and the
// period length (0 unless ByPeriod).
func ParseBucketing(s string) (Bucketing, int, error) {
	switch s {
	case "year", "years":
		return ByYear, 0, nil
	case "session", "sessions":
		return BySession, 0, nil
	case "period":
		return ByPeriod, DefaultPeriodYears, nil
	}
	if n, err := strconv.Atoi(strings.TrimSuffix(s, "y")); err == nil && strings.HasSuffix(s, "y") && n >= 1 && n <= 100 {
		return ByPeriod, n, nil
	}
	return 0, 0, fmt.Errorf("unknown bucketing %q (want year, session or a period such as 5y)", s)
}

// DefaultPeriodYears is the period length when Options.PeriodYears is 0.
const DefaultPeriodYears = 5

// Filter selects the roll calls that count. The zero Filter keeps every
// recorded roll call (the "all" vote set of alignment-measures.md §5.1);
// [VoetenFilter] gives Voeten's ideal-point estimation set.
type Filter struct {
	// DropUnanimous drops roll calls on which every state that voted cast
	// the same vote.
	DropUnanimous bool
	// DropAmendments drops amendment and paragraph votes after 1989
	// (year > 1989 and amend = 1 or para = 1), as Voeten does.
	DropAmendments bool
	// DropSession19 drops session 19 (1964–65, a single recorded vote).
	DropSession19 bool
	// ImportantOnly keeps only the US State Department's important votes
	// (coded from session 39 on).
	ImportantOnly bool
	// Issues, when not empty, keeps only roll calls tagged with at least
	// one of these issue codes (me, nu, di, hr, co, ec).
	Issues []string
}

// VoetenFilter returns the filter of Voeten's ideal-point vote set: drop
// unanimous votes, amendment/paragraph votes after 1989 and session 19.
// On this set the per-session identical-vote share reproduces the USAgree,
// RUSSAgree and ChinaAgree columns of the ideal-point file. Absences are
// never counted, whatever the filter.
func VoetenFilter() Filter {
	return Filter{DropUnanimous: true, DropAmendments: true, DropSession19: true}
}

// keep reports whether roll call r passes the filter.
func (f *Filter) keep(r *RollCall) bool {
	switch {
	case f.DropUnanimous && r.Unanimous,
		f.DropAmendments && r.Year > 1989 && (r.Amend == 1 || r.Para == 1),
		f.DropSession19 && r.Session == 19,
		f.ImportantOnly && r.Important != 1:
		return false
	}
	if len(f.Issues) > 0 {
		for _, is := range r.Issues {
			if slices.Contains(f.Issues, is) {
				return true
			}
		}
		return false
	}
	return true
}

// Options tune every computation. The zero value means: by calendar year,
// all years, every recorded roll call, nominal κ and π.
type Options struct {
	// By is the time bucketing; zero is ByYear.
	By Bucketing
	// PeriodYears is the period length for ByPeriod; 0 means 5.
	PeriodYears int
	// From and To bound the calendar years of the votes used (inclusive);
	// 0 leaves that side open. From also anchors ByPeriod's periods.
	From, To int
	// Filter selects the roll calls; the zero Filter keeps all.
	Filter Filter
	// Weight is the distance used for the Kappa and Pi values reported in
	// [Measures] and [DyadYear]; zero is Nominal.
	Weight Weight
}

// ErrOptions is matched by every invalid-options error.
var ErrOptions = errors.New("invalid vote options")

func (o *Options) validate(d *Data) error {
	switch {
	case o.By > ByPeriod:
		return fmt.Errorf("%w: bucketing %d", ErrOptions, o.By)
	case o.PeriodYears < 0:
		return fmt.Errorf("%w: period of %d years", ErrOptions, o.PeriodYears)
	case o.From != 0 && o.To != 0 && o.From > o.To:
		return fmt.Errorf("%w: from %d is after to %d", ErrOptions, o.From, o.To)
	case o.Weight > Quadratic:
		return fmt.Errorf("%w: distance weight %d", ErrOptions, o.Weight)
	}
	for _, is := range o.Filter.Issues {
		if d.IssueName(is) == "" {
			return fmt.Errorf("%w: unknown issue %q (known: %s)", ErrOptions, is, strings.Join(d.Issues(), ", "))
		}
	}
	return nil
}

// inRange reports whether r's year lies in [From, To].
func (o *Options) inRange(r *RollCall) bool {
	return (o.From == 0 || r.Year >= o.From) && (o.To == 0 || r.Year <= o.To)
}

// use reports whether roll call r counts under o.
func (o *Options) use(r *RollCall) bool { return o.inRange(r) && o.Filter.keep(r) }

func (o *Options) period() int {
	if o.PeriodYears == 0 {
		return DefaultPeriodYears
	}
	return o.PeriodYears
}

func (o *Options) anchor() int {
	if o.From != 0 {
		return o.From
	}
	return firstYear
}

// firstYear is the first calendar year of the data.
const firstYear = 1946

// bucketKey returns the bucket of r: its year, session or period start.
func (o *Options) bucketKey(r *RollCall) int {
	switch o.By {
	case BySession:
		return r.Session
	case ByPeriod:
		a, l := o.anchor(), o.period()
		k := r.Year - a
		if k < 0 {
			k -= l - 1 // floor division for years before the anchor
		}
		return a + k/l*l
	}
	return r.Year
}

// bucketSpan returns a bucket's label and inclusive range (years, or
// sessions for BySession); lastYear is the last year with data.
func (o *Options) bucketSpan(key, lastYear int) (string, int, int) {
	switch o.By {
	case BySession:
		return strconv.Itoa(key), key, key
	case ByPeriod:
		end := key + o.period() - 1
		if o.To != 0 && o.To < end {
			end = o.To
		}
		if lastYear < end {
			end = lastYear
		}
		if end < key {
			end = key
		}
		return fmt.Sprintf("%d-%d", key, end), key, end
	}
	return strconv.Itoa(key), key, key
}

package datasets

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
)

//go:embed data/countries.tsv
var countriesTSV []byte

//go:embed data/orgs.tsv
var orgsTSV []byte

// actorTables holds the name and code maps built from data/*.tsv.
type actorTables struct {
	names     map[string]string // folded name or variant → fulcrum code (states and organisations)
	countries map[string]string // ISO3 and CAMEO country codes → ISO3
	groups    map[string]string // CAMEO known-group codes (EEC, NAT, UNO …) → organisation code
	igo       map[string]string // PETRARCH IGO actor-code prefixes (IGOEUREEC …) → organisation code
	iso       []string          // every ISO3 code, in file order
}

var (
	actorsOnce sync.Once
	actors     *actorTables
	actorsErr  error
)

func loadActors() (*actorTables, error) {
	actorsOnce.Do(func() {
		actors, actorsErr = parseActorTables(countriesTSV, orgsTSV)
	})
	return actors, actorsErr
}

func mustActors() *actorTables {
	t, err := loadActors()
	if err != nil {
		// The tables are embedded and covered by tests; a failure here is a
		// build defect, not bad input.
		panic(err)
	}
	return t
}

func parseActorTables(countries, orgs []byte) (*actorTables, error) {
	t := &actorTables{
		names:     make(map[string]string),
		countries: make(map[string]string),
		groups:    make(map[string]string),
		igo:       make(map[string]string),
	}
	err := eachTSV(countries, "data/countries.tsv", 4, func(f []string) error {
		iso := f[0]
		if len(iso) != 3 || strings.ToUpper(iso) != iso {
			return fmt.Errorf("bad ISO3 code %q", iso)
		}
		t.iso = append(t.iso, iso)
		t.countries[iso] = iso
		for _, c := range splitList(f[1], ",") {
			t.countries[c] = iso
		}
		t.names[foldName(f[2])] = iso
		for _, v := range splitList(f[3], "|") {
			t.names[foldName(v)] = iso
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachTSV(orgs, "data/orgs.tsv", 4, func(f []string) error {
		code := f[0]
		for _, c := range splitList(f[1], ",") {
			if strings.HasPrefix(c, "IGO") {
				t.igo[c] = code
			} else {
				t.groups[c] = code
			}
		}
		t.names[foldName(f[2])] = code
		for _, v := range splitList(f[3], "|") {
			t.names[foldName(v)] = code
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

func eachTSV(data []byte, name string, nf int, fn func([]string) error) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		f := strings.Split(s, "\t")
		for len(f) < nf {
			f = append(f, "")
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	return sc.Err()
}

func splitList(s, sep string) []string {
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// foldName lower-cases s, turns punctuation into spaces, drops accents on
// common Latin letters and collapses runs of spaces, so that "Côte d'Ivoire",
// "Cote d’Ivoire" and "cote d ivoire" fold alike.
func foldName(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'á', 'à', 'â', 'ä', 'ã', 'å':
			r = 'a'
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'í', 'ì', 'î', 'ï':
			r = 'i'
		case 'ó', 'ò', 'ô', 'ö', 'õ':
			r = 'o'
		case 'ú', 'ù', 'û', 'ü':
			r = 'u'
		case 'ç':
			r = 'c'
		case 'ñ':
			r = 'n'
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
			continue
		}
		if r == '\'' || r == '’' || r == '.' {
			continue // "d'Ivoire" ~ "dIvoire"; "U.S." ~ "US"
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

// CountryCode returns the ISO 3166-1 alpha-3 code of a state given its
// English name ("Russian Federation"), a common variant ("Ivory Coast"), its
// ISO3 code or a CAMEO country code that differs from ISO3 ("ROM" → "ROU").
// It returns "" when s names no state in the shipped table.
func CountryCode(s string) string {
	t := mustActors()
	s = strings.TrimSpace(s)
	if len(s) == 3 {
		if c, ok := t.countries[strings.ToUpper(s)]; ok && s == strings.ToUpper(s) {
			return c
		}
	}
	if c, ok := t.names[foldName(s)]; ok && len(c) == 3 && t.countries[c] == c {
		return c
	}
	return ""
}

// NameCode returns the fulcrum code for an actor name as ICEWS and POLECAT
// spell them: a state's name gives its ISO3 code, an organisation's name its
// short code ("North Atlantic Treaty Organization" → "NATO"). It returns ""
// for names it does not know.
func NameCode(name string) string {
	return mustActors().names[foldName(name)]
}

// GroupCode returns the organisation code for a CAMEO known-group code as
// GDELT gives it in Actor1KnownGroupCode ("NAT" → "NATO", "EEC" → "EU"),
// or "" when it is not one of fulcrum's organisations.
func GroupCode(code string) string {
	return mustActors().groups[code]
}

// CAMEOActor maps a CAMEO actor code as PETRARCH and GDELT write them
// ("BLRGOV", "IGOEUREEC", "IGOWSTNATMIL", "ROMMIL") to a fulcrum code: an
// organisation when the code starts with a known IGO code, else the state
// of its first three letters. It returns "" for codes with no state or known
// organisation (regions such as "AFR", sectors without a country such as
// "GOV").
func CAMEOActor(code string) string {
	t := mustActors()
	code = strings.ToUpper(strings.TrimSpace(code))
	if strings.HasPrefix(code, "IGO") {
		for n := len(code); n > 3; n -= 3 {
			if c, ok := t.igo[code[:n]]; ok {
				return c
			}
		}
		return ""
	}
	if len(code) >= 3 {
		return t.countries[code[:3]]
	}
	return ""
}

// GDELTActor maps the actor fields of a GDELT record to a fulcrum code by
// the rule the DuckDB import applies in SQL: the known-group code when it
// names one of fulcrum's organisations, else the country code (CAMEO codes
// that differ from ISO3 are translated), else "".
func GDELTActor(country, knownGroup string) string {
	t := mustActors()
	if c, ok := t.groups[knownGroup]; ok {
		return c
	}
	return t.countries[country]
}

// ICEWSActor maps an ICEWS actor to a fulcrum code. An organisation named
// by the actor ("European Union") or in its parenthesis ("Secretary General
// (United Nations)") wins; a state named the same way comes next ("Russia",
// "Foreign Affairs (Belarus)"); else the actor's country column gives the
// state ("Russian Federation" → "RUS"). It returns "" when nothing maps.
func ICEWSActor(name, country string) string {
	t := mustActors()
	if c, ok := t.names[foldName(name)]; ok {
		return c
	}
	if i := strings.LastIndexByte(name, '('); i >= 0 {
		inner := strings.TrimSuffix(strings.TrimSpace(name[i+1:]), ")")
		if c, ok := t.names[foldName(inner)]; ok {
			return c
		}
	}
	return CountryCode(country)
}

// actorCodeRows lists the code maps the DuckDB import joins against: kind
// "group" for known-group codes, "country" for country codes.
func actorCodeRows() [][3]string {
	t := mustActors()
	var rows [][3]string
	for k, v := range t.groups {
		rows = append(rows, [3]string{"group", k, v})
	}
	for k, v := range t.countries {
		rows = append(rows, [3]string{"country", k, v})
	}
	return rows
}

package event

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// GoldsteinVersion tags the shipped Goldstein table (the icews R package's
// mapping, identical to ICEWS's Intensity column). Goldstein tables differ
// between sources (GDELT and Phoenix disagree on several codes), so every
// event records which one gave its weight.
const GoldsteinVersion = "icews-2023"

//go:embed data/cameo_goldstein.csv
var goldsteinCSV []byte

//go:embed data/CAMEO2PLOVER-2021.txt
var ploverTxt []byte

// Code is one CAMEO event code with its label, Goldstein weight, quad class
// and PLOVER mapping.
type Code struct {
	Code      string  // "036"; roots are two digits ("03")
	Label     string  // "Express intent to meet or negotiate"
	Root      int     // 1 … 20
	Goldstein float64 // −10 … +10
	// Quad is the quad class: 1 verbal cooperation (roots 01–05),
	// 2 material cooperation (06–08), 3 verbal conflict (09–13),
	// 4 material conflict (14–20). This is the ICEWS convention; some GDELT
	// documentation puts root 05 under material cooperation.
	Quad    int
	PLOVER  string // PLOVER event type; empty for roots 01 and 02, which PLOVER dropped
	Mode    string // PLOVER mode, often empty
	Context string // PLOVER context, often empty
}

// Polarity is the sign the alignment model uses: +1 cooperative, −1
// conflictual, 0 neutral. Codes whose Goldstein weight is within ±0.5 of
// zero (plain statements, mildly optimistic or pessimistic comments,
// appeals for reform at −0.3) are neutral.
func (c Code) Polarity() int {
	switch {
	case c.Goldstein >= 0.5:
		return 1
	case c.Goldstein <= -0.5:
		return -1
	}
	return 0
}

var (
	tableOnce sync.Once
	table     map[string]Code
	tableErr  error
)

func loadTables() {
	table, tableErr = parseTables(goldsteinCSV, ploverTxt)
}

func parseTables(gold, plover []byte) (map[string]Code, error) {
	r := csv.NewReader(bytes.NewReader(gold))
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read goldstein table: %w", err)
	}
	m := make(map[string]Code, len(recs))
	for i, rec := range recs {
		if i == 0 {
			continue
		}
		if len(rec) < 7 {
			return nil, fmt.Errorf("goldstein table line %d: want 7 fields, got %d", i+1, len(rec))
		}
		root, err := strconv.Atoi(rec[3])
		if err != nil {
			return nil, fmt.Errorf("goldstein table line %d: root %q: %w", i+1, rec[3], err)
		}
		g, err := strconv.ParseFloat(rec[4], 64)
		if err != nil {
			return nil, fmt.Errorf("goldstein table line %d: goldstein %q: %w", i+1, rec[4], err)
		}
		m[rec[0]] = Code{Code: rec[0], Label: rec[1], Root: root, Goldstein: g, Quad: quadOf(root)}
	}
	sc := bufio.NewScanner(bytes.NewReader(plover))
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
		s = strings.TrimSpace(s)
		if s == "" || strings.HasPrefix(s, "~~~") { // "~~~~~" closes the table
			continue
		}
		code, rest, ok := strings.Cut(s, ":")
		if !ok {
			return nil, fmt.Errorf("plover table line %d: no colon", line)
		}
		f := strings.Split(rest, ",")
		for len(f) < 3 {
			f = append(f, "")
		}
		c, ok := m[strings.TrimSpace(code)]
		if !ok {
			continue // codes PLOVER maps that the Goldstein table lacks
		}
		c.PLOVER = strings.TrimSpace(f[0])
		c.Mode = strings.TrimSpace(f[1])
		c.Context = strings.TrimSpace(f[2])
		m[c.Code] = c
	}
	// Codes without their own PLOVER row inherit their parent's.
	for k, c := range m {
		if c.PLOVER != "" {
			continue
		}
		for p := parent(k); p != ""; p = parent(p) {
			if pc, ok := m[p]; ok && pc.PLOVER != "" {
				c.PLOVER, c.Context = pc.PLOVER, pc.Context
				if c.Mode == "" {
					c.Mode = pc.Mode
				}
				m[k] = c
				break
			}
		}
	}
	return m, sc.Err()
}

// parent returns the next-shorter CAMEO code: "0311" → "031" → "03"; "".
func parent(code string) string {
	switch len(code) {
	case 4:
		return code[:3]
	case 3:
		if code[2] == '0' {
			return code[:2]
		}
		return code[:2] + "0"
	}
	return ""
}

func quadOf(root int) int {
	switch {
	case root <= 5:
		return 1
	case root <= 8:
		return 2
	case root <= 13:
		return 3
	}
	return 4
}

// Lookup returns the table entry for a CAMEO code. A code missing from the
// Goldstein table (1213, 1951 …) takes its parent's weight. It reports false
// for codes that are not CAMEO.
func Lookup(code string) (Code, bool) {
	tableOnce.Do(loadTables)
	if tableErr != nil {
		return Code{}, false
	}
	if c, ok := table[code]; ok {
		return c, true
	}
	for p := parent(code); p != ""; p = parent(p) {
		if pc, ok := table[p]; ok {
			pc.Code = code
			return pc, true
		}
	}
	return Code{}, false
}

// Codes returns every code in the shipped table, sorted.
func Codes() []Code {
	tableOnce.Do(loadTables)
	out := make([]Code, 0, len(table))
	for _, c := range table {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// TableError reports a problem with the embedded tables (never expected in
// a released binary; tests check it).
func TableError() error {
	tableOnce.Do(loadTables)
	return tableErr
}

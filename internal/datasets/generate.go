package datasets

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/event"
)

// genActor is a weighted actor of the synthetic generator.
type genActor struct {
	code, name, country, group string
	weight                     int
}

// Actor mix of the generator: a handful of big states dominate GDELT, a long
// tail follows; IGOs appear with their known-group codes; about a third of
// GDELT records have no second actor.
var genActors = []genActor{
	{"USA", "UNITED STATES", "USA", "", 160}, {"RUS", "RUSSIA", "RUS", "", 60}, {"CHN", "CHINA", "CHN", "", 55},
	{"GBR", "UNITED KINGDOM", "GBR", "", 40}, {"UKR", "UKRAINE", "UKR", "", 30}, {"IND", "INDIA", "IND", "", 30},
	{"ISR", "ISRAEL", "ISR", "", 25}, {"IRN", "IRAN", "IRN", "", 22}, {"DEU", "GERMANY", "DEU", "", 20},
	{"FRA", "FRANCE", "FRA", "", 20}, {"TUR", "TURKEY", "TUR", "", 15}, {"PAK", "PAKISTAN", "PAK", "", 14},
	{"JPN", "JAPAN", "JPN", "", 12}, {"SYR", "SYRIA", "SYR", "", 12}, {"BLR", "BELARUS", "BLR", "", 6},
	{"POL", "POLAND", "POL", "", 8}, {"KAZ", "KAZAKHSTAN", "KAZ", "", 4}, {"ARM", "ARMENIA", "ARM", "", 3},
	{"ROM", "ROMANIA", "ROM", "", 3}, {"BRA", "BRAZIL", "BRA", "", 8}, {"NGA", "NIGERIA", "NGA", "", 8},
	{"IGOEUREEC", "EUROPEAN UNION", "", "EEC", 12}, {"IGOWSTNAT", "NATO", "", "NAT", 8}, {"IGOUNO", "UNITED NATIONS", "", "UNO", 10},
	{"GOV", "GOVERNMENT", "", "", 40}, {"COP", "POLICE", "", "", 20}, {"AFR", "AFRICA", "", "", 4},
}

var genSectors = []string{"", "", "", "GOV", "GOV", "MIL", "BUS", "MED", "CVL", "OPP", "JUD"}

// Event-code mix: statements, consultations and diplomatic cooperation are
// the bulk of GDELT; force is rarer.
var genCodes = []struct {
	code   string
	weight int
}{
	{"010", 90}, {"012", 10}, {"013", 8}, {"020", 15}, {"036", 25}, {"040", 60}, {"042", 40}, {"043", 40},
	{"046", 15}, {"051", 35}, {"057", 10}, {"061", 8}, {"071", 6}, {"111", 25}, {"112", 20}, {"120", 6},
	{"130", 8}, {"138", 4}, {"141", 10}, {"163", 5}, {"173", 20}, {"190", 15}, {"193", 6}, {"1823", 3}, {"0874", 1},
}

var genPlaces = []struct{ name, country, feature string }{
	{"Moscow, Moskva, Russia", "RS", "-2960561"}, {"Minsk, Horad Minsk, Belarus", "BO", "-2960532"},
	{"Washington, District of Columbia, United States", "US", "531871"}, {"Beijing, Beijing, China", "CH", "-1898541"},
	{"Kyiv, Kyyiv, Misto, Ukraine", "UP", "-1044367"}, {"Brussels, Bruxelles-Capitale, Belgium", "BE", "-1955538"},
	{"London, London, City of, United Kingdom", "UK", "-2601889"}, {"", "", ""},
}

// Generate writes n synthetic GDELT 2.0 event records (61 tab-separated
// columns, no header) with realistic actor and event-code mixes, dates over
// 2015–2024, deterministic for a seed. About 2% of records repeat an earlier
// record's day, dyad, code and place under a new id, as GDELT's duplicate
// reports do. Benchmarks and tests use it.
func Generate(w io.Writer, n int, seed uint64) error {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	bw := bufio.NewWriterSize(w, 1<<20)
	actorTotal, codeTotal := 0, 0
	for _, a := range genActors {
		actorTotal += a.weight
	}
	for _, c := range genCodes {
		codeTotal += c.weight
	}
	pickActor := func() genActor {
		x := rng.IntN(actorTotal)
		for _, a := range genActors {
			if x < a.weight {
				return a
			}
			x -= a.weight
		}
		return genActors[0]
	}
	pickCode := func() string {
		x := rng.IntN(codeTotal)
		for _, c := range genCodes {
			if x < c.weight {
				return c.code
			}
			x -= c.weight
		}
		return "010"
	}
	start := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	days := 3653
	var prev []byte
	buf := make([]byte, 0, 1024)
	for i := range n {
		buf = buf[:0]
		id := 400000000 + uint64(i)
		dup := prev != nil && rng.IntN(50) == 0
		if dup {
			// Same record under a new id: a duplicate report.
			buf = strconv.AppendUint(buf, id, 10)
			buf = append(buf, prev...)
			if _, err := bw.Write(buf); err != nil {
				return fmt.Errorf("generate: %w", err)
			}
			continue
		}
		day := start.AddDate(0, 0, rng.IntN(days))
		a1 := pickActor()
		var a2 genActor
		if rng.IntN(3) > 0 {
			a2 = pickActor()
		}
		code := pickCode()
		c, _ := event.Lookup(code)
		place := genPlaces[rng.IntN(len(genPlaces))]
		buf = strconv.AppendUint(buf, id, 10)
		rest := len(buf)
		buf = append(buf, '\t')
		buf = day.AppendFormat(buf, "20060102")
		buf = append(buf, '\t')
		buf = day.AppendFormat(buf, "200601")
		buf = append(buf, '\t')
		buf = strconv.AppendInt(buf, int64(day.Year()), 10)
		buf = append(buf, '\t')
		buf = strconv.AppendFloat(buf, float64(day.Year())+float64(day.YearDay())/365, 'f', 4, 64)
		for _, a := range []genActor{a1, a2} {
			sector := ""
			if a.code != "" {
				sector = genSectors[rng.IntN(len(genSectors))]
			}
			// Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2, Type1, Type2, Type3
			buf = append(buf, '\t')
			buf = append(buf, a.code...)
			buf = append(buf, sector...)
			buf = append(buf, '\t')
			buf = append(buf, a.name...)
			buf = append(buf, '\t')
			buf = append(buf, a.country...)
			buf = append(buf, '\t')
			buf = append(buf, a.group...)
			buf = append(buf, "\t\t\t\t"...)
			buf = append(buf, sector...)
			buf = append(buf, "\t\t"...)
		}
		mentions := 1 + rng.IntN(10)
		sources := 1 + rng.IntN(mentions)
		buf = append(buf, '\t')
		buf = strconv.AppendInt(buf, int64(rng.IntN(2)), 10)
		buf = append(buf, '\t')
		buf = append(buf, code...)
		buf = append(buf, '\t')
		buf = append(buf, code[:3]...)
		buf = append(buf, '\t')
		buf = append(buf, code[:2]...)
		buf = append(buf, '\t')
		buf = strconv.AppendInt(buf, int64(c.Quad), 10)
		buf = append(buf, '\t')
		buf = strconv.AppendFloat(buf, c.Goldstein, 'f', 1, 64)
		buf = append(buf, '\t')
		buf = strconv.AppendInt(buf, int64(mentions), 10)
		buf = append(buf, '\t')
		buf = strconv.AppendInt(buf, int64(sources), 10)
		buf = append(buf, '\t')
		buf = strconv.AppendInt(buf, int64(mentions), 10)
		buf = append(buf, '\t')
		buf = strconv.AppendFloat(buf, rng.Float64()*20-10, 'f', 6, 64)
		// Actor1Geo, Actor2Geo and ActionGeo: Type, FullName, CountryCode, ADM1, ADM2, Lat, Long, FeatureID.
		for range 3 {
			if place.name == "" {
				buf = append(buf, "\t0\t\t\t\t\t\t\t"...)
				continue
			}
			buf = append(buf, "\t4\t"...)
			buf = append(buf, place.name...)
			buf = append(buf, '\t')
			buf = append(buf, place.country...)
			buf = append(buf, '\t')
			buf = append(buf, place.country...)
			buf = append(buf, "00\t\t"...)
			buf = strconv.AppendFloat(buf, 40+rng.Float64()*15, 'f', 4, 64)
			buf = append(buf, '\t')
			buf = strconv.AppendFloat(buf, 20+rng.Float64()*40, 'f', 4, 64)
			buf = append(buf, '\t')
			buf = append(buf, place.feature...)
		}
		buf = append(buf, '\t')
		buf = day.AppendFormat(buf, "20060102150405")
		buf = append(buf, "\thttps://news.example.org/story/"...)
		buf = strconv.AppendUint(buf, id, 36)
		buf = append(buf, '\n')
		prev = append(prev[:0], buf[rest:]...)
		if _, err := bw.Write(buf); err != nil {
			return fmt.Errorf("generate: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	return nil
}

// GenerateTable inserts n synthetic events straight into dataset_events
// with one SQL statement (no file, no Go rows): the same actor, code and
// place mixes as [Generate], dates over 2015–2024, ids gdelt:syn-N. It is
// for benchmarks of the series query at archive scale (100 M rows); the
// rows are deterministic for a seed. With ids false, id and orig_id are
// left empty: unique strings are most of the cost of generating and
// storing the table, and the series query never reads them.
func GenerateTable(ctx context.Context, db *sql.DB, n int64, seed uint64, ids bool) error {
	q, err := generateSQL(n, seed, "duckdb")
	if err != nil {
		return err
	}
	if !ids {
		q = strings.Replace(q, "SELECT 'gdelt:syn-' || i, 'gdelt', 'syn-' || i,", "SELECT '', 'gdelt', '',", 1)
	}
	if _, err := db.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("generate %d events: %w", n, err)
	}
	return nil
}

// GenerateTableSQL returns the INSERT … SELECT that [GenerateTable] runs,
// for dialect "duckdb" or "clickhouse", so other backends can generate
// the same data.
func GenerateTableSQL(n int64, seed uint64, dialect string) (string, error) {
	return generateSQL(n, seed, dialect)
}

func generateSQL(n int64, seed uint64, dialect string) (string, error) {
	var actors []string
	for _, a := range genActors {
		code := GDELTActor(a.country, a.group)
		for range a.weight {
			actors = append(actors, "'"+code+"'")
		}
	}
	var codes, golds, quads []string
	for _, c := range genCodes {
		k, _ := event.Lookup(c.code)
		for range c.weight {
			codes = append(codes, "'"+c.code+"'")
			golds = append(golds, strconv.FormatFloat(k.Goldstein, 'f', 1, 64))
			quads = append(quads, strconv.Itoa(k.Quad))
		}
	}
	var places []string
	for _, p := range genPlaces {
		places = append(places, "'"+p.feature+"'")
	}
	arr := func(xs []string) string { return "[" + strings.Join(xs, ",") + "]" }
	na, nc, np := len(actors), len(codes), len(places)
	switch dialect {
	case "duckdb":
		// hash() is DuckDB's 64-bit hash; list indexes are 1-based.
		h := func(salt int) string { return fmt.Sprintf("hash(i + %d)", uint64(salt)*1000003+seed) }
		return fmt.Sprintf(`INSERT INTO dataset_events
SELECT 'gdelt:syn-' || i, 'gdelt', 'syn-' || i, DATE '2015-01-01' + d,
	%s[1 + a1], CASE WHEN e THEN '' ELSE %s[1 + a2] END,
	'', '', '', '', %s[1 + c], '', '', '', %s[1 + c], %s[1 + c], NULL, NULL,
	1 + m, 1, 1, NULL, %s[1 + p], '', '', NULL, NULL, '', '', 'synthetic'
FROM (SELECT i, CAST(%s %% 3653 AS INTEGER) AS d, CAST(%s %% %d AS INTEGER) AS a1, %s %% 3 = 0 AS e,
	CAST(%s %% %d AS INTEGER) AS a2, CAST(%s %% %d AS INTEGER) AS c, CAST(%s %% 10 AS INTEGER) AS m,
	CAST(%s %% %d AS INTEGER) AS p FROM range(%d) t(i))`,
			arr(actors), arr(actors), arr(codes), arr(golds), arr(quads), arr(places),
			h(1), h(2), na, h(3), h(4), na, h(5), nc, h(6), h(7), np, n), nil
	case "clickhouse":
		h := func(salt int) string { return fmt.Sprintf("intHash64(number + %d)", uint64(salt)*1000003+seed) }
		return fmt.Sprintf(`INSERT INTO dataset_events
SELECT concat('gdelt:syn-', toString(number)), 'gdelt', concat('syn-', toString(number)), toDate('2015-01-01') + (%s %% 3653),
	%s[1 + %s %% %d], if(%s %% 3 = 0, '', %s[1 + %s %% %d]),
	'', '', '', '', %s[1 + c], '', '', '', %s[1 + c], %s[1 + c], nan, 0,
	1 + %s %% 10, 1, 1, nan, %s[1 + %s %% %d], '', '', nan, nan, '', '', 'synthetic'
FROM (SELECT number, %s %% %d AS c FROM system.numbers LIMIT %d)`,
			h(1), arr(actors), h(2), na, h(3), arr(actors), h(4), na,
			arr(codes), arr(golds), arr(quads), h(6), arr(places), h(7), np, h(5), nc, n), nil
	}
	return "", fmt.Errorf("generate: unknown SQL dialect %q", dialect)
}

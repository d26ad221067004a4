package datasets

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/event"
)

// PLOVER event types with the quad class and base score of the PLOVER
// manual (draft 2.0; ACCUSE's "3" read as −3, the manual's sign typo).
// POLECAT records carry no CAMEO code, so these stand in for Goldstein and
// quad when a record has no intensity of its own.
var ploverTypes = map[string]struct {
	quad  int
	score float64
}{
	"AGREE": {1, 2.5}, "CONSULT": {1, 2.5}, "SUPPORT": {1, 5}, "CONCEDE": {1, 4.5},
	"COOPERATE": {2, 9.5}, "AID": {2, 10}, "RETREAT": {2, 6.5},
	"REQUEST": {3, 0}, "ACCUSE": {3, -3}, "REJECT": {3, -2}, "THREATEN": {3, -3.5},
	"PROTEST": {4, -5}, "SANCTION": {4, -6}, "MOBILIZE": {4, -5.5}, "COERCE": {4, -7}, "ASSAULT": {4, -9},
}

// POLECATLayout is the column layout of a POLECAT tab-separated file, read
// from its header row. Accepted: the Dataverse weekly/yearly files
// (doi:10.7910/DVN/AJGVIT), whose header starts "Event ID, Event Date, Event
// Type, Event Mode, Intensity, Quad Code, Contexts, Actor Name, Actor
// Country, …, Recipient Name, Recipient Country, …, Placename, …, GeoNames
// ID, …, Source, Publication Date, …". Columns are found by name.
// Actor and recipient cells may list several entities separated by ";";
// each actor × recipient pair becomes one directed record.
type POLECATLayout struct {
	cols map[string]int
	n    int
}

var polecatRequired = []string{"Event ID", "Event Date", "Event Type", "Actor Name", "Actor Country", "Recipient Name", "Recipient Country"}

// NewPOLECATLayout reads the layout from a header row split on tabs.
func NewPOLECATLayout(header []string) (*POLECATLayout, error) {
	l := &POLECATLayout{cols: make(map[string]int, len(header)), n: len(header)}
	for i, h := range header {
		l.cols[unquote(strings.TrimSpace(h))] = i
	}
	for _, c := range polecatRequired {
		if _, ok := l.cols[c]; !ok {
			return nil, fmt.Errorf("POLECAT header lacks column %q", c)
		}
	}
	return l, nil
}

func (l *POLECATLayout) get(f []string, name string) string {
	i, ok := l.cols[name]
	if !ok || i >= len(f) {
		return ""
	}
	v := strings.TrimSpace(unquote(f[i]))
	if v == "NA" || v == "None" || v == "nan" {
		return ""
	}
	return v
}

// Parse maps one tab-split POLECAT row to one record per actor–recipient
// pair. A record with no recipient gives one record with an empty target.
func (l *POLECATLayout) Parse(f []string) ([]Record, error) {
	if len(f) != l.n {
		return nil, fmt.Errorf("want %d tab-separated columns as in the header, got %d", l.n, len(f))
	}
	p := ploverRow{
		id:        l.get(f, "Event ID"),
		date:      l.get(f, "Event Date"),
		typ:       l.get(f, "Event Type"),
		mode:      l.get(f, "Event Mode"),
		contexts:  l.get(f, "Contexts"),
		intensity: l.get(f, "Intensity"),
		quad:      l.get(f, "Quad Code"),
		place:     l.get(f, "GeoNames ID"),
		placeName: l.get(f, "Placename"),
		country:   l.get(f, "Country"),
		lat:       l.get(f, "Latitude"),
		lon:       l.get(f, "Longitude"),
		url:       l.get(f, "Source"),
		added:     l.get(f, "Publication Date"),
	}
	p.actors = zipEntities(l.get(f, "Actor Name"), l.get(f, "Actor Country"))
	p.recips = zipEntities(l.get(f, "Recipient Name"), l.get(f, "Recipient Country"))
	return p.records()
}

// entity is one POLECAT/PLOVER actor: its name and country as given.
type entity struct{ name, country string }

func zipEntities(names, countries string) []entity {
	ns, cs := splitList(names, ";"), splitList(countries, ";")
	n := max(len(ns), len(cs))
	out := make([]entity, n)
	for i := range n {
		if i < len(ns) {
			out[i].name = ns[i]
		}
		if i < len(cs) {
			out[i].country = cs[i]
		}
	}
	return out
}

// code maps a PLOVER entity: an organisation or state named, else its
// country given as ISO3 or a name, else a CAMEO-style code.
func (e entity) code() string {
	if c := NameCode(e.name); c != "" {
		return c
	}
	if c := CountryCode(e.country); c != "" {
		return c
	}
	return CAMEOActor(e.country)
}

func (e entity) raw() string {
	if e.name != "" {
		return e.name
	}
	return e.country
}

// ploverRow is a POLECAT/PLOVER record before expansion into dyads.
type ploverRow struct {
	id, date, typ, mode, contexts       string
	intensity, quad                     string
	place, placeName, country, lat, lon string
	url, added                          string
	actors, recips                      []entity
}

func (p *ploverRow) records() ([]Record, error) {
	if p.id == "" {
		return nil, fmt.Errorf("event id is empty")
	}
	d, err := parseDate(p.date)
	if err != nil {
		return nil, fmt.Errorf("event date %q: %w", p.date, err)
	}
	typ := strings.ToUpper(p.typ)
	base, known := ploverTypes[typ]
	if !known {
		return nil, fmt.Errorf("event type %q: not a PLOVER event type", p.typ)
	}
	if len(p.actors) == 0 {
		return nil, fmt.Errorf("no actor")
	}
	r := Record{Origin: event.OriginPOLECAT, Date: d, PLOVER: typ, Mode: strings.ToLower(p.mode), Context: p.contexts,
		Tone: math.NaN(), OrigGoldstein: math.NaN(), Goldstein: base.score, Quad: base.quad}
	if p.intensity != "" {
		g, err := strconv.ParseFloat(p.intensity, 64)
		if err != nil || g < -10 || g > 10 {
			return nil, fmt.Errorf("intensity %q: want a number in −10…10", p.intensity)
		}
		r.OrigGoldstein, r.Goldstein = g, g
	}
	if p.quad != "" {
		q, err := parseQuad(p.quad)
		if err != nil {
			return nil, err
		}
		r.OrigQuad = q
	}
	r.Place, r.PlaceName, r.PlaceCountry = p.place, p.placeName, p.country
	if r.Place == "" {
		r.Place = p.placeName
	}
	if r.Lat, err = optFloat(p.lat); err != nil {
		return nil, fmt.Errorf("latitude %q: not a number", p.lat)
	}
	if r.Lon, err = optFloat(p.lon); err != nil {
		return nil, fmt.Errorf("longitude %q: not a number", p.lon)
	}
	r.URL, r.Added = p.url, p.added
	recips := p.recips
	if len(recips) == 0 {
		recips = []entity{{}}
	}
	out := make([]Record, 0, len(p.actors)*len(recips))
	for i, a := range p.actors {
		for j, t := range recips {
			x := r
			x.OrigID = p.id
			if len(p.actors) > 1 || len(recips) > 1 {
				x.OrigID = fmt.Sprintf("%s#%d.%d", p.id, i+1, j+1)
			}
			x.SourceRaw, x.SourceName = a.raw(), a.name
			x.TargetRaw, x.TargetName = t.raw(), t.name
			x.Source, x.Target = a.code(), t.code()
			out = append(out, x)
		}
	}
	return out, nil
}

// parseQuad accepts a quad class as 1–4 or as its name ("VERBAL
// COOPERATION", "material conflict"); 0 ("NEUTRAL") is allowed too.
func parseQuad(s string) (int, error) {
	if q, err := strconv.Atoi(s); err == nil && q >= 0 && q <= 4 {
		return q, nil
	}
	switch strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(s), "_", " ")) {
	case "NEUTRAL":
		return 0, nil
	case "VERBAL COOPERATION":
		return 1, nil
	case "MATERIAL COOPERATION":
		return 2, nil
	case "VERBAL CONFLICT":
		return 3, nil
	case "MATERIAL CONFLICT":
		return 4, nil
	}
	return 0, fmt.Errorf("quad code %q: want 1–4 or a quad class name", s)
}

// ParsePLOVERJSON maps one JSON line of PLOVER/POLECAT event output to
// records, one per actor–recipient pair. Two shapes are accepted:
//
//   - the PLOVER manual's record: {"id", "date", "event" (or
//     "event_type"), "mode", "context", "quad_code", "intensity",
//     "actor": [{"code", "entity_text", …}], "recipient": […],
//     "event_loc": {"geonamesid", "name", "country", "lat", "lon"}};
//   - NGEC's output: {"id", "date", "event_type", "event_mode",
//     "contexts", "attributes": {"ACTOR": [{"text", "country", …}],
//     "RECIP": […], "LOC": [{"text", "geonamesid", "country", "lat", "lon"}]}}.
//
// "event", "actor" and "recipient" may be a string or a list; the first
// event type is used.
func ParsePLOVERJSON(line []byte) ([]Record, error) {
	var j struct {
		ID        json.RawMessage `json:"id"`
		Date      string          `json:"date"`
		Event     json.RawMessage `json:"event"`
		EventType json.RawMessage `json:"event_type"`
		Mode      json.RawMessage `json:"mode"`
		EventMode json.RawMessage `json:"event_mode"`
		Context   json.RawMessage `json:"context"`
		Contexts  json.RawMessage `json:"contexts"`
		Quad      json.RawMessage `json:"quad_code"`
		Intensity json.RawMessage `json:"intensity"`
		Actor     json.RawMessage `json:"actor"`
		Recipient json.RawMessage `json:"recipient"`
		Loc       json.RawMessage `json:"event_loc"`
		URL       string          `json:"url"`
		Attrs     struct {
			Actor json.RawMessage `json:"ACTOR"`
			Recip json.RawMessage `json:"RECIP"`
			Loc   json.RawMessage `json:"LOC"`
		} `json:"attributes"`
	}
	if err := json.Unmarshal(line, &j); err != nil {
		return nil, fmt.Errorf("json: %w", err)
	}
	p := ploverRow{
		id:        scalar(j.ID),
		date:      j.Date,
		typ:       first(j.Event, j.EventType),
		mode:      first(j.Mode, j.EventMode),
		contexts:  strings.Join(append(strList(j.Context), strList(j.Contexts)...), ";"),
		intensity: scalar(j.Intensity),
		quad:      scalar(j.Quad),
		url:       j.URL,
	}
	p.actors = jsonEntities(j.Actor)
	if len(p.actors) == 0 {
		p.actors = jsonEntities(j.Attrs.Actor)
	}
	p.recips = jsonEntities(j.Recipient)
	if len(p.recips) == 0 {
		p.recips = jsonEntities(j.Attrs.Recip)
	}
	loc := j.Loc
	if len(loc) == 0 || string(loc) == "null" {
		loc = j.Attrs.Loc
	}
	var locs []map[string]json.RawMessage
	if err := unmarshalOneOrMany(loc, &locs); err == nil && len(locs) > 0 {
		m := locs[0]
		p.place = scalar(m["geonamesid"])
		p.placeName = firstNonEmpty(scalar(m["name"]), scalar(m["text"]), scalar(m["placename"]))
		p.country = scalar(m["country"])
		p.lat, p.lon = scalar(m["lat"]), scalar(m["lon"])
	}
	return p.records()
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// scalar renders a JSON string, number or bool as text; "" for anything else.
func scalar(m json.RawMessage) string {
	if len(m) == 0 {
		return ""
	}
	var s string
	if json.Unmarshal(m, &s) == nil {
		return s
	}
	var n json.Number
	if json.Unmarshal(m, &n) == nil {
		return n.String()
	}
	return ""
}

// strList reads a JSON string or list of strings.
func strList(m json.RawMessage) []string {
	var out []string
	if unmarshalOneOrMany(m, &out) == nil {
		return out
	}
	return nil
}

func first(ms ...json.RawMessage) string {
	for _, m := range ms {
		if l := strList(m); len(l) > 0 && l[0] != "" {
			return l[0]
		}
	}
	return ""
}

// unmarshalOneOrMany decodes m into the slice *v, accepting a single value
// for a one-element list.
func unmarshalOneOrMany[T any](m json.RawMessage, v *[]T) error {
	if len(m) == 0 || string(m) == "null" {
		return fmt.Errorf("empty")
	}
	if err := json.Unmarshal(m, v); err == nil {
		return nil
	}
	var one T
	if err := json.Unmarshal(m, &one); err != nil {
		return err
	}
	*v = []T{one}
	return nil
}

func jsonEntities(m json.RawMessage) []entity {
	var raw []json.RawMessage
	if unmarshalOneOrMany(m, &raw) != nil {
		return nil
	}
	var out []entity
	for _, r := range raw {
		if s := scalar(r); s != "" {
			out = append(out, entity{country: s})
			continue
		}
		var o map[string]json.RawMessage
		if json.Unmarshal(r, &o) != nil {
			continue
		}
		e := entity{
			name:    firstNonEmpty(scalar(o["entity_text"]), scalar(o["text"]), scalar(o["name"])),
			country: firstNonEmpty(scalar(o["code"]), scalar(o["country"])),
		}
		if e.name != "" || e.country != "" {
			out = append(out, e)
		}
	}
	return out
}

package cameodict

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// OutFormat is an event file layout.
type OutFormat string

// Output layouts.
const (
	OutGDELT   OutFormat = "gdelt"   // GDELT 2.0 event export, 61 tab-separated columns
	OutPhoenix OutFormat = "phoenix" // Phoenix daily file, 26 tab-separated columns
	OutJSONL   OutFormat = "jsonl"   // one JSON object a line: the event record plus PETRARCH detail
)

// GDELTColumns are the 61 columns of a GDELT 2.0 event export, in order.
var GDELTColumns = strings.Fields(`GLOBALEVENTID SQLDATE MonthYear Year FractionDate
Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone
Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID
Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID
ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID
DATEADDED SOURCEURL`)

// PhoenixColumns are the 26 columns of a Phoenix daily event file.
var PhoenixColumns = strings.Fields(`EventID Date Year Month Day
SourceActorFull SourceActorEntity SourceActorRole SourceActorAttribute
TargetActorFull TargetActorEntity TargetActorRole TargetActorAttribute
EventCode EventRootCode QuadClass GoldsteinScore Issues Lat Lon LocationName StateName CountryCode
SentenceID URLs NewsSources`)

// Writer writes coded events in one layout. Call Flush at the end.
type Writer struct {
	w      *bufio.Writer
	format OutFormat
	enc    *json.Encoder
	row    []string
}

// NewWriter returns a writer of format to w. With header true the
// tab-separated layouts start with a line of column names (GDELT and
// Phoenix files have none).
func NewWriter(w io.Writer, format OutFormat, header bool) (*Writer, error) {
	bw := bufio.NewWriterSize(w, 64*1024)
	out := &Writer{w: bw, format: format}
	switch format {
	case OutGDELT:
		out.row = make([]string, len(GDELTColumns))
		if header {
			bw.WriteString(strings.Join(GDELTColumns, "\t") + "\n")
		}
	case OutPhoenix:
		out.row = make([]string, len(PhoenixColumns))
		if header {
			bw.WriteString(strings.Join(PhoenixColumns, "\t") + "\n")
		}
	case OutJSONL:
		out.enc = json.NewEncoder(bw)
		out.enc.SetEscapeHTML(false)
	default:
		return nil, fmt.Errorf("output format %q: want gdelt, phoenix or jsonl", format)
	}
	return out, nil
}

// Write writes one event.
func (w *Writer) Write(e *Coded) error {
	switch w.format {
	case OutJSONL:
		return w.enc.Encode(e)
	case OutGDELT:
		gdeltRow(w.row, e)
	case OutPhoenix:
		phoenixRow(w.row, e)
	}
	for i, f := range w.row {
		if i > 0 {
			w.w.WriteByte('\t')
		}
		w.w.WriteString(clean(f))
	}
	return w.w.WriteByte('\n')
}

// Flush writes any buffered data.
func (w *Writer) Flush() error { return w.w.Flush() }

func clean(s string) string {
	if strings.ContainsAny(s, "\t\n\r") {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// dateParts reads the event date; a year-only date gives month and day 0.
func dateParts(e *Coded) (y, m, d int, ok bool) {
	if t, err := time.Parse("2006-01-02", e.Date); err == nil {
		return t.Year(), int(t.Month()), t.Day(), true
	}
	if t, err := time.Parse("2006", e.Date); err == nil {
		return t.Year(), 0, 0, true
	}
	return 0, 0, 0, false
}

func gdeltActor(row []string, at int, code, text string) {
	entity, role, attr := SplitActor(code)
	row[at] = code
	row[at+1] = strings.ToUpper(text)
	if len(entity) == 3 && !orgPrefixes[entity] {
		row[at+2] = entity
	} else if len(entity) > 3 {
		row[at+3] = entity[3:]
	}
	types := []string{}
	if role != "" {
		types = append(types, role)
	}
	for len(attr) >= 3 && len(types) < 3 {
		types = append(types, attr[:3])
		attr = attr[3:]
	}
	for k, t := range types {
		row[at+7+k] = t
	}
}

func gdeltRow(row []string, e *Coded) {
	clear(row)
	row[0] = e.ID
	if y, m, d, ok := dateParts(e); ok {
		row[1] = fmt.Sprintf("%04d%02d%02d", y, m, d)
		row[2] = fmt.Sprintf("%04d%02d", y, m)
		row[3] = strconv.Itoa(y)
		doy := 183 // mid-year for a year-only date
		if m > 0 {
			doy = time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).YearDay()
		}
		row[4] = strconv.FormatFloat(float64(y)+float64(doy)/365, 'f', 4, 64)
		row[59] = row[1] + "000000"
	}
	gdeltActor(row, 5, e.SourceCode, e.SourceText)
	gdeltActor(row, 15, e.TargetCode, e.TargetText)
	row[25] = "1"
	row[26] = e.CAMEO
	row[27] = e.CAMEO
	if len(e.CAMEO) > 3 {
		row[27] = e.CAMEO[:3]
	}
	if len(e.CAMEO) >= 2 {
		row[28] = e.CAMEO[:2]
	}
	if e.Quad != 0 {
		row[29] = strconv.Itoa(e.Quad)
		row[30] = strconv.FormatFloat(e.Goldstein, 'f', 1, 64)
	}
	row[31], row[32], row[33] = "1", "1", "1"
	row[35], row[43], row[51] = "0", "0", "0"
	row[60] = e.DocURL
	if row[60] == "" {
		row[60] = e.Record
	}
}

// PhoenixQuad is the Phoenix dataset's five-valued quad class of a CAMEO
// code: 0 statements (01–02), 1 verbal cooperation (03–05), 2 material
// cooperation (06–08), 3 verbal conflict (09–13, 16), 4 material conflict
// (14–15, 17–20). It returns -1 for a code that is not CAMEO.
func PhoenixQuad(code string) int {
	if len(code) < 2 {
		return -1
	}
	root, err := strconv.Atoi(code[:2])
	if err != nil {
		return -1
	}
	switch {
	case root >= 1 && root <= 2:
		return 0
	case root <= 5 && root > 0:
		return 1
	case root >= 6 && root <= 8:
		return 2
	case root >= 9 && root <= 13, root == 16:
		return 3
	case root >= 14 && root <= 20:
		return 4
	}
	return -1
}

func phoenixRow(row []string, e *Coded) {
	clear(row)
	row[0] = e.ID
	if y, m, d, ok := dateParts(e); ok {
		row[1] = fmt.Sprintf("%04d%02d%02d", y, m, d)
		row[2], row[3], row[4] = strconv.Itoa(y), strconv.Itoa(m), strconv.Itoa(d)
	}
	row[5] = e.SourceCode
	row[6], row[7], row[8] = SplitActor(e.SourceCode)
	row[9] = e.TargetCode
	row[10], row[11], row[12] = SplitActor(e.TargetCode)
	row[13] = e.CAMEO
	if len(e.CAMEO) >= 2 {
		row[14] = e.CAMEO[:2]
	}
	if q := PhoenixQuad(e.CAMEO); q >= 0 {
		row[15] = strconv.Itoa(q)
	}
	if e.GoldsteinVer != "" {
		row[16] = strconv.FormatFloat(e.Goldstein, 'f', 1, 64)
	}
	row[17] = e.Issues
	row[23] = e.Record
	row[24] = e.DocURL
	row[25] = e.Publisher
}

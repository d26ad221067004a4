// Package statements ships fulcrum's built-in statements dataset: the
// events coded by fulcrum from the UN General Debate speeches of 16
// countries (UNGDC v13, 1946–2024). Each event cites its speech and the byte
// offsets of its evidence; the speech texts themselves are not shipped.
// [FillText] adds the evidence text from a local copy of the corpus.
//
// The dataset is regenerated with scripts/gen-statements.sh, which codes the
// corpus with the current coder and dictionaries.
package statements

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/text"
)

//go:embed data/ungdc_events.tsv.gz
var builtinGz []byte

// Columns of the dataset file, tab-separated, one event a line after a
// header line.
var Columns = []string{"id", "doc", "path", "doc_title", "doc_url", "doc_date", "date", "date_precision",
	"source", "target", "source_role", "speaker", "cameo", "negated", "modality", "quote", "start", "end", "rule"}

// DocURL is cited for every speech: the UNGDC v13 Dataverse record.
const DocURL = "https://doi.org/10.7910/DVN/0TJX8Y"

// Version identifies the embedded dataset: a hash of its bytes, cheap to
// compute without decoding it.
func Version() string {
	h := sha256.Sum256(builtinGz)
	return "ungdc-v13/" + hex.EncodeToString(h[:8])
}

// Event is a built-in event with the path of its speech inside the UNGDC
// folder (texts/BLR/BLR_74_2019.txt), which FillText uses.
type Event struct {
	event.Event
	Path string
}

var (
	once    sync.Once
	builtin []Event
	errLoad error
)

// Builtin returns the built-in events (decoded once). Evidence text is
// empty until [FillText] adds it.
func Builtin() ([]Event, error) {
	once.Do(func() {
		builtin, errLoad = Read(bytes.NewReader(builtinGz), "builtin")
	})
	return builtin, errLoad
}

// Read decodes a gzip'd dataset file.
func Read(r io.Reader, name string) ([]Event, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("statements %s: %w", name, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var out []Event
	line := 0
	for sc.Scan() {
		line++
		if line == 1 {
			if sc.Text() != strings.Join(Columns, "\t") {
				return nil, fmt.Errorf("statements %s: line 1: unexpected header", name)
			}
			continue
		}
		f := strings.Split(sc.Text(), "\t")
		if len(f) != len(Columns) {
			return nil, fmt.Errorf("statements %s: line %d: %d fields, want %d", name, line, len(f), len(Columns))
		}
		start, err1 := strconv.Atoi(f[16])
		end, err2 := strconv.Atoi(f[17])
		if err := errors.Join(err1, err2); err != nil {
			return nil, fmt.Errorf("statements %s: line %d: %w", name, line, err)
		}
		e := Event{Path: f[2], Event: event.Event{
			ID: f[0], Doc: f[1], DocTitle: f[3], DocURL: f[4], DocDate: f[5], Date: f[6], DatePrecision: f[7],
			Source: f[8], Target: f[9], SourceRole: f[10], Speaker: f[11], CAMEO: f[12],
			Negated: f[13] == "1", Modality: f[14], Quote: f[15] == "1",
			Evidence: event.Evidence{Start: start, End: end}, Rule: f[18], Origin: event.OriginText,
		}}
		if !e.Fill() {
			return nil, fmt.Errorf("statements %s: line %d: unknown CAMEO code %q", name, line, f[12])
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("statements %s: line %d: %w", name, line, err)
	}
	return out, nil
}

// Write encodes events as a gzip'd dataset file.
func Write(w io.Writer, events []Event) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(strings.Join(Columns, "\t") + "\n")
	b := func(v bool) string {
		if v {
			return "1"
		}
		return "0"
	}
	for _, e := range events {
		f := []string{e.ID, e.Doc, e.Path, e.DocTitle, e.DocURL, e.DocDate, e.Date, e.DatePrecision,
			e.Source, e.Target, e.SourceRole, e.Speaker, e.CAMEO, b(e.Negated), e.Modality, b(e.Quote),
			strconv.Itoa(e.Evidence.Start), strconv.Itoa(e.Evidence.End), e.Rule}
		for i := range f {
			f[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(f[i])
		}
		bw.WriteString(strings.Join(f, "\t") + "\n")
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// ReadSpeech reads one speech of the UNGDC folder and returns its text as
// the coder saw it (BOM stripped, line ends normalised).
func ReadSpeech(dir, path string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
	if err != nil {
		return "", err
	}
	return text.Clean(string(b)), nil
}

// FillText sets the evidence text of events from the UNGDC folder dir (the
// one holding texts/ and index.csv). Events whose speech is missing, or
// whose offsets do not fit its text, keep an empty text; FillText reports
// how many were filled.
func FillText(events []event.Event, paths map[string]string, dir string) int {
	cache := map[string]string{}
	n := 0
	for i := range events {
		e := &events[i]
		p, ok := paths[e.Doc]
		if !ok || e.Evidence.Text != "" {
			continue
		}
		t, ok := cache[p]
		if !ok {
			var err error
			t, err = ReadSpeech(dir, p)
			if err != nil {
				t = ""
			}
			cache[p] = t
		}
		if e.Evidence.Start >= 0 && e.Evidence.End <= len(t) && e.Evidence.Start < e.Evidence.End {
			e.Evidence.Text = t[e.Evidence.Start:e.Evidence.End]
			n++
		}
	}
	return n
}

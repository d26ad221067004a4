// Command gen regenerates fulcrum's built-in statements dataset by coding
// the UN General Debate speeches with the current coder and dictionaries:
//
//	go run ./internal/statements/gen -corpus ../shared/data/ungdc_speeches -o internal/statements/data/ungdc_events.tsv.gz
//
// Only events and offsets are written; the speech texts stay outside the
// repository.
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/actors"
	"github.com/fulcrum-dev/fulcrum/internal/code"
	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/statements"
)

func main() {
	corpus := flag.String("corpus", "../shared/data/ungdc_speeches", "UNGDC folder with index.csv and texts/")
	out := flag.String("o", "internal/statements/data/ungdc_events.tsv.gz", "output file")
	flag.Parse()
	if err := run(*corpus, *out); err != nil {
		fmt.Fprintln(os.Stderr, "Error:", err)
		os.Exit(1)
	}
}

func run(corpus, out string) error {
	f, err := os.Open(filepath.Join(corpus, "index.csv"))
	if err != nil {
		return err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return fmt.Errorf("read index: %w", err)
	}
	dict, err := actors.Builtin()
	if err != nil {
		return err
	}
	rules, err := code.DefaultRules()
	if err != nil {
		return err
	}
	c := code.New(dict, rules)
	var events []statements.Event
	start := time.Now()
	for i, r := range rows {
		if i == 0 {
			continue
		}
		iso3, path := r[0], r[3]
		session, _ := strconv.Atoi(r[1])
		year, err := strconv.Atoi(r[2])
		if err != nil {
			return fmt.Errorf("index line %d: year %q", i+1, r[2])
		}
		txt, err := statements.ReadSpeech(corpus, path)
		if err != nil {
			return err
		}
		name := iso3
		if a, ok := dict.Actor(iso3); ok {
			name = a.Name
		}
		d := doc.Document{
			ID: doc.HashID(txt), Source: "ungdc:" + path, Format: "text",
			Title: fmt.Sprintf("UN General Debate, session %d (%d): %s", session, year, name),
			URL:   statements.DocURL, Date: time.Date(year, 9, 1, 0, 0, 0, 0, time.UTC), DatePrecision: "month",
			Author: iso3, Text: txt,
		}
		for _, e := range c.Code(d) {
			events = append(events, statements.Event{Event: e, Path: path})
		}
	}
	w, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := statements.Write(w, events); err != nil {
		w.Close()
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	fmt.Printf("%d speeches, %d events, %s → %s\n", len(rows)-1, len(events), time.Since(start).Round(time.Millisecond), out)
	return nil
}

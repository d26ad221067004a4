package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/ingest"
)

const codeUsage = `Usage: fulcrum code [options] FILE|DIR|URL|- ...

Code documents into events (who said or did what to whom, when) and print
them: a readable table by default, or one JSON object a line with --json
(the fields of DESIGN.md §2). Nothing is stored; see "fulcrum ingest".

Reads text, Markdown, HTML, PDF (text layer), RSS/Atom feeds, JSON lines of
{id, title, url, date, text}, folders (recursively) and "-" for stdin.

Examples:
  fulcrum code brief.pdf
  fulcrum code --json speeches/ > events.jsonl
  echo 'On 5 March 2019 Lukashenko criticised the CSTO.' | fulcrum code -
  fulcrum code --source BLR speech.txt    # first person ("we") is Belarus`

func runCode(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "code", codeUsage)
	asJSON := fs.Bool("json", false, "print JSON lines instead of a table")
	all := fs.Bool("all", false, "also print events that do not count (negated, hypothetical) in the table; --json always prints them")
	cf := addCodingFlags(fs)
	pos, c, err := cf.parse(env, fs, "code", args)
	if err != nil {
		return err
	}
	r := ingest.New(ingest.Options{Author: cf.author()})
	var out eventWriter
	if *asJSON {
		out = &jsonWriter{enc: json.NewEncoder(env.Stdout)}
	} else {
		out = newTableWriter(env.Stdout, *all)
	}
	var events []event.Event
	errs := r.Read(ctx, pos, env.Stdin, func(d doc.Document) error {
		events = c.Code(d)
		return out.Write(d, events)
	})
	if err := out.Flush(); err != nil {
		return err
	}
	return reportErrors(env, errs)
}

// reportErrors prints each input error on its own line and turns them into
// exit code 1.
func reportErrors(env *Env, errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	for _, e := range errs {
		fmt.Fprintf(env.Stderr, "Error: %v\n", e)
	}
	return &failedError{n: len(errs)}
}

type eventWriter interface {
	Write(d doc.Document, events []event.Event) error
	Flush() error
}

type jsonWriter struct{ enc *json.Encoder }

func (w *jsonWriter) Write(_ doc.Document, events []event.Event) error {
	for i := range events {
		if err := w.enc.Encode(&events[i]); err != nil {
			return err
		}
	}
	return nil
}

func (w *jsonWriter) Flush() error { return nil }

type tableWriter struct {
	w      io.Writer
	tw     *tabwriter.Writer
	all    bool
	docs   int
	events int
	hidden int
}

func newTableWriter(w io.Writer, all bool) *tableWriter {
	return &tableWriter{w: w, all: all}
}

func (t *tableWriter) Write(d doc.Document, events []event.Event) error {
	t.docs++
	title := d.Title
	if title == "" {
		title = d.Source
	}
	fmt.Fprintf(t.w, "\n%s  (%s, %d events)\n", title, d.ID[:12], len(events))
	if len(events) == 0 {
		return nil
	}
	t.tw = tabwriter.NewWriter(t.w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(t.tw, "DATE\tSOURCE\tTARGET\tCAMEO\tGOLD\tSTANCE\tSPEAKER\tEVIDENCE")
	for i := range events {
		e := &events[i]
		t.events++
		if !e.Counts() && !t.all {
			t.hidden++
			continue
		}
		fmt.Fprintf(t.tw, "%s\t%s\t%s\t%s\t%+.1f\t%s\t%s\t%s\n",
			orDash(e.Date), orDash(e.Source), orDash(e.Target), e.CAMEO, e.Goldstein,
			stance(e), orDash(e.Speaker), snippet(e.Evidence.Text, 70))
	}
	return t.tw.Flush()
}

func (t *tableWriter) Flush() error {
	msg := fmt.Sprintf("\n%d documents, %d events", t.docs, t.events)
	if t.hidden > 0 {
		msg += fmt.Sprintf(" (%d negated or hypothetical not shown; --all shows them)", t.hidden)
	}
	_, err := fmt.Fprintln(t.w, msg)
	return err
}

// stance is the table's short form of polarity, negation and modality.
func stance(e *event.Event) string {
	s := map[int]string{1: "coop", 0: "neutral", -1: "conflict"}[e.Polarity]
	if e.Negated {
		s = "NOT " + s
	}
	if e.Modality != "" && e.Modality != event.Asserted {
		s += "/" + e.Modality
	}
	if e.Quote {
		s += " “”"
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// snippet shortens s to at most n runes on one line.
func snippet(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

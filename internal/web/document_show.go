package web

import (
	"errors"
	"fmt"
	"net/http"
	"sort"
	"unicode/utf8"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/store"
)

// segment is a run of a document's text: plain, or the evidence of events.
// Start is its byte offset, which the page's script uses to turn a
// selection into evidence offsets.
type segment struct {
	Start  int
	Text   string
	Events []string // ids of the events whose evidence this is
	Focus  bool     // the event asked for with ?event=
}

// documentView is the document page's data.
type documentView struct {
	Doc       doc.Document
	HasText   bool
	Segments  []segment
	Events    []event.Event
	Focus     string
	Fields    []string
	Wrong     map[string]bool
	Corrected []store.Correction
}

// documentShow shows a document's text with its coded spans highlighted
// and its events, including those marked wrong. A built-in speech that is
// not stored is shown from the local corpus when there is one.
func (s *Server) documentShow(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	ctx := r.Context()
	d, err := s.cfg.Store.Document(ctx, id)
	hasText := err == nil
	if errors.Is(err, store.ErrNotFound) {
		if s.cfg.SpeechText != nil {
			d, hasText = s.cfg.SpeechText(ctx, id)
		}
		err = nil
	}
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	evs, err := s.cfg.Store.Events(ctx, store.EventFilter{Doc: id, IncludeWrong: true})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	if !hasText && len(evs) == 0 {
		s.fail(w, r, http.StatusNotFound, fmt.Sprintf("no document %q", id))
		return
	}
	if !hasText {
		d = doc.Document{ID: id, Title: evs[0].DocTitle, URL: evs[0].DocURL}
		s.fillText(ctx, evs)
	}
	if hasText {
		evidenceFromText(d.Text, evs)
	}
	corr, err := s.cfg.Store.Corrections(ctx, store.CorrectionFilter{Doc: id})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	wrong := map[string]bool{}
	for _, c := range corr {
		if c.Action == store.ActionWrong {
			wrong[c.EventID] = true
		} else if c.Action == store.ActionRestore {
			delete(wrong, c.EventID)
		}
	}
	if isAPI(r) {
		s.json(w, r, http.StatusOK, map[string]any{"document": d, "has_text": hasText, "events": evs, "corrections": toJSONs(corr)})
		return
	}
	focus := r.URL.Query().Get("event")
	v := documentView{Doc: d, HasText: hasText, Events: evs, Focus: focus, Fields: store.SettableFields, Wrong: wrong, Corrected: corr}
	if hasText {
		v.Segments = segments(d.Text, evs, focus)
	}
	title := d.Title
	if title == "" {
		title = "Document " + id
	}
	s.html(w, r, http.StatusOK, "document", title, v)
}

// segments cuts text at the evidence spans of evs. Overlapping spans are
// merged into one highlighted run that names all their events; spans
// outside the text or not on character boundaries are ignored.
func segments(text string, evs []event.Event, focus string) []segment {
	type span struct {
		start, end int
		id         string
	}
	var spans []span
	for _, e := range evs {
		st, en := e.Evidence.Start, e.Evidence.End
		if st < 0 || en > len(text) || st >= en || !boundary(text, st) || !boundary(text, en) {
			continue
		}
		spans = append(spans, span{st, en, e.ID})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var out []segment
	pos := 0
	for i := 0; i < len(spans); {
		sp := spans[i]
		seg := segment{Start: sp.start, Events: []string{sp.id}, Focus: sp.id == focus}
		end := sp.end
		j := i + 1
		for ; j < len(spans) && spans[j].start < end; j++ {
			end = max(end, spans[j].end)
			seg.Events = append(seg.Events, spans[j].id)
			seg.Focus = seg.Focus || spans[j].id == focus
		}
		if sp.start > pos {
			out = append(out, segment{Start: pos, Text: text[pos:sp.start]})
		}
		seg.Text = text[sp.start:end]
		out = append(out, seg)
		pos = end
		i = j
	}
	if pos < len(text) {
		out = append(out, segment{Start: pos, Text: text[pos:]})
	}
	return out
}

// evidenceFromText fills the evidence text of events that have none (the
// built-in speeches store only offsets) from the document's text, when
// their span lies inside it on character boundaries.
func evidenceFromText(text string, evs []event.Event) {
	for i := range evs {
		ev := &evs[i].Evidence
		if ev.Text != "" || ev.Start < 0 || ev.End > len(text) || ev.Start >= ev.End || !boundary(text, ev.Start) || !boundary(text, ev.End) {
			continue
		}
		ev.Text = text[ev.Start:ev.End]
	}
}

func boundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}

package web

import (
	"net/http"

	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/store"
)

// eventView is the event page's data: the event, its corrections and the
// correction forms.
type eventView struct {
	Event       event.Event
	Wrong       bool
	DocLink     string
	Fields      []string
	Corrections []store.Correction
}

// eventShow shows one event with its audit trail and the forms that correct
// it. An unknown id is a 404 naming it.
func (s *Server) eventShow(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	e, err := s.cfg.Store.Event(r.Context(), id)
	if err != nil {
		s.failErr(w, r, errNotFound(err, "event", id))
		return
	}
	evs := []event.Event{e}
	s.fillText(r.Context(), evs)
	e = evs[0]
	corr, err := s.cfg.Store.Corrections(r.Context(), store.CorrectionFilter{EventID: id})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	wrong := false
	for _, c := range corr {
		switch c.Action {
		case store.ActionWrong:
			wrong = true
		case store.ActionRestore:
			wrong = false
		}
	}
	if isAPI(r) {
		s.json(w, r, http.StatusOK, map[string]any{"event": e, "wrong": wrong, "corrections": toJSONs(corr)})
		return
	}
	s.html(w, r, http.StatusOK, "event", "Event "+id, eventView{Event: e, Wrong: wrong, DocLink: docLink(e), Fields: store.SettableFields, Corrections: corr})
}

package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/store"
)

// correctionRequest is the body of a correction: a form or, under /api/,
// JSON with these names.
type correctionRequest struct {
	Action string `json:"action"` // wrong, restore or set
	Field  string `json:"field"`  // for set: one of store.SettableFields
	Value  string `json:"value"`  // for set: the new value
	Who    string `json:"who"`
	Why    string `json:"why"`
}

// addRequest adds an event the coder missed, from a span of the document.
type addRequest struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Source   string `json:"source"`
	Target   string `json:"target"`
	CAMEO    string `json:"cameo"`
	Modality string `json:"modality"`
	Negated  bool   `json:"negated"`
	Who      string `json:"who"`
	Why      string `json:"why"`
}

// decode fills v from a JSON body or from form values.
func decode(r *http.Request, v any, form func(get func(string) string) error) error {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct == "application/json" {
		dec := json.NewDecoder(r.Body)
		dec.DisallowUnknownFields()
		if err := dec.Decode(v); err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return err
			}
			return badParam("body", "not the expected JSON: %v", err)
		}
		return nil
	}
	if err := r.ParseForm(); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return badParam("body", "malformed form: %v", err)
	}
	return form(r.PostForm.Get)
}

// correctionCreate marks an event wrong, restores it, or changes one field,
// recording who and why; cached reports are then rebuilt.
func (s *Server) correctionCreate(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	var req correctionRequest
	err := decode(r, &req, func(get func(string) string) error {
		req = correctionRequest{Action: get("action"), Field: get("field"), Value: get("value"), Who: get("who"), Why: get("why")}
		return nil
	})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	c := store.Correction{EventID: id, Who: strings.TrimSpace(req.Who), Why: strings.TrimSpace(req.Why)}
	switch req.Action {
	case store.ActionWrong, store.ActionRestore:
		c.Action = req.Action
	case store.ActionSet:
		c.Action, c.Field, c.New = req.Action, req.Field, strings.TrimSpace(req.Value)
	default:
		s.failErr(w, r, badParam("action", "%q is not wrong, restore or set", req.Action))
		return
	}
	if c.Who == "" {
		s.failErr(w, r, badParam("who", "say who makes the correction"))
		return
	}
	if c.Why == "" {
		s.failErr(w, r, badParam("why", "say why the coding is wrong"))
		return
	}
	// An accepted write finishes even if the client goes away or the
	// server is shutting down.
	got, err := s.cfg.Store.Correct(context.WithoutCancel(r.Context()), c)
	if err != nil {
		s.correctFailed(w, r, err, "event", id)
		return
	}
	s.bump()
	s.log.Info("correction", "event", id, "action", got.Action, "field", got.Field, "who", got.Who)
	if isAPI(r) {
		s.json(w, r, http.StatusCreated, toJSON(got))
		return
	}
	http.Redirect(w, r, "/events/"+url.PathEscape(id)+"?saved="+strconv.FormatInt(got.ID, 10), http.StatusSeeOther)
}

// eventCreate adds an event the coder missed, from a span of a stored
// document's text.
func (s *Server) eventCreate(w http.ResponseWriter, r *http.Request) {
	docID := r.PathValue("id")
	var req addRequest
	err := decode(r, &req, func(get func(string) string) error {
		var err error
		if req.Start, err = atoiParam(get, "start"); err != nil {
			return err
		}
		if req.End, err = atoiParam(get, "end"); err != nil {
			return err
		}
		req.Source, req.Target, req.CAMEO, req.Modality = get("source"), get("target"), get("cameo"), get("modality")
		req.Negated = get("negated") == "on" || get("negated") == "true"
		req.Who, req.Why = get("who"), get("why")
		return nil
	})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	if strings.TrimSpace(req.Who) == "" {
		s.failErr(w, r, badParam("who", "say who adds the event"))
		return
	}
	if strings.TrimSpace(req.Why) == "" {
		s.failErr(w, r, badParam("why", "say why the event was missed"))
		return
	}
	if req.End <= req.Start {
		s.failErr(w, r, badParam("end", "select a span of the text (end %d is not after start %d)", req.End, req.Start))
		return
	}
	if _, ok := event.Lookup(strings.TrimSpace(req.CAMEO)); !ok {
		s.failErr(w, r, badParam("cameo", "%q is not a CAMEO code", req.CAMEO))
		return
	}
	modality := req.Modality
	if modality == "" {
		modality = event.Asserted
	}
	e := &event.Event{Doc: docID, Source: strings.ToUpper(strings.TrimSpace(req.Source)), Target: strings.ToUpper(strings.TrimSpace(req.Target)),
		CAMEO: strings.TrimSpace(req.CAMEO), Modality: modality, Negated: req.Negated,
		Evidence: event.Evidence{Start: req.Start, End: req.End}}
	got, err := s.cfg.Store.Correct(context.WithoutCancel(r.Context()), store.Correction{Action: store.ActionAdd,
		Who: strings.TrimSpace(req.Who), Why: strings.TrimSpace(req.Why), Event: e})
	if err != nil {
		s.correctFailed(w, r, err, "document", docID)
		return
	}
	s.bump()
	s.log.Info("correction", "doc", docID, "action", got.Action, "event", got.EventID, "who", got.Who)
	if isAPI(r) {
		s.json(w, r, http.StatusCreated, toJSON(got))
		return
	}
	http.Redirect(w, r, "/docs/"+url.PathEscape(docID)+"?event="+url.QueryEscape(got.EventID)+"#ev-"+got.EventID, http.StatusSeeOther)
}

func atoiParam(get func(string) string, name string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(get(name)))
	if err != nil || n < 0 {
		return 0, badParam(name, "%q is not a byte offset", get(name))
	}
	return n, nil
}

// correctFailed maps a store error: unknown ids are 404s, invalid values
// 400s naming the problem.
func (s *Server) correctFailed(w http.ResponseWriter, r *http.Request, err error, what, id string) {
	if errors.Is(err, store.ErrNotFound) {
		s.fail(w, r, http.StatusNotFound, fmt.Sprintf("no %s %q", what, id))
		return
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) || errors.Is(err, context.DeadlineExceeded) {
		s.failErr(w, r, err)
		return
	}
	// The store validates values and names the field in its message.
	s.fail(w, r, http.StatusBadRequest, err.Error())
}

// errNotFound names what was not found when err is the store's
// ErrNotFound.
func errNotFound(err error, what, id string) error {
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no %s %q: %w", what, id, store.ErrNotFound)
	}
	return err
}

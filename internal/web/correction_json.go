package web

import (
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/store"
)

// correctionJSON is a store.Correction as the API writes it.
type correctionJSON struct {
	ID      int64        `json:"id"`
	EventID string       `json:"event_id"`
	Doc     string       `json:"doc,omitempty"`
	Action  string       `json:"action"`
	Field   string       `json:"field,omitempty"`
	Old     string       `json:"old,omitempty"`
	New     string       `json:"new,omitempty"`
	Who     string       `json:"who"`
	Why     string       `json:"why"`
	At      time.Time    `json:"at"`
	Event   *event.Event `json:"event,omitempty"`
}

func toJSON(c store.Correction) correctionJSON {
	return correctionJSON{ID: c.ID, EventID: c.EventID, Doc: c.Doc, Action: c.Action, Field: c.Field,
		Old: c.Old, New: c.New, Who: c.Who, Why: c.Why, At: c.At, Event: c.Event}
}

func toJSONs(cs []store.Correction) []correctionJSON {
	out := make([]correctionJSON, len(cs))
	for i, c := range cs {
		out[i] = toJSON(c)
	}
	return out
}

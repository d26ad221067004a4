package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/store"
)

// page is what every template receives: the page's own data plus the
// session state the layout needs.
type page struct {
	Title    string
	Writable bool // a token is configured
	LoggedIn bool // this browser may write
	CSRF     string
	Data     any
}

// parseTemplates parses the layout with each page template, failing on any
// template that does not parse.
func parseTemplates() (map[string]*template.Template, error) {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("list templates: %w", err)
	}
	pages := map[string]*template.Template{}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if base == "layout" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", n)
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", n, err)
		}
		pages[base] = t
	}
	for _, want := range []string{"overview", "country", "evidence", "document", "dyad", "ingest", "corrections", "login", "error", "event"} {
		if pages[want] == nil {
			return nil, fmt.Errorf("template %s.html missing", want)
		}
	}
	return pages, nil
}

// html renders the named page into a buffer first, so that a template error
// becomes a clean 500 instead of half a page.
func (s *Server) html(w http.ResponseWriter, r *http.Request, status int, name, title string, data any) {
	b, err := s.render(r, name, title, data)
	if err != nil {
		s.log.Error("render template", "name", name, "path", r.URL.Path, "err", err)
		http.Error(w, "internal error (logged on the server)", http.StatusInternalServerError)
		return
	}
	writeHTML(w, status, b)
}

func writeHTML(w http.ResponseWriter, status int, b []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b)
}

// render executes the named page with the session state of r.
func (s *Server) render(r *http.Request, name, title string, data any) ([]byte, error) {
	t, ok := s.pages[name]
	if !ok {
		return nil, fmt.Errorf("unknown template %q", name)
	}
	p := page{Title: title, Writable: s.cfg.Token != "", Data: data}
	if sess := s.session(r); sess != nil {
		p.LoggedIn, p.CSRF = true, sess.csrf
	}
	var b bytes.Buffer
	if err := t.Execute(&b, p); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// json writes v as indented JSON.
func (s *Server) json(w http.ResponseWriter, r *http.Request, status int, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		s.log.Error("encode json", "path", r.URL.Path, "err", err)
		http.Error(w, `{"error":"internal error"}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

// errorBody is the JSON form of every error reply.
type errorBody struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

// fail answers with an error page (or JSON under /api/) stating msg.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if status >= 500 {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "status", status, "msg", msg)
	}
	if isAPI(r) || strings.Contains(r.Header.Get("Accept"), "application/json") && !strings.Contains(r.Header.Get("Accept"), "text/html") {
		s.json(w, r, status, errorBody{Error: msg, Status: status})
		return
	}
	s.html(w, r, status, "error", http.StatusText(status), errorBody{Error: msg, Status: status})
}

// failErr maps an internal error to a reply: not-found errors become 404
// with their message, request-size errors 413, the rest a logged 500.
func (s *Server) failErr(w http.ResponseWriter, r *http.Request, err error) {
	var mbe *http.MaxBytesError
	var be *badRequest
	switch {
	case errors.As(err, &be):
		s.fail(w, r, http.StatusBadRequest, be.Error())
	case errors.Is(err, store.ErrNotFound):
		s.fail(w, r, http.StatusNotFound, err.Error())
	case errors.As(err, &mbe):
		s.fail(w, r, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over the limit of %d bytes", mbe.Limit))
	default:
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		s.fail(w, r, http.StatusInternalServerError, "internal error (logged on the server)")
	}
}

// badRequest is a malformed parameter: a 400 naming it.
type badRequest struct {
	Param, Msg string
}

func (e *badRequest) Error() string {
	return fmt.Sprintf("parameter %s: %s", e.Param, e.Msg)
}

func badParam(param, format string, args ...any) error {
	return &badRequest{Param: param, Msg: fmt.Sprintf(format, args...)}
}

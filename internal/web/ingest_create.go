package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/ingest"
)

// acceptList names the upload types ingest reads.
const acceptList = ".txt,.text,.md,.markdown,.html,.htm,.pdf,.xml,.rss,.atom,.json,.jsonl"

var acceptExt = func() map[string]bool {
	m := map[string]bool{"": true}
	for _, e := range strings.Split(acceptList, ",") {
		m[e] = true
	}
	return m
}()

// ingestView is the ingest page's data, with the results after a post.
type ingestView struct {
	Enabled bool
	Accept  string
	Result  *ingestResult
}

// ingestResult reports what an ingest request stored.
type ingestResult struct {
	Read      int         `json:"read"`
	New       int         `json:"new"`
	Events    int         `json:"events"`
	Documents []ingestDoc `json:"documents"`
	Errors    []string    `json:"errors"`
}

type ingestDoc struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Source string `json:"source"`
	New    bool   `json:"new"`
	Events int    `json:"events"`
}

// ingestJSON is the body of POST /api/ingest with Content-Type
// application/json: documents already read (as `fulcrum ingest` does while
// the server holds the database), or a URL or text to read.
type ingestJSON struct {
	Documents []doc.Document `json:"documents"`
	URL       string         `json:"url"`
	Text      string         `json:"text"`
	Title     string         `json:"title"`
	Author    string         `json:"author"`
}

// ingestCreate reads uploaded files, a URL or pasted text, codes each
// document and stores it with its events.
func (s *Server) ingestCreate(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Coder == nil {
		s.fail(w, r, http.StatusServiceUnavailable, "ingest is not available: the server has no coder")
		return
	}
	// Stored documents must not be lost when the client goes away.
	ctx := context.WithoutCancel(r.Context())
	res := &ingestResult{Documents: []ingestDoc{}, Errors: []string{}}
	store := func(d doc.Document) error {
		res.Read++
		evs := s.cfg.Coder.Code(d)
		added, err := s.cfg.Store.PutDocument(ctx, d, evs)
		if err != nil {
			res.Errors = append(res.Errors, fmt.Sprintf("store %s: %v", d.Source, err))
			return nil
		}
		n := 0
		if added {
			res.New++
			n = len(evs)
			res.Events += n
		}
		res.Documents = append(res.Documents, ingestDoc{ID: d.ID, Title: d.Title, Source: d.Source, New: added, Events: len(evs)})
		return nil
	}
	addErrs := func(errs []error) {
		for _, e := range errs {
			res.Errors = append(res.Errors, e.Error())
		}
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "application/json":
		var req ingestJSON
		dec := json.NewDecoder(r.Body)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				s.failErr(w, r, err)
				return
			}
			s.failErr(w, r, badParam("body", "not the expected JSON: %v", err))
			return
		}
		rd := ingest.New(ingest.Options{Author: strings.ToUpper(req.Author)})
		for _, d := range req.Documents {
			if d.Text == "" {
				res.Errors = append(res.Errors, fmt.Sprintf("%s: empty document", d.Source))
				continue
			}
			d.ID = doc.HashID(d.Text)
			store(d)
		}
		if err := s.readURLOrText(ctx, rd, req.URL, req.Text, req.Title, store, addErrs); err != nil {
			s.failErr(w, r, err)
			return
		}
	case "multipart/form-data":
		if err := r.ParseMultipartForm(8 << 20); err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				s.failErr(w, r, err)
				return
			}
			s.failErr(w, r, badParam("body", "malformed upload: %v", err))
			return
		}
		defer r.MultipartForm.RemoveAll()
		rd := ingest.New(ingest.Options{Author: strings.ToUpper(strings.TrimSpace(r.FormValue("author")))})
		for _, fh := range r.MultipartForm.File["file"] {
			name := filepath.Base(fh.Filename)
			ext := strings.ToLower(filepath.Ext(name))
			if !acceptExt[ext] {
				res.Errors = append(res.Errors, fmt.Sprintf("%s: files of type %s cannot be ingested (accepted: %s)", name, ext, acceptList))
				continue
			}
			f, err := fh.Open()
			if err != nil {
				res.Errors = append(res.Errors, fmt.Sprintf("%s: %v", name, err))
				continue
			}
			data, err := io.ReadAll(f)
			f.Close()
			if err != nil {
				res.Errors = append(res.Errors, fmt.Sprintf("%s: %v", name, err))
				continue
			}
			addErrs(rd.ReadBytes(name, "", data, store))
		}
		if err := s.readURLOrText(ctx, rd, r.FormValue("url"), r.FormValue("text"), r.FormValue("title"), store, addErrs); err != nil {
			s.failErr(w, r, err)
			return
		}
	case "application/x-www-form-urlencoded":
		rd := ingest.New(ingest.Options{Author: strings.ToUpper(strings.TrimSpace(r.FormValue("author")))})
		if err := s.readURLOrText(ctx, rd, r.FormValue("url"), r.FormValue("text"), r.FormValue("title"), store, addErrs); err != nil {
			s.failErr(w, r, err)
			return
		}
	default:
		s.fail(w, r, http.StatusUnsupportedMediaType, fmt.Sprintf("cannot ingest a body of type %q: send multipart/form-data (files), a form or application/json", ct))
		return
	}
	if res.Read == 0 && len(res.Errors) == 0 {
		s.failErr(w, r, badParam("file", "nothing to ingest: choose files, or give a URL or text"))
		return
	}
	if res.Read > 0 {
		s.bump()
	}
	status := http.StatusOK
	if res.Read == 0 {
		status = http.StatusUnprocessableEntity
	}
	if isAPI(r) {
		s.json(w, r, status, res)
		return
	}
	s.html(w, r, status, "ingest", "Ingest", ingestView{Enabled: true, Accept: acceptList, Result: res})
}

// readURLOrText reads a pasted http(s) URL and/or pasted text.
func (s *Server) readURLOrText(ctx context.Context, rd *ingest.Reader, rawURL, text, title string, store func(doc.Document) error, addErrs func([]error)) error {
	if rawURL = strings.TrimSpace(rawURL); rawURL != "" {
		u, err := url.Parse(rawURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return badParam("url", "%q is not an http(s) URL", rawURL)
		}
		addErrs(rd.Read(ctx, []string{rawURL}, nil, store))
	}
	if strings.TrimSpace(text) != "" {
		name := "pasted text"
		if title = strings.TrimSpace(title); title != "" {
			name = title
		}
		addErrs(rd.ReadBytes(name, ingest.FormatText, []byte(text), func(d doc.Document) error {
			if title != "" {
				d.Title = title
			}
			return store(d)
		}))
	}
	return nil
}

package web

import "net/http"

// ingestShow is the ingest page: upload files, or paste a URL or text.
func (s *Server) ingestShow(w http.ResponseWriter, r *http.Request) {
	s.html(w, r, http.StatusOK, "ingest", "Ingest", ingestView{Enabled: s.cfg.Coder != nil, Accept: acceptList})
}

package web

import (
	"net/http"
	"os"
	"path/filepath"

	"github.com/fulcrum-dev/fulcrum/internal/store"
)

// correctionList shows the whole audit trail, oldest first. With
// ?format=csv or jsonl it downloads it (store.ExportCorrections).
func (s *Server) correctionList(w http.ResponseWriter, r *http.Request) {
	switch f := r.URL.Query().Get("format"); f {
	case "":
	case store.FormatCSV, store.FormatJSONL:
		s.correctionExport(w, r, f)
		return
	default:
		s.fail(w, r, http.StatusBadRequest, "parameter format: "+f+" is not csv or jsonl")
		return
	}
	corr, err := s.cfg.Store.Corrections(r.Context(), store.CorrectionFilter{})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	if isAPI(r) {
		s.json(w, r, http.StatusOK, map[string]any{"corrections": toJSONs(corr)})
		return
	}
	s.html(w, r, http.StatusOK, "corrections", "Corrections", corr)
}

func (s *Server) correctionExport(w http.ResponseWriter, r *http.Request, format string) {
	dir, err := os.MkdirTemp("", "fulcrum-corrections-")
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "corrections."+format)
	if _, err := s.cfg.Store.ExportCorrections(r.Context(), format, path); err != nil {
		s.failErr(w, r, err)
		return
	}
	ct := "text/csv; charset=utf-8"
	if format == store.FormatJSONL {
		ct = "application/x-ndjson"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Disposition", `attachment; filename="corrections.`+format+`"`)
	http.ServeFile(w, r, path)
}

package store

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Export formats.
const (
	// FormatCSV is comma-separated values with a header line; the event's
	// evidence is flattened into evidence_start, evidence_end and
	// evidence_text.
	FormatCSV = "csv"
	// FormatJSONL is one JSON object a line, with the field names of
	// DESIGN.md §2 (the evidence as a nested object), as `fulcrum code
	// --json` prints them.
	FormatJSONL = "jsonl"
	// FormatParquet is Apache Parquet (zstd), the evidence as a struct
	// column.
	FormatParquet = "parquet"
)

// copyOptions is DuckDB's COPY option list for a format.
func copyOptions(format string) (string, error) {
	switch format {
	case FormatCSV:
		return "(FORMAT csv, HEADER true)", nil
	case FormatJSONL:
		return "(FORMAT json)", nil
	case FormatParquet:
		return "(FORMAT parquet, COMPRESSION zstd)", nil
	}
	return "", fmt.Errorf("format %q: want csv, jsonl or parquet", format)
}

// eventExportColumns is the select list of an event export.
func eventExportColumns(format string, withWrong bool) string {
	evidence := `{'start': evidence_start, 'end': evidence_end, 'text': evidence_text} AS evidence`
	if format == FormatCSV {
		evidence = `evidence_start, evidence_end, evidence_text`
	}
	cols := `id, doc, doc_title, doc_url, doc_date, date, date_precision, source, target, source_role, speaker,
		cameo, goldstein, goldstein_version, quad, plover, mode, context, polarity, negated, modality, quote, ` +
		evidence + `, rule, origin, reports`
	if withWrong {
		cols += `, wrong`
	}
	return cols
}

// eventQuery renders the SELECT of an event export.
func eventQuery(f EventFilter, format string) (string, []any, error) {
	where, args, err := f.where()
	if err != nil {
		return "", nil, err
	}
	q := `SELECT ` + eventExportColumns(format, f.IncludeWrong || f.OnlyWrong) + ` FROM event_rows` + where + eventOrder +
		page(f.Limit, f.Offset)
	return q, args, nil
}

// ExportEvents writes the events f selects (as corrected, in the order of
// [Store.Events], honouring Limit and Offset) to the file at path in the
// given format, replacing the file, and returns how many it wrote. When f
// includes wrong events, a wrong column says which.
func (s *Store) ExportEvents(ctx context.Context, f EventFilter, format, path string) (int64, error) {
	q, args, err := eventQuery(f, format)
	if err != nil {
		return 0, fmt.Errorf("export events: %w", err)
	}
	n, err := s.Export(ctx, q, args, format, path)
	if err != nil {
		return 0, fmt.Errorf("export events: %w", err)
	}
	return n, nil
}

// ExportCorrections writes the whole audit trail to path, oldest first.
func (s *Store) ExportCorrections(ctx context.Context, format, path string) (int64, error) {
	n, err := s.Export(ctx, `SELECT id, event_id, doc, action, field, old, new, who, why, made_at
		FROM corrections ORDER BY id`, nil, format, path)
	if err != nil {
		return 0, fmt.Errorf("export corrections: %w", err)
	}
	return n, nil
}

// Export writes the result of a SELECT query (with ? arguments) to the
// file at path in the given format with DuckDB's COPY, so that large
// results never pass through Go memory, and returns the number of rows.
// The query is trusted SQL from the calling package, not user input.
func (s *Store) Export(ctx context.Context, query string, args []any, format, path string) (int64, error) {
	opts, err := copyOptions(format)
	if err != nil {
		return 0, err
	}
	switch path {
	case "":
		return 0, fmt.Errorf("export: empty output path")
	case "-":
		return 0, fmt.Errorf("export: path \"-\" names no file; write to standard output with ExportEventsTo")
	}
	if dir := filepath.Dir(path); dir != "" {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return 0, fmt.Errorf("export to %s: folder %s does not exist", path, dir)
		}
	}
	res, err := s.db.ExecContext(ctx, `COPY (`+query+`) TO `+quoteLiteral(path)+` `+opts, args...)
	if err != nil {
		return 0, fmt.Errorf("export to %s: %w", path, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("export to %s: %w", path, err)
	}
	return n, nil
}

// ExportEventsTo is [Store.ExportEvents] writing to w (standard output,
// an HTTP response) instead of a named file. The export goes through a
// temporary file, which is removed afterwards.
func (s *Store) ExportEventsTo(ctx context.Context, w io.Writer, f EventFilter, format string) (int64, error) {
	dir, err := os.MkdirTemp("", "fulcrum-export-")
	if err != nil {
		return 0, fmt.Errorf("export events: %w", err)
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, "events."+format)
	n, err := s.ExportEvents(ctx, f, format, tmp)
	if err != nil {
		return 0, err
	}
	fh, err := os.Open(tmp)
	if err != nil {
		return 0, fmt.Errorf("export events: %w", err)
	}
	defer fh.Close()
	if _, err := io.Copy(w, fh); err != nil {
		return 0, fmt.Errorf("export events: write: %w", err)
	}
	return n, nil
}

// quoteLiteral renders s as an SQL string literal.
func quoteLiteral(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

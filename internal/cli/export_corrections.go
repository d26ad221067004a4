package cli

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"

	"github.com/fulcrum-dev/fulcrum/internal/store"
)

const exportCorrectionsUsage = `Usage: fulcrum export corrections [--format csv|jsonl|parquet] [-o FILE]

Write the analysts' corrections (the audit trail: which event, what changed,
old and new value, who, when and why), oldest first. While fulcrum serve
holds the database, the corrections are fetched from it (csv and jsonl).

Examples:
  fulcrum export corrections -o corrections.csv
  fulcrum export corrections --format jsonl | jq .who`

// runExportCorrections is "fulcrum export corrections".
func runExportCorrections(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "export corrections", exportCorrectionsUsage)
	format := fs.String("format", "", "csv, jsonl or parquet (default: from -o's extension, else csv)")
	out := fs.String("o", "", "output `file` (default standard output)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("export corrections: unexpected argument %q", pos[0])
	}
	f := *format
	if f == "" {
		switch filepath.Ext(*out) {
		case ".jsonl", ".ndjson":
			f = store.FormatJSONL
		case ".parquet":
			f = store.FormatParquet
		default:
			f = store.FormatCSV
		}
	}
	switch f {
	case store.FormatCSV, store.FormatJSONL:
	case store.FormatParquet:
		if *out == "" {
			return usagef("export corrections: Parquet needs -o FILE")
		}
	default:
		return usagef("export corrections: --format must be csv, jsonl or parquet, not %q", f)
	}
	st, err := openStore(ctx, env)
	if err != nil {
		if c, ok := runningServer(err); ok && f != store.FormatParquet {
			return exportCorrectionsViaServer(ctx, env, c, f, *out)
		}
		return withHint(err, lockedHint(err))
	}
	defer st.Close()
	path := *out
	if path == "" {
		dir, err := os.MkdirTemp("", "fulcrum-corrections-")
		if err != nil {
			return fmt.Errorf("export corrections: %w", err)
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "corrections."+f)
	}
	n, err := st.ExportCorrections(ctx, f, path)
	if err != nil {
		return fmt.Errorf("export corrections: %w", err)
	}
	if *out == "" {
		return copyFile(env.Stdout, path)
	}
	fmt.Fprintf(env.Stderr, "wrote %d corrections to %s\n", n, *out)
	return nil
}

func copyFile(w io.Writer, path string) error {
	fh, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("export corrections: %w", err)
	}
	defer fh.Close()
	if _, err := io.Copy(w, fh); err != nil {
		return fmt.Errorf("export corrections: %w", err)
	}
	return nil
}

// exportCorrectionsViaServer downloads the corrections from the running
// server.
func exportCorrectionsViaServer(ctx context.Context, env *Env, c *serveClient, format, out string) error {
	req, err := http.NewRequestWithContext(ctx, "GET", c.url("/api/corrections", map[string][]string{"format": {format}}), nil)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("ask fulcrum serve for the corrections: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return apiError(resp)
	}
	var w io.Writer = env.Stdout
	if out != "" {
		fh, err := os.Create(out)
		if err != nil {
			return fmt.Errorf("export corrections: %w", err)
		}
		defer fh.Close()
		w = fh
	}
	if _, err := io.Copy(w, resp.Body); err != nil {
		return fmt.Errorf("export corrections: %w", err)
	}
	if out != "" {
		fmt.Fprintf(env.Stderr, "wrote corrections from fulcrum serve (pid %d) to %s\n", c.info.PID, out)
	}
	return nil
}

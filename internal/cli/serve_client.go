package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/ingest"
	"github.com/fulcrum-dev/fulcrum/internal/store"
)

// serveClient talks to the `fulcrum serve` that holds the database, so that
// ingest and report keep working while the dashboard runs.
type serveClient struct {
	info serveInfo
	http *http.Client
}

// runningServer returns the server holding the database of err (a
// *store.LockError) when its lock-info file names a live process, and
// false otherwise.
func runningServer(err error) (*serveClient, bool) {
	var le *store.LockError
	if !errors.As(err, &le) {
		return nil, false
	}
	b, rerr := os.ReadFile(serveInfoPath(le.Path))
	if rerr != nil {
		return nil, false
	}
	var info serveInfo
	if json.Unmarshal(b, &info) != nil || info.Addr == "" || info.PID <= 0 {
		return nil, false
	}
	if le.PID != 0 && le.PID != info.PID {
		return nil, false // the lock is held by another process: a stale file
	}
	if syscall.Kill(info.PID, 0) != nil {
		return nil, false
	}
	return &serveClient{info: info, http: &http.Client{Timeout: 10 * time.Minute}}, true
}

// newServeClient talks to the server at baseURL (http://host:port) with
// token ("" for read-only use), for a --server flag.
func newServeClient(baseURL, token string) (*serveClient, error) {
	u, err := url.Parse(baseURL)
	if err != nil || u.Scheme != "http" || u.Host == "" {
		return nil, usagef("--server %q is not an http://host:port URL", baseURL)
	}
	return &serveClient{info: serveInfo{Addr: u.Host, Token: token, DB: "the server's database"},
		http: &http.Client{Timeout: 10 * time.Minute}}, nil
}

// lockedHint says exactly what to do when the database is locked: use the
// running dashboard when there is one, else stop the other process.
func lockedHint(err error) string {
	if c, ok := runningServer(err); ok {
		return fmt.Sprintf("fulcrum serve (pid %d) is using this database: open http://%s/ or stop it (Ctrl-C, or kill %d) and run this command again",
			c.info.PID, c.info.Addr, c.info.PID)
	}
	return "stop the other fulcrum process, or run this command with --db OTHER.duckdb"
}

func (c *serveClient) url(path string, q url.Values) string {
	u := "http://" + c.info.Addr + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u
}

// apiError reads the server's {"error": …} reply.
func apiError(resp *http.Response) error {
	var e struct {
		Error string `json:"error"`
	}
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	if json.Unmarshal(b, &e) == nil && e.Error != "" {
		return fmt.Errorf("fulcrum serve: %s (HTTP %d)", e.Error, resp.StatusCode)
	}
	return fmt.Errorf("fulcrum serve: HTTP %d", resp.StatusCode)
}

// ingestReply mirrors the server's ingest result.
type ingestReply struct {
	Read   int      `json:"read"`
	New    int      `json:"new"`
	Events int      `json:"events"`
	Errors []string `json:"errors"`
}

// maxIngestBatch bounds the text sent in one request, under the server's
// upload limit.
const maxIngestBatch = 8 << 20

// ingestViaServer reads sources here and hands the documents to the running
// server, which codes and stores them: `fulcrum ingest` while `fulcrum
// serve` holds the database. It prints the same summary as ingest.
func ingestViaServer(ctx context.Context, env *Env, c *serveClient, sources []string, author string) error {
	if c.info.Token == "" {
		return withHint(errors.New("fulcrum serve is running read-only and holds the database"),
			"restart it with --token (or FULCRUM_TOKEN) so that ingest can hand documents to it, or stop it")
	}
	fmt.Fprintf(env.Stderr, "database in use by fulcrum serve (pid %d): sending documents to http://%s/\n", c.info.PID, c.info.Addr)
	r := ingest.New(ingest.Options{Author: strings.ToUpper(author)})
	var total ingestReply
	var batch []doc.Document
	size := 0
	var sendErrs []error
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		rep, err := c.ingest(ctx, batch)
		batch, size = batch[:0], 0
		if err != nil {
			return err
		}
		total.Read += rep.Read
		total.New += rep.New
		total.Events += rep.Events
		for _, e := range rep.Errors {
			sendErrs = append(sendErrs, errors.New(e))
		}
		return nil
	}
	errs := r.Read(ctx, sources, env.Stdin, func(d doc.Document) error {
		if size+len(d.Text) > maxIngestBatch {
			if err := flush(); err != nil {
				return err
			}
		}
		batch = append(batch, d)
		size += len(d.Text)
		return nil
	})
	if err := flush(); err != nil {
		errs = append(errs, err)
	}
	fmt.Fprintf(env.Stdout, "%d documents read: %d new (%d events stored), %d already in %s (via fulcrum serve)\n",
		total.Read, total.New, total.Events, total.Read-total.New, c.info.DB)
	return reportErrors(env, append(errs, sendErrs...))
}

func (c *serveClient) ingest(ctx context.Context, docs []doc.Document) (ingestReply, error) {
	var rep ingestReply
	body, err := json.Marshal(map[string]any{"documents": docs})
	if err != nil {
		return rep, fmt.Errorf("encode documents: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, "POST", c.url("/api/ingest", nil), bytes.NewReader(body))
	if err != nil {
		return rep, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+c.info.Token)
	resp, err := c.http.Do(req)
	if err != nil {
		return rep, fmt.Errorf("send documents to fulcrum serve: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusUnprocessableEntity {
		return rep, apiError(resp)
	}
	if err := json.NewDecoder(resp.Body).Decode(&rep); err != nil {
		return rep, fmt.Errorf("read fulcrum serve's reply: %w", err)
	}
	return rep, nil
}

// reportViaServer fetches the report from the running server in format
// (json, md or html) and writes it to w: `fulcrum report` while `fulcrum
// serve` holds the database. Markdown comes without chart files.
func reportViaServer(ctx context.Context, c *serveClient, w io.Writer, country string, poles []string, from, to int, format string) error {
	q := url.Values{"poles": {strings.Join(poles, ",")}, "from": {strconv.Itoa(from)}, "to": {strconv.Itoa(to)}, "format": {format}}
	req, err := http.NewRequestWithContext(ctx, "GET", c.url("/api/report/"+url.PathEscape(country), q), nil)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("ask fulcrum serve for the report: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return apiError(resp)
	}
	if _, err := io.Copy(w, resp.Body); err != nil {
		return fmt.Errorf("read report from fulcrum serve: %w", err)
	}
	return nil
}

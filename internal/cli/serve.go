package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/statements"
	"github.com/fulcrum-dev/fulcrum/internal/store"
	"github.com/fulcrum-dev/fulcrum/internal/votes"
	"github.com/fulcrum-dev/fulcrum/internal/web"
)

const serveUsage = `Usage: fulcrum serve [--addr HOST:PORT] [--token TOKEN]

The analyst's dashboard and JSON API: countries, country pages with charts,
the evidence browser, documents, dyads, ingest and corrections. Listens on
127.0.0.1:8080 by default. Read-only unless a token is given (--token or
$FULCRUM_TOKEN): every change then needs it (browser: log in; API:
Authorization: Bearer TOKEN).

While it runs it holds the database; "fulcrum ingest" and "fulcrum report"
hand their work to it (it writes its address to DB.serve.json).

Examples:
  fulcrum serve
  FULCRUM_TOKEN=s3cret fulcrum serve --addr 127.0.0.1:9000
  curl -s localhost:8080/api/country/BLR?poles=RUSSIA,WEST | jq .verdict`

// serveInfo is written next to the database while serve runs, so that the
// CLI can hand its work to the server instead of failing on the lock.
type serveInfo struct {
	Addr  string `json:"addr"`
	PID   int    `json:"pid"`
	Token string `json:"token,omitempty"`
	DB    string `json:"db"`
}

// serveInfoPath is the lock-info file of the database at dbPath.
func serveInfoPath(dbPath string) string { return dbPath + ".serve.json" }

func runServe(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "serve", serveUsage)
	addr := fs.String("addr", web.DefaultAddr, "`address` to listen on (host:port)")
	token := fs.String("token", "", "token that enables changes (default $FULCRUM_TOKEN; empty: read-only)")
	var rules stringList
	fs.Var(&rules, "rules", "extra stance rule `file` for ingest (repeatable)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("serve: unexpected argument %q", pos[0])
	}
	if *token == "" {
		*token = env.Getenv("FULCRUM_TOKEN")
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		return usagef("serve: --addr %q is not host:port", *addr)
	}
	c, dict, err := coder(env, rules)
	if err != nil {
		return err
	}
	vd, err := votes.Load()
	if err != nil {
		return fmt.Errorf("load UN votes: %w", err)
	}
	st, err := openStore(ctx, env)
	if err != nil {
		return err
	}
	defer st.Close()
	p := newProgress(env.Stderr)
	if err := ensureReference(ctx, st, vd, p); err != nil {
		return err
	}
	p.Done()

	log := slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	speeches := &speechSource{env: env, st: st}
	srv, err := web.New(web.Config{
		Store: st, Dict: dict, Votes: vd, Coder: c, Token: *token, Logger: log,
		FillText:   speeches.fill,
		SpeechText: speeches.text,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return withHint(fmt.Errorf("listen on %s: %w", *addr, err), "choose another port with --addr 127.0.0.1:PORT")
	}
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       2 * time.Minute, // uploads
		WriteTimeout:      2 * time.Minute, // a cold report build
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	info := serveInfo{Addr: ln.Addr().String(), PID: os.Getpid(), Token: *token, DB: st.Path()}
	infoPath := ""
	if st.Path() != store.Memory {
		infoPath = serveInfoPath(st.Path())
		b, _ := json.Marshal(info)
		if err := os.WriteFile(infoPath, b, 0o600); err != nil {
			ln.Close()
			return fmt.Errorf("write %s: %w", infoPath, err)
		}
		defer os.Remove(infoPath)
	}
	mode := "read-only (no token)"
	if *token != "" {
		mode = "changes need the token"
	}
	fmt.Fprintf(env.Stdout, "fulcrum dashboard on http://%s/ (%s); database %s\n", info.Addr, mode, st.Path())
	if host != "127.0.0.1" && host != "localhost" && host != "::1" {
		fmt.Fprintf(env.Stderr, "warning: listening on %s, reachable from other machines\n", host)
	}

	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	fmt.Fprintln(env.Stderr, "shutting down: finishing requests in progress…")
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	err = hs.Shutdown(sctx)
	// Accepted writes run on contexts that outlive the request: wait for
	// them before the deferred Close checkpoints the database.
	srv.WaitWrites()
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shut down: %w", err)
	}
	return nil
}

// speechSource gives the dashboard the text of the built-in UN speeches
// from a local corpus ($FULCRUM_UNGDC or ../shared/data/ungdc_speeches),
// when there is one.
type speechSource struct {
	env   *Env
	st    *store.Store
	once  sync.Once
	dir   string
	paths map[string]string

	mu    sync.Mutex
	texts map[string]string // speech path → text, at most maxSpeechCache bytes
	bytes int
}

// maxSpeechCache bounds the speech texts kept in memory (the whole
// corpus is about 20 MB).
const maxSpeechCache = 32 << 20

// speech returns the text of the speech at path, from the cache when it
// was read before.
func (s *speechSource) speech(path string) (string, error) {
	s.mu.Lock()
	t, ok := s.texts[path]
	s.mu.Unlock()
	if ok {
		return t, nil
	}
	t, err := statements.ReadSpeech(s.dir, path)
	if err != nil {
		return "", err
	}
	s.mu.Lock()
	if s.texts == nil || s.bytes+len(t) > maxSpeechCache {
		s.texts, s.bytes = map[string]string{}, 0
	}
	s.texts[path] = t
	s.bytes += len(t)
	s.mu.Unlock()
	return t, nil
}

func (s *speechSource) load(ctx context.Context) {
	s.once.Do(func() {
		dir := s.env.Getenv("FULCRUM_UNGDC")
		if dir == "" {
			dir = filepath.Join("..", "shared", "data", "ungdc_speeches")
		}
		if _, err := os.Stat(filepath.Join(dir, "index.csv")); err != nil {
			return
		}
		rows, err := s.st.DB().QueryContext(ctx, `SELECT doc, path FROM builtin_statements`)
		if err != nil {
			return
		}
		defer rows.Close()
		paths := map[string]string{}
		for rows.Next() {
			var d, p string
			if rows.Scan(&d, &p) == nil {
				paths[d] = p
			}
		}
		if rows.Err() == nil {
			s.dir, s.paths = dir, paths
		}
	})
}

func (s *speechSource) fill(ctx context.Context, evs []event.Event) error {
	s.load(ctx)
	if s.paths == nil {
		return nil
	}
	for i := range evs {
		e := &evs[i]
		p, ok := s.paths[e.Doc]
		if !ok || e.Evidence.Text != "" {
			continue
		}
		t, err := s.speech(p)
		if err != nil {
			return fmt.Errorf("speech %s: %w", p, err)
		}
		if e.Evidence.Start >= 0 && e.Evidence.End <= len(t) && e.Evidence.Start < e.Evidence.End {
			e.Evidence.Text = t[e.Evidence.Start:e.Evidence.End]
		}
	}
	return nil
}

func (s *speechSource) text(ctx context.Context, id string) (doc.Document, bool) {
	s.load(ctx)
	p, ok := s.paths[id]
	if !ok {
		return doc.Document{}, false
	}
	text, err := s.speech(p)
	if err != nil {
		return doc.Document{}, false
	}
	title := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
	return doc.Document{ID: id, Source: p, Format: "text", Title: "UN General Debate: " + title, URL: statements.DocURL, Text: text}, true
}

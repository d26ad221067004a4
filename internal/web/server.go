package web

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"github.com/fulcrum-dev/fulcrum/internal/datasets"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/actors"
	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/event"
	"github.com/fulcrum-dev/fulcrum/internal/store"
	"github.com/fulcrum-dev/fulcrum/internal/votes"
)

// Defaults for [Config].
const (
	// DefaultAddr is where `fulcrum serve` listens: loopback only.
	DefaultAddr = "127.0.0.1:8080"
	// DefaultMaxBody bounds every request body except uploads (1 MB).
	DefaultMaxBody = 1 << 20
	// DefaultMaxUpload bounds an ingest upload (32 MB).
	DefaultMaxUpload = 32 << 20
	// DefaultPageSize is the number of evidence rows per page.
	DefaultPageSize = 50
)

// Coder codes a document into events; *code.Coder implements it.
type Coder interface {
	Code(d doc.Document) []event.Event
}

// Config holds what the dashboard needs. Store, Dict and Votes are
// required; the rest have defaults.
type Config struct {
	// Store is the open database; the server never closes it.
	Store *store.Store
	// Dict is the actor dictionary (names, poles, members).
	Dict *actors.Dict
	// Votes are the UN General Assembly votes.
	Votes *votes.Data
	// Coder codes ingested documents. Nil disables ingest (the page says
	// so).
	Coder Coder
	// Token, when not empty, enables writes (ingest and corrections) for
	// requests that present it. Empty means read-only.
	Token string
	// FillText, when not nil, fills the evidence text of events whose
	// documents are not stored (the built-in speeches), before a report is
	// built or events are shown. Errors are logged, not fatal.
	FillText func(ctx context.Context, events []event.Event) error
	// SpeechText, when not nil, returns the text of a built-in document
	// that is not stored (ok=false when unknown).
	SpeechText func(ctx context.Context, docID string) (doc.Document, bool)
	// Logger receives request errors and panics. Nil means slog.Default().
	Logger *slog.Logger
	// MaxBody bounds request bodies; zero means DefaultMaxBody.
	MaxBody int64
	// MaxUpload bounds ingest uploads; zero means DefaultMaxUpload.
	MaxUpload int64
	// Bootstrap is the number of bootstrap resamples per report; zero
	// means the report package's default.
	Bootstrap int
	// Now returns the current time; nil means time.Now (tests fix it).
	Now func() time.Time
}

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Server is the dashboard. Create it with [New]; it is safe for concurrent
// use.
type Server struct {
	cfg     Config
	log     *slog.Logger
	pages   map[string]*template.Template
	reports *reportCache
	// version increases with every write, so that cached reports built
	// before it are not served again.
	version atomic.Int64
	// writes lets Shutdown-time callers wait for accepted writes.
	writes   sync.WaitGroup
	sessions *sessions
	evCache  evidenceCache
	// dyadVoteCache keeps the dyad pages' vote tables and charts (the UN
	// votes do not change while the server runs); dyadEventCache their
	// events per write counter.
	dyadVoteCache  onceCache[dyadKey, *dyadVotes]
	dyadEventCache onceCache[dyadEventKey, *dyadEvents]
	// dbSem bounds the evidence queries running at once: DuckDB runs
	// each on its own thread pool, and many at a time only add memory.
	dbSem chan struct{}
}

// maxDBQueries is the number of evidence queries run at once.
const maxDBQueries = 4

// New checks cfg, parses every template and returns a server.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil || cfg.Dict == nil || cfg.Votes == nil {
		return nil, errors.New("web: Config needs Store, Dict and Votes")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.MaxBody == 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.MaxUpload == 0 {
		cfg.MaxUpload = DefaultMaxUpload
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	pages, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	// Reports read imported dataset events: make sure their tables exist.
	if err := datasets.Migrate(context.Background(), cfg.Store.DB()); err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	s := &Server{cfg: cfg, log: cfg.Logger, pages: pages, sessions: newSessions(), dbSem: make(chan struct{}, maxDBQueries)}
	s.reports = newReportCache(64)
	s.dyadVoteCache.max, s.dyadEventCache.max = maxDyadCache, maxDyadCache
	return s, nil
}

// Handler returns the dashboard's routes with its middleware: panic
// recovery, security headers, body limits and cross-origin protection.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(staticFS, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", cacheStatic(http.FileServer(http.FS(static)))))

	mux.HandleFunc("GET /{$}", s.overviewShow)
	mux.HandleFunc("GET /country/{code}", s.countryShow)
	mux.HandleFunc("GET /evidence", s.evidenceList)
	mux.HandleFunc("GET /events/{id}", s.eventShow)
	mux.HandleFunc("POST /events/{id}/corrections", s.write(s.correctionCreate))
	mux.HandleFunc("GET /docs/{id}", s.documentShow)
	mux.HandleFunc("POST /docs/{id}/events", s.write(s.eventCreate))
	mux.HandleFunc("GET /dyad/{a}/{b}", s.dyadShow)
	mux.HandleFunc("GET /ingest", s.ingestShow)
	mux.HandleFunc("POST /ingest", s.write(s.ingestCreate))
	mux.HandleFunc("GET /corrections", s.correctionList)
	mux.HandleFunc("GET /login", s.loginShow)
	mux.HandleFunc("POST /login", s.loginCreate)
	mux.HandleFunc("POST /logout", s.logoutCreate)

	mux.HandleFunc("GET /api/countries", s.overviewShow)
	mux.HandleFunc("GET /api/country/{code}", s.countryShow)
	mux.HandleFunc("GET /api/report/{code}", s.reportShow)
	mux.HandleFunc("GET /api/events", s.evidenceList)
	mux.HandleFunc("GET /api/events/{id}", s.eventShow)
	mux.HandleFunc("POST /api/events/{id}/corrections", s.write(s.correctionCreate))
	mux.HandleFunc("GET /api/docs/{id}", s.documentShow)
	mux.HandleFunc("POST /api/docs/{id}/events", s.write(s.eventCreate))
	mux.HandleFunc("GET /api/dyad/{a}/{b}", s.dyadShow)
	mux.HandleFunc("POST /api/ingest", s.write(s.ingestCreate))
	mux.HandleFunc("GET /api/corrections", s.correctionList)
	mux.HandleFunc("GET /api/health", s.healthShow)
	mux.HandleFunc("/", s.notFound)

	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusForbidden, "cross-origin request refused: submit forms from this dashboard")
	}))
	return s.recover(s.headers(cop.Handler(mux)))
}

// WaitWrites blocks until every write the server accepted has finished.
// Call it after http.Server.Shutdown and before closing the store.
func (s *Server) WaitWrites() { s.writes.Wait() }

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, http.StatusNotFound, fmt.Sprintf("no page at %s", r.URL.Path))
}

func (s *Server) healthShow(w http.ResponseWriter, r *http.Request) {
	s.json(w, r, http.StatusOK, map[string]any{"ok": true, "writable": s.cfg.Token != "", "version": s.version.Load()})
}

// recover turns a panic into a 500 page and a log line with the stack,
// never showing the stack to the client.
func (s *Server) recover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic serving request", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				s.fail(w, r, http.StatusInternalServerError, "internal error (logged on the server)")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

func (s *Server) headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")
		limit := s.cfg.MaxBody
		if strings.HasSuffix(r.URL.Path, "/ingest") {
			limit = s.cfg.MaxUpload
		}
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, limit)
		}
		next.ServeHTTP(w, r)
	})
}

func cacheStatic(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		h.ServeHTTP(w, r)
	})
}

// isAPI reports whether r asks for JSON: a path under /api/.
func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

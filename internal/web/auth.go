package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

const (
	sessionCookie = "fulcrum_session"
	sessionTTL    = 12 * time.Hour
)

// session is a browser logged in with the token; csrf is the token its
// forms must carry.
type session struct {
	csrf    string
	expires time.Time
}

type sessions struct {
	mu sync.Mutex
	m  map[string]*session
}

func newSessions() *sessions { return &sessions{m: map[string]*session{}} }

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func (ss *sessions) create(now time.Time) (id string, s *session) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	for k, v := range ss.m {
		if now.After(v.expires) {
			delete(ss.m, k)
		}
	}
	id = randomHex(32)
	s = &session{csrf: randomHex(32), expires: now.Add(sessionTTL)}
	ss.m[id] = s
	return id, s
}

func (ss *sessions) get(id string, now time.Time) *session {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	s := ss.m[id]
	if s == nil || now.After(s.expires) {
		return nil
	}
	return s
}

func (ss *sessions) delete(id string) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	delete(ss.m, id)
}

// session returns the logged-in session of r, or nil.
func (s *Server) session(r *http.Request) *session {
	if s.cfg.Token == "" {
		return nil
	}
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return nil
	}
	return s.sessions.get(c.Value, s.cfg.Now())
}

func (s *Server) tokenOK(given string) bool {
	return s.cfg.Token != "" && subtle.ConstantTimeCompare([]byte(given), []byte(s.cfg.Token)) == 1
}

// write guards a handler that changes data: the server must have a token,
// and the request must carry it as a bearer header, or come from a
// logged-in browser with the session's CSRF token. Accepted writes are
// counted so that shutdown can wait for them.
func (s *Server) write(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.Token == "" {
			s.fail(w, r, http.StatusForbidden, "the dashboard is read-only: start fulcrum serve with --token or FULCRUM_TOKEN to allow changes")
			return
		}
		if auth := r.Header.Get("Authorization"); auth != "" {
			tok, ok := strings.CutPrefix(auth, "Bearer ")
			if !ok || !s.tokenOK(tok) {
				s.fail(w, r, http.StatusUnauthorized, "wrong token in the Authorization header")
				return
			}
		} else {
			sess := s.session(r)
			if sess == nil {
				if isAPI(r) {
					s.fail(w, r, http.StatusUnauthorized, "this change needs the token: send Authorization: Bearer TOKEN")
					return
				}
				s.fail(w, r, http.StatusUnauthorized, "log in with the token first (/login)")
				return
			}
			given := r.Header.Get("X-CSRF-Token")
			if given == "" {
				given = r.FormValue("csrf")
			}
			if subtle.ConstantTimeCompare([]byte(given), []byte(sess.csrf)) != 1 {
				s.fail(w, r, http.StatusForbidden, "missing or stale form token (CSRF): reload the page and try again")
				return
			}
		}
		s.writes.Add(1)
		defer s.writes.Done()
		h(w, r)
	}
}

func (s *Server) loginShow(w http.ResponseWriter, r *http.Request) {
	s.html(w, r, http.StatusOK, "login", "Log in", map[string]string{"Next": safeNext(r.URL.Query().Get("next"))})
}

// loginCreate exchanges the token for a session cookie.
func (s *Server) loginCreate(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Token == "" {
		s.fail(w, r, http.StatusForbidden, "the dashboard is read-only: no token is configured")
		return
	}
	if !s.tokenOK(r.FormValue("token")) {
		s.html(w, r, http.StatusUnauthorized, "login", "Log in", map[string]string{"Next": safeNext(r.FormValue("next")), "Error": "wrong token"})
		return
	}
	id, _ := s.sessions.create(s.cfg.Now())
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: id, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, MaxAge: int(sessionTTL / time.Second)})
	http.Redirect(w, r, safeNext(r.FormValue("next")), http.StatusSeeOther)
}

func (s *Server) logoutCreate(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		s.sessions.delete(c.Value)
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// safeNext keeps redirects on this site.
func safeNext(next string) string {
	u, err := url.Parse(next)
	if next == "" || err != nil || u.IsAbs() || u.Host != "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		return "/"
	}
	return next
}

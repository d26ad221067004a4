// Package clickhouse runs fulcrum's dataset import and dyadic series
// against a ClickHouse server over its HTTP interface (TabSeparated over
// net/http), which works with Debian's clickhouse-server 18.16 as well as
// current servers; clickhouse-go/v2 does not work with 18.16.
//
// The tables mirror internal/datasets' DuckDB tables (dataset_events,
// dataset_imports, dataset_rejects) and the queries compute the same
// deduplicated series. See README.md for cluster use.
package clickhouse

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// Client talks to one ClickHouse server (or a cluster's load balancer) and
// uses one database.
type Client struct {
	// Endpoint is the HTTP interface, e.g. http://127.0.0.1:8123/.
	Endpoint string
	// Database is the database fulcrum's tables live in; default "fulcrum".
	Database string
	// User and Password authenticate; empty means the server's default user.
	User, Password string
	// HTTP is the client used; nil means a client without timeout (imports
	// are long requests; cancel through the context).
	HTTP *http.Client
}

var dbNameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// Open parses a ClickHouse URL: clickhouse://[user[:password]@]host[:port][/database]
// (port 8123 by default) or an http(s):// URL of the HTTP interface with an
// optional /database path or ?database= parameter.
func Open(dsn string) (*Client, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return nil, fmt.Errorf("clickhouse url %q: %w", dsn, err)
	}
	scheme := "http"
	switch u.Scheme {
	case "clickhouse":
	case "http", "https":
		scheme = u.Scheme
	default:
		return nil, fmt.Errorf("clickhouse url %q: want clickhouse:// or http(s)://", dsn)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("clickhouse url %q: no host", dsn)
	}
	host := u.Host
	if u.Port() == "" {
		host += ":8123"
	}
	c := &Client{Endpoint: scheme + "://" + host + "/", Database: "fulcrum"}
	if db := strings.Trim(u.Path, "/"); db != "" {
		c.Database = db
	}
	if db := u.Query().Get("database"); db != "" {
		c.Database = db
	}
	if !dbNameRE.MatchString(c.Database) {
		return nil, fmt.Errorf("clickhouse url %q: bad database name %q", dsn, c.Database)
	}
	if u.User != nil {
		c.User = u.User.Username()
		c.Password, _ = u.User.Password()
	}
	return c, nil
}

// IsURL reports whether a --db value names a ClickHouse server rather than
// a DuckDB file.
func IsURL(s string) bool { return strings.HasPrefix(s, "clickhouse://") }

func (c *Client) http() *http.Client {
	if c.HTTP != nil {
		return c.HTTP
	}
	return http.DefaultClient
}

// Error is an error reported by the server.
type Error struct {
	Status  int
	Message string
	Query   string
}

func (e *Error) Error() string {
	q := e.Query
	if len(q) > 120 {
		q = q[:117] + "…"
	}
	return fmt.Sprintf("clickhouse: %s (HTTP %d; query %s)", strings.TrimSpace(e.Message), e.Status, q)
}

func (c *Client) url(query string, useDB bool) string {
	v := url.Values{}
	if query != "" {
		v.Set("query", query)
	}
	if useDB {
		v.Set("database", c.Database)
	}
	if c.User != "" {
		v.Set("user", c.User)
		v.Set("password", c.Password)
	}
	return c.Endpoint + "?" + v.Encode()
}

// do sends query; a non-nil body is the data of an INSERT (query in the
// URL), else the query itself is the body. The caller closes the response.
func (c *Client) do(ctx context.Context, query string, body io.Reader, useDB bool) (io.ReadCloser, error) {
	var req *http.Request
	var err error
	if body != nil {
		req, err = http.NewRequestWithContext(ctx, http.MethodPost, c.url(query, useDB), body)
	} else {
		req, err = http.NewRequestWithContext(ctx, http.MethodPost, c.url("", useDB), strings.NewReader(query))
	}
	if err != nil {
		return nil, fmt.Errorf("clickhouse: %w", err)
	}
	resp, err := c.http().Do(req)
	if err != nil {
		return nil, fmt.Errorf("clickhouse %s: %w", c.Endpoint, err)
	}
	if resp.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		resp.Body.Close()
		return nil, &Error{Status: resp.StatusCode, Message: string(msg), Query: query}
	}
	return resp.Body, nil
}

// Exec runs a statement in the client's database and discards its output.
func (c *Client) Exec(ctx context.Context, query string) error {
	rc, err := c.do(ctx, query, nil, true)
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, rc)
	rc.Close()
	return err
}

// Insert streams data (in the format named by the query, e.g. "INSERT INTO
// t FORMAT TabSeparated") to the server.
func (c *Client) Insert(ctx context.Context, query string, data io.Reader) error {
	rc, err := c.do(ctx, query, data, true)
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, rc)
	rc.Close()
	return err
}

// Query runs a SELECT and calls fn with the tab-separated fields of each
// result row (ClickHouse's TabSeparated escaping undone).
func (c *Client) Query(ctx context.Context, query string, fn func([]string) error) error {
	rc, err := c.do(ctx, query+" FORMAT TabSeparated", nil, true)
	if err != nil {
		return err
	}
	defer rc.Close()
	sc := bufio.NewScanner(rc)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		for i := range f {
			f[i] = unescape(f[i])
		}
		if err := fn(f); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("clickhouse: read result: %w", err)
	}
	return nil
}

// Ping checks that the server answers, waiting up to timeout.
func (c *Client) Ping(ctx context.Context, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		rc, err := c.do(ctx, "SELECT 1", nil, false)
		if err == nil {
			rc.Close()
			return nil
		}
		var ce *Error
		if errors.As(err, &ce) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// escape writes s in TabSeparated escaping.
func escape(w *bufio.Writer, s string) {
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; ch {
		case '\\':
			w.WriteString(`\\`)
		case '\t':
			w.WriteString(`\t`)
		case '\n':
			w.WriteString(`\n`)
		case '\r':
			w.WriteString(`\r`)
		case 0:
			w.WriteString(`\0`)
		default:
			w.WriteByte(ch)
		}
	}
}

func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case '0':
			b.WriteByte(0)
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// quote returns s as a ClickHouse string literal.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\'', '\\':
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte('\'')
	return b.String()
}

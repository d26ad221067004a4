package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"strings"
	"sync"

	"github.com/fulcrum-dev/fulcrum/internal/event"
)

// funcs are the helpers templates may call.
var funcs = template.FuncMap{
	"docLink": docLink,
	"join":    strings.Join,
	"path":    url.PathEscape,
	"query":   url.QueryEscape,
	"f2":      func(f float64) string { return fmt.Sprintf("%+.2f", f) },
	"has":     func(ids []string, id string) bool { return contains(ids, id) },
	"label": func(code string) string {
		if c, ok := event.Lookup(code); ok {
			return c.Label
		}
		return ""
	},
	"wrongOf": func(m map[string]bool, id string) bool { return m[id] },
	"list":    func(xs ...string) []string { return xs },
	"asset":   assetURL,
}

// assetHashes are the first hex digits of each static file's SHA-256.
var assetHashes = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	fs.WalkDir(staticFS, "static", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		m[strings.TrimPrefix(path, "static/")] = hex.EncodeToString(sum[:6])
		return nil
	})
	return m
})

// assetURL is the URL of static file name with its content hash as the
// query, so that browsers, which cache static files for an hour, fetch a
// changed file at once.
func assetURL(name string) string {
	u := "/static/" + name
	if h, ok := assetHashes()[name]; ok {
		u += "?v=" + h
	}
	return u
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

package web

import (
	"fmt"
	"html/template"
	"net/url"
	"strings"

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
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

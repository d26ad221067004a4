// Package web is fulcrum's analyst dashboard and JSON API, served by
// `fulcrum serve`: an overview of the states with data, a country page
// (verdict, each channel over time as SVG charts rendered in Go, shifts,
// evidence), an evidence browser with filters, document and dyad pages, an
// ingest page, and corrections to the coding that record who, when and why.
//
// Every page has a JSON twin under /api/ (see README.md for curl examples).
// The server is read-only unless [Config.Token] is set; every write then
// needs the token, as an "Authorization: Bearer" header (API) or a login
// cookie plus a per-session CSRF token (forms). All routes are registered in
// [Server.Handler]; handlers live one per <noun>_<verb>.go file.
package web

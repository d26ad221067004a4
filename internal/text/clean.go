package text

import "strings"

// Clean returns s without a leading UTF-8 byte-order mark and with CRLF and
// lone CR line ends turned into "\n". Use it when reading a file, before
// the text becomes a document: offsets into the cleaned text are the ones
// every later stage uses.
func Clean(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

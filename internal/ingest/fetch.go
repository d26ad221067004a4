package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
)

// isURL reports whether a source names an http or https URL.
func isURL(src string) bool {
	l := strings.ToLower(src)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// readURL fetches a URL and reads the body with the reader its
// Content-Type (else its path's extension, else its content) calls for.
// The fetch is bounded by the reader's timeout and size limit.
func (r *Reader) readURL(ctx context.Context, src string, emit emitFunc, errs *[]error) error {
	data, in, err := r.fetch(ctx, src)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		*errs = append(*errs, newError(src, err))
		return nil
	}
	u, _ := url.Parse(in.url)
	return r.parse(src, r.formatOf(formatForResponse(u, in.contentType, data)), data, in, emit, errs)
}

// fetch GETs src and returns its body, final URL and content type.
func (r *Reader) fetch(ctx context.Context, src string) ([]byte, input, error) {
	ctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src, nil)
	if err != nil {
		return nil, input{}, fmt.Errorf("bad url: %w", err)
	}
	req.Header.Set("User-Agent", "fulcrum-ingest/1 (+https://github.com/fulcrum-dev/fulcrum)")
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/pdf, text/plain;q=0.9, */*;q=0.5")
	resp, err := r.client.Do(req)
	if err != nil {
		return nil, input{}, fmt.Errorf("get: %w", fetchError(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, input{}, fmt.Errorf("get: %w %s", ErrHTTPStatus, resp.Status)
	}
	if resp.ContentLength > r.maxBytes {
		return nil, input{}, fmt.Errorf("%w (%d bytes > %d)", ErrTooLarge, resp.ContentLength, r.maxBytes)
	}
	data, err := readCapped(resp.Body, r.maxBytes)
	if err != nil {
		return nil, input{}, err
	}
	in := input{url: src, contentType: resp.Header.Get("Content-Type")}
	if resp.Request != nil && resp.Request.URL != nil {
		in.url = resp.Request.URL.String()
	}
	return data, in, nil
}

// fetchError drops the *url.Error shell (whose URL the [*Error] names
// already) and says plainly what a network failure was.
func fetchError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var ne net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()):
		return fmt.Errorf("timed out: %w", err)
	}
	return fmt.Errorf("unreachable: %w", err)
}

// ReadBytes reads one input already in memory, as if it had come from
// source, with the reader for format (or, when format is "", the one
// [Options.Format] forces or [Detect] picks from source's extension and
// the bytes). It calls fn for
// each document and returns one error per failure; like [Reader.Read] it
// stops early only when fn returns an error, which is then the last one
// returned. Inputs over the size limit are refused.
func (r *Reader) ReadBytes(source string, format Format, data []byte, fn func(doc.Document) error) []error {
	if int64(len(data)) > r.maxBytes {
		return []error{newError(source, fmt.Errorf("%w (%d bytes > %d)", ErrTooLarge, len(data), r.maxBytes))}
	}
	if format == "" {
		format = r.formatOf(Detect(source, data))
	}
	var errs []error
	if stop := r.parse(source, format, data, input{}, fn, &errs); stop != nil {
		errs = append(errs, stop)
	}
	return errs
}

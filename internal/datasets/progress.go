package datasets

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// Terminal returns w when it is a terminal (a character device), else nil,
// so that progress shows on a terminal and stays quiet when piped or
// redirected.
func Terminal(w io.Writer) io.Writer {
	f, ok := w.(*os.File)
	if !ok {
		return nil
	}
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return w
}

// progress draws one status line, at most every 200 ms.
type progress struct {
	w     io.Writer
	name  string
	size  int64
	start time.Time
	last  time.Time
	drawn bool
}

func newProgress(w io.Writer, path string, size int64) *progress {
	return &progress{w: w, name: filepath.Base(path), size: size, start: time.Now()}
}

func (p *progress) note(what string) {
	if p.w == nil {
		return
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s: %s…", p.name, what)
	p.drawn = true
}

func (p *progress) update(pos, lines int64) {
	if p.w == nil || time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	secs := time.Since(p.start).Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(lines) / secs
	}
	if p.size > 0 {
		fmt.Fprintf(p.w, "\r\x1b[K%s: %5.1f%%  %d lines  %.0f lines/s", p.name, 100*float64(pos)/float64(p.size), lines, rate)
	} else {
		fmt.Fprintf(p.w, "\r\x1b[K%s: %d lines  %.0f lines/s", p.name, lines, rate)
	}
	p.drawn = true
}

func (p *progress) finish() {
	if p.w != nil && p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

package datasets

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
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
	// interval between redraws; 0 means 200 ms (tests shorten it)
	interval time.Duration
}

// every returns the least time between two redraws of the status line.
func (p *progress) every() time.Duration {
	if p.interval > 0 {
		return p.interval
	}
	return 200 * time.Millisecond
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
	if p.w == nil || time.Since(p.last) < p.every() {
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

// watchReads redraws the status line while DuckDB reads a file of size
// bytes in one statement, and returns a function that stops it. DuckDB
// reads with pread, so the file offset does not move; the process's read
// count (rchar in /proc/self/io, Linux) does, and during the statement it
// is almost all the file's bytes. Where that count cannot be read the line
// shows the time spent.
func (p *progress) watchReads(what string, size int64) (stop func()) {
	if p.w == nil {
		return func() {}
	}
	start, ok := readChars()
	began := time.Now()
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(p.every())
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			secs := time.Since(began).Seconds()
			n, okNow := readChars()
			if ok && okNow && size > 0 {
				read := min(n-start, size)
				fmt.Fprintf(p.w, "\r\x1b[K%s: %s: %5.1f%% of the file read, %.0f MB/s, %.0f s", p.name, what, 100*float64(read)/float64(size), float64(read)/1e6/secs, secs)
			} else {
				fmt.Fprintf(p.w, "\r\x1b[K%s: %s… %.0f s", p.name, what, secs)
			}
			p.drawn = true
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

// readChars returns the bytes this process has read so far (rchar in
// /proc/self/io), and false where that is not available.
func readChars() (int64, bool) {
	b, err := os.ReadFile("/proc/self/io")
	if err != nil {
		return 0, false
	}
	return parseRchar(b)
}

// parseRchar finds the "rchar: N" line of a /proc/PID/io file.
func parseRchar(b []byte) (int64, bool) {
	for line := range bytes.Lines(b) {
		if v, ok := bytes.CutPrefix(line, []byte("rchar:")); ok {
			n, err := strconv.ParseInt(string(bytes.TrimSpace(v)), 10, 64)
			return n, err == nil
		}
	}
	return 0, false
}

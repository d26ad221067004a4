package cli

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress prints a one-line, self-overwriting status to a terminal and
// nothing at all when the output is piped or redirected.
type progress struct {
	w     io.Writer
	on    bool
	last  time.Time
	shown bool
}

func newProgress(w io.Writer) *progress {
	return &progress{w: w, on: isTerminal(w)}
}

// Printf updates the status line, at most ten times a second.
func (p *progress) Printf(format string, args ...any) {
	if !p.on || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	fmt.Fprintf(p.w, "\r\033[K"+format, args...)
	p.shown = true
}

// Notef prints a line that stays, whether or not the output is a
// terminal: news the user must see, such as corrections a dataset upgrade
// could not carry over. It first clears the status line.
func (p *progress) Notef(format string, args ...any) {
	p.Done()
	fmt.Fprintf(p.w, format+"\n", args...)
}

// Done clears the status line.
func (p *progress) Done() {
	if p.on && p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

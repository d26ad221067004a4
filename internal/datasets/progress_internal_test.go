package datasets

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestParseRchar(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"rchar: 123456\nwchar: 7\nsyscr: 9\n", 123456, true},
		{"wchar: 7\nrchar:\t42", 42, true},
		{"wchar: 7\n", 0, false},
		{"rchar: x\n", 0, false},
		{"", 0, false},
	}
	for _, tc := range tests {
		got, ok := parseRchar([]byte(tc.in))
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseRchar(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// syncBuffer is a bytes.Buffer safe for the watcher's goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// The status line moves while one long statement runs, and stops when told.
func TestWatchReads(t *testing.T) {
	var out syncBuffer
	p := newProgress(&out, "/data/20190305.export.CSV", 1000)
	p.interval = time.Millisecond
	stop := p.watchReads("loading with DuckDB", 1<<30)
	// Wait for a redraw rather than for a fixed time: the machine may be busy.
	for deadline := time.Now().Add(10 * time.Second); out.String() == "" && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	stop()
	got := out.String()
	if !strings.Contains(got, "20190305.export.CSV: loading with DuckDB") {
		t.Errorf("got %q, want the file's name and what is happening", got)
	}
	n := len(got)
	time.Sleep(20 * time.Millisecond) // 20 redraw intervals
	if len(out.String()) != n {
		t.Error("the status line was drawn after stop")
	}

	quiet := newProgress(nil, "x", 1)
	quiet.watchReads("loading", 1)() // no writer: nothing to do, nothing to stop
}

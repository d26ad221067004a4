//go:build unix

package store_test

import (
	"syscall"
	"time"
)

// cpuTime is the process's user plus system CPU time (DuckDB's threads
// included), so that benchmarks can report CPU per operation next to wall
// time on a shared machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

//go:build unix

package cameodict_test

import "syscall"

// cpuSeconds is the user and system CPU time of the test process so far.
// On a shared machine it measures the work done, where wall time measures
// the queue for a core as well.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}

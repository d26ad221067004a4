//go:build !unix

package cameodict_test

// cpuSeconds is not measured on this system; benchmarks then report wall
// time only.
func cpuSeconds() float64 { return 0 }

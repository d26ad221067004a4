package actors

import "testing"

// BenchmarkLoadBuiltin reports the cost of parsing every embedded
// dictionary (Builtin does this once per process).
func BenchmarkLoadBuiltin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadBuiltin(); err != nil {
			b.Fatal(err)
		}
	}
}

package votes

import (
	"cmp"
	"slices"
	"time"
)

// span points at the fields where a per-bucket result ([Agreement],
// [SplitShare]) keeps its bucket label, range and first and last dates.
type span struct {
	bucket      *string
	start, end  *int
	first, last *time.Time
}

// byBucket gathers one result per time bucket, in the order the buckets
// are first met, for [Data.Versus] and [Data.Split].
type byBucket[T any] struct {
	out  []T
	at   map[int]int // bucket key → index in out
	span func(*T) span
}

func newByBucket[T any](span func(*T) span) *byBucket[T] {
	return &byBucket[T]{at: map[int]int{}, span: span}
}

// add returns the result of bucket key (a new zero one the first time),
// with the roll call held on date counted in its first and last dates.
func (b *byBucket[T]) add(key int, date time.Time) *T {
	k, ok := b.at[key]
	if !ok {
		k = len(b.out)
		b.at[key] = k
		b.out = append(b.out, *new(T))
	}
	r := &b.out[k]
	s := b.span(r)
	if s.first.IsZero() || date.Before(*s.first) {
		*s.first = date
	}
	if date.After(*s.last) {
		*s.last = date
	}
	return r
}

// done labels and bounds every bucket as opt buckets them (lastYear
// closes the last period) and returns the results in time order; nil when
// no bucket was added.
func (b *byBucket[T]) done(opt Options, lastYear int) []T {
	for key, k := range b.at {
		s := b.span(&b.out[k])
		*s.bucket, *s.start, *s.end = opt.bucketSpan(key, lastYear)
	}
	slices.SortFunc(b.out, func(x, y T) int { return cmp.Compare(*b.span(&x).start, *b.span(&y).start) })
	return b.out
}

package web

import (
	"context"
	"sync"
)

// onceCache computes each key's value once and keeps it: concurrent
// callers of one key wait for a single computation. Failed computations
// are not kept. When the cache holds max entries it is emptied before the
// next one is added, which is enough for pages whose keys are few and
// cheap to rebuild. The zero value is not usable: set max.
type onceCache[K comparable, V any] struct {
	mu  sync.Mutex
	max int
	m   map[K]*onceEntry[V]
}

type onceEntry[V any] struct {
	done chan struct{}
	v    V
	err  error
}

// get returns the value of k, calling build when it is absent. build runs
// without the caller's cancellation, since other callers may wait for it;
// a caller whose ctx ends while waiting gets ctx.Err().
func (c *onceCache[K, V]) get(ctx context.Context, k K, build func(context.Context) (V, error)) (V, error) {
	c.mu.Lock()
	e, ok := c.m[k]
	if !ok {
		if c.m == nil || len(c.m) >= c.max {
			c.m = map[K]*onceEntry[V]{}
		}
		e = &onceEntry[V]{done: make(chan struct{})}
		c.m[k] = e
	}
	c.mu.Unlock()
	if ok {
		select {
		case <-e.done:
			return e.v, e.err
		case <-ctx.Done():
			var zero V
			return zero, ctx.Err()
		}
	}
	e.v, e.err = build(context.WithoutCancel(ctx))
	close(e.done)
	if e.err != nil {
		c.mu.Lock()
		if c.m[k] == e {
			delete(c.m, k)
		}
		c.mu.Unlock()
	}
	return e.v, e.err
}

// maxDyadCache is the number of dyad pages (pair and years) whose votes,
// and whose events, are kept.
const maxDyadCache = 128

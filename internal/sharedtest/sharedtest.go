// Package sharedtest finds the project's shared data folder (../shared next
// to the repository) for tests that read real corpora, and skips the test
// with a clear message when it is absent.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the path of ../shared/data/<parts…> beside the repository
// root, or skips the test when that path does not exist.
func Dir(tb testing.TB, parts ...string) string {
	tb.Helper()
	root, err := repoRoot()
	if err != nil {
		tb.Skipf("shared data: %v", err)
	}
	p := filepath.Join(append([]string{root, "..", "shared", "data"}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared data %s is absent (it sits beside the repository as ../shared); skipping", p)
	}
	return p
}

// repoRoot walks up from the working directory to the folder holding go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", os.ErrNotExist
		}
		dir = up
	}
}

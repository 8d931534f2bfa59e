// Package dataset locates the public evaluation data sets (CoNLL-2003,
// PolNeAR, PTC, ECB+, WCXB, FA-KES) that live outside the repository in
// ../shared/data. Tests that need them skip when they are absent.
package dataset

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the data directory: $SIFT_DATA if set, otherwise the first
// shared/data found beside the working directory or one of its parents.
func Dir() (string, bool) {
	if d := os.Getenv("SIFT_DATA"); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d, true
		}
		return d, false
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		cand := filepath.Join(filepath.Dir(dir), "shared", "data")
		if st, err := os.Stat(cand); err == nil && st.IsDir() {
			return cand, true
		}
		if filepath.Dir(dir) == dir {
			return "", false
		}
	}
}

// Path returns the path of name inside the data directory, and whether it
// exists.
func Path(name string) (string, bool) {
	d, ok := Dir()
	if !ok {
		return "", false
	}
	p := filepath.Join(d, name)
	_, err := os.Stat(p)
	return p, err == nil
}

// Require returns the path of name inside the data directory or skips the
// test with a message saying what is missing.
func Require(t testing.TB, name string) string {
	t.Helper()
	p, ok := Path(name)
	if !ok {
		t.Skipf("data set %s not found (set SIFT_DATA or place shared/data beside the repository)", name)
	}
	return p
}

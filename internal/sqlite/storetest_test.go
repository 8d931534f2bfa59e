package sqlite

import (
	"path/filepath"
	"testing"

	"github.com/sift-news/sift/internal/storetest"
)

// TestStoreSuite runs the backend-independent store suite, which
// internal/postgres runs too, so that both stores answer alike.
func TestStoreSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Store {
		db, err := Open(filepath.Join(t.TempDir(), "sift.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	})
}

// BenchmarkSearch stores generated articles and measures the queries of
// storetest.BenchmarkSearch, which internal/postgres runs too.
//
//	go test -run '^$' -bench Search -benchtime 10x -v ./internal/sqlite/
func BenchmarkSearch(b *testing.B) {
	db, err := Open(filepath.Join(b.TempDir(), "sift.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	storetest.BenchmarkSearch(b, db, nil)
}

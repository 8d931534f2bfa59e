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

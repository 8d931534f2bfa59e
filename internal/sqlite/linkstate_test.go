package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/sift-news/sift/internal/link/linktest"
)

// The linker loaded from the store, which asks the store's tables about
// earlier articles, links as the in-memory linker does, across runs; and
// a store linked before the tables existed has them filled on the next
// load (the second run's tables are emptied and marked as a store of
// before migration 500-link-index would be).
func TestStoredLinkerLinksAsMemory(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "sift.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	count := func() (n int) {
		if err := db.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM link_bands) + (SELECT count(*) FROM link_prints)`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	linktest.LinksAsMemory(t, db, 240, 80, 30, func(run int) {
		if n := count(); n == 0 {
			t.Fatalf("run %d: nothing filed in the link tables", run)
		}
		if run != 1 {
			return
		}
		for _, q := range []string{`DELETE FROM link_bands`, `DELETE FROM link_prints`,
			`INSERT INTO link_index_backfill SELECT max(seq) FROM link_articles`} {
			if _, err := db.db.ExecContext(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
	})
}

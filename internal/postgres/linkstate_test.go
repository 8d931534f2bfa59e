package postgres

import (
	"context"
	"testing"

	"github.com/sift-news/sift/internal/link/linktest"
)

// As in internal/sqlite: the loaded linker, asking the database's tables
// about earlier articles, links as the in-memory one across runs, and
// tables emptied and marked as before migration 500-link-index are filled
// again on the next load.
func TestStoredLinkerLinksAsMemory(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	linktest.LinksAsMemory(t, db, 240, 80, 30, func(run int) {
		var n int
		if err := db.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM link_bands) + (SELECT count(*) FROM link_prints)`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Fatalf("run %d: nothing filed in the link tables", run)
		}
		if run != 1 {
			return
		}
		for _, q := range []string{`DELETE FROM link_bands`, `DELETE FROM link_prints`,
			`INSERT INTO link_index_backfill SELECT max(seq) FROM link_articles`} {
			if _, err := db.pool.Exec(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
	})
}

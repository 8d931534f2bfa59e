package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/sift-news/sift/internal/link"
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

// Filing each record under the keys the linker found below their caps
// (link.Room) fills the lookup tables exactly as counting each key does
// (the backfill's way), with keys filled to their caps.
func TestRoomFilesAsCounting(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "sift.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	tables := func() (rows []string) {
		for q, cap := range map[string]int{
			`SELECT max(n) FROM (SELECT count(*) n FROM link_prints GROUP BY fp)`:       link.PostingCap,
			`SELECT max(n) FROM (SELECT count(*) n FROM link_bands GROUP BY band, key)`: link.BucketCap,
		} {
			var n int
			if err := db.db.QueryRowContext(ctx, q).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != cap {
				t.Fatalf("%s: %d, want the cap %d", q, n, cap)
			}
		}
		r, err := db.db.QueryContext(ctx, `SELECT 'b', band, key, seq FROM link_bands
			UNION ALL SELECT 'p', 0, fp, seq FROM link_prints ORDER BY 1, 2, 3, 4`)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		for r.Next() {
			var kind string
			var band, key, seq int64
			if err := r.Scan(&kind, &band, &key, &seq); err != nil {
				t.Fatal(err)
			}
			rows = append(rows, fmt.Sprint(kind, band, key, seq))
		}
		if err := r.Err(); err != nil {
			t.Fatal(err)
		}
		return rows
	}
	linktest.FilesAsCounting(t, db, tables, func() {
		if _, err := db.db.ExecContext(ctx, `INSERT INTO link_index_backfill SELECT max(seq) FROM link_articles`); err != nil {
			t.Fatal(err)
		}
		if _, err := db.LoadLinker(ctx); err != nil { // files every record again, counting
			t.Fatal(err)
		}
	})
}

package postgres

import (
	"context"
	"testing"

	"github.com/sift-news/sift/internal/storetest"
)

// count returns the one number q counts in db.
func count(t *testing.T, db *DB, q string) int {
	t.Helper()
	var n int
	if err := db.pool.QueryRow(context.Background(), q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// As in internal/sqlite: a store written before migration 700-compact
// (reuse links keyed by article ID, passage fingerprints in
// link_articles) reads back the same after the upgrade, which keys the
// links by article row and empties the fingerprints, unless a backfill of
// the link index still needs them: then the backfill empties them once it
// has filed them.
func TestCompactUpgrade(t *testing.T) {
	ctx := context.Background()
	for _, pending := range []bool{false, true} {
		u := testURL(t)
		db, err := Open(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		db.keepPrints = true // for the store of before made from it
		arts := append(storetest.CopiedArticles(), storetest.DerivedArticles()...)
		storetest.PutDerived(t, db, arts)
		storetest.LinkAll(t, db, db)
		want := storetest.LinkedBack(t, db, arts)
		printRows := count(t, db, `SELECT count(*) FROM link_prints`)
		if n := count(t, db, `SELECT count(*) FROM reuse`); n < 3 {
			t.Fatalf("the test articles give %d reuse links, want some", n)
		}
		// Back to the store of before the migration.
		qs := []string{
			`ALTER TABLE reuse ADD COLUMN a_id text COLLATE "C", ADD COLUMN b_id text COLLATE "C"`,
			`UPDATE reuse r SET a_id = ra.id, b_id = rb.id FROM articles ra, articles rb WHERE ra.seq = r.a AND rb.seq = r.b`,
			`ALTER TABLE reuse DROP COLUMN a, DROP COLUMN b`,
			`ALTER TABLE reuse RENAME COLUMN a_id TO a`,
			`ALTER TABLE reuse RENAME COLUMN b_id TO b`,
			`ALTER TABLE reuse ALTER COLUMN a SET NOT NULL, ALTER COLUMN b SET NOT NULL,
				ADD FOREIGN KEY (a) REFERENCES articles(id) ON DELETE CASCADE, ADD FOREIGN KEY (b) REFERENCES articles(id) ON DELETE CASCADE`,
			`CREATE INDEX reuse_a ON reuse(a)`,
			`CREATE INDEX reuse_b ON reuse(b)`,
			`DELETE FROM migrations WHERE name = '700-compact'`,
		}
		if pending {
			qs = append(qs, `DELETE FROM link_bands`, `DELETE FROM link_prints`,
				`INSERT INTO link_index_backfill SELECT max(seq) FROM link_articles`)
		}
		for _, q := range qs {
			if _, err := db.pool.Exec(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		if n := count(t, db, `SELECT count(*) FROM link_articles WHERE prints != ''`); n != len(arts) {
			t.Fatalf("the old store keeps %d articles' prints, want %d", n, len(arts))
		}
		db.Close()

		upgraded, err := Open(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		kept := 0
		if pending {
			kept = len(arts)
		}
		if n := count(t, upgraded, `SELECT count(*) FROM link_articles WHERE prints != ''`); n != kept {
			t.Errorf("pending backfill %v: the upgraded store keeps %d articles' prints, want %d", pending, n, kept)
		}
		if _, err := upgraded.LoadLinker(ctx); err != nil {
			t.Fatal(err)
		}
		if n := count(t, upgraded, `SELECT count(*) FROM link_prints`); n != printRows {
			t.Errorf("pending backfill %v: %d passage prints filed, want %d", pending, n, printRows)
		}
		if n := count(t, upgraded, `SELECT count(*) FROM link_articles WHERE prints != ''`); n != 0 {
			t.Errorf("pending backfill %v: after LoadLinker the store keeps %d articles' prints, want none", pending, n)
		}
		if got := storetest.LinkedBack(t, upgraded, arts); got != want {
			t.Errorf("pending backfill %v: upgraded store reads\n%s\nwant\n%s", pending, got, want)
		}
		upgraded.Close()
	}
	// A new store keeps no prints.
	db := openTest(t)
	arts := storetest.CopiedArticles()
	storetest.PutDerived(t, db, arts)
	storetest.LinkAll(t, db, db)
	if n := count(t, db, `SELECT count(*) FROM link_articles WHERE prints != ''`); n != 0 {
		t.Errorf("a new store keeps %d articles' prints, want none", n)
	}
}

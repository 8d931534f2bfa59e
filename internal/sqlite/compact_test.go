package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/sift-news/sift/internal/storetest"
)

// oldStore writes into path the store of before migration 700-compact
// holding what from holds: reuse links keyed by article ID, and passage
// fingerprints kept in link_articles (from must have written them).
func oldStore(t *testing.T, from *DB, path string) {
	t.Helper()
	ctx := context.Background()
	// Foreign keys off, so that tables are copied in any order; one
	// connection, which the attached store belongs to.
	raw, err := sql.Open("sqlite", "file:"+path+"?_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	raw.SetMaxOpenConns(1)
	old := &DB{db: raw}
	if err := old.createMigrations(ctx); err != nil {
		t.Fatal(err)
	}
	for _, m := range schema() {
		if m.name == "700-compact" {
			break
		}
		if err := old.applyMigration(ctx, m); err != nil {
			t.Fatalf("migration %s: %v", m.name, err)
		}
	}
	if _, err := raw.ExecContext(ctx, `ATTACH DATABASE '`+from.path+`' AS n`); err != nil {
		t.Fatal(err)
	}
	rows, err := raw.QueryContext(ctx, `SELECT name FROM n.sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'articles_fts%' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('migrations', 'reuse') ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	rows.Close()
	var qs []string
	for _, name := range tables {
		qs = append(qs, `INSERT INTO main.`+name+` SELECT * FROM n.`+name)
	}
	qs = append(qs, `INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')`,
		`INSERT INTO reuse(rowid, kind, a, b, a_start, a_end, b_start, b_end, similarity, substitutions)
			SELECT r.rowid, r.kind, ra.id, rb.id, r.a_start, r.a_end, r.b_start, r.b_end, r.similarity, r.substitutions
			FROM n.reuse r JOIN n.articles ra ON ra.rowid = r.a JOIN n.articles rb ON rb.rowid = r.b`)
	for _, q := range qs {
		if _, err := raw.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	var prints int
	if err := raw.QueryRowContext(ctx, `SELECT count(*) FROM link_articles WHERE prints != x''`).Scan(&prints); err != nil || prints == 0 {
		t.Fatalf("the old store keeps %d articles' prints (%v), want some", prints, err)
	}
}

// count returns the one number q counts in s.
func count(t *testing.T, s *DB, q string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRowContext(context.Background(), q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// A store written before migration 700-compact (reuse links keyed by
// article ID, passage fingerprints in link_articles) reads back the same
// after the upgrade, and as a new store; the upgrade keys reuse links by
// article row and empties the fingerprints, unless a backfill of the link
// index still needs them: then the backfill empties them once it has
// filed them.
func TestCompactUpgrade(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	arts := append(storetest.CopiedArticles(), storetest.DerivedArticles()...)
	fresh, err := Open(filepath.Join(dir, "new.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	fresh.keepPrints = true // for the old stores made from it
	storetest.PutDerived(t, fresh, arts)
	storetest.LinkAll(t, fresh, fresh)
	want := storetest.LinkedBack(t, fresh, arts)
	kinds := map[string]bool{}
	for _, a := range arts[:4] {
		rs, err := fresh.Reuse(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			kinds[r.Kind] = true
		}
	}
	if !kinds["exact"] || !kinds["spun"] || !kinds["passage"] {
		t.Fatalf("the test articles give reuse links %v, want exact, spun and passage ones", kinds)
	}
	printRows := count(t, fresh, `SELECT count(*) FROM link_prints`)

	// The upgrade.
	oldStore(t, fresh, filepath.Join(dir, "old.db"))
	upgraded, err := Open(filepath.Join(dir, "old.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer upgraded.Close()
	if got := storetest.LinkedBack(t, upgraded, arts); got != want {
		t.Errorf("upgraded store reads\n%s\nwant (a new store)\n%s", got, want)
	}
	if n := count(t, upgraded, `SELECT count(*) FROM link_articles WHERE prints != x''`); n != 0 {
		t.Errorf("the upgraded store keeps %d articles' prints, want none", n)
	}
	if n := count(t, upgraded, `SELECT count(*) FROM reuse WHERE typeof(a) != 'integer' OR typeof(b) != 'integer'`); n != 0 {
		t.Errorf("the upgraded store keys %d reuse links otherwise than by article row", n)
	}

	// An upgrade of a store whose link index is still to be filled.
	fresh.keepPrints = false
	pending := filepath.Join(dir, "pending.db")
	oldStore(t, fresh, pending)
	raw, err := sql.Open("sqlite", "file:"+pending)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DELETE FROM link_bands`, `DELETE FROM link_prints`,
		`INSERT INTO link_index_backfill SELECT max(seq) FROM link_articles`} {
		if _, err := raw.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	backfilled, err := Open(pending)
	if err != nil {
		t.Fatal(err)
	}
	defer backfilled.Close()
	if n := count(t, backfilled, `SELECT count(*) FROM link_articles WHERE prints != x''`); n != len(arts) {
		t.Errorf("before its backfill the upgraded store keeps %d articles' prints, want %d", n, len(arts))
	}
	if _, err := backfilled.LoadLinker(ctx); err != nil {
		t.Fatal(err)
	}
	if n := count(t, backfilled, `SELECT count(*) FROM link_prints`); n != printRows {
		t.Errorf("the backfill filed %d passage prints, want %d", n, printRows)
	}
	if n := count(t, backfilled, `SELECT count(*) FROM link_articles WHERE prints != x''`); n != 0 {
		t.Errorf("after its backfill the store keeps %d articles' prints, want none", n)
	}
	if got := storetest.LinkedBack(t, backfilled, arts); got != want {
		t.Errorf("backfilled store reads\n%s\nwant (a new store)\n%s", got, want)
	}
	// A new store keeps no prints.
	plain, err := Open(filepath.Join(dir, "plain.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	storetest.PutDerived(t, plain, arts)
	storetest.LinkAll(t, plain, plain)
	if n := count(t, plain, `SELECT count(*) FROM link_articles WHERE prints != x''`); n != 0 {
		t.Errorf("a new store keeps %d articles' prints, want none", n)
	}
	if got := storetest.LinkedBack(t, plain, arts); got != want {
		t.Errorf("a store without prints reads\n%s\nwant\n%s", got, want)
	}
}

package postgres

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/sift-news/sift/internal/storetest"
)

// kept lists the texts, norms and analyzer versions db stores.
func kept(t *testing.T, db *DB) string {
	t.Helper()
	rows, err := db.pool.Query(context.Background(), storetest.KeptTextsSQL)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			t.Fatal(err)
		}
		out = append(out, k)
	}
	b, _ := json.Marshal(out)
	return string(b)
}

// A store written before migration 600-derived-text (texts, norms and
// analyzer versions stored whole, as NOT NULL columns) reads back the same
// after the upgrade, which keeps only the texts that are not their spans.
func TestDerivedTextUpgrade(t *testing.T) {
	ctx := context.Background()
	u := testURL(t)
	db, err := Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	arts := storetest.DerivedArticles()
	storetest.PutDerived(t, db, arts)
	want := storetest.ReadBack(t, db, arts)
	storetest.CheckDerivedTexts(t, db, arts)
	const wantKept = `["norm: The Varno ministry denied any shelling","norm: the bridge reopens on Monday",` +
		`"officials said","the bridge will reopen Monday"]`
	if got := kept(t, db); got != wantKept {
		t.Errorf("a new store keeps %s, want %s", got, wantKept)
	}
	// Back to the store of before the migration.
	for _, q := range []string{
		`UPDATE quotes q SET text = substr(a.text, q.start + 1, q."end" - q.start), analyzer = a.analyzer->>'quotes'
			FROM articles a WHERE a.id = q.article_id AND q.text IS NULL`,
		`UPDATE article_claims c SET norm = coalesce(c.norm, c.text, substr(a.text, c.start + 1, c."end" - c.start)),
			text = coalesce(c.text, substr(a.text, c.start + 1, c."end" - c.start)), analyzer = a.analyzer->>'claims'
			FROM articles a WHERE a.id = c.article_id`,
		`UPDATE entities e SET analyzer = a.analyzer->>'ner' FROM articles a WHERE a.id = e.article_id`,
		`UPDATE techniques e SET analyzer = a.analyzer->>'techniques' FROM articles a WHERE a.id = e.article_id`,
		`ALTER TABLE quotes ALTER COLUMN text SET NOT NULL`,
		`ALTER TABLE article_claims ALTER COLUMN text SET NOT NULL, ALTER COLUMN norm SET NOT NULL`,
		`DELETE FROM migrations WHERE name = '600-derived-text'`,
	} {
		if _, err := db.pool.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	upgraded, err := Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer upgraded.Close()
	if got := storetest.ReadBack(t, upgraded, arts); got != want {
		t.Errorf("upgraded store reads\n%s\nwant\n%s", got, want)
	}
	if got := kept(t, upgraded); got != wantKept {
		t.Errorf("the upgraded store keeps %s, want %s", got, wantKept)
	}
}

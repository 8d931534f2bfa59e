package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/storetest"
)

// derivedArticles are storetest.DerivedArticles and an article whose
// text is not valid UTF-8.
func derivedArticles() []*sift.Article {
	bad := storetest.Article("Varno Daily", "Bad bytes", "Ulmet \xff port shut again on Tuesday.", "2024-03-08")
	return append(storetest.DerivedArticles(), bad)
}

// A store written before migration 600-derived-text (texts, norms and
// analyzer versions stored whole) reads back the same after the upgrade,
// and as a store made new; the upgrade keeps only the texts that are not
// their spans.
func TestDerivedTextUpgrade(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	arts := derivedArticles()
	fresh, err := Open(filepath.Join(dir, "new.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	storetest.PutDerived(t, fresh, arts)
	want := storetest.ReadBack(t, fresh, arts)
	storetest.CheckDerivedTexts(t, fresh, arts)

	// The same store as the schema before the migration kept it.
	oldPath := filepath.Join(dir, "old.db")
	raw, err := sql.Open("sqlite", "file:"+oldPath+"?_pragma=foreign_keys(1)&_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	old := &DB{db: raw}
	if err := old.createMigrations(ctx); err != nil {
		t.Fatal(err)
	}
	for _, m := range schema() {
		if m.name == "600-derived-text" {
			break
		}
		if err := old.applyMigration(ctx, m); err != nil {
			t.Fatalf("migration %s: %v", m.name, err)
		}
	}
	for _, q := range []string{
		`ATTACH DATABASE '` + filepath.Join(dir, "new.db") + `' AS n`,
		`INSERT INTO articles SELECT * FROM n.articles`,
		`INSERT INTO entities SELECT article_id, start, end, text, type, canonical, role,
			(SELECT coalesce(a.analyzer->>'ner', '') FROM n.articles a WHERE a.id = e.article_id) FROM n.entities e`,
		`INSERT INTO techniques SELECT article_id, start, end, text, technique, score, evidence,
			(SELECT coalesce(a.analyzer->>'techniques', '') FROM n.articles a WHERE a.id = e.article_id) FROM n.techniques e`,
		`INSERT INTO quotes(rowid, article_id, start, end, text, kind, speaker, speaker_canonical, speaker_start, speaker_end,
			cue, cue_start, cue_end, via, analyzer)
			SELECT q.rowid, q.article_id, q.start, q.end, coalesce(q.text, substr(a.text, q.start + 1, q.end - q.start)), q.kind,
			q.speaker, q.speaker_canonical, q.speaker_start, q.speaker_end, q.cue, q.cue_start, q.cue_end, q.via,
			coalesce(a.analyzer->>'quotes', '') FROM n.quotes q JOIN n.articles a ON a.id = q.article_id`,
		`INSERT INTO article_claims(rowid, article_id, n, start, end, text, norm, speaker, speaker_canonical,
			speaker_start, speaker_end, via, attributed, analyzer, claim_id, score)
			SELECT c.rowid, c.article_id, c.n, c.start, c.end, coalesce(c.text, substr(a.text, c.start + 1, c.end - c.start)),
			coalesce(c.norm, c.text, substr(a.text, c.start + 1, c.end - c.start)), c.speaker, c.speaker_canonical,
			c.speaker_start, c.speaker_end, c.via, c.attributed, coalesce(a.analyzer->>'claims', ''), c.claim_id, c.score
			FROM n.article_claims c JOIN n.articles a ON a.id = c.article_id`,
		`INSERT INTO claim_terms SELECT * FROM n.claim_terms`,
		`INSERT INTO claim_postings SELECT * FROM n.claim_postings`,
		`DETACH DATABASE n`,
	} {
		if _, err := raw.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	var whole int
	if err := raw.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM quotes WHERE text IS NULL) +
		(SELECT count(*) FROM article_claims WHERE text IS NULL OR norm IS NULL)`).Scan(&whole); err != nil || whole != 0 {
		t.Fatalf("the old store holds %d derived texts (%v), want none", whole, err)
	}
	raw.Close()

	upgraded, err := Open(oldPath)
	if err != nil {
		t.Fatal(err)
	}
	defer upgraded.Close()
	if got := storetest.ReadBack(t, upgraded, arts); got != want {
		t.Errorf("upgraded store reads\n%s\nwant (a new store)\n%s", got, want)
	}
	// Kept: the texts that are not their spans and the norms that are not
	// their texts; and by a new store, the quote of the article that is
	// not valid UTF-8 (the upgrade compares with SQLite's own substr, so it
	// need not keep it).
	const kept = `"norm: The Varno ministry denied any shelling","norm: the bridge reopens on Monday",` +
		`"officials said","the bridge will reopen Monday"`
	for s, wantKept := range map[*DB]string{fresh: `[` + kept + `,"\ufffd"]`, upgraded: `[` + kept + `]`} {
		var kept []string
		rows, err := s.db.QueryContext(ctx, storetest.KeptTextsSQL)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				t.Fatal(err)
			}
			kept = append(kept, k)
		}
		rows.Close()
		b, _ := json.Marshal(kept)
		if string(b) != wantKept {
			t.Errorf("%s keeps %s, want %s", s.path, b, wantKept)
		}
	}
}

package sqlite

// compactSchema (migration 700-compact) cuts two things the store kept
// twice:
//
//   - reuse links name their articles by row (articles.rowid) instead of
//     by the 16-character public ID, in the table and in both of its
//     indexes; readers join articles for the IDs, which do not change.
//     Every link keeps its rowid, so the order links are read back in
//     (by rowid) stays as it was.
//   - link_articles.prints, an article's winnowed passage fingerprints,
//     are filed in link_prints (migration 500-link-index) and read from
//     link_articles only by the backfill of a store linked before that
//     migration: they are stored empty once the store has no backfill
//     pending (the backfill empties them when it has filed them).
//
// An upgraded store reuses the pages freed; VACUUM gives them back to
// the file system.
const compactSchema = `
CREATE TABLE reuse_new (
	kind          TEXT NOT NULL,
	a             INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
	b             INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
	a_start       INTEGER NOT NULL,
	a_end         INTEGER NOT NULL,
	b_start       INTEGER NOT NULL,
	b_end         INTEGER NOT NULL,
	similarity    REAL NOT NULL,
	substitutions TEXT NOT NULL DEFAULT '[]'
);
INSERT INTO reuse_new(rowid, kind, a, b, a_start, a_end, b_start, b_end, similarity, substitutions)
SELECT r.rowid, r.kind, ra.rowid, rb.rowid, r.a_start, r.a_end, r.b_start, r.b_end, r.similarity, r.substitutions
FROM reuse r JOIN articles ra ON ra.id = r.a JOIN articles rb ON rb.id = r.b ORDER BY r.rowid;
DROP TABLE reuse;
ALTER TABLE reuse_new RENAME TO reuse;
CREATE INDEX reuse_a ON reuse(a);
CREATE INDEX reuse_b ON reuse(b);

UPDATE link_articles SET prints = x'' WHERE prints != x'' AND NOT EXISTS (SELECT 1 FROM link_index_backfill);
`

// articleRow is the SQL of the row of the article whose public ID is
// bound at placeholder p ("?" or "?1"): NULL when there is none.
func articleRow(p string) string { return `(SELECT rowid FROM articles WHERE id = ` + p + `)` }

package postgres

// compactSchema (migration 700-compact) cuts what the store kept twice,
// as package sqlite's migration of the same name does:
//
//   - reuse links name their articles by row (articles.seq) instead of by
//     the public ID, in the table and in both of its indexes; readers
//     join articles for the IDs, which do not change. Links keep their
//     seq, the order they are read back in.
//   - link_articles.prints, an article's passage fingerprints, are filed
//     in link_prints (migration 500-link-index) and read from
//     link_articles only by the backfill of a store linked before that
//     migration: they are stored empty once no backfill is pending (the
//     backfill empties them when it has filed them).
//
// The rows rewritten leave dead tuples that VACUUM reclaims.
const compactSchema = `
ALTER TABLE reuse ADD COLUMN a_row bigint, ADD COLUMN b_row bigint;
UPDATE reuse r SET a_row = ra.seq, b_row = rb.seq FROM articles ra, articles rb WHERE ra.id = r.a AND rb.id = r.b;
ALTER TABLE reuse DROP COLUMN a, DROP COLUMN b;
ALTER TABLE reuse RENAME COLUMN a_row TO a;
ALTER TABLE reuse RENAME COLUMN b_row TO b;
ALTER TABLE reuse ALTER COLUMN a SET NOT NULL, ALTER COLUMN b SET NOT NULL,
	ADD FOREIGN KEY (a) REFERENCES articles(seq) ON DELETE CASCADE,
	ADD FOREIGN KEY (b) REFERENCES articles(seq) ON DELETE CASCADE;
CREATE INDEX reuse_a ON reuse(a);
CREATE INDEX reuse_b ON reuse(b);

UPDATE link_articles SET prints = '' WHERE prints != '' AND NOT EXISTS (SELECT 1 FROM link_index_backfill);
`

// storedPrints returns what link_articles keeps of a record's passage
// fingerprints: nothing, as they are filed in link_prints (migration
// 700-compact), unless the store is kept as one of before (tests).
func (db *DB) storedPrints(prints []uint32) []byte {
	if db.keepPrints {
		return uint32s(prints)
	}
	return []byte{}
}

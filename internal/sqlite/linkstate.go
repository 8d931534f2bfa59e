package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/sift-news/sift/internal/link"
)

// linkIndexSchema keeps the linker's lookup tables in the store (migration
// 500-link-index), queried by key for each new article instead of loaded
// into memory at every start: the LSH buckets of each article's MinHash
// signature, its winnowed passage fingerprints (each table capped, as the
// linker's own were, at the earliest link.BucketCap and link.PostingCap
// articles per key), and an index of the exact-text hashes. A store
// linked before this migration has its tables filled from link_articles
// on the first LoadLinker (link_index_backfill marks it).
const linkIndexSchema = `
CREATE TABLE link_bands (
	band INTEGER NOT NULL,
	key  INTEGER NOT NULL,
	seq  INTEGER NOT NULL,
	PRIMARY KEY (band, key, seq)
) WITHOUT ROWID;
CREATE TABLE link_prints (
	fp  INTEGER NOT NULL,
	seq INTEGER NOT NULL,
	PRIMARY KEY (fp, seq)
) WITHOUT ROWID;
CREATE INDEX link_articles_exact ON link_articles(exact, seq);
CREATE TABLE link_index_backfill (upto INTEGER NOT NULL);
INSERT INTO link_index_backfill SELECT max(seq) FROM link_articles HAVING count(*) > 0;
`

// linkIndex answers the linker's questions about earlier articles from
// the store's tables (link.Index).
type linkIndex struct{ db *sql.DB }

var _ link.Index = linkIndex{}

// seqList writes seqs as a JSON array, for json_each.
func seqList[T int32 | uint32 | uint64](vs []T, signed bool) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, v := range vs {
		if i > 0 {
			b.WriteByte(',')
		}
		if signed {
			b.WriteString(strconv.FormatInt(int64(v), 10))
		} else {
			b.WriteString(strconv.FormatUint(uint64(v), 10))
		}
	}
	b.WriteByte(']')
	return b.String()
}

// RecordByID implements link.Index.
func (x linkIndex) RecordByID(ctx context.Context, id string) (link.Record, bool, error) {
	r := link.Record{ID: id}
	var exact int64
	err := x.db.QueryRowContext(ctx, `SELECT l.seq, l.exact, a.outlet, a.published, coalesce(sa.story_id, '')
		FROM link_articles l JOIN articles a ON a.id = l.article_id LEFT JOIN story_articles sa ON sa.article_id = l.article_id
		WHERE l.article_id = ?`, id).Scan(&r.Seq, &exact, &r.Outlet, &r.Published, &r.Story)
	if errors.Is(err, sql.ErrNoRows) {
		return link.Record{}, false, nil
	}
	if err != nil {
		return link.Record{}, false, fmt.Errorf("reading link record of %s: %w", id, err)
	}
	r.Exact = uint64(exact)
	return r, true, nil
}

// Records implements link.Index.
func (x linkIndex) Records(ctx context.Context, seqs []int32) (map[int32]*link.Record, error) {
	rows, err := x.db.QueryContext(ctx, `SELECT l.seq, l.article_id, l.exact, a.outlet, a.published, l.signature,
		coalesce(sa.story_id, '') FROM json_each(?) j JOIN link_articles l ON l.seq = j.value
		JOIN articles a ON a.id = l.article_id LEFT JOIN story_articles sa ON sa.article_id = l.article_id`,
		seqList(seqs, true))
	if err != nil {
		return nil, fmt.Errorf("reading link records: %w", err)
	}
	defer rows.Close()
	out := make(map[int32]*link.Record, len(seqs))
	for rows.Next() {
		r := &link.Record{}
		var exact int64
		var sig []byte
		if err := rows.Scan(&r.Seq, &r.ID, &exact, &r.Outlet, &r.Published, &sig, &r.Story); err != nil {
			return nil, fmt.Errorf("reading link records: %w", err)
		}
		r.Exact = uint64(exact)
		r.Signature = fromUint32s(sig)
		out[int32(r.Seq)] = r
	}
	return out, rows.Err()
}

// FirstExact implements link.Index.
func (x linkIndex) FirstExact(ctx context.Context, h uint64) (int32, bool, error) {
	var seq sql.NullInt64
	if err := x.db.QueryRowContext(ctx, `SELECT min(seq) FROM link_articles WHERE exact = ?`, int64(h)).Scan(&seq); err != nil {
		return 0, false, fmt.Errorf("looking up exact copies: %w", err)
	}
	return int32(seq.Int64), seq.Valid, nil
}

// Buckets implements link.Index.
func (x linkIndex) Buckets(ctx context.Context, keys []uint64) ([][]int32, error) {
	rows, err := x.db.QueryContext(ctx, `SELECT b.band, b.seq FROM json_each(?) j
		JOIN link_bands b ON b.band = j.key AND b.key = j.value ORDER BY b.band, b.seq`, seqList(keys, true))
	if err != nil {
		return nil, fmt.Errorf("reading LSH buckets: %w", err)
	}
	defer rows.Close()
	out := make([][]int32, len(keys))
	for rows.Next() {
		var band int
		var seq int32
		if err := rows.Scan(&band, &seq); err != nil {
			return nil, fmt.Errorf("reading LSH buckets: %w", err)
		}
		if band >= 0 && band < len(out) {
			out[band] = append(out[band], seq)
		}
	}
	return out, rows.Err()
}

// Postings implements link.Index. The postings come back in one row, a
// list of i<<31 | seq, where i is the fingerprint's place in fps: the
// driver's cost per row was most of the lookup, as a fingerprint of a
// shared passage has up to PostingCap, and one integer per entry is the
// least text for SQLite to write and for us to read.
func (x linkIndex) Postings(ctx context.Context, fps []uint32) (map[uint32][]int32, error) {
	var list sql.NullString
	err := x.db.QueryRowContext(ctx, `SELECT group_concat(j.key << 31 | p.seq) FROM json_each(?) j
		JOIN link_prints p ON p.fp = j.value`, seqList(fps, false)).Scan(&list)
	if err != nil {
		return nil, fmt.Errorf("reading passage fingerprints: %w", err)
	}
	out := make(map[uint32][]int32)
	for rest := list.String; rest != ""; {
		var item string
		item, rest, _ = strings.Cut(rest, ",")
		v, err := strconv.ParseInt(item, 10, 64)
		i := v >> 31
		if err != nil || i < 0 || i >= int64(len(fps)) {
			return nil, fmt.Errorf("reading passage fingerprints: bad entry %q (%v)", item, err)
		}
		fp := fps[i]
		out[fp] = append(out[fp], int32(v&(1<<31-1)))
	}
	for _, p := range out {
		slices.Sort(p)
	}
	return out, nil
}

// linkStories reads the clusterer's states of stories (link.StoryLoader),
// with their cached norms.
// The clusterer's representative title is its representative article's;
// stories.title is the neutral title shown to users (link.StoryTitle),
// which the clusterer must not compare with.
func (s *DB) linkStories(ctx context.Context, ids []string) (map[string]*link.StoryState, error) {
	out := make(map[string]*link.StoryState, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, fmt.Errorf("loading stories: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT s.id, COALESCE(ra.title, s.title), l.rep_article, l.terms, l.names, l.first, l.last, l.size,
		n.terms, n.names, n.at, n.dirty
		FROM json_each(?) j JOIN link_stories l ON l.story_id = j.value JOIN stories s ON s.id = l.story_id
		LEFT JOIN articles ra ON ra.id = l.rep_article LEFT JOIN link_norms n ON n.story_id = l.story_id`, string(list))
	if err != nil {
		return nil, fmt.Errorf("loading stories: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		st := &link.StoryState{}
		var terms, names string
		var nt, nn sql.NullFloat64
		var at sql.NullInt64
		var dirty sql.NullBool
		if err := rows.Scan(&st.ID, &st.Title, &st.RepArticle, &terms, &names, &st.First, &st.Last, &st.Size,
			&nt, &nn, &at, &dirty); err != nil {
			return nil, fmt.Errorf("loading stories: %w", err)
		}
		if nt.Valid {
			st.Norm = &link.StoryNorm{Story: st.ID, Terms: nt.Float64, Names: nn.Float64, At: int(at.Int64), Dirty: dirty.Bool}
		}
		if err := json.Unmarshal([]byte(terms), &st.Terms); err != nil {
			return nil, fmt.Errorf("loading story %s: %w", st.ID, err)
		}
		if err := json.Unmarshal([]byte(names), &st.Names); err != nil {
			return nil, fmt.Errorf("loading story %s: %w", st.ID, err)
		}
		out[st.ID] = st
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("loading stories: %w", err)
	}
	return out, nil
}

// linkFiler files records in the lookup tables within one transaction,
// in Seq order. A record with its link.Room (the keys the linker found
// below their cap) needs no count: its rows wait, and are inserted sorted
// by key, in a few statements per batch, so that each B-tree page is
// fetched once for all its new rows rather than once for each. A record
// without (an exact copy, or the backfill's) is filed by counting each
// key, after the rows waiting, so that the caps keep the earliest.
type linkFiler struct {
	stmt   *stmts
	bands  []bandRow
	prints []printRow
}

type bandRow struct {
	band int
	key  int64
	seq  int
}

type printRow struct {
	fp  uint32
	seq int
}

// fileRows is how many waiting prints are inserted by one statement,
// bandRows how many bands.
const (
	fileRows = 20000
	bandRows = 100
)

// file files record r, under room when it is not nil.
func (f *linkFiler) file(ctx context.Context, r *link.Record, room *link.Room) error {
	if room == nil {
		if err := f.flush(ctx); err != nil {
			return err
		}
		return fileCounted(ctx, f.stmt, r)
	}
	if keys := link.BandKeys(r.Signature); keys != nil {
		for _, b := range room.Bands {
			f.bands = append(f.bands, bandRow{b, int64(keys[b]), r.Seq})
		}
	}
	for _, fp := range room.Prints {
		f.prints = append(f.prints, printRow{fp, r.Seq})
	}
	if len(f.bands)+len(f.prints) >= 8*fileRows {
		return f.flush(ctx)
	}
	return nil
}

// flush inserts the waiting rows, sorted by key. No row can conflict (one
// record's keys are distinct, and its Seq is new): OR IGNORE only spares
// SQLite the statement journal of a statement that could abort.
func (f *linkFiler) flush(ctx context.Context) error {
	slices.SortFunc(f.bands, func(x, y bandRow) int {
		if x.band != y.band {
			return x.band - y.band
		}
		if x.key != y.key {
			return cmpInt64(x.key, y.key)
		}
		return x.seq - y.seq
	})
	slices.SortFunc(f.prints, func(x, y printRow) int {
		if x.fp != y.fp {
			return cmpInt64(int64(x.fp), int64(y.fp))
		}
		return x.seq - y.seq
	})
	// Bands go as bound values, bandRows rows a statement (a key takes
	// all 64 bits, so a row cannot be packed into one integer).
	insert1 := `INSERT OR IGNORE INTO link_bands(band, key, seq) VALUES (?, ?, ?)`
	insertN := insert1 + strings.Repeat(`, (?, ?, ?)`, bandRows-1)
	args := make([]any, 0, 3*bandRows)
	for rows := f.bands; len(rows) > 0; {
		n := bandRows
		if len(rows) < n {
			n = 1
		}
		args = args[:0]
		for _, x := range rows[:n] {
			args = append(args, x.band, x.key, x.seq)
		}
		q := insert1
		if n == bandRows {
			q = insertN
		}
		if _, err := f.stmt.exec(ctx, q, args...); err != nil {
			return fmt.Errorf("filing LSH bands: %w", err)
		}
		rows = rows[n:]
	}
	var buf []byte
	// A fingerprint and a Seq (both below 2^32 and 2^31) go as one
	// integer, fp<<31 | seq, which SQLite splits without parsing pairs.
	for rows := f.prints; len(rows) > 0; {
		n := min(len(rows), fileRows)
		buf = append(buf[:0], '[')
		for i, x := range rows[:n] {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = strconv.AppendInt(buf, int64(x.fp)<<31|int64(x.seq), 10)
		}
		buf = append(buf, ']')
		if _, err := f.stmt.exec(ctx, `INSERT OR IGNORE INTO link_prints(fp, seq)
			SELECT j.value >> 31, j.value & 2147483647 FROM json_each(?) j`, string(buf)); err != nil {
			return fmt.Errorf("filing passage fingerprints: %w", err)
		}
		rows = rows[n:]
	}
	f.bands, f.prints = f.bands[:0], f.prints[:0]
	return nil
}

func cmpInt64(x, y int64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// fileCounted files record r in the lookup tables in two statements,
// counting each key: the records before r must be filed, so that the caps
// keep the earliest. One record's keys are distinct, so each count sees
// only the rows of the records before.
func fileCounted(ctx context.Context, stmt *stmts, r *link.Record) error {
	if keys := link.BandKeys(r.Signature); keys != nil {
		if _, err := stmt.exec(ctx, `INSERT OR IGNORE INTO link_bands(band, key, seq) SELECT j.key, j.value, ?1 FROM json_each(?2) j
			WHERE (SELECT count(*) FROM link_bands b WHERE b.band = j.key AND b.key = j.value) < ?3`,
			r.Seq, seqList(keys, true), link.BucketCap); err != nil {
			return fmt.Errorf("filing LSH bands of %s: %w", r.ID, err)
		}
	}
	if len(r.Prints) > 0 {
		if _, err := stmt.exec(ctx, `INSERT OR IGNORE INTO link_prints(fp, seq) SELECT j.value, ?1 FROM json_each(?2) j
			WHERE (SELECT count(*) FROM link_prints p WHERE p.fp = j.value) < ?3`,
			r.Seq, seqList(r.Prints, false), link.PostingCap); err != nil {
			return fmt.Errorf("filing passage fingerprints of %s: %w", r.ID, err)
		}
	}
	return nil
}

// backfillLinkIndex fills the lookup tables from link_articles for the
// articles linked before migration 500-link-index, once.
func (s *DB) backfillLinkIndex(ctx context.Context) error {
	var upto sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT max(upto) FROM link_index_backfill`).Scan(&upto)
	if err != nil {
		return fmt.Errorf("checking the link index: %w", err)
	}
	if !upto.Valid {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("filling the link index: %w", err)
	}
	defer tx.Rollback()
	// Another process may have filled it meanwhile.
	if err := tx.QueryRowContext(ctx, `SELECT max(upto) FROM link_index_backfill`).Scan(&upto); err != nil {
		return fmt.Errorf("filling the link index: %w", err)
	}
	if !upto.Valid {
		return nil
	}
	// Records linked after the migration are filed already, after the
	// older ones were due: all are filed again, in order, so that the
	// caps keep the earliest.
	for _, q := range []string{`DELETE FROM link_bands`, `DELETE FROM link_prints`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("filling the link index: %w", err)
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT article_id, seq, signature, prints FROM link_articles ORDER BY seq`)
	if err != nil {
		return fmt.Errorf("filling the link index: %w", err)
	}
	var recs []link.Record
	for rows.Next() {
		var r link.Record
		var sig, prints []byte
		if err := rows.Scan(&r.ID, &r.Seq, &sig, &prints); err != nil {
			rows.Close()
			return fmt.Errorf("filling the link index: %w", err)
		}
		r.Signature, r.Prints = fromUint32s(sig), fromUint32s(prints)
		recs = append(recs, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("filling the link index: %w", err)
	}
	stmt := newStmts(tx)
	defer stmt.close()
	for i := range recs {
		if err := fileCounted(ctx, stmt, &recs[i]); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM link_index_backfill`); err != nil {
		return fmt.Errorf("filling the link index: %w", err)
	}
	if !s.keepPrints {
		// Filed: nothing reads them again (migration 700-compact).
		if _, err := tx.ExecContext(ctx, `UPDATE link_articles SET prints = x'' WHERE prints != x''`); err != nil {
			return fmt.Errorf("filling the link index: %w", err)
		}
	}
	stmt.close()
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("filling the link index: %w", err)
	}
	return nil
}

// linkLazySchema keeps the rest of the story clusterer's state in tables
// read as each article needs them (migration 520-link-lazy), so that no
// start-up reads the whole of it: the live postings of terms (the stories
// filed under each, the most recent after cuts, as link.Update.Filed and
// Cut leave them), filled from link_filings by replaying the cut rule
// (a posting of more than 256 keeps its newest 128, so after c filings it
// holds the newest c, or 128 + (c - 257) mod 129 when c > 256), and an
// index of the filings by story, read with the story. Document
// frequencies (link_df) and norms (link_norms) were keyed already.
const linkLazySchema = `
CREATE TABLE link_postings (
	term     TEXT NOT NULL,
	seq      INTEGER NOT NULL,
	n        INTEGER NOT NULL,
	story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
	PRIMARY KEY (term, seq, n)
) WITHOUT ROWID;
INSERT INTO link_postings(term, seq, n, story_id)
SELECT term, seq, n, story_id FROM (
	SELECT term, seq, n, story_id,
		row_number() OVER (PARTITION BY term ORDER BY seq DESC, n DESC) AS r,
		count(*) OVER (PARTITION BY term) AS c
	FROM link_filings)
WHERE r <= CASE WHEN c <= 256 THEN c ELSE 128 + (c - 257) % 129 END;
CREATE INDEX link_filings_story ON link_filings(story_id);
`

// jsonList writes vs as a JSON array, for json_each.
func jsonList(vs []string) (string, error) {
	b, err := json.Marshal(vs)
	return string(b), err
}

// linkDF reads document frequencies by key (link.DFLoader).
func (s *DB) linkDF(ctx context.Context, keys []string) (map[string]int, error) {
	list, err := jsonList(keys)
	if err != nil {
		return nil, fmt.Errorf("reading document frequencies: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT d.key, d.n FROM json_each(?) j JOIN link_df d ON d.key = j.value`, list)
	if err != nil {
		return nil, fmt.Errorf("reading document frequencies: %w", err)
	}
	defer rows.Close()
	out := make(map[string]int, len(keys))
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return nil, fmt.Errorf("reading document frequencies: %w", err)
		}
		out[k] = n
	}
	return out, rows.Err()
}

// linkPostings reads the story postings of terms (link.PostingLoader), one
// row per term (story IDs hold no comma).
func (s *DB) linkPostings(ctx context.Context, terms []string) (map[string][]string, error) {
	list, err := jsonList(terms)
	if err != nil {
		return nil, fmt.Errorf("reading story postings: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT p.term, group_concat(p.story_id, ',' ORDER BY p.seq, p.n)
		FROM json_each(?) j JOIN link_postings p ON p.term = j.value GROUP BY p.term`, list)
	if err != nil {
		return nil, fmt.Errorf("reading story postings: %w", err)
	}
	defer rows.Close()
	out := make(map[string][]string, len(terms))
	for rows.Next() {
		var t, ids string
		if err := rows.Scan(&t, &ids); err != nil {
			return nil, fmt.Errorf("reading story postings: %w", err)
		}
		out[t] = strings.Split(ids, ",")
	}
	return out, rows.Err()
}

// linkFiled reads the terms a story was filed under (link.FiledLoader).
func (s *DB) linkFiled(ctx context.Context, story string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT term FROM link_filings WHERE story_id = ?`, story)
	if err != nil {
		return nil, fmt.Errorf("reading story filings: %w", err)
	}
	defer rows.Close()
	var terms []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, fmt.Errorf("reading story filings: %w", err)
		}
		terms = append(terms, t)
	}
	return terms, rows.Err()
}

// savePostings files story up.Story under the terms of up.Filed in the
// live postings, and cuts those of up.Cut to their most recent.
func savePostings(ctx context.Context, stmt *stmts, up *link.Update) error {
	for n, term := range up.Filed {
		if _, err := stmt.exec(ctx, `INSERT INTO link_postings(term, seq, n, story_id) VALUES (?, ?, ?, ?)`,
			term, up.Record.Seq, n, up.Story.ID); err != nil {
			return fmt.Errorf("saving story postings of %s: %w", up.Record.ID, err)
		}
	}
	for _, term := range up.Cut {
		if _, err := stmt.exec(ctx, `DELETE FROM link_postings WHERE term = ?1 AND (seq, n) <
			(SELECT seq, n FROM link_postings WHERE term = ?1 ORDER BY seq DESC, n DESC LIMIT 1 OFFSET ?2)`,
			term, link.StoryPostingKeep()-1); err != nil {
			return fmt.Errorf("cutting story postings of %s: %w", up.Record.ID, err)
		}
	}
	return nil
}

// storedPrints returns what link_articles keeps of a record's passage
// fingerprints: nothing, as they are filed in link_prints (migration
// 700-compact), unless the store is kept as one of before (tests).
func (s *DB) storedPrints(prints []uint32) []byte {
	if s.keepPrints {
		return uint32s(prints)
	}
	return []byte{}
}

package postgres

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/sift-news/sift/internal/link"
)

// linkIndexSchema mirrors the SQLite store's migration 500-link-index: the
// linker's LSH buckets and passage fingerprints in tables queried by key
// for each new article (capped at the earliest link.BucketCap and
// link.PostingCap articles per key), an index of the exact-text hashes,
// and a mark for a store linked before, whose tables the first LoadLinker
// fills from link_articles.
const linkIndexSchema = `
CREATE TABLE link_bands (
	band smallint NOT NULL,
	key  bigint NOT NULL,
	seq  bigint NOT NULL,
	PRIMARY KEY (band, key, seq)
);
CREATE TABLE link_prints (
	fp  bigint NOT NULL,
	seq bigint NOT NULL,
	PRIMARY KEY (fp, seq)
);
CREATE INDEX link_articles_exact ON link_articles(exact, seq);
CREATE TABLE link_index_backfill (upto bigint NOT NULL);
INSERT INTO link_index_backfill SELECT max(seq) FROM link_articles HAVING count(*) > 0;
`

// linkIndex answers the linker's questions about earlier articles from
// the database's tables (link.Index).
type linkIndex struct{ pool *pgxpool.Pool }

var _ link.Index = linkIndex{}

// RecordByID implements link.Index.
func (x linkIndex) RecordByID(ctx context.Context, id string) (link.Record, bool, error) {
	r := link.Record{ID: id}
	var exact int64
	err := x.pool.QueryRow(ctx, `SELECT l.seq, l.exact, a.outlet, a.published, coalesce(sa.story_id, '')
		FROM link_articles l JOIN articles a ON a.id = l.article_id LEFT JOIN story_articles sa ON sa.article_id = l.article_id
		WHERE l.article_id = $1`, id).Scan(&r.Seq, &exact, &r.Outlet, &r.Published, &r.Story)
	if notFound(err) {
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
	rows, err := x.pool.Query(ctx, `SELECT l.seq, l.article_id, l.exact, a.outlet, a.published, l.signature,
		coalesce(sa.story_id, '') FROM link_articles l JOIN articles a ON a.id = l.article_id
		LEFT JOIN story_articles sa ON sa.article_id = l.article_id WHERE l.seq = ANY($1::bigint[])`, seqs)
	if err != nil {
		return nil, fmt.Errorf("reading link records: %w", err)
	}
	out := make(map[int32]*link.Record, len(seqs))
	var r link.Record
	var exact int64
	var sig []byte
	_, err = pgx.ForEachRow(rows, []any{&r.Seq, &r.ID, &exact, &r.Outlet, &r.Published, &sig, &r.Story}, func() error {
		rec := r
		rec.Exact = uint64(exact)
		rec.Signature = fromUint32s(sig)
		out[int32(rec.Seq)] = &rec
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading link records: %w", err)
	}
	return out, nil
}

// FirstExact implements link.Index.
func (x linkIndex) FirstExact(ctx context.Context, h uint64) (int32, bool, error) {
	var seq *int64
	if err := x.pool.QueryRow(ctx, `SELECT min(seq) FROM link_articles WHERE exact = $1`, int64(h)).Scan(&seq); err != nil {
		return 0, false, fmt.Errorf("looking up exact copies: %w", err)
	}
	if seq == nil {
		return 0, false, nil
	}
	return int32(*seq), true, nil
}

// int64s converts keys for a bigint[] parameter.
func int64s[T uint32 | uint64](vs []T) []int64 {
	out := make([]int64, len(vs))
	for i, v := range vs {
		out[i] = int64(v)
	}
	return out
}

// Buckets implements link.Index.
func (x linkIndex) Buckets(ctx context.Context, keys []uint64) ([][]int32, error) {
	rows, err := x.pool.Query(ctx, `SELECT b.band, b.seq FROM unnest($1::bigint[]) WITH ORDINALITY AS u(k, i)
		JOIN link_bands b ON b.band = u.i - 1 AND b.key = u.k ORDER BY b.band, b.seq`, int64s(keys))
	if err != nil {
		return nil, fmt.Errorf("reading LSH buckets: %w", err)
	}
	out := make([][]int32, len(keys))
	var band int16
	var seq int64
	_, err = pgx.ForEachRow(rows, []any{&band, &seq}, func() error {
		if int(band) < len(out) {
			out[band] = append(out[band], int32(seq))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading LSH buckets: %w", err)
	}
	return out, nil
}

// Postings implements link.Index.
func (x linkIndex) Postings(ctx context.Context, fps []uint32) (map[uint32][]int32, error) {
	rows, err := x.pool.Query(ctx, `SELECT fp, seq FROM link_prints WHERE fp = ANY($1::bigint[]) ORDER BY fp, seq`, int64s(fps))
	if err != nil {
		return nil, fmt.Errorf("reading passage fingerprints: %w", err)
	}
	out := make(map[uint32][]int32)
	var fp, seq int64
	_, err = pgx.ForEachRow(rows, []any{&fp, &seq}, func() error {
		out[uint32(fp)] = append(out[uint32(fp)], int32(seq))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading passage fingerprints: %w", err)
	}
	return out, nil
}

// linkStories reads the clusterer's states of stories (link.StoryLoader).
// The clusterer's representative title is its representative article's;
// stories.title is the neutral title shown to users.
func (db *DB) linkStories(ctx context.Context, ids []string) (map[string]*link.StoryState, error) {
	out := make(map[string]*link.StoryState, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := db.pool.Query(ctx, `SELECT s.id, COALESCE(ra.title, s.title), l.rep_article, l.terms, l.names, l.first, l.last, l.size,
		n.terms, n.names, n.at, n.dirty
		FROM link_stories l JOIN stories s ON s.id = l.story_id LEFT JOIN articles ra ON ra.id = l.rep_article
		LEFT JOIN link_norms n ON n.story_id = l.story_id
		WHERE l.story_id = ANY($1::text[])`, ids)
	if err != nil {
		return nil, fmt.Errorf("loading stories: %w", err)
	}
	var st link.StoryState
	var terms, names string
	var nt, nn *float64
	var at *int64
	var dirty *bool
	if _, err := pgx.ForEachRow(rows, []any{&st.ID, &st.Title, &st.RepArticle, &terms, &names, &st.First, &st.Last, &st.Size,
		&nt, &nn, &at, &dirty}, func() error {
		s := st
		s.Terms, s.Names = nil, nil
		if nt != nil && nn != nil && at != nil && dirty != nil {
			s.Norm = &link.StoryNorm{Story: s.ID, Terms: *nt, Names: *nn, At: int(*at), Dirty: *dirty}
		}
		if err := json.Unmarshal([]byte(terms), &s.Terms); err != nil {
			return fmt.Errorf("story %s: %w", s.ID, err)
		}
		if err := json.Unmarshal([]byte(names), &s.Names); err != nil {
			return fmt.Errorf("story %s: %w", s.ID, err)
		}
		out[s.ID] = &s
		return nil
	}); err != nil {
		return nil, fmt.Errorf("loading stories: %w", err)
	}
	return out, nil
}

// linkFiled reads the terms a story was filed under (link.FiledLoader).
func (db *DB) linkFiled(ctx context.Context, story string) ([]string, error) {
	rows, err := db.pool.Query(ctx, `SELECT term FROM link_filings WHERE story_id = $1`, story)
	if err != nil {
		return nil, fmt.Errorf("reading story filings: %w", err)
	}
	terms, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("reading story filings: %w", err)
	}
	return terms, nil
}

// queueLinkIndex queues the filing of record r in the lookup tables.
// Records must be queued in Seq order, so that the caps keep the
// earliest. With room (the keys the linker found below their cap), r is
// filed under those keys; without, each key is counted: one record's keys
// are distinct, so one statement each sees the rows of the records
// before.
func queueLinkIndex(b *pgx.Batch, r *link.Record, room *link.Room) {
	keys := link.BandKeys(r.Signature)
	if room != nil {
		if len(keys) > 0 && len(room.Bands) > 0 {
			bands := make([]int16, len(room.Bands))
			open := make([]int64, len(room.Bands))
			for i, band := range room.Bands {
				bands[i], open[i] = int16(band), int64(keys[band])
			}
			b.Queue(`INSERT INTO link_bands(band, key, seq) SELECT u.b, u.k, $3 FROM unnest($1::smallint[], $2::bigint[]) AS u(b, k)`,
				bands, open, r.Seq)
		}
		if len(room.Prints) > 0 {
			b.Queue(`INSERT INTO link_prints(fp, seq) SELECT u.fp, $2 FROM unnest($1::bigint[]) AS u(fp)`, int64s(room.Prints), r.Seq)
		}
		return
	}
	if keys != nil {
		bands := make([]int16, len(keys))
		for i := range bands {
			bands[i] = int16(i)
		}
		b.Queue(`INSERT INTO link_bands(band, key, seq) SELECT u.b, u.k, $3 FROM unnest($1::smallint[], $2::bigint[]) AS u(b, k)
			WHERE (SELECT count(*) FROM link_bands x WHERE x.band = u.b AND x.key = u.k) < $4`,
			bands, int64s(keys), r.Seq, link.BucketCap)
	}
	if len(r.Prints) > 0 {
		b.Queue(`INSERT INTO link_prints(fp, seq) SELECT u.fp, $2 FROM unnest($1::bigint[]) AS u(fp)
			WHERE (SELECT count(*) FROM link_prints x WHERE x.fp = u.fp) < $3`, int64s(r.Prints), r.Seq, link.PostingCap)
	}
}

// backfillLinkIndex fills the lookup tables from link_articles for the
// articles linked before migration 500-link-index, once.
func (db *DB) backfillLinkIndex(ctx context.Context) error {
	var upto *int64
	if err := db.pool.QueryRow(ctx, `SELECT max(upto) FROM link_index_backfill`).Scan(&upto); err != nil {
		return fmt.Errorf("checking the link index: %w", err)
	}
	if upto == nil {
		return nil
	}
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `LOCK TABLE link_index_backfill`); err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `SELECT max(upto) FROM link_index_backfill`).Scan(&upto); err != nil || upto == nil {
			return err
		}
		// Records linked after the migration are filed already, after
		// the older ones were due: all are filed again, in order.
		if _, err := tx.Exec(ctx, `DELETE FROM link_bands`); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM link_prints`); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `SELECT seq, signature, prints FROM link_articles ORDER BY seq`)
		if err != nil {
			return err
		}
		var recs []link.Record
		var r link.Record
		var sig, prints []byte
		if _, err := pgx.ForEachRow(rows, []any{&r.Seq, &sig, &prints}, func() error {
			recs = append(recs, link.Record{Seq: r.Seq, Signature: fromUint32s(sig), Prints: fromUint32s(prints)})
			return nil
		}); err != nil {
			return err
		}
		for len(recs) > 0 {
			b := &pgx.Batch{}
			n := min(len(recs), 500)
			for i := range recs[:n] {
				queueLinkIndex(b, &recs[i], nil)
			}
			if err := tx.SendBatch(ctx, b).Close(); err != nil {
				return err
			}
			recs = recs[n:]
		}
		if _, err := tx.Exec(ctx, `DELETE FROM link_index_backfill`); err != nil {
			return err
		}
		if db.keepPrints {
			return nil
		}
		// Filed: nothing reads them again (migration 700-compact).
		_, err = tx.Exec(ctx, `UPDATE link_articles SET prints = '' WHERE prints != ''`)
		return err
	})
	if err != nil {
		return fmt.Errorf("filling the link index: %w", err)
	}
	return nil
}

// linkLazySchema mirrors the SQLite store's migration 520-link-lazy: the
// live story postings of terms (the most recent after cuts, filled from
// link_filings by replaying the cut rule: after c filings a term keeps
// its newest c, or 128 + (c - 257) mod 129 when c > 256) and an index of
// the filings by story, so that the clusterer's document frequencies,
// postings, filings and norms are read as each article needs them.
const linkLazySchema = `
CREATE TABLE link_postings (
	term     text COLLATE "C" NOT NULL,
	seq      bigint NOT NULL,
	n        integer NOT NULL,
	story_id text COLLATE "C" NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
	PRIMARY KEY (term, seq, n)
);
INSERT INTO link_postings(term, seq, n, story_id)
SELECT term, seq, n, story_id FROM (
	SELECT term, seq, n, story_id,
		row_number() OVER (PARTITION BY term ORDER BY seq DESC, n DESC) AS r,
		count(*) OVER (PARTITION BY term) AS c
	FROM link_filings) f
WHERE r <= CASE WHEN c <= 256 THEN c ELSE 128 + (c - 257) % 129 END;
CREATE INDEX link_filings_story ON link_filings(story_id);
`

// linkDF reads document frequencies by key (link.DFLoader).
func (db *DB) linkDF(ctx context.Context, keys []string) (map[string]int, error) {
	ks := make([]string, len(keys))
	for i, k := range keys {
		ks[i] = noNUL(k)
	}
	rows, err := db.pool.Query(ctx, `SELECT key, n FROM link_df WHERE key = ANY($1::text[])`, ks)
	if err != nil {
		return nil, fmt.Errorf("reading document frequencies: %w", err)
	}
	out := make(map[string]int, len(keys))
	var k string
	var n int
	if _, err := pgx.ForEachRow(rows, []any{&k, &n}, func() error { out[k] = n; return nil }); err != nil {
		return nil, fmt.Errorf("reading document frequencies: %w", err)
	}
	// Keys are stored without NUL bytes (noNUL): answer for the key asked.
	for i, k := range keys {
		if ks[i] != k {
			if n, ok := out[ks[i]]; ok {
				out[k] = n
			}
		}
	}
	return out, nil
}

// linkPostings reads the story postings of terms (link.PostingLoader).
func (db *DB) linkPostings(ctx context.Context, terms []string) (map[string][]string, error) {
	ts := make([]string, len(terms))
	for i, t := range terms {
		ts[i] = noNUL(t)
	}
	rows, err := db.pool.Query(ctx, `SELECT term, array_agg(story_id ORDER BY seq, n) FROM link_postings
		WHERE term = ANY($1::text[]) GROUP BY term`, ts)
	if err != nil {
		return nil, fmt.Errorf("reading story postings: %w", err)
	}
	out := make(map[string][]string, len(terms))
	var t string
	var ids []string
	if _, err := pgx.ForEachRow(rows, []any{&t, &ids}, func() error { out[t] = ids; ids = nil; return nil }); err != nil {
		return nil, fmt.Errorf("reading story postings: %w", err)
	}
	for i, t := range terms {
		if ts[i] != t {
			out[t] = out[ts[i]]
		}
	}
	return out, nil
}

// queuePostings queues the filing of story up.Story under the terms of
// up.Filed in the live postings, and the cuts of up.Cut.
func queuePostings(b *pgx.Batch, up *link.Update) {
	if len(up.Filed) > 0 {
		terms := make([]string, len(up.Filed))
		for i, t := range up.Filed {
			terms[i] = noNUL(t)
		}
		b.Queue(`INSERT INTO link_postings(term, seq, n, story_id)
			SELECT u.t, $2, u.n - 1, $3 FROM unnest($1::text[]) WITH ORDINALITY AS u(t, n)`, terms, up.Record.Seq, up.Story.ID)
	}
	for _, t := range up.Cut {
		b.Queue(`DELETE FROM link_postings WHERE term = $1 AND (seq, n) <
			(SELECT seq, n FROM link_postings WHERE term = $1 ORDER BY seq DESC, n DESC LIMIT 1 OFFSET $2)`,
			noNUL(t), link.StoryPostingKeep()-1)
	}
}

// restoreClusterer registers the stories ids (in order of creation) with
// clusterer c, whose document frequencies, postings, filings and norms are
// then read as articles need them. A store with legacy stories (states,
// linked before filings were recorded) filed under their centroids at
// each start has the whole of its state read instead, as before
// migration 520.
func (db *DB) restoreClusterer(ctx context.Context, c *link.Clusterer, n int, ids []string, states map[string]*link.StoryState) error {
	if !link.FiledOnRestore(states) {
		c.SetDFLoader(db.linkDF, n, link.ResidentDF)
		c.SetPostingLoader(db.linkPostings, db.linkFiled, link.ResidentPostings)
		for _, id := range ids {
			if st := states[id]; st != nil {
				c.RestoreStory(st)
			} else {
				c.RestoreStoryID(id)
			}
		}
		return nil
	}
	df := make(map[string]int)
	rows, err := db.pool.Query(ctx, `SELECT key, n FROM link_df`)
	if err != nil {
		return fmt.Errorf("loading document frequencies: %w", err)
	}
	var k, term string
	var v int
	if _, err := pgx.ForEachRow(rows, []any{&k, &v}, func() error { df[k] = v; return nil }); err != nil {
		return fmt.Errorf("loading document frequencies: %w", err)
	}
	c.RestoreDF(n, df)
	for _, id := range ids {
		if st := states[id]; st != nil {
			c.Restore(st)
		} else {
			c.RestoreStoryID(id)
		}
	}
	rows, _ = db.pool.Query(ctx, `SELECT story_id, term FROM link_filings ORDER BY seq, n`)
	if _, err := pgx.ForEachRow(rows, []any{&k, &term}, func() error { c.RestoreFiling(k, term); return nil }); err != nil {
		return fmt.Errorf("loading story filings: %w", err)
	}
	return nil
}

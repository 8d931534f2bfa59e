package postgres

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/jackc/pgx/v5"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/link"
)

var (
	_ sift.StoryStore = (*DB)(nil)
	_ sift.BriefStore = (*DB)(nil)
)

// linkSchema mirrors the linking tables of package sqlite: per article its
// MinHash signature and winnowed fingerprints, per story its centroid, the
// document frequencies of terms, and the reuse links found.
const linkSchema = `
CREATE TABLE link_articles (
	article_id text COLLATE "C" PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	seq        bigint NOT NULL UNIQUE,
	exact      bigint NOT NULL,
	signature  bytea NOT NULL,
	prints     bytea NOT NULL
);
CREATE TABLE link_stories (
	story_id    text COLLATE "C" PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
	rep_article text NOT NULL DEFAULT '',
	terms       text NOT NULL DEFAULT '{}',
	names       text NOT NULL DEFAULT '{}',
	first       text NOT NULL DEFAULT '',
	last        text NOT NULL DEFAULT '',
	size        integer NOT NULL DEFAULT 0
);
CREATE TABLE link_df (
	key text COLLATE "C" PRIMARY KEY,
	n   integer NOT NULL
);
CREATE TABLE reuse (
	seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kind          text NOT NULL,
	a             text COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	b             text COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	a_start       integer NOT NULL,
	a_end         integer NOT NULL,
	b_start       integer NOT NULL,
	b_end         integer NOT NULL,
	similarity    double precision NOT NULL,
	substitutions jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX reuse_a ON reuse(a);
CREATE INDEX reuse_b ON reuse(b);
`

// linkStateSchema mirrors the SQLite store's: under which terms the linker
// filed each story, in order, and each story's cached norms, so that a
// restored linker finds and scores the same candidate stories as the one
// that wrote it.
const linkStateSchema = `
CREATE TABLE link_filings (
	seq      bigint NOT NULL,
	n        integer NOT NULL,
	story_id text COLLATE "C" NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
	term     text COLLATE "C" NOT NULL,
	PRIMARY KEY (seq, n)
);
CREATE TABLE link_norms (
	story_id text COLLATE "C" PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
	terms    double precision NOT NULL,
	names    double precision NOT NULL,
	at       bigint NOT NULL,
	dirty    boolean NOT NULL
);
`

// uint32s encodes vs as little-endian bytes.
func uint32s(vs []uint32) []byte {
	b := make([]byte, 4*len(vs))
	for i, v := range vs {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

// fromUint32s decodes what uint32s encoded.
func fromUint32s(b []byte) []uint32 {
	vs := make([]uint32, len(b)/4)
	for i := range vs {
		vs[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return vs
}

// LoadLinker returns a linker that continues from the store's state, as
// sqlite.DB.LoadLinker does: the story clusterer is restored, the earlier
// articles' records, LSH buckets and passage fingerprints are queried by
// key as each new article is linked. Its Fetch reads earlier articles'
// texts from the store. Linking is sequential: with many workers, hold
// LinkLock.
func (db *DB) LoadLinker(ctx context.Context) (*link.Linker, error) {
	if err := db.backfillLinkIndex(ctx); err != nil {
		return nil, err
	}
	var n, next int
	if err := db.pool.QueryRow(ctx, `SELECT count(*), coalesce(max(seq) + 1, 0) FROM link_articles`).Scan(&n, &next); err != nil {
		return nil, fmt.Errorf("counting linked articles: %w", err)
	}
	l := link.NewLinkerOn(linkIndex{db.pool}, n, next)
	l.Fetch = func(id string) (*sift.Article, error) { return db.ArticleBrief(ctx, id) }
	legacy := map[string]bool{}
	var k string
	rows, _ := db.pool.Query(ctx, `SELECT DISTINCT sa.story_id FROM story_articles sa
		JOIN link_articles l ON l.article_id = sa.article_id
		WHERE l.seq < (SELECT coalesce(min(seq), 1::bigint << 62) FROM link_filings)`)
	if _, err := pgx.ForEachRow(rows, []any{&k}, func() error { legacy[k] = true; return nil }); err != nil {
		return nil, fmt.Errorf("loading stories: %w", err)
	}
	// Stories are registered by ID in order of creation and loaded when
	// an article may join them; those of before the filings were recorded
	// are loaded now, to be filed under their centroids.
	l.Clusterer().SetLoader(db.linkStories, link.ResidentStories)
	rows, _ = db.pool.Query(ctx, `SELECT s.id FROM link_stories l JOIN stories s ON s.id = l.story_id ORDER BY s.seq`)
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("loading stories: %w", err)
	}
	var old []string
	for _, id := range ids {
		if legacy[id] {
			old = append(old, id)
		}
	}
	states, err := db.linkStories(ctx, old)
	if err != nil {
		return nil, err
	}
	if err := db.restoreClusterer(ctx, l.Clusterer(), n, ids, states); err != nil {
		return nil, err
	}
	return l, nil
}

// ArticleBrief reads a stored article's source, title, text, outlet and
// date only, without its derived facts: what linking and listings need.
func (db *DB) ArticleBrief(ctx context.Context, id string) (*sift.Article, error) {
	a := &sift.Article{ID: id}
	err := db.pool.QueryRow(ctx, `SELECT source, title, text, outlet, published FROM articles WHERE id = $1`, id).
		Scan(&a.Source, &a.Title, &a.Text, &a.Outlet, &a.Published)
	if notFound(err) {
		return nil, fmt.Errorf("article %s: %w", id, sift.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("reading article %s: %w", id, err)
	}
	return a, nil
}

// LinkedCount returns how many articles the linking stage has recorded.
func (db *DB) LinkedCount(ctx context.Context) (int, error) {
	var n int
	if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM link_articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("counting linked articles: %w", err)
	}
	return n, nil
}

// UnlinkedArticles returns the IDs of stored articles the linking stage has
// not seen yet, in order of arrival.
func (db *DB) UnlinkedArticles(ctx context.Context) ([]string, error) {
	rows, err := db.pool.Query(ctx, `SELECT id FROM articles a
		WHERE NOT EXISTS (SELECT 1 FROM link_articles l WHERE l.article_id = a.id) ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("listing unlinked articles: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("listing unlinked articles: %w", err)
	}
	return ids, nil
}

// SaveLinks stores what linking a batch of articles changed, in one
// transaction (and one round trip): each article's record and story
// membership, the final state of every story touched, the
// document-frequency increments and the reuse links.
func (db *DB) SaveLinks(ctx context.Context, ups []link.Update) error {
	b := &pgx.Batch{}
	var reuse reuseRows
	stories := make(map[string]*link.StoryState)
	df := make(map[string]int)
	for _, up := range ups {
		r := up.Record
		b.Queue(`INSERT INTO link_articles(article_id, seq, exact, signature, prints) VALUES ($1, $2, $3, $4, $5)`,
			r.ID, r.Seq, int64(r.Exact), uint32s(r.Signature), db.storedPrints(r.Prints))
		queueLinkIndex(b, &r, up.Room)
		b.Queue(`INSERT INTO stories(id, title) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET title = excluded.title`,
			up.Story.ID, noNUL(up.Story.Title))
		b.Queue(`INSERT INTO story_articles(article_id, story_id) VALUES ($1, $2)
			ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id`, r.ID, up.Story.ID)
		for n, term := range up.Filed {
			b.Queue(`INSERT INTO link_filings(seq, n, story_id, term) VALUES ($1, $2, $3, $4)`, r.Seq, n, up.Story.ID, noNUL(term))
		}
		queuePostings(b, &up)
		for _, n := range up.Norms {
			b.Queue(`INSERT INTO link_norms(story_id, terms, names, at, dirty) VALUES ($1, $2, $3, $4, $5)
				ON CONFLICT (story_id) DO UPDATE SET terms = excluded.terms, names = excluded.names, at = excluded.at,
				dirty = excluded.dirty`, n.Story, n.Terms, n.Names, n.At, n.Dirty)
		}
		stories[up.Story.ID] = up.Story
		for _, k := range up.DFKeys {
			df[k]++
		}
		reuse.add(up.Reuse)
	}
	reuse.queue(b)
	ids := make([]string, 0, len(stories))
	for id := range stories {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		st := stories[id]
		b.Queue(`UPDATE stories SET title = $1 WHERE id = $2`, noNUL(st.Title), id)
		b.Queue(`INSERT INTO link_stories(story_id, rep_article, terms, names, first, last, size)
			VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (story_id) DO UPDATE SET rep_article = excluded.rep_article,
			terms = excluded.terms, names = excluded.names, first = excluded.first, last = excluded.last, size = excluded.size`,
			id, st.RepArticle, noNUL(jsonText(st.Terms, "{}")), noNUL(jsonText(st.Names, "{}")), st.First, st.Last, st.Size)
	}
	keys := make([]string, 0, len(df))
	counts := make([]int32, 0, len(df))
	for k := range df {
		keys = append(keys, noNUL(k))
	}
	sort.Strings(keys)
	for _, k := range keys {
		counts = append(counts, int32(df[k]))
	}
	if len(keys) > 0 {
		b.Queue(`INSERT INTO link_df(key, n) SELECT * FROM unnest($1::text[], $2::int[])
			ON CONFLICT (key) DO UPDATE SET n = link_df.n + excluded.n`, keys, counts)
	}
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
			return err
		}
		if err := retitle(ctx, tx, ids); err != nil {
			return err
		}
		return markCopies(ctx, tx, ups)
	})
	if err != nil {
		return fmt.Errorf("saving links: %w", err)
	}
	return nil
}

// reuseRows gathers the reuse links of a batch for one INSERT (the same
// rows in the same order as one INSERT per link: the serial seq follows
// the ORDINALITY), where one statement per link was 29 thousand of them for
// 1,000 generated articles.
type reuseRows struct {
	kinds, as, bs, subs            []string
	aStarts, aEnds, bStarts, bEnds []int32
	sims                           []float64
}

func (r *reuseRows) add(xs []sift.Reuse) {
	for _, x := range xs {
		r.kinds, r.as, r.bs = append(r.kinds, x.Kind), append(r.as, x.A), append(r.bs, x.B)
		r.aStarts, r.aEnds = append(r.aStarts, int32(x.AStart)), append(r.aEnds, int32(x.AEnd))
		r.bStarts, r.bEnds = append(r.bStarts, int32(x.BStart)), append(r.bEnds, int32(x.BEnd))
		r.sims, r.subs = append(r.sims, x.Similarity), append(r.subs, noNUL(jsonText(x.Substitutions, "[]")))
	}
}

func (r *reuseRows) queue(b *pgx.Batch) {
	if len(r.kinds) == 0 {
		return
	}
	b.Queue(`INSERT INTO reuse(kind, a, b, a_start, a_end, b_start, b_end, similarity, substitutions)
		SELECT kind, (SELECT seq FROM articles WHERE id = u.a), (SELECT seq FROM articles WHERE id = u.b),
			a_start, a_end, b_start, b_end, similarity, substitutions::jsonb
		FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[], $8::float8[], $9::text[])
			WITH ORDINALITY AS u(kind, a, b, a_start, a_end, b_start, b_end, similarity, substitutions, i)
		ORDER BY i`, r.kinds, r.as, r.bs, r.aStarts, r.aEnds, r.bStarts, r.bEnds, r.sims, r.subs)
}

// Stories returns stories, largest first, with their articles in timeline
// order.
func (db *DB) Stories(ctx context.Context, q sift.StoryQuery) ([]sift.Story, error) {
	var p params
	query := `SELECT s.id, s.title FROM stories s JOIN story_articles sa ON sa.story_id = s.id
		GROUP BY s.id HAVING count(*) >= ` + p.add(max(q.MinArticles, 1)) + ` ORDER BY count(*) DESC, max(s.seq) DESC`
	if q.Limit > 0 {
		query += ` LIMIT ` + p.add(q.Limit) + ` OFFSET ` + p.add(q.Offset)
	}
	rows, err := db.pool.Query(ctx, query, p...)
	if err != nil {
		return nil, fmt.Errorf("listing stories: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (sift.Story, error) {
		var st sift.Story
		err := r.Scan(&st.ID, &st.Title)
		return st, err
	})
	if err != nil {
		return nil, fmt.Errorf("listing stories: %w", err)
	}
	for i := range out {
		if out[i].Articles, err = db.storyArticles(ctx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Story returns one story with its articles in timeline order, or an
// error wrapping sift.ErrNotFound.
func (db *DB) Story(ctx context.Context, id string) (*sift.Story, error) {
	st := &sift.Story{}
	err := db.pool.QueryRow(ctx, `SELECT id, title FROM stories WHERE id = $1`, id).Scan(&st.ID, &st.Title)
	if notFound(err) {
		return nil, fmt.Errorf("story %s: %w", id, sift.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("reading story %s: %w", id, err)
	}
	if st.Articles, err = db.storyArticles(ctx, id); err != nil {
		return nil, err
	}
	return st, nil
}

// storyArticles lists a story's articles, dated ones by date first, then
// undated ones, each in order of arrival.
func (db *DB) storyArticles(ctx context.Context, id string) ([]sift.StoryArticle, error) {
	rows, err := db.pool.Query(ctx, `SELECT a.id, a.source, a.outlet, a.title, a.published
		FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = $1
		ORDER BY a.published = '', a.published, a.seq`, id)
	if err != nil {
		return nil, fmt.Errorf("reading articles of story %s: %w", id, err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (sift.StoryArticle, error) {
		var a sift.StoryArticle
		err := r.Scan(&a.ID, &a.Source, &a.Outlet, &a.Title, &a.Published)
		return a, err
	})
	if err != nil {
		return nil, fmt.Errorf("reading articles of story %s: %w", id, err)
	}
	return out, nil
}

// Reuse returns the reuse links of an article, on either side.
func (db *DB) Reuse(ctx context.Context, articleID string) ([]sift.Reuse, error) {
	rows, err := db.pool.Query(ctx, `SELECT r.kind, ra.id, rb.id, r.a_start, r.a_end, r.b_start, r.b_end, r.similarity,
		r.substitutions::text FROM reuse r JOIN articles ra ON ra.seq = r.a JOIN articles rb ON rb.seq = r.b
		WHERE r.a = (SELECT seq FROM articles WHERE id = $1) OR r.b = (SELECT seq FROM articles WHERE id = $1)
		ORDER BY r.seq`, articleID)
	if err != nil {
		return nil, fmt.Errorf("reading reuse of %s: %w", articleID, err)
	}
	var out []sift.Reuse
	var r sift.Reuse
	var subs string
	_, err = pgx.ForEachRow(rows, []any{&r.Kind, &r.A, &r.B, &r.AStart, &r.AEnd, &r.BStart, &r.BEnd, &r.Similarity, &subs}, func() error {
		x := r
		x.Substitutions = nil
		if err := json.Unmarshal([]byte(subs), &x.Substitutions); err != nil {
			return err
		}
		out = append(out, x)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading reuse of %s: %w", articleID, err)
	}
	return out, nil
}

// linkLock is the advisory lock key of the linking stage ("link").
const linkLock = 0x6c696e6b

// WithLinkLock runs fn while holding the database-wide lock of the linking
// stage, which links articles one at a time in order of arrival and so
// must run in one process at a time. With wait unset it returns false at
// once, without running fn, when another process holds the lock.
func (db *DB) WithLinkLock(ctx context.Context, wait bool, fn func() error) (bool, error) {
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return false, fmt.Errorf("locking the linker: %w", err)
	}
	defer conn.Release()
	if wait {
		if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, linkLock); err != nil {
			return false, fmt.Errorf("locking the linker: %w", err)
		}
	} else {
		var ok bool
		if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1)`, linkLock).Scan(&ok); err != nil {
			return false, fmt.Errorf("locking the linker: %w", err)
		}
		if !ok {
			return false, nil
		}
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, linkLock)
	return true, fn()
}

package sqlite

import (
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"sort"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/link"
)

var (
	_ sift.StoryStore = (*DB)(nil)
	_ sift.BriefStore = (*DB)(nil)
)

// linkSchema holds the state of the linking stage (internal/link), so that
// a later run continues where the last one stopped: per article its MinHash
// signature and winnowed fingerprints, per story its centroid, and the
// document frequencies of terms; and what it found: reuse links.
const linkSchema = `
CREATE TABLE link_articles (
	article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL UNIQUE,
	exact      INTEGER NOT NULL,
	signature  BLOB NOT NULL,
	prints     BLOB NOT NULL
);
CREATE TABLE link_stories (
	story_id    TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
	rep_article TEXT NOT NULL DEFAULT '',
	terms       TEXT NOT NULL DEFAULT '{}',
	names       TEXT NOT NULL DEFAULT '{}',
	first       TEXT NOT NULL DEFAULT '',
	last        TEXT NOT NULL DEFAULT '',
	size        INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE link_df (
	key TEXT PRIMARY KEY,
	n   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE reuse (
	kind          TEXT NOT NULL,
	a             TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	b             TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	a_start       INTEGER NOT NULL,
	a_end         INTEGER NOT NULL,
	b_start       INTEGER NOT NULL,
	b_end         INTEGER NOT NULL,
	similarity    REAL NOT NULL,
	substitutions TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX reuse_a ON reuse(a);
CREATE INDEX reuse_b ON reuse(b);
`

// linkStateSchema holds the rest of the linker's state: under which terms
// it filed each story, in order (link.Update.Filed), and each story's
// cached norms (link.Update.Norms), so that a linker restored from the
// store finds and scores the same candidate stories as the one that wrote
// it: a killed run followed by a rerun links as one clean run would, and
// so do two runs of half the input each.
const linkStateSchema = `
CREATE TABLE link_filings (
	seq      INTEGER NOT NULL, -- link_articles.seq of the article that filed it
	n        INTEGER NOT NULL,
	story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
	term     TEXT NOT NULL,
	PRIMARY KEY (seq, n)
) WITHOUT ROWID;
CREATE TABLE link_norms (
	story_id TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
	terms    REAL NOT NULL,
	names    REAL NOT NULL,
	at       INTEGER NOT NULL,
	dirty    INTEGER NOT NULL
) WITHOUT ROWID;
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

// LoadLinker returns a linker that continues from the store's state. It
// restores the story clusterer (document frequencies and stories); the
// earlier articles' records, LSH buckets and passage fingerprints stay in
// the store and are queried by key as each new article is linked. Its
// Fetch reads earlier articles' texts from the store.
func (s *DB) LoadLinker(ctx context.Context) (*link.Linker, error) {
	if err := s.backfillLinkIndex(ctx); err != nil {
		return nil, err
	}
	var n, next int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(max(seq) + 1, 0) FROM link_articles`).Scan(&n, &next); err != nil {
		return nil, fmt.Errorf("counting linked articles: %w", err)
	}
	l := link.NewLinkerOn(linkIndex{s.db}, n, next)
	l.Fetch = func(id string) (*sift.Article, error) { return s.ArticleBrief(ctx, id) }
	legacy, err := s.legacyStories(ctx)
	if err != nil {
		return nil, err
	}
	// Stories are registered by ID in order of creation and loaded when
	// an article may join them; those of before the filings were recorded
	// are loaded now, to be filed under their centroids.
	l.Clusterer().SetLoader(s.linkStories, link.ResidentStories)
	rows, err := s.db.QueryContext(ctx, `SELECT s.id FROM link_stories l JOIN stories s ON s.id = l.story_id ORDER BY s.rowid`)
	if err != nil {
		return nil, fmt.Errorf("loading stories: %w", err)
	}
	var ids, old []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("loading stories: %w", err)
		}
		ids = append(ids, id)
		if legacy[id] {
			old = append(old, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("loading stories: %w", err)
	}
	states, err := s.linkStories(ctx, old)
	if err != nil {
		return nil, err
	}
	if !link.FiledOnRestore(states) {
		// Document frequencies, postings, filings and norms are read as
		// articles need them.
		l.Clusterer().SetDFLoader(s.linkDF, n, link.ResidentDF)
		l.Clusterer().SetPostingLoader(s.linkPostings, s.linkFiled, link.ResidentPostings)
		for _, id := range ids {
			if st := states[id]; st != nil {
				l.Clusterer().RestoreStory(st)
			} else {
				l.Clusterer().RestoreStoryID(id)
			}
		}
		return l, nil
	}
	// A store with stories of before the filings were recorded, filed
	// under their centroids at each start, with the document frequencies
	// of then: all of the state is read, as before migration 520.
	if err := s.restoreWhole(ctx, l, n, ids, states); err != nil {
		return nil, err
	}
	return l, nil
}

// restoreWhole restores the clusterer of l from the whole of the store's
// document frequencies and filings, with the legacy stories in states
// filed under their centroids first.
func (s *DB) restoreWhole(ctx context.Context, l *link.Linker, n int, ids []string, states map[string]*link.StoryState) error {
	df := make(map[string]int)
	rows, err := s.db.QueryContext(ctx, `SELECT key, n FROM link_df`)
	if err != nil {
		return fmt.Errorf("loading document frequencies: %w", err)
	}
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			rows.Close()
			return fmt.Errorf("loading document frequencies: %w", err)
		}
		df[k] = n
	}
	rows.Close()
	l.Clusterer().RestoreDF(n, df)
	for _, id := range ids {
		if st := states[id]; st != nil {
			l.Clusterer().Restore(st)
		} else {
			l.Clusterer().RestoreStoryID(id)
		}
	}
	rows, err = s.db.QueryContext(ctx, `SELECT story_id, term FROM link_filings ORDER BY seq, n`)
	if err != nil {
		return fmt.Errorf("loading story filings: %w", err)
	}
	for rows.Next() {
		var id, term string
		if err := rows.Scan(&id, &term); err != nil {
			rows.Close()
			return fmt.Errorf("loading story filings: %w", err)
		}
		l.Clusterer().RestoreFiling(id, term)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("loading story filings: %w", err)
	}
	return nil
}

// legacyStories returns the stories with members linked before the store
// recorded filings (migration 400-link-state): those are filed under
// their centroid's terms when restored.
func (s *DB) legacyStories(ctx context.Context) (map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT sa.story_id FROM story_articles sa
		JOIN link_articles l ON l.article_id = sa.article_id
		WHERE l.seq < (SELECT coalesce(min(seq), 1 << 62) FROM link_filings)`)
	if err != nil {
		return nil, fmt.Errorf("loading stories: %w", err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("loading stories: %w", err)
		}
		out[id] = true
	}
	return out, rows.Err()
}

// ArticleBrief reads a stored article's source, title, text, outlet and
// date only, without its derived facts: what linking and listings need.
func (s *DB) ArticleBrief(ctx context.Context, id string) (*sift.Article, error) {
	a := &sift.Article{ID: id}
	err := s.db.QueryRowContext(ctx, `SELECT source, title, text, outlet, published FROM articles WHERE id = ?`, id).
		Scan(&a.Source, &a.Title, &a.Text, &a.Outlet, &a.Published)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %s: %w", id, sift.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("reading article %s: %w", id, err)
	}
	return a, nil
}

// LinkedCount returns how many articles the linking stage has recorded.
func (s *DB) LinkedCount(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM link_articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("counting linked articles: %w", err)
	}
	return n, nil
}

// UnlinkedArticles returns the IDs of stored articles the linking stage has
// not seen yet, in order of arrival.
func (s *DB) UnlinkedArticles(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM articles
		WHERE id NOT IN (SELECT article_id FROM link_articles) ORDER BY rowid`)
	if err != nil {
		return nil, fmt.Errorf("listing unlinked articles: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// SaveLinks stores what linking a batch of articles changed, in one
// transaction: each article's record and story membership, the final state
// of every story touched, the document-frequency increments and the reuse
// links.
func (s *DB) SaveLinks(ctx context.Context, ups []link.Update) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("saving links: %w", err)
	}
	defer tx.Rollback()
	stmt := newStmts(tx)
	defer stmt.close()
	stories := make(map[string]*link.StoryState)
	df := make(map[string]int)
	filer := &linkFiler{stmt: stmt}
	for _, up := range ups {
		r := up.Record
		if _, err := stmt.exec(ctx, `INSERT INTO link_articles(article_id, seq, exact, signature, prints)
			VALUES (?, ?, ?, ?, ?)`, r.ID, r.Seq, int64(r.Exact), uint32s(r.Signature), s.storedPrints(r.Prints)); err != nil {
			return fmt.Errorf("saving link record of %s: %w", r.ID, err)
		}
		if err := filer.file(ctx, &r, up.Room); err != nil {
			return err
		}
		if _, err := stmt.exec(ctx, `INSERT INTO stories(id, title) VALUES (?, ?)
			ON CONFLICT(id) DO UPDATE SET title = excluded.title`, up.Story.ID, up.Story.Title); err != nil {
			return fmt.Errorf("saving story %s: %w", up.Story.ID, err)
		}
		if _, err := stmt.exec(ctx, `INSERT INTO story_articles(article_id, story_id) VALUES (?, ?)
			ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id`, r.ID, up.Story.ID); err != nil {
			return fmt.Errorf("saving story of %s: %w", r.ID, err)
		}
		for n, term := range up.Filed {
			if _, err := stmt.exec(ctx, `INSERT INTO link_filings(seq, n, story_id, term) VALUES (?, ?, ?, ?)`,
				r.Seq, n, up.Story.ID, term); err != nil {
				return fmt.Errorf("saving story filings of %s: %w", r.ID, err)
			}
		}
		if err := savePostings(ctx, stmt, &up); err != nil {
			return err
		}
		for _, n := range up.Norms {
			if _, err := stmt.exec(ctx, `INSERT INTO link_norms(story_id, terms, names, at, dirty) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT(story_id) DO UPDATE SET terms = excluded.terms, names = excluded.names, at = excluded.at,
				dirty = excluded.dirty`, n.Story, n.Terms, n.Names, n.At, n.Dirty); err != nil {
				return fmt.Errorf("saving story norms of %s: %w", n.Story, err)
			}
		}
		stories[up.Story.ID] = up.Story
		for _, k := range up.DFKeys {
			df[k]++
		}
		for _, x := range up.Reuse {
			subs := jsonText(x.Substitutions, "[]")
			if _, err := stmt.exec(ctx, `INSERT INTO reuse(kind, a, b, a_start, a_end, b_start, b_end, similarity, substitutions)
				VALUES (?, `+articleRow("?")+`, `+articleRow("?")+`, ?, ?, ?, ?, ?, ?)`, x.Kind, x.A, x.B, x.AStart, x.AEnd, x.BStart, x.BEnd, x.Similarity, subs); err != nil {
				return fmt.Errorf("saving reuse link %s-%s: %w", x.A, x.B, err)
			}
		}
	}
	if err := filer.flush(ctx); err != nil {
		return err
	}
	ids := make([]string, 0, len(stories))
	for id := range stories {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		st := stories[id]
		if _, err := stmt.exec(ctx, `UPDATE stories SET title = ? WHERE id = ?`, st.Title, id); err != nil {
			return fmt.Errorf("saving story %s: %w", id, err)
		}
		if _, err := stmt.exec(ctx, `INSERT INTO link_stories(story_id, rep_article, terms, names, first, last, size)
			VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(story_id) DO UPDATE SET rep_article = excluded.rep_article,
			terms = excluded.terms, names = excluded.names, first = excluded.first, last = excluded.last, size = excluded.size`,
			id, st.RepArticle, jsonText(st.Terms, "{}"), jsonText(st.Names, "{}"), st.First, st.Last, st.Size); err != nil {
			return fmt.Errorf("saving story %s: %w", id, err)
		}
	}
	if err := retitle(ctx, stmt, ids); err != nil {
		return err
	}
	if err := markCopies(ctx, stmt, ups); err != nil {
		return err
	}
	keys := make([]string, 0, len(df))
	for k := range df {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if _, err := stmt.exec(ctx, `INSERT INTO link_df(key, n) VALUES (?, ?)
			ON CONFLICT(key) DO UPDATE SET n = n + excluded.n`, k, df[k]); err != nil {
			return fmt.Errorf("saving document frequencies: %w", err)
		}
	}
	stmt.close()
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("saving links: %w", err)
	}
	return nil
}

// Stories returns stories, largest first, with their articles in timeline
// order.
func (s *DB) Stories(ctx context.Context, q sift.StoryQuery) ([]sift.Story, error) {
	query := `SELECT s.id, s.title FROM stories s JOIN story_articles sa ON sa.story_id = s.id
		GROUP BY s.id HAVING count(*) >= ? ORDER BY count(*) DESC, max(s.rowid) DESC`
	args := []any{max(q.MinArticles, 1)}
	if q.Limit > 0 {
		query += ` LIMIT ? OFFSET ?`
		args = append(args, q.Limit, q.Offset)
	}
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("listing stories: %w", err)
	}
	var out []sift.Story
	for rows.Next() {
		var st sift.Story
		if err := rows.Scan(&st.ID, &st.Title); err != nil {
			rows.Close()
			return nil, fmt.Errorf("listing stories: %w", err)
		}
		out = append(out, st)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing stories: %w", err)
	}
	for i := range out {
		if out[i].Articles, err = s.storyArticles(ctx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Story returns one story with its articles in timeline order.
func (s *DB) Story(ctx context.Context, id string) (*sift.Story, error) {
	st := &sift.Story{}
	err := s.db.QueryRowContext(ctx, `SELECT id, title FROM stories WHERE id = ?`, id).Scan(&st.ID, &st.Title)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("story %s: %w", id, sift.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("reading story %s: %w", id, err)
	}
	if st.Articles, err = s.storyArticles(ctx, id); err != nil {
		return nil, err
	}
	return st, nil
}

// storyArticles lists a story's articles, dated ones by date first, then
// undated ones, each in order of arrival.
func (s *DB) storyArticles(ctx context.Context, id string) ([]sift.StoryArticle, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.source, a.outlet, a.title, a.published
		FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ?
		ORDER BY a.published = '', a.published, a.rowid`, id)
	if err != nil {
		return nil, fmt.Errorf("reading articles of story %s: %w", id, err)
	}
	defer rows.Close()
	out := []sift.StoryArticle{}
	for rows.Next() {
		var a sift.StoryArticle
		if err := rows.Scan(&a.ID, &a.Source, &a.Outlet, &a.Title, &a.Published); err != nil {
			return nil, fmt.Errorf("reading articles of story %s: %w", id, err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Reuse returns the reuse links of an article, on either side.
func (s *DB) Reuse(ctx context.Context, articleID string) ([]sift.Reuse, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.kind, ra.id, rb.id, r.a_start, r.a_end, r.b_start, r.b_end, r.similarity, r.substitutions
		FROM reuse r JOIN articles ra ON ra.rowid = r.a JOIN articles rb ON rb.rowid = r.b
		WHERE r.a = `+articleRow("?1")+` OR r.b = `+articleRow("?1")+` ORDER BY r.rowid`, articleID)
	if err != nil {
		return nil, fmt.Errorf("reading reuse of %s: %w", articleID, err)
	}
	defer rows.Close()
	var out []sift.Reuse
	for rows.Next() {
		var r sift.Reuse
		var subs string
		if err := rows.Scan(&r.Kind, &r.A, &r.B, &r.AStart, &r.AEnd, &r.BStart, &r.BEnd, &r.Similarity, &subs); err != nil {
			return nil, fmt.Errorf("reading reuse of %s: %w", articleID, err)
		}
		if err := json.Unmarshal([]byte(subs), &r.Substitutions); err != nil {
			return nil, fmt.Errorf("reading reuse of %s: %w", articleID, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

package sqlite

import (
	"container/heap"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/searchq"
	"github.com/sift-news/sift/internal/storeq"
)

var _ sift.ArticleStore = (*DB)(nil)

// PutArticle stores a unless an article with its ID is stored already.
func (s *DB) PutArticle(ctx context.Context, a *sift.Article) (bool, error) {
	added, err := s.PutArticles(ctx, []*sift.Article{a})
	return len(added) == 1, err
}

// PutArticles stores a batch of articles and all their facts in one
// transaction, skipping those already stored (same ID), and returns the
// new ones. A failure stores none of the batch.
func (s *DB) PutArticles(ctx context.Context, as []*sift.Article) ([]*sift.Article, error) {
	return s.PutArticlesWithLines(ctx, as, nil)
}

// PutArticlesWithLines is PutArticles that also counts, in the same
// transaction, the short lines of each new article for its outlet's
// template (lines[i] are the line keys of as[i]; see AddLines): a run
// killed at any point leaves both or neither.
func (s *DB) PutArticlesWithLines(ctx context.Context, as []*sift.Article, lines [][]int64) ([]*sift.Article, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("storing articles: %w", err)
	}
	defer tx.Rollback()
	st := newStmts(tx)
	defer st.close()
	var added []*sift.Article
	seen := map[string]bool{}
	for i, a := range as {
		if a.ID == "" {
			return nil, fmt.Errorf("storing %s: article has no ID", a.Source)
		}
		if seen[a.ID] {
			continue
		}
		seen[a.ID] = true
		ok, err := putArticle(ctx, st, a)
		if err != nil {
			return nil, fmt.Errorf("storing %s: %w", a.Source, err)
		}
		if ok {
			added = append(added, a)
			if i < len(lines) && a.Outlet != "" {
				if err := addLines(ctx, tx, a.Outlet, lines[i]); err != nil {
					return nil, err
				}
			}
		}
	}
	st.close()
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("storing articles: %w", err)
	}
	return added, nil
}

func putArticle(ctx context.Context, tx *stmts, a *sift.Article) (bool, error) {
	res, err := tx.exec(ctx, `INSERT OR IGNORE INTO articles
		(id, source, url, title, text, outlet, author, published, language, dateline,
		 captions, boilerplate, comments, signals, analyzer, words)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, a.Source, a.URL, a.Title, a.Text, a.Outlet, a.Author, a.Published, a.Language, a.Dateline,
		jsonText(a.Captions, "[]"), jsonText(a.Boilerplate, "[]"), jsonText(a.Comments, "[]"),
		jsonText(a.Signals, "[]"), jsonText(a.Analyzer, "{}"), len(strings.Fields(a.Text)))
	if err != nil {
		return false, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil
	}
	rowid, err := res.LastInsertId()
	if err != nil {
		return false, err
	}
	if _, err := tx.exec(ctx, `INSERT INTO articles_fts(rowid, title, text, outlet) VALUES (?, ?, ?, ?)`,
		rowid, a.Title, a.Text, a.Outlet); err != nil {
		return false, fmt.Errorf("indexing: %w", err)
	}
	// A fact's analyzer version is stored '' when it is the article's
	// (a.Analyzer of its stage), which it always is here; a quote's or a
	// claim's text NULL when it is its span of the article's text
	// (migration 600-derived-text).
	for _, e := range a.Entities {
		if _, err := tx.exec(ctx, `INSERT INTO entities(article_id, start, end, text, type, canonical, role, analyzer)
			VALUES (?, ?, ?, ?, ?, ?, ?, '')`, a.ID, e.Start, e.End, e.Text, e.Type, e.Canonical, e.Role); err != nil {
			return false, fmt.Errorf("entities: %w", err)
		}
	}
	sp := newSpans(a.Text)
	for _, q := range a.Quotes {
		spk, spc, ss, se := refColumns(q.Speaker)
		var cue string
		var cs, ce sql.NullInt64
		if q.Cue != nil {
			cue, cs, ce = q.Cue.Text, sql.NullInt64{Int64: int64(q.Cue.Start), Valid: true}, sql.NullInt64{Int64: int64(q.Cue.End), Valid: true}
		}
		if _, err := tx.exec(ctx, `INSERT INTO quotes(article_id, start, end, text, kind, speaker, speaker_canonical,
			speaker_start, speaker_end, cue, cue_start, cue_end, via, analyzer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')`,
			a.ID, q.Start, q.End, sp.stored(q.Text, q.Start, q.End), q.Kind, spk, spc, ss, se, cue, cs, ce, jsonText(q.Via, "[]")); err != nil {
			return false, fmt.Errorf("quotes: %w", err)
		}
	}
	for _, t := range a.Techniques {
		if _, err := tx.exec(ctx, `INSERT INTO techniques(article_id, start, end, text, technique, score, evidence, analyzer)
			VALUES (?, ?, ?, ?, ?, ?, ?, '')`, a.ID, t.Start, t.End, t.Text, t.Technique, t.Score, jsonText(t.Evidence, "[]")); err != nil {
			return false, fmt.Errorf("techniques: %w", err)
		}
	}
	if err := putClaims(ctx, tx, a, sp); err != nil {
		return false, err
	}
	return true, nil
}

// jsonText marshals v, or returns empty for a nil value.
func jsonText(v any, empty string) string {
	b, err := json.Marshal(v)
	if err != nil || string(b) == "null" {
		return empty
	}
	return string(b)
}

// HasArticle reports whether an article with the given ID is stored.
func (s *DB) HasArticle(ctx context.Context, id string) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE id = ?`, id).Scan(&n)
	return n > 0, err
}

// Article returns the stored article with all its facts.
func (s *DB) Article(ctx context.Context, id string) (*sift.Article, error) {
	a := &sift.Article{}
	var captions, boiler, comments, signals, analyzer string
	err := s.db.QueryRowContext(ctx, `SELECT id, source, url, title, text, outlet, author, published, language, dateline,
		captions, boilerplate, comments, signals, analyzer FROM articles WHERE id = ?`, id).Scan(
		&a.ID, &a.Source, &a.URL, &a.Title, &a.Text, &a.Outlet, &a.Author, &a.Published, &a.Language, &a.Dateline,
		&captions, &boiler, &comments, &signals, &analyzer)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %s: %w", id, sift.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("reading article %s: %w", id, err)
	}
	for _, f := range []struct {
		src string
		dst any
	}{{captions, &a.Captions}, {boiler, &a.Boilerplate}, {comments, &a.Comments}, {signals, &a.Signals}, {analyzer, &a.Analyzer}} {
		if err := json.Unmarshal([]byte(f.src), f.dst); err != nil {
			return nil, fmt.Errorf("reading article %s: %w", id, err)
		}
	}
	if a.Entities, err = s.entitiesOf(ctx, id); err != nil {
		return nil, err
	}
	if a.Quotes, err = s.quotesOf(ctx, id); err != nil {
		return nil, err
	}
	if a.Techniques, err = s.techniquesOf(ctx, id); err != nil {
		return nil, err
	}
	if a.Claims, err = s.claimsOf(ctx, id); err != nil {
		return nil, err
	}
	return a, nil
}

func (s *DB) entitiesOf(ctx context.Context, id string) ([]sift.Entity, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT start, end, text, type, canonical, role FROM entities WHERE article_id = ? ORDER BY start`, id)
	if err != nil {
		return nil, fmt.Errorf("reading entities of %s: %w", id, err)
	}
	defer rows.Close()
	out := []sift.Entity{}
	for rows.Next() {
		var e sift.Entity
		if err := rows.Scan(&e.Start, &e.End, &e.Text, &e.Type, &e.Canonical, &e.Role); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func (s *DB) quotesOf(ctx context.Context, id string) ([]sift.Quote, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+quoteColumns("q", "")+` FROM quotes q WHERE q.article_id = ? ORDER BY q.start`, id)
	if err != nil {
		return nil, fmt.Errorf("reading quotes of %s: %w", id, err)
	}
	defer rows.Close()
	return storeq.Collect(rows, func(r storeq.Row) (sift.Quote, error) { return storeq.ScanQuote(r) })
}

func (s *DB) techniquesOf(ctx context.Context, id string) ([]sift.Technique, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT start, end, text, technique, score, evidence FROM techniques WHERE article_id = ? ORDER BY start`, id)
	if err != nil {
		return nil, fmt.Errorf("reading techniques of %s: %w", id, err)
	}
	defer rows.Close()
	out := []sift.Technique{}
	for rows.Next() {
		var t sift.Technique
		var ev string
		if err := rows.Scan(&t.Start, &t.End, &t.Text, &t.Technique, &t.Score, &ev); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(ev), &t.Evidence); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// CountArticles returns how many articles are stored.
func (s *DB) CountArticles(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n)
	return n, err
}

// Outlets returns every outlet in the store with its article count, most
// articles first.
func (s *DB) Outlets(ctx context.Context) ([]sift.OutletCount, error) {
	out, err := storeq.All(ctx, s.q(), storeq.OutletCount, `SELECT outlet, count(*) FROM articles GROUP BY outlet ORDER BY count(*) DESC, outlet`)
	if err != nil {
		return nil, fmt.Errorf("listing outlets: %w", err)
	}
	return out, nil
}

// Search finds articles matching q. The text is in the search syntax of
// package searchq (FTS5's: words, "phrases", prefix*, AND/OR/NOT,
// title:/text:); text that is not valid syntax is searched as plain words,
// and text without a word is a *sift.QueryError. Without text, matching
// articles are listed newest first.
func (s *DB) Search(ctx context.Context, q sift.Query) ([]sift.Hit, int, error) {
	if q.Limit <= 0 || q.Limit > 1000 {
		q.Limit = 20
	}
	match, err := matchText(q.Text)
	if err != nil {
		return nil, 0, err
	}
	return s.search(ctx, q, match)
}

// matchText is the FTS5 MATCH input for search text ("" for none).
func matchText(text string) (string, error) {
	n, err := searchq.Query(text)
	if n == nil || err != nil {
		return "", err
	}
	return n.FTS5(), nil
}

func (s *DB) search(ctx context.Context, q sift.Query, match string) ([]sift.Hit, int, error) {
	if strings.TrimSpace(match) != "" {
		return s.searchText(ctx, q, match)
	}
	cond, args := filterClauses(q)
	if cond != "" {
		cond = " WHERE " + cond
	}
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles a`+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("searching: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.title, a.outlet, a.published, a.source, substr(a.text, 1, ?), 0.0
		FROM articles a`+cond+` ORDER BY a.published DESC, a.rowid DESC LIMIT ? OFFSET ?`,
		append(append([]any{sift.SnippetLen + sift.SnippetSlack}, args...), q.Limit, q.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("searching: %w", err)
	}
	defer rows.Close()
	var hits []sift.Hit
	for rows.Next() {
		var h sift.Hit
		if err := rows.Scan(&h.ID, &h.Title, &h.Outlet, &h.Published, &h.Source, &h.Snippet, &h.Rank); err != nil {
			return nil, 0, err
		}
		h.Snippet = sift.Lead(h.Snippet, sift.SnippetLen)
		hits = append(hits, h)
	}
	return hits, total, rows.Err()
}

// searchText runs a full-text query in three steps so that only the page
// of hits pays for snippets. First it scores the sift.RankSample most
// recently stored matches (FTS5 reads its index newest first, so a broad
// word stops there instead of scoring every match) and, only when more
// matched than that, counts them all; then it orders the scored matches
// by rank, cuts the page and builds snippets for those rows alone.
func (s *DB) searchText(ctx context.Context, q sift.Query, match string) ([]sift.Hit, int, error) {
	plan, err := s.planText(ctx, q, match)
	if err != nil {
		return nil, 0, fmt.Errorf("searching: %w", err)
	}
	sample := max(1, sift.RankSample)
	from, cond, args := plan.source(sample + 1)
	rows, err := s.db.QueryContext(ctx, `SELECT articles_fts.rowid, bm25(articles_fts, 4.0, 1.0) FROM `+from+cond+
		` ORDER BY articles_fts.rowid DESC LIMIT ?`, append(args, sample+1)...)
	if err != nil {
		return nil, 0, fmt.Errorf("searching: %w", err)
	}
	// Only the best Offset+Limit are kept while reading, in a heap whose
	// top is the worst of them.
	keep := q.Offset + q.Limit
	best := &rankHeap{}
	n, last := 0, int64(0)
	for rows.Next() {
		var r scoredRow
		if err := rows.Scan(&r.id, &r.rank); err != nil {
			rows.Close()
			return nil, 0, fmt.Errorf("searching: %w", err)
		}
		if n++; n > sample {
			break // one more than the sample: there are older matches
		}
		last = r.id
		if best.Len() < keep {
			heap.Push(best, r)
		} else if r.before((*best)[0]) {
			(*best)[0] = r
			heap.Fix(best, 0)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("searching: %w", err)
	}
	total := n
	if n > sample {
		// Count the older matches, past those just read.
		var older int
		from, cond, args := plan.source(0)
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM `+from+cond+` AND articles_fts.rowid < ?`,
			append(args, last)...).Scan(&older); err != nil {
			return nil, 0, fmt.Errorf("searching: %w", err)
		}
		total = sample + older
	}
	scored := []scoredRow(*best)
	if q.Offset >= len(scored) {
		return nil, total, nil
	}
	sort.Slice(scored, func(i, j int) bool { return scored[i].before(scored[j]) })
	page := scored[q.Offset:min(len(scored), q.Offset+q.Limit)]
	ids := make([]any, len(page))
	for i, r := range page {
		ids[i] = r.id
	}
	rows, err = s.db.QueryContext(ctx, `SELECT a.rowid, a.id, a.title, a.outlet, a.published, a.source,
		snippet(articles_fts, 1, char(2), char(3), '…', 32)
		FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
		WHERE articles_fts MATCH ? AND articles_fts.rowid IN (`+placeholders(len(ids))+`)`, append([]any{match}, ids...)...)
	if err != nil {
		return nil, 0, fmt.Errorf("searching: %w", err)
	}
	defer rows.Close()
	byRow := map[int64]sift.Hit{}
	for rows.Next() {
		var id int64
		var h sift.Hit
		if err := rows.Scan(&id, &h.ID, &h.Title, &h.Outlet, &h.Published, &h.Source, &h.Snippet); err != nil {
			return nil, 0, err
		}
		byRow[id] = h
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("searching: %w", err)
	}
	hits := make([]sift.Hit, 0, len(page))
	for _, r := range page {
		if h, ok := byRow[r.id]; ok {
			h.Rank = r.rank
			hits = append(hits, h)
		}
	}
	return hits, total, nil
}

// textPlan is a full-text search with filters, with the sizes that decide
// how each of its statements applies the filters.
type textPlan struct {
	match   string
	fcond   string // filterClauses, "" without filters
	fargs   []any
	lo, hi  int64 // the first and last rowid passing the filters
	narrows bool  // whether lo and hi leave out a tenth of the store or more
	matches int   // articles matching the text between lo and hi, up to 5/4 of passing
	passing int   // articles passing the filters
}

// planText finds, through the indexes, how many articles pass the filters
// and (with a date filter) the range of their rowids, and how many
// articles in that range match the text (nothing without filters).
func (s *DB) planText(ctx context.Context, q sift.Query, match string) (*textPlan, error) {
	p := &textPlan{match: match}
	if p.fcond, p.fargs = filterClauses(q); p.fcond == "" {
		return p, nil
	}
	var first, last int64
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce((SELECT min(rowid) FROM articles), 0), coalesce((SELECT max(rowid) FROM articles), 0)`).Scan(&first, &last); err != nil {
		return nil, err
	}
	p.lo, p.hi = first, last
	if q.Since == "" && q.Until == "" {
		// The range would seldom narrow: it is not worth finding.
		err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles a WHERE `+p.fcond, p.fargs...).Scan(&p.passing)
		if err != nil {
			return nil, err
		}
	} else {
		err := s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(min(a.rowid), 0), coalesce(max(a.rowid), -1) FROM articles a WHERE `+p.fcond,
			p.fargs...).Scan(&p.passing, &p.lo, &p.hi)
		if err != nil {
			return nil, err
		}
		p.narrows = (p.hi-p.lo+1)*10 < (last-first+1)*9
	}
	// Past 5/4 of the passing articles the exact number of matches would
	// not change how the filters are applied (see source): stop there.
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?)`,
		match, p.lo, p.hi, p.passing*5/4+2).Scan(&p.matches); err != nil {
		return nil, err
	}
	return p, nil
}

// source returns the FROM and WHERE clauses of a statement reading the
// matches newest or oldest first until want of them pass the filters (0:
// all of them).
//
// With a date filter, only the matches between the first and the last
// article passing the filters are read (when that leaves out a tenth of
// the store or more; the bound costs a little when it does not). FTS5
// skips the others in its index, so a date filter reads about the matches
// stored in its period when articles are stored roughly in order of
// publication, as a store fed from feeds is.
//
// The filters are then applied from the cheaper side. Reading each
// match's article and checking it costs about as much per match as
// collecting one passing article's rowid, and a match looked up among
// collected rowids costs a fraction of that; so when fewer articles pass
// the filters than the statement would read matches (a common word in one
// outlet), the passing rowids are collected first, and otherwise (a rare
// word, or a filter most articles pass) each match's article is read. The
// number of matches read is estimated as if text and filters were
// independent within the range. Either way the work grows with the
// smaller side, where reading the article of every match of a common word
// cost a millisecond per thousand matches. CROSS JOIN keeps SQLite from
// driving the query by a filter's index and re-running the full-text
// match once per article.
func (p *textPlan) source(want int) (from, cond string, args []any) {
	from, cond, args = `articles_fts`, ` WHERE articles_fts MATCH ?`, []any{p.match}
	if p.fcond == "" {
		return from, cond, args
	}
	if p.narrows {
		cond += ` AND articles_fts.rowid BETWEEN ? AND ?`
		args = append(args, p.lo, p.hi)
	}
	read := p.matches
	if span := int(p.hi - p.lo + 1); want > 0 && p.passing > 0 && span > 0 {
		read = min(read, want*span/p.passing)
	}
	if p.passing < read*4/5 {
		cond += ` AND +articles_fts.rowid IN (SELECT a.rowid FROM articles a WHERE ` + p.fcond + `)`
	} else {
		from = `articles_fts CROSS JOIN articles a ON a.rowid = articles_fts.rowid`
		cond += ` AND ` + p.fcond
	}
	return from, cond, append(args, p.fargs...)
}

// filterClauses returns the conditions on articles a of q's filters other
// than text, joined by AND ("" without filters).
func filterClauses(q sift.Query) (cond string, args []any) {
	var a storeq.Args
	return strings.Join(storeq.Filters(q, storeq.In, a.Add), " AND "), a.List
}

// scoredRow is a matching article's rowid with its BM25 rank (lower is better).
type scoredRow struct {
	id   int64
	rank float64
}

// before reports whether r ranks before o: best first, equal ranks in
// order of storage, as on PostgreSQL.
func (r scoredRow) before(o scoredRow) bool {
	if r.rank != o.rank {
		return r.rank < o.rank
	}
	return r.id < o.id
}

// rankHeap keeps the best rows seen, the worst of them on top.
type rankHeap []scoredRow

func (h rankHeap) Len() int           { return len(h) }
func (h rankHeap) Less(i, j int) bool { return h[j].before(h[i]) }
func (h rankHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *rankHeap) Push(x any)        { *h = append(*h, x.(scoredRow)) }
func (h *rankHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// refColumns returns the columns a statement's speaker or cue is stored
// in: its text, canonical name, start and end (NULL when there is none).
func refColumns(r *sift.Ref) (text, canonical string, start, end sql.NullInt64) {
	if r == nil {
		return "", "", sql.NullInt64{}, sql.NullInt64{}
	}
	return r.Text, r.Canonical, sql.NullInt64{Int64: int64(r.Start), Valid: true}, sql.NullInt64{Int64: int64(r.End), Valid: true}
}

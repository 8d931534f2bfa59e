package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/storeq"
)

var _ sift.ArticleStore = (*DB)(nil)

// PutArticle stores a unless an article with its ID is stored already.
func (db *DB) PutArticle(ctx context.Context, a *sift.Article) (bool, error) {
	added, err := db.PutArticles(ctx, []*sift.Article{a})
	return len(added) == 1, err
}

// PutArticles stores a batch of articles and all their facts in one
// transaction, skipping those already stored (same ID), and returns the
// new ones in order. A failure stores none of the batch. Concurrent writers
// of the same article are safe: the second waits for the first and then
// skips it.
func (db *DB) PutArticles(ctx context.Context, as []*sift.Article) ([]*sift.Article, error) {
	return db.PutArticlesWithLines(ctx, as, nil)
}

// PutArticlesWithLines is PutArticles that also counts, in the same
// transaction, the short lines of each new article for its outlet's
// template (lines[i] are the line keys of as[i]; see AddLines).
func (db *DB) PutArticlesWithLines(ctx context.Context, as []*sift.Article, lines [][]int64) ([]*sift.Article, error) {
	var added []*sift.Article
	var err error
	for try := 0; try < 3; try++ {
		err = pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
			var err error
			if added, err = putArticles(ctx, tx, as); err != nil || len(lines) == 0 {
				return err
			}
			keys := make(map[*sift.Article][]int64, len(as))
			for i, a := range as {
				if i < len(lines) {
					keys[a] = lines[i]
				}
			}
			var ls []outletLines
			for _, a := range added {
				if a.Outlet != "" && len(keys[a]) > 0 {
					ls = append(ls, outletLines{a.Outlet, keys[a]})
				}
			}
			return addLines(ctx, tx, ls)
		})
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) || pgErr.Code != "40P01" {
			break // done, or an error that retrying will not cure (not a deadlock)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("storing articles: %w", err)
	}
	return added, nil
}

// putArticles writes a batch inside tx with one statement per table.
func putArticles(ctx context.Context, tx pgx.Tx, as []*sift.Article) ([]*sift.Article, error) {
	var batch []*sift.Article
	seen := map[string]bool{}
	for _, a := range as {
		if a.ID == "" {
			return nil, fmt.Errorf("storing %s: article has no ID", a.Source)
		}
		if !seen[a.ID] {
			seen[a.ID] = true
			batch = append(batch, a)
		}
	}
	if len(batch) == 0 {
		return nil, nil
	}
	n := len(batch)
	cols := make([][]string, 15)
	for i := range cols {
		cols[i] = make([]string, 0, n)
	}
	words := make([]int32, 0, n)
	for _, a := range batch {
		for i, v := range []string{a.ID, a.Source, a.URL, a.Title, a.Text, a.Outlet, a.Author, a.Published, a.Language, a.Dateline,
			jsonText(a.Captions, "[]"), jsonText(a.Boilerplate, "[]"), jsonText(a.Comments, "[]"),
			jsonText(a.Signals, "[]"), jsonText(a.Analyzer, "{}")} {
			cols[i] = append(cols[i], noNUL(v))
		}
		words = append(words, int32(len(strings.Fields(a.Text))))
	}
	rows, err := tx.Query(ctx, `INSERT INTO articles (id, source, url, title, text, outlet, author, published, language, dateline,
			captions, boilerplate, comments, signals, analyzer, words)
		SELECT id, source, url, title, text, outlet, author, published, language, dateline,
			captions::jsonb, boilerplate::jsonb, comments::jsonb, signals::jsonb, analyzer::jsonb, words
		FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
			$9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::int[])
			WITH ORDINALITY AS u(id, source, url, title, text, outlet, author, published, language, dateline,
			captions, boilerplate, comments, signals, analyzer, words, ord)
		-- In the order given, so that the order of arrival (seq, the order
		-- articles are linked in) is the input's, as on SQLite, whatever the
		-- batch size. Two writers inserting the same new articles in
		-- opposite orders can deadlock; PutArticles then retries.
		ORDER BY ord
		ON CONFLICT (id) DO NOTHING
		RETURNING id`,
		cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7], cols[8], cols[9],
		cols[10], cols[11], cols[12], cols[13], cols[14], words)
	if err != nil {
		return nil, err
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, err
	}
	isNew := make(map[string]bool, len(ids))
	for _, id := range ids {
		isNew[id] = true
	}
	var added []*sift.Article
	for _, a := range batch {
		if isNew[a.ID] {
			added = append(added, a)
		}
	}
	if len(added) == 0 {
		return nil, nil
	}
	if err := putEntities(ctx, tx, added); err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	if err := putQuotes(ctx, tx, added); err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	if err := putTechniques(ctx, tx, added); err != nil {
		return nil, fmt.Errorf("techniques: %w", err)
	}
	if err := putClaims(ctx, tx, added); err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	return added, nil
}

func putEntities(ctx context.Context, tx pgx.Tx, as []*sift.Article) error {
	var ids, texts, types, canon, roles, vers []string
	var starts, ends []int32
	for _, a := range as {
		for _, e := range a.Entities {
			ids = append(ids, a.ID)
			starts = append(starts, int32(e.Start))
			ends = append(ends, int32(e.End))
			texts = append(texts, noNUL(e.Text))
			types = append(types, noNUL(e.Type))
			canon = append(canon, noNUL(e.Canonical))
			roles = append(roles, noNUL(e.Role))
			vers = append(vers, "") // the article's (migration 600-derived-text)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	_, err := tx.Exec(ctx, `INSERT INTO entities (article_id, start, "end", text, type, canonical, role, analyzer)
		SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
		ids, starts, ends, texts, types, canon, roles, vers)
	return err
}

func putQuotes(ctx context.Context, tx pgx.Tx, as []*sift.Article) error {
	var ids, kinds, speakers, canon, cues, vias, vers []string
	var texts []*string
	var starts, ends []int32
	var sStarts, sEnds, cStarts, cEnds []*int32
	for _, a := range as {
		runes := articleRunes(a.Text)
		for _, q := range a.Quotes {
			ids = append(ids, a.ID)
			starts = append(starts, int32(q.Start))
			ends = append(ends, int32(q.End))
			// NULL when it is its span of the article's text.
			texts = append(texts, spanned(runes, noNUL(q.Text), q.Start, q.End))
			kinds = append(kinds, noNUL(q.Kind))
			var sp, spc, cue string
			var ss, se, cs, ce *int32
			if q.Speaker != nil {
				sp, spc = q.Speaker.Text, q.Speaker.Canonical
				ss, se = ptr(q.Speaker.Start), ptr(q.Speaker.End)
			}
			if q.Cue != nil {
				cue = q.Cue.Text
				cs, ce = ptr(q.Cue.Start), ptr(q.Cue.End)
			}
			speakers = append(speakers, noNUL(sp))
			canon = append(canon, noNUL(spc))
			cues = append(cues, noNUL(cue))
			sStarts, sEnds, cStarts, cEnds = append(sStarts, ss), append(sEnds, se), append(cStarts, cs), append(cEnds, ce)
			vias = append(vias, noNUL(jsonText(q.Via, "[]")))
			vers = append(vers, "") // the article's
		}
	}
	if len(ids) == 0 {
		return nil
	}
	_, err := tx.Exec(ctx, `INSERT INTO quotes (article_id, start, "end", text, kind, speaker, speaker_canonical,
			speaker_start, speaker_end, cue, cue_start, cue_end, via, analyzer)
		SELECT id, start, "end", text, kind, speaker, canonical, ss, se, cue, cs, ce, via::jsonb, analyzer
		FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[],
			$8::int[], $9::int[], $10::text[], $11::int[], $12::int[], $13::text[], $14::text[])
			AS u(id, start, "end", text, kind, speaker, canonical, ss, se, cue, cs, ce, via, analyzer)`,
		ids, starts, ends, texts, kinds, speakers, canon, sStarts, sEnds, cues, cStarts, cEnds, vias, vers)
	return err
}

func putTechniques(ctx context.Context, tx pgx.Tx, as []*sift.Article) error {
	var ids, texts, names, evidence, vers []string
	var starts, ends []int32
	var scores []float64
	for _, a := range as {
		for _, t := range a.Techniques {
			ids = append(ids, a.ID)
			starts = append(starts, int32(t.Start))
			ends = append(ends, int32(t.End))
			texts = append(texts, noNUL(t.Text))
			names = append(names, noNUL(t.Technique))
			scores = append(scores, t.Score)
			evidence = append(evidence, noNUL(jsonText(t.Evidence, "[]")))
			vers = append(vers, "") // the article's
		}
	}
	if len(ids) == 0 {
		return nil
	}
	_, err := tx.Exec(ctx, `INSERT INTO techniques (article_id, start, "end", text, technique, score, evidence, analyzer)
		SELECT id, start, "end", text, technique, score, evidence::jsonb, analyzer
		FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::float8[], $7::text[], $8::text[])
			AS u(id, start, "end", text, technique, score, evidence, analyzer)`,
		ids, starts, ends, texts, names, scores, evidence, vers)
	return err
}

func ptr(i int) *int32 {
	v := int32(i)
	return &v
}

// noNUL replaces NUL characters, which PostgreSQL text and jsonb cannot
// hold, with U+FFFD. Both are one code point, so offsets do not move.
func noNUL(s string) string {
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "\uFFFD")
	}
	if strings.Contains(s, `\u0000`) {
		s = strings.ReplaceAll(s, `\u0000`, `\ufffd`)
	}
	return s
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
func (db *DB) HasArticle(ctx context.Context, id string) (bool, error) {
	var ok bool
	err := db.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE id = $1)`, id).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("reading article %s: %w", id, err)
	}
	return ok, nil
}

// Article returns the stored article with all its facts, or an error
// wrapping sift.ErrNotFound. The five reads go to the server in one round trip.
func (db *DB) Article(ctx context.Context, id string) (*sift.Article, error) {
	b := &pgx.Batch{}
	b.Queue(`SELECT id, source, url, title, text, outlet, author, published, language, dateline,
		captions::text, boilerplate::text, comments::text, signals::text, analyzer::text FROM articles WHERE id = $1`, id)
	b.Queue(`SELECT start, "end", text, type, canonical, role FROM entities WHERE article_id = $1 ORDER BY start, "end", text`, id)
	b.Queue(`SELECT q.start, q."end", `+quoteText("q", "")+`, q.kind, q.speaker, q.speaker_canonical, q.speaker_start, q.speaker_end,
		q.cue, q.cue_start, q.cue_end, q.via::text FROM quotes q WHERE q.article_id = $1 ORDER BY q.start, q."end"`, id)
	b.Queue(`SELECT start, "end", text, technique, score, evidence::text FROM techniques WHERE article_id = $1 ORDER BY start, "end", technique`, id)
	b.Queue(`SELECT `+claimColumnsOf("")+` FROM article_claims c WHERE c.article_id = $1 ORDER BY c.n`, id)
	br := db.pool.SendBatch(ctx, b)
	defer br.Close()

	a := &sift.Article{}
	var captions, boiler, comments, signals, analyzer string
	err := br.QueryRow().Scan(&a.ID, &a.Source, &a.URL, &a.Title, &a.Text, &a.Outlet, &a.Author, &a.Published, &a.Language, &a.Dateline,
		&captions, &boiler, &comments, &signals, &analyzer)
	if notFound(err) {
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

	rows, err := br.Query()
	if err != nil {
		return nil, fmt.Errorf("reading entities of %s: %w", id, err)
	}
	a.Entities, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (sift.Entity, error) {
		var e sift.Entity
		err := r.Scan(&e.Start, &e.End, &e.Text, &e.Type, &e.Canonical, &e.Role)
		return e, err
	})
	if err != nil {
		return nil, fmt.Errorf("reading entities of %s: %w", id, err)
	}

	if rows, err = br.Query(); err == nil {
		a.Quotes, err = storeq.Collect(rows, func(r storeq.Row) (sift.Quote, error) { return storeq.ScanQuote(r) })
		rows.Close()
	}
	if err != nil {
		return nil, fmt.Errorf("reading quotes of %s: %w", id, err)
	}

	if rows, err = br.Query(); err != nil {
		return nil, fmt.Errorf("reading techniques of %s: %w", id, err)
	}
	a.Techniques, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (sift.Technique, error) {
		var t sift.Technique
		var ev string
		if err := r.Scan(&t.Start, &t.End, &t.Text, &t.Technique, &t.Score, &ev); err != nil {
			return t, err
		}
		return t, json.Unmarshal([]byte(ev), &t.Evidence)
	})
	if err != nil {
		return nil, fmt.Errorf("reading techniques of %s: %w", id, err)
	}

	rows, err = br.Query()
	if err != nil {
		return nil, fmt.Errorf("reading claims of %s: %w", id, err)
	}
	if a.Claims, err = readClaims(rows); err != nil {
		return nil, fmt.Errorf("reading claims of %s: %w", id, err)
	}
	if a.Entities == nil {
		a.Entities = []sift.Entity{}
	}
	if a.Quotes == nil {
		a.Quotes = []sift.Quote{}
	}
	if a.Techniques == nil {
		a.Techniques = []sift.Technique{}
	}
	return a, nil
}

// CountArticles returns how many articles are stored.
func (db *DB) CountArticles(ctx context.Context) (int, error) {
	var n int
	if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("counting articles: %w", err)
	}
	return n, nil
}

// Outlets returns every outlet in the store with its article count, most
// articles first.
func (db *DB) Outlets(ctx context.Context) ([]sift.OutletCount, error) {
	out, err := storeq.All(ctx, db.q(), storeq.OutletCount, `SELECT outlet, count(*) FROM articles GROUP BY outlet ORDER BY count(*) DESC, outlet`)
	if err != nil {
		return nil, fmt.Errorf("listing outlets: %w", err)
	}
	return out, nil
}

// rankWeights are ts_rank's weights for {D, C, B, A}: a match in the title
// (A) counts four times one in the text (B), as bm25(4, 1) does on SQLite.
const rankWeights = `'{0.1, 0.2, 0.25, 1.0}'`

// headlineOptions make ts_headline mark matches like FTS5's snippet():
// between \x02 and \x03, about 32 words, one fragment.
const headlineOptions = "StartSel=\x02, StopSel=\x03, MaxWords=32, MinWords=12, ShortWord=0, MaxFragments=1, FragmentDelimiter=…"

// Search finds articles matching q, best first. Text uses the syntax of
// the SQLite store (words, "phrases", prefix*, AND/OR/NOT, parentheses);
// text that is not valid syntax is searched as plain words instead of
// failing. Without text, matching articles are listed newest first. Rank is
// the negated ts_rank, so that lower is better as with SQLite's bm25. When
// more than sift.RankSample articles match the text, the RankSample most
// recently stored ones are ranked; the total counts them all.
func (db *DB) Search(ctx context.Context, q sift.Query) ([]sift.Hit, int, error) {
	if q.Limit <= 0 || q.Limit > 1000 {
		q.Limit = 20
	}
	var p params
	cond, tsq, err := searchFilter(&p, q)
	if err != nil {
		return nil, 0, err
	}
	var total int
	if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM articles a`+cond, p...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("searching: %w", err)
	}
	rank, order, snippet := `0.0::float8`, `published DESC, seq DESC`, `left(s.text, `+strconv.Itoa(sift.SnippetLen+sift.SnippetSlack)+`)`
	if tsq != "" {
		rank = `-ts_rank(` + rankWeights + `, a.tsv, to_tsquery('sift', ` + tsq + `), 1)::float8`
		order = `rank, seq`
		snippet = `ts_headline('sift', s.text, to_tsquery('sift', ` + tsq + `), ` + p.add(headlineOptions) + `)`
	}
	// With text, only the sift.RankSample most recently stored matches are
	// ranked, as on SQLite: the matches are collected (without ranking)
	// and the newest kept, so that ts_rank runs on those alone.
	from := `articles a` + cond
	if tsq != "" {
		// OFFSET 0 keeps the planner from walking the seq index backwards
		// and testing every article, which is slow for a rare word.
		from = `(SELECT m.seq FROM (SELECT a.seq FROM articles a` + cond + ` OFFSET 0) m ORDER BY m.seq DESC LIMIT ` +
			p.add(max(1, sift.RankSample)) + `) n JOIN articles a ON a.seq = n.seq`
	}
	limit, offset := p.add(q.Limit), p.add(q.Offset)
	// The page is chosen first, so that ts_headline runs on its articles only.
	rows, err := db.pool.Query(ctx, `SELECT s.id, s.title, s.outlet, s.published, s.source, `+snippet+`, s.rank,
			left(s.text, 600), right(s.text, 600)
		FROM (SELECT a.seq, a.id, a.title, a.outlet, a.published, a.source, a.text, `+rank+` AS rank
			FROM `+from+` ORDER BY `+order+` LIMIT `+limit+` OFFSET `+offset+`) s
		ORDER BY `+order, p...)
	if err != nil {
		return nil, 0, fmt.Errorf("searching: %w", err)
	}
	hits, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (sift.Hit, error) {
		var h sift.Hit
		var head, tail string
		err := r.Scan(&h.ID, &h.Title, &h.Outlet, &h.Published, &h.Source, &h.Snippet, &h.Rank, &head, &tail)
		if tsq != "" {
			h.Snippet = ellipsize(h.Snippet, head, tail)
		} else {
			h.Snippet = sift.Lead(h.Snippet, sift.SnippetLen)
		}
		return h, err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("searching: %w", err)
	}
	return hits, total, nil
}

// ellipsize adds "…" where a headline cuts the text, as FTS5's snippet
// does; head and tail are the start and end of the text.
func ellipsize(snippet, head, tail string) string {
	plain := strings.NewReplacer("\x02", "", "\x03", "").Replace(snippet)
	if plain == "" {
		return snippet
	}
	if !strings.HasPrefix(head, plain) && !strings.HasPrefix(plain, head) {
		snippet = "…" + snippet
	}
	if !strings.HasSuffix(tail, plain) && !strings.HasSuffix(plain, tail) {
		snippet += "…"
	}
	return snippet
}

// searchFilter builds the WHERE clause of a search, adding its arguments
// to p, and returns it with the placeholder of the text query ("" when q
// has no text); text without a word to search for is a *sift.QueryError.
func searchFilter(p *params, q sift.Query) (cond, tsq string, err error) {
	var where []string
	text, err := searchQuery(q.Text)
	if err != nil {
		return "", "", err
	}
	if text != "" {
		tsq = p.add(text)
		where = append(where, `a.tsv @@ to_tsquery('sift', `+tsq+`)`)
	}
	where = append(where, storeq.Filters(q, storeq.Exists, p.add)...)
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	return cond, tsq, nil
}

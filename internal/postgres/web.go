package postgres

// Read-only aggregate queries behind the web UI and the HTTP API, the
// PostgreSQL versions of those in internal/sqlite/web.go. They return the
// view types of package sift, as the SQLite store does, so that *DB
// satisfies web.Store.

import (
	"context"
	"fmt"
	"strings"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/storeq"
)

var _ sift.Store = (*DB)(nil)

// SearchFacets counts the articles matching q (its Limit and Offset are
// ignored) by outlet, month and technique, in one pass. As on SQLite, a
// query with text or filters counts only its first sift.FacetSample
// matches in store order (Facets.Sampled says so), which bounds the cost
// of a broad query on a large store.
func (db *DB) SearchFacets(ctx context.Context, q sift.Query) (*sift.Facets, error) {
	var p params
	cond, _, err := searchFilter(&p, q)
	if err != nil {
		return nil, err
	}
	m := `SELECT a.seq, a.id, a.outlet, a.published FROM articles a` + cond
	if cond != "" {
		m += ` ORDER BY a.seq LIMIT ` + p.add(sift.FacetSample)
	}
	rows, err := db.pool.Query(ctx, `SELECT m.outlet, substr(m.published, 1, 7),
		coalesce((SELECT string_agg(DISTINCT t.technique, chr(1)) FROM techniques t WHERE t.article_id = m.id), '')
		FROM (`+m+`) m`, p...)
	if err != nil {
		return nil, fmt.Errorf("counting facets: %w", err)
	}
	defer rows.Close()
	f, err := storeq.Facets(rows, cond != "")
	if err != nil {
		return nil, fmt.Errorf("counting facets: %w", err)
	}
	return f, nil
}

// counts runs a query returning (key, count) rows.
func (db *DB) counts(ctx context.Context, query string, args ...any) ([]sift.Count, error) {
	rows, err := db.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return storeq.Collect(rows, storeq.Count)
}

// ListStories returns stories, those with the most articles first, and
// how many stories there are.
func (db *DB) ListStories(ctx context.Context, limit, offset int) ([]sift.StorySummary, int, error) {
	var total int
	if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM stories`).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("counting stories: %w", err)
	}
	rows, err := db.pool.Query(ctx, `SELECT s.id, s.title, count(a.id), count(DISTINCT a.outlet),
		coalesce(min(nullif(a.published, '')), ''), coalesce(max(a.published), '')
		FROM stories s JOIN story_articles sa ON sa.story_id = s.id JOIN articles a ON a.id = sa.article_id
		GROUP BY s.id ORDER BY count(a.id) DESC, s.id LIMIT $1 OFFSET $2`, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("listing stories: %w", err)
	}
	defer rows.Close()
	out, err := storeq.Collect(rows, storeq.StorySummary)
	if err != nil {
		return nil, 0, fmt.Errorf("listing stories: %w", err)
	}
	return out, total, nil
}

// StoryOf returns the ID of the story an article belongs to, or "".
func (db *DB) StoryOf(ctx context.Context, articleID string) (string, error) {
	var id string
	err := db.pool.QueryRow(ctx, `SELECT story_id FROM story_articles WHERE article_id = $1`, articleID).Scan(&id)
	if notFound(err) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("reading story of %s: %w", articleID, err)
	}
	return id, nil
}

// ListEntities returns the entities mentioned in the most articles, of
// one type if typ is not empty, whose canonical name contains name
// (ignoring ASCII case only, as SQLite's LIKE does) if name is not empty.
// Each is given the type it was most often tagged with.
func (db *DB) ListEntities(ctx context.Context, typ, name string, limit int) ([]sift.EntitySummary, error) {
	var p params
	var where []string
	if typ != "" {
		where = append(where, "type = "+p.add(typ))
	}
	if name != "" {
		where = append(where, `lower(canonical) LIKE '%' || lower(`+p.add(likeEscaper.Replace(name))+`::text COLLATE "C") || '%'`)
	}
	cond := ""
	if len(where) > 0 {
		cond = "WHERE " + strings.Join(where, " AND ")
	}
	// An article and its whole copies count once; mentions are those of
	// the article of each family that mentions the entity most.
	rows, err := db.pool.Query(ctx, `SELECT canonical, '', sum(m)::int, count(*) FROM (
		SELECT canonical, root, max(n) AS m FROM (
			SELECT canonical, `+originalOf("ent.article_id")+` AS root, count(*) AS n
			FROM entities ent `+cond+` GROUP BY canonical, article_id HAVING canonical != '') per
		GROUP BY canonical, root) fam
		GROUP BY canonical ORDER BY count(*) DESC, canonical LIMIT `+p.add(limit), p...)
	if err != nil {
		return nil, fmt.Errorf("listing entities: %w", err)
	}
	defer rows.Close()
	out, err := storeq.Collect(rows, storeq.EntitySummary)
	if err != nil {
		return nil, fmt.Errorf("listing entities: %w", err)
	}
	if err := db.entityTypes(ctx, out); err != nil {
		return nil, fmt.Errorf("listing entities: %w", err)
	}
	return out, nil
}

// likeEscaper escapes the wildcards of LIKE patterns (whose escape
// character is \ by default in PostgreSQL).
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// entityTypes sets the type of each entity to the one it was most often
// tagged with (ties to the first in order), as SQLite's entityType does.
func (db *DB) entityTypes(ctx context.Context, es []sift.EntitySummary) error {
	if len(es) == 0 {
		return nil
	}
	names := make([]string, len(es))
	for i, e := range es {
		names[i] = e.Canonical
	}
	rows, err := db.pool.Query(ctx, `SELECT DISTINCT ON (canonical) canonical, type FROM entities
		WHERE canonical = ANY($1) GROUP BY canonical, type ORDER BY canonical, count(*) DESC, type`, names)
	if err != nil {
		return err
	}
	defer rows.Close()
	types, err := storeq.Collect(rows, storeq.Pair)
	if err != nil {
		return err
	}
	typeOf := make(map[string]string, len(types))
	for _, t := range types {
		typeOf[t[0]] = t[1]
	}
	for i := range es {
		es[i].Type = typeOf[es[i].Canonical]
	}
	return nil
}

// relatedLimit bounds the co-occurring entities in a profile.
const relatedLimit = 12

// EntityProfileOf returns the profile of the entity with the given
// canonical name, or sift.ErrNotFound.
func (db *DB) EntityProfileOf(ctx context.Context, name string) (*sift.EntityProfile, error) {
	p := &sift.EntityProfile{}
	p.Canonical = name
	err := db.pool.QueryRow(ctx, `SELECT coalesce(sum(m), 0)::int, count(*) FROM (
		SELECT root, max(n) AS m FROM (
			SELECT `+originalOf("ent.article_id")+` AS root, count(*) AS n FROM entities ent WHERE canonical = $1 GROUP BY article_id) per
		GROUP BY root) fam`, name).Scan(&p.Mentions, &p.Articles)
	if err != nil {
		return nil, fmt.Errorf("reading entity %s: %w", name, err)
	}
	if p.Mentions == 0 {
		return nil, fmt.Errorf("entity %s: %w", name, sift.ErrNotFound)
	}
	self := []sift.EntitySummary{{Canonical: name}}
	if err := db.entityTypes(ctx, self); err != nil {
		return nil, fmt.Errorf("reading entity %s: %w", name, err)
	}
	p.Type = self[0].Type
	for _, c := range []struct {
		dst   *[]sift.Count
		query string
	}{
		{&p.Names, `SELECT text, count(*) FROM entities WHERE canonical = $1 GROUP BY text ORDER BY count(*) DESC, text LIMIT 20`},
		{&p.Roles, `SELECT role, count(*) FROM entities WHERE canonical = $1 AND role != '' GROUP BY role ORDER BY count(*) DESC, role LIMIT 10`},
		{&p.Months, `SELECT substr(a.published, 1, 7) AS m, count(DISTINCT a.id) FROM entities e JOIN articles a ON a.id = e.article_id
			WHERE e.canonical = $1 GROUP BY m HAVING substr(a.published, 1, 7) != '' ORDER BY m`},
		{&p.Days, `SELECT substr(a.published, 1, 10) AS d, count(DISTINCT ` + originalOf("a.id") + `) FROM entities e JOIN articles a ON a.id = e.article_id
			WHERE e.canonical = $1 GROUP BY d HAVING substr(a.published, 1, 10) != '' ORDER BY d`},
		{&p.Outlets, `SELECT a.outlet, count(DISTINCT ` + originalOf("a.id") + `) AS n FROM entities e JOIN articles a ON a.id = e.article_id
			WHERE e.canonical = $1 GROUP BY a.outlet ORDER BY n DESC, a.outlet LIMIT 20`},
	} {
		if *c.dst, err = db.counts(ctx, c.query, name); err != nil {
			return nil, fmt.Errorf("reading entity %s: %w", name, err)
		}
	}
	rows, err := db.pool.Query(ctx, `SELECT e2.canonical, max(e2.type), count(*), count(DISTINCT `+originalOf("e2.article_id")+`) AS n
		FROM entities e2 WHERE e2.article_id IN (SELECT article_id FROM entities WHERE canonical = $1) AND e2.canonical != $1 AND e2.canonical != ''
		GROUP BY e2.canonical ORDER BY n DESC, e2.canonical LIMIT $2`, name, relatedLimit)
	if err != nil {
		return nil, fmt.Errorf("reading entity %s: %w", name, err)
	}
	p.Related, err = storeq.Collect(rows, storeq.EntitySummary)
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("reading entity %s: %w", name, err)
	}
	if err := db.entityTypes(ctx, p.Related); err != nil {
		return nil, fmt.Errorf("reading entity %s: %w", name, err)
	}
	if len(p.Related) > 1 {
		names := make([]string, 0, len(p.Related))
		for _, r := range p.Related {
			names = append(names, r.Canonical)
		}
		rows, err := db.pool.Query(ctx, `SELECT x.canonical, y.canonical, count(DISTINCT x.article_id)
			FROM entities x JOIN entities y ON y.article_id = x.article_id AND x.canonical < y.canonical
			WHERE x.article_id IN (SELECT article_id FROM entities WHERE canonical = $1)
			AND x.canonical = ANY($2) AND y.canonical = ANY($2)
			GROUP BY x.canonical, y.canonical`, name, names)
		if err != nil {
			return nil, fmt.Errorf("reading entity %s: %w", name, err)
		}
		// The key joins the pair with a NUL, which PostgreSQL text cannot hold.
		p.Links, err = storeq.Collect(rows, func(r storeq.Row) (sift.Count, error) {
			var a, b string
			var c sift.Count
			err := r.Scan(&a, &b, &c.N)
			c.Key = a + "\x00" + b
			return c, err
		})
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("reading entity %s: %w", name, err)
		}
	}
	return p, nil
}

// speakerName is the name a quote's speaker is listed under: the
// canonical name when the speaker was resolved, the text otherwise.
const speakerName = `CASE WHEN q.speaker_canonical != '' THEN q.speaker_canonical ELSE q.speaker END`

// ListSpeakers returns the speakers quoted in the most articles.
func (db *DB) ListSpeakers(ctx context.Context, limit int) ([]sift.SpeakerSummary, error) {
	// A statement and its copies count once, an article and its whole
	// copies once.
	rows, err := db.pool.Query(ctx, `SELECT name, count(DISTINCT stmt), count(DISTINCT root), count(DISTINCT outlet), count(*) FILTER (WHERE copy)
		FROM (SELECT `+speakerName+` AS name, `+statementOf("q")+` AS stmt, `+originalOf("q.article_id")+` AS root,
			a.outlet AS outlet, `+isQuoteCopy+` AS copy
			FROM quotes q JOIN articles a ON a.id = q.article_id) x
		GROUP BY name HAVING name != '' ORDER BY count(DISTINCT root) DESC, name LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("listing speakers: %w", err)
	}
	defer rows.Close()
	out, err := storeq.Collect(rows, storeq.SpeakerSummary)
	if err != nil {
		return nil, fmt.Errorf("listing speakers: %w", err)
	}
	return out, nil
}

// SpeakerStatements returns the quotes of a speaker (canonical name, or
// the text of unresolved speakers), earliest first, and how many there are.
func (db *DB) SpeakerStatements(ctx context.Context, name string, limit, offset int) ([]sift.Statement, int, error) {
	// Statements are the quotes that repeat no other; their copies are
	// listed under them.
	const cond = ` FROM quotes qu JOIN articles a ON a.id = qu.article_id
		WHERE (qu.speaker_canonical = $1 OR (qu.speaker_canonical = '' AND qu.speaker = $1))
		AND NOT EXISTS (SELECT 1 FROM quote_copies qc WHERE qc.article_id = qu.article_id AND qc.start = qu.start)`
	var total int
	if err := db.pool.QueryRow(ctx, `SELECT count(*)`+cond, name).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("reading quotes of %s: %w", name, err)
	}
	rows, err := db.pool.Query(ctx, `SELECT `+quoteColumns+`, a.id, a.title, a.outlet, a.published`+cond+`
		ORDER BY a.published = '', a.published, a.seq, qu.start LIMIT $2 OFFSET $3`, name, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("reading quotes of %s: %w", name, err)
	}
	out, err := storeq.Collect(rows, func(r storeq.Row) (sift.Statement, error) { return storeq.Statement(r) })
	rows.Close()
	if err != nil {
		return nil, 0, fmt.Errorf("reading quotes of %s: %w", name, err)
	}
	for i := range out {
		if out[i].Copies, err = db.statementCopies(ctx, out[i].ArticleID, out[i].Start); err != nil {
			return nil, 0, fmt.Errorf("reading quotes of %s: %w", name, err)
		}
	}
	return out, total, nil
}

// OutletProfileOf returns the profile of an outlet, or sift.ErrNotFound.
func (db *DB) OutletProfileOf(ctx context.Context, outlet string) (*sift.OutletProfile, error) {
	p := &sift.OutletProfile{Outlet: outlet}
	err := db.pool.QueryRow(ctx, `SELECT count(*), coalesce(sum(words), 0), coalesce(min(nullif(published, '')), ''), coalesce(max(published), '')
		FROM articles WHERE outlet = $1`, outlet).Scan(&p.Articles, &p.Words, &p.First, &p.Last)
	if err != nil {
		return nil, fmt.Errorf("reading outlet %s: %w", outlet, err)
	}
	if p.Articles == 0 {
		return nil, fmt.Errorf("outlet %s: %w", outlet, sift.ErrNotFound)
	}
	var storeWords int
	if err := db.pool.QueryRow(ctx, `SELECT coalesce(sum(words), 0) FROM articles`).Scan(&storeWords); err != nil {
		return nil, fmt.Errorf("reading outlet %s: %w", outlet, err)
	}
	all, err := db.counts(ctx, `SELECT technique, count(*) FROM techniques GROUP BY technique ORDER BY technique`)
	if err != nil {
		return nil, fmt.Errorf("reading outlet %s: %w", outlet, err)
	}
	mine, err := db.counts(ctx, `SELECT t.technique, count(*) FROM techniques t JOIN articles a ON a.id = t.article_id
		WHERE a.outlet = $1 GROUP BY t.technique`, outlet)
	if err != nil {
		return nil, fmt.Errorf("reading outlet %s: %w", outlet, err)
	}
	storeq.TechniqueRates(p, storeWords, all, mine)
	if p.Speakers, err = db.counts(ctx, `SELECT `+speakerName+`, count(DISTINCT `+statementOf("q")+`) AS n FROM quotes q JOIN articles a ON a.id = q.article_id
		WHERE a.outlet = $1 GROUP BY 1 HAVING `+speakerName+` != '' ORDER BY n DESC, 1 LIMIT 10`, outlet); err != nil {
		return nil, fmt.Errorf("reading outlet %s: %w", outlet, err)
	}
	if p.Entities, err = db.counts(ctx, `SELECT e.canonical, count(DISTINCT `+originalOf("e.article_id")+`) AS n FROM entities e JOIN articles a ON a.id = e.article_id
		WHERE a.outlet = $1 AND e.canonical != '' GROUP BY e.canonical ORDER BY n DESC, e.canonical LIMIT 10`, outlet); err != nil {
		return nil, fmt.Errorf("reading outlet %s: %w", outlet, err)
	}
	return p, nil
}

package postgres

// Read-only aggregate queries behind the web UI and the HTTP API, the
// PostgreSQL versions of those in internal/sqlite/web.go. They return the
// view types of package sift, as the SQLite store does, so that *DB
// satisfies web.Store.

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"

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
	return storeq.Facets(ctx, db.q(), cond != "", `SELECT m.outlet, substr(m.published, 1, 7),
		coalesce((SELECT string_agg(DISTINCT t.technique, chr(1)) FROM techniques t WHERE t.article_id = m.id), '')
		FROM (`+m+`) m`, p...)
}

// querier runs the store's statements for package storeq.
type querier struct{ pool *pgxpool.Pool }

func (db *DB) q() querier { return querier{db.pool} }

func (q querier) Each(ctx context.Context, query string, args []any, fn func(storeq.Row) error) error {
	rows, err := q.pool.Query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	return storeq.Each(rows, fn)
}

func (q querier) One(ctx context.Context, query string, args []any, dest ...any) error {
	err := q.pool.QueryRow(ctx, query, args...).Scan(dest...)
	if notFound(err) {
		return storeq.ErrNoRows
	}
	return err
}

// storySQL lists stories.
var storySQL = storeq.StorySQL{
	Count: `SELECT count(*) FROM stories`,
	Page: `SELECT s.id, s.title, count(a.id), count(DISTINCT a.outlet),
		coalesce(min(nullif(a.published, '')), ''), coalesce(max(a.published), '')
		FROM stories s JOIN story_articles sa ON sa.story_id = s.id JOIN articles a ON a.id = sa.article_id
		GROUP BY s.id ORDER BY count(a.id) DESC, s.id LIMIT $1 OFFSET $2`,
	Of: `SELECT story_id FROM story_articles WHERE article_id = $1`,
}

// ListStories returns stories, those with the most articles first, and
// how many stories there are.
func (db *DB) ListStories(ctx context.Context, limit, offset int) ([]sift.StorySummary, int, error) {
	return storeq.ListStories(ctx, db.q(), storySQL, limit, offset)
}

// StoryOf returns the ID of the story an article belongs to, or "".
func (db *DB) StoryOf(ctx context.Context, articleID string) (string, error) {
	return storeq.StoryOf(ctx, db.q(), storySQL, articleID)
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
	if err := (entityLookup{db}).EntityTypes(ctx, out); err != nil {
		return nil, fmt.Errorf("listing entities: %w", err)
	}
	return out, nil
}

// likeEscaper escapes the wildcards of LIKE patterns (whose escape
// character is \ by default in PostgreSQL).
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// EntityTypes sets the type of each entity to the one it was most often
// tagged with (ties to the first in order), as SQLite's does.
func (l entityLookup) EntityTypes(ctx context.Context, es []sift.EntitySummary) error {
	if len(es) == 0 {
		return nil
	}
	names := make([]string, len(es))
	for i, e := range es {
		names[i] = e.Canonical
	}
	types, err := storeq.All(ctx, l.db.q(), storeq.Pair, `SELECT DISTINCT ON (canonical) canonical, type FROM entities
		WHERE canonical = ANY($1) GROUP BY canonical, type ORDER BY canonical, count(*) DESC, type`, names)
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

// entitySQL reads an entity's profile.
var entitySQL = storeq.EntitySQL{
	Summary: `SELECT coalesce(sum(m), 0)::int, count(*) FROM (
		SELECT root, max(n) AS m FROM (
			SELECT ` + originalOf("ent.article_id") + ` AS root, count(*) AS n FROM entities ent WHERE canonical = $1 GROUP BY article_id) per
		GROUP BY root) fam`,
	Names: `SELECT text, count(*) FROM entities WHERE canonical = $1 GROUP BY text ORDER BY count(*) DESC, text LIMIT 20`,
	Roles: `SELECT role, count(*) FROM entities WHERE canonical = $1 AND role != '' GROUP BY role ORDER BY count(*) DESC, role LIMIT 10`,
	Months: `SELECT substr(a.published, 1, 7) AS m, count(DISTINCT a.id) FROM entities e JOIN articles a ON a.id = e.article_id
		WHERE e.canonical = $1 GROUP BY m HAVING substr(a.published, 1, 7) != '' ORDER BY m`,
	Days: `SELECT substr(a.published, 1, 10) AS d, count(DISTINCT ` + originalOf("a.id") + `) FROM entities e JOIN articles a ON a.id = e.article_id
		WHERE e.canonical = $1 GROUP BY d HAVING substr(a.published, 1, 10) != '' ORDER BY d`,
	Outlets: `SELECT a.outlet, count(DISTINCT ` + originalOf("a.id") + `) AS n FROM entities e JOIN articles a ON a.id = e.article_id
		WHERE e.canonical = $1 GROUP BY a.outlet ORDER BY n DESC, a.outlet LIMIT 20`,
	Related: `SELECT e2.canonical, max(e2.type), count(*), count(DISTINCT ` + originalOf("e2.article_id") + `) AS n
		FROM entities e2 WHERE e2.article_id IN (SELECT article_id FROM entities WHERE canonical = $1) AND e2.canonical != $1 AND e2.canonical != ''
		GROUP BY e2.canonical ORDER BY n DESC, e2.canonical LIMIT $2`,
}

// EntityProfileOf returns the profile of the entity with the given
// canonical name, or sift.ErrNotFound.
func (db *DB) EntityProfileOf(ctx context.Context, name string) (*sift.EntityProfile, error) {
	return storeq.EntityProfile(ctx, db.q(), entitySQL, entityLookup{db}, name)
}

// entityLookup answers storeq.EntityLookup.
type entityLookup struct{ db *DB }

// EntityLinks counts the articles of entity name that name each pair of
// others together, keyed "A\x00B" with A < B.
func (l entityLookup) EntityLinks(ctx context.Context, name string, others []string) ([]sift.Count, error) {
	// The key joins the pair with a NUL, which PostgreSQL text cannot hold.
	return storeq.All(ctx, l.db.q(), func(r storeq.Row) (sift.Count, error) {
		var a, b string
		var c sift.Count
		err := r.Scan(&a, &b, &c.N)
		c.Key = a + "\x00" + b
		return c, err
	}, `SELECT x.canonical, y.canonical, count(DISTINCT x.article_id)
		FROM entities x JOIN entities y ON y.article_id = x.article_id AND x.canonical < y.canonical
		WHERE x.article_id IN (SELECT article_id FROM entities WHERE canonical = $1)
		AND x.canonical = ANY($2) AND y.canonical = ANY($2)
		GROUP BY x.canonical, y.canonical`, name, others)
}

// speakerName is the name a quote's speaker is listed under: the
// canonical name when the speaker was resolved, the text otherwise.
const speakerName = `CASE WHEN q.speaker_canonical != '' THEN q.speaker_canonical ELSE q.speaker END`

// speakerSQL reads the speaker pages: statements are the quotes that
// repeat no other, their copies listed under them; a statement and its
// copies count once, an article and its whole copies once.
var speakerSQL = storeq.SpeakerSQL{
	List: `SELECT name, count(DISTINCT stmt), count(DISTINCT root), count(DISTINCT outlet), count(*) FILTER (WHERE copy)
		FROM (SELECT ` + speakerName + ` AS name, ` + statementOf("q") + ` AS stmt, ` + originalOf("q.article_id") + ` AS root,
			a.outlet AS outlet, ` + isQuoteCopy + ` AS copy
			FROM quotes q JOIN articles a ON a.id = q.article_id) x
		GROUP BY name HAVING name != '' ORDER BY count(DISTINCT root) DESC, name LIMIT $1`,
	Count: `SELECT count(*)` + speakerStatements,
	Page: `SELECT ` + quoteColumns + `, a.id, a.title, a.outlet, a.published` + speakerStatements + `
		ORDER BY a.published = '', a.published, a.seq, qu.start LIMIT $2 OFFSET $3`,
	Copies: `SELECT a.id, a.title, a.outlet, a.published, q.start, q."end", ` + quoteText("q", "a") + `
		FROM quote_copies qc JOIN LATERAL (SELECT * FROM quotes q WHERE q.article_id = qc.article_id AND q.start = qc.start LIMIT 1) q ON true
		JOIN articles a ON a.id = qc.article_id
		WHERE qc.original_article = $1 AND qc.original_start = $2
		ORDER BY a.published = '', a.published, a.seq`,
}

// speakerStatements selects the statements of speaker $1 that repeat no
// other.
const speakerStatements = ` FROM quotes qu JOIN articles a ON a.id = qu.article_id
		WHERE (qu.speaker_canonical = $1 OR (qu.speaker_canonical = '' AND qu.speaker = $1))
		AND NOT EXISTS (SELECT 1 FROM quote_copies qc WHERE qc.article_id = qu.article_id AND qc.start = qu.start)`

// ListSpeakers returns the speakers quoted in the most articles.
func (db *DB) ListSpeakers(ctx context.Context, limit int) ([]sift.SpeakerSummary, error) {
	return storeq.ListSpeakers(ctx, db.q(), speakerSQL, limit)
}

// SpeakerStatements returns the quotes of a speaker (canonical name, or
// the text of unresolved speakers), earliest first, and how many there are.
func (db *DB) SpeakerStatements(ctx context.Context, name string, limit, offset int) ([]sift.Statement, int, error) {
	return storeq.SpeakerStatements(ctx, db.q(), speakerSQL, name, limit, offset)
}

// outletSQL reads an outlet's profile.
var outletSQL = storeq.OutletSQL{
	Summary: `SELECT count(*), coalesce(sum(words), 0), coalesce(min(nullif(published, '')), ''), coalesce(max(published), '')
		FROM articles WHERE outlet = $1`,
	StoreWords:    `SELECT coalesce(sum(words), 0) FROM articles`,
	AllTechniques: `SELECT technique, count(*) FROM techniques GROUP BY technique ORDER BY technique`,
	Techniques: `SELECT t.technique, count(*) FROM techniques t JOIN articles a ON a.id = t.article_id
		WHERE a.outlet = $1 GROUP BY t.technique`,
	Speakers: `SELECT ` + speakerName + `, count(DISTINCT ` + statementOf("q") + `) AS n FROM quotes q JOIN articles a ON a.id = q.article_id
		WHERE a.outlet = $1 GROUP BY 1 HAVING ` + speakerName + ` != '' ORDER BY n DESC, 1 LIMIT 10`,
	Entities: `SELECT e.canonical, count(DISTINCT ` + originalOf("e.article_id") + `) AS n FROM entities e JOIN articles a ON a.id = e.article_id
		WHERE a.outlet = $1 AND e.canonical != '' GROUP BY e.canonical ORDER BY n DESC, e.canonical LIMIT 10`,
}

// OutletProfileOf returns the profile of an outlet, or sift.ErrNotFound.
func (db *DB) OutletProfileOf(ctx context.Context, outlet string) (*sift.OutletProfile, error) {
	return storeq.OutletProfile(ctx, db.q(), outletSQL, outlet)
}

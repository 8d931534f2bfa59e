package sqlite

// Read-only aggregate queries behind the web UI and the HTTP API: search
// facets, story timelines, entity and speaker profiles, outlet technique
// profiles. They read the core tables only (articles, entities, quotes,
// techniques, stories, story_articles).

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/storeq"
)

var _ sift.Store = (*DB)(nil)

// SearchFacets counts the articles matching q (its Limit and Offset are
// ignored) by outlet, month and technique.
func (s *DB) SearchFacets(ctx context.Context, q sift.Query) (*sift.Facets, error) {
	match, err := matchText(q.Text)
	if err != nil {
		return nil, err
	}
	return s.searchFacets(ctx, q, match)
}

func (s *DB) searchFacets(ctx context.Context, q sift.Query, match string) (*sift.Facets, error) {
	// m is the set of matching articles counted: all of them for the whole
	// store, the first sift.FacetSample in store order otherwise.
	m, args, sampled := `SELECT a.id, a.outlet, a.published FROM articles a`, []any(nil), false
	if strings.TrimSpace(match) != "" {
		// The matches are found as Search finds them; only the sample's
		// articles are read.
		plan, err := s.planText(ctx, q, match)
		if err != nil {
			return nil, fmt.Errorf("counting facets: %w", err)
		}
		from, cond, targs := plan.source(sift.FacetSample)
		m += ` WHERE a.rowid IN (SELECT articles_fts.rowid FROM ` + from + cond +
			` ORDER BY articles_fts.rowid LIMIT ` + strconv.Itoa(sift.FacetSample) + `)`
		args, sampled = targs, true
	} else if cond, fargs := facetFilter(q); cond != "" {
		m += ` WHERE ` + cond + ` LIMIT ` + strconv.Itoa(sift.FacetSample)
		args, sampled = fargs, true
	}
	// One pass: each counted article with its month and the distinct
	// techniques found in it, joined by \x01.
	return storeq.Facets(ctx, s.q(), sampled, `SELECT m.outlet, substr(m.published, 1, 7),
		coalesce((SELECT group_concat(technique, char(1)) FROM (SELECT DISTINCT technique FROM techniques t WHERE t.article_id = m.id)), '')
		FROM (`+m+`) AS m`, args...)
}

// facetFilter returns the conditions of q's filters other than text for
// counting facets without text, joined by AND ("" without filters).
func facetFilter(q sift.Query) (cond string, args []any) {
	var a storeq.Args
	return strings.Join(storeq.Filters(q, storeq.Exists, a.Add), " AND "), a.List
}

// counts runs a query returning (key, count) rows.
func (s *DB) counts(ctx context.Context, query string, args ...any) ([]sift.Count, error) {
	return storeq.All(ctx, s.q(), storeq.Count, query, args...)
}

// querier runs the store's statements for package storeq.
type querier struct{ db *sql.DB }

func (s *DB) q() querier { return querier{s.db} }

func (q querier) Each(ctx context.Context, query string, args []any, fn func(storeq.Row) error) error {
	rows, err := q.db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	return storeq.Each(rows, fn)
}

func (q querier) One(ctx context.Context, query string, args []any, dest ...any) error {
	err := q.db.QueryRowContext(ctx, query, args...).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
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
		GROUP BY s.id ORDER BY count(a.id) DESC, s.id LIMIT ? OFFSET ?`,
	Of: `SELECT story_id FROM story_articles WHERE article_id = ?`,
}

// ListStories returns stories, those with the most articles first, and
// how many stories there are.
func (s *DB) ListStories(ctx context.Context, limit, offset int) ([]sift.StorySummary, int, error) {
	return storeq.ListStories(ctx, s.q(), storySQL, limit, offset)
}

// StoryOf returns the ID of the story an article belongs to, or "".
func (s *DB) StoryOf(ctx context.Context, articleID string) (string, error) {
	return storeq.StoryOf(ctx, s.q(), storySQL, articleID)
}

// ListEntities returns the entities mentioned in the most articles, of
// one type if typ is not empty, whose canonical name contains name
// (case-insensitively) if name is not empty.
func (s *DB) ListEntities(ctx context.Context, typ, name string, limit int) ([]sift.EntitySummary, error) {
	var where []string
	var args []any
	if typ != "" {
		where, args = append(where, "type = ?"), append(args, typ)
	}
	if name != "" {
		where = append(where, `canonical LIKE '%' || ? || '%' ESCAPE '\'`)
		args = append(args, likeEscaper.Replace(name))
	}
	cond := ""
	if len(where) > 0 {
		cond = "WHERE " + strings.Join(where, " AND ")
	}
	// An article and its whole copies count once; mentions are those of
	// the article of each family that mentions the entity most.
	rows, err := s.db.QueryContext(ctx, `SELECT canonical, '', sum(m), count(*) FROM (
		SELECT canonical, root, max(n) AS m FROM (
			SELECT canonical, `+originalOf("ent.article_id")+` AS root, count(*) AS n
			FROM entities ent `+cond+` GROUP BY canonical, article_id HAVING canonical != '')
		GROUP BY canonical, root)
		GROUP BY canonical ORDER BY count(*) DESC, canonical LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("listing entities: %w", err)
	}
	out, err := storeq.Collect(rows, storeq.EntitySummary)
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("listing entities: %w", err)
	}
	if err := (entityLookup{s}).EntityTypes(ctx, out); err != nil {
		return nil, fmt.Errorf("listing entities: %w", err)
	}
	return out, nil
}

// likeEscaper escapes the wildcards of LIKE patterns.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// entityType returns the type most often given to an entity.
func (s *DB) entityType(ctx context.Context, canonical string) (string, error) {
	var typ string
	err := s.db.QueryRowContext(ctx, `SELECT type FROM entities WHERE canonical = ? GROUP BY type ORDER BY count(*) DESC, type LIMIT 1`,
		canonical).Scan(&typ)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return typ, err
}

// entitySQL reads an entity's profile.
var entitySQL = storeq.EntitySQL{
	Summary: `SELECT coalesce(sum(m), 0), count(*) FROM (
		SELECT root, max(n) AS m FROM (
			SELECT ` + originalOf("ent.article_id") + ` AS root, count(*) AS n FROM entities ent WHERE canonical = ? GROUP BY article_id)
		GROUP BY root)`,
	Names: `SELECT text, count(*) FROM entities WHERE canonical = ? GROUP BY text ORDER BY count(*) DESC, text LIMIT 20`,
	Roles: `SELECT role, count(*) FROM entities WHERE canonical = ? AND role != '' GROUP BY role ORDER BY count(*) DESC, role LIMIT 10`,
	Months: `SELECT substr(a.published, 1, 7) AS m, count(DISTINCT a.id) FROM entities e JOIN articles a ON a.id = e.article_id
		WHERE e.canonical = ? GROUP BY m HAVING m != '' ORDER BY m`,
	Days: `SELECT substr(a.published, 1, 10) AS d, count(DISTINCT ` + originalOf("a.id") + `) FROM entities e JOIN articles a ON a.id = e.article_id
		WHERE e.canonical = ? GROUP BY d HAVING d != '' ORDER BY d`,
	Outlets: `SELECT a.outlet, count(DISTINCT ` + originalOf("a.id") + `) AS n FROM entities e JOIN articles a ON a.id = e.article_id
		WHERE e.canonical = ? GROUP BY a.outlet ORDER BY n DESC, a.outlet LIMIT 20`,
	Related: `SELECT e2.canonical, max(e2.type), count(*), count(DISTINCT ` + originalOf("e2.article_id") + `) AS n
		FROM entities e2 WHERE e2.article_id IN (SELECT article_id FROM entities WHERE canonical = ?1) AND e2.canonical != ?1 AND e2.canonical != ''
		GROUP BY e2.canonical ORDER BY n DESC, e2.canonical LIMIT ?2`,
}

// EntityProfileOf returns the profile of the entity with the given
// canonical name, or sift.ErrNotFound.
func (s *DB) EntityProfileOf(ctx context.Context, name string) (*sift.EntityProfile, error) {
	return storeq.EntityProfile(ctx, s.q(), entitySQL, entityLookup{s}, name)
}

// entityLookup answers storeq.EntityLookup.
type entityLookup struct{ s *DB }

// EntityTypes sets the type of each entity to the one its mentions were
// given most often (ties to the first in order).
func (l entityLookup) EntityTypes(ctx context.Context, es []sift.EntitySummary) error {
	for i := range es {
		var err error
		if es[i].Type, err = l.s.entityType(ctx, es[i].Canonical); err != nil {
			return err
		}
	}
	return nil
}

// EntityLinks counts the articles of entity name that name each pair of
// others together, keyed "A\x00B" with A < B.
func (l entityLookup) EntityLinks(ctx context.Context, name string, others []string) ([]sift.Count, error) {
	args := make([]any, 0, 2*len(others)+1)
	args = append(args, name)
	for range 2 {
		for _, o := range others {
			args = append(args, o)
		}
	}
	in := placeholders(len(others))
	return l.s.counts(ctx, `SELECT x.canonical || char(0) || y.canonical, count(DISTINCT x.article_id)
		FROM entities x JOIN entities y ON y.article_id = x.article_id AND x.canonical < y.canonical
		WHERE x.article_id IN (SELECT article_id FROM entities WHERE canonical = ?)
		AND x.canonical IN (`+in+`) AND y.canonical IN (`+in+`)
		GROUP BY x.canonical, y.canonical`, args...)
}

// speakerName is the name a quote's speaker is listed under: the
// canonical name when the speaker was resolved, the text otherwise.
const speakerName = `CASE WHEN q.speaker_canonical != '' THEN q.speaker_canonical ELSE q.speaker END`

// speakerSQL reads the speaker pages: statements are the quotes that
// repeat no other, their copies listed under them; a statement and its
// copies count once, an article and its whole copies once.
var speakerSQL = storeq.SpeakerSQL{
	List: `SELECT name, count(DISTINCT stmt), count(DISTINCT root), count(DISTINCT outlet), sum(copy)
		FROM (SELECT ` + speakerName + ` AS name, ` + statementOf("q") + ` AS stmt, ` + originalOf("q.article_id") + ` AS root,
			a.outlet AS outlet, ` + isQuoteCopy + ` AS copy
			FROM quotes q JOIN articles a ON a.id = q.article_id)
		GROUP BY name HAVING name != '' ORDER BY count(DISTINCT root) DESC, name LIMIT ?`,
	Count: `SELECT count(*)` + speakerStatements,
	Page: `SELECT ` + quoteColumns("q", "a") + `, a.id, a.title, a.outlet, a.published` + speakerStatements + `
		ORDER BY a.published = '', a.published, a.rowid, q.start LIMIT ?2 OFFSET ?3`,
	Copies: `SELECT a.id, a.title, a.outlet, a.published, q.start, q.end, ` + spanText("q", "a") + `
		FROM quote_copies qc JOIN quotes q ON q.article_id = qc.article_id AND q.start = qc.start
		JOIN articles a ON a.id = qc.article_id
		WHERE qc.original_article = ? AND qc.original_start = ?
		GROUP BY a.id, q.start ORDER BY a.published = '', a.published, a.rowid`,
}

// speakerStatements selects the statements of speaker ?1 that repeat no
// other.
const speakerStatements = ` FROM quotes q JOIN articles a ON a.id = q.article_id
		WHERE (q.speaker_canonical = ?1 OR (q.speaker_canonical = '' AND q.speaker = ?1)) AND NOT ` + isQuoteCopy

// ListSpeakers returns the speakers quoted in the most articles.
func (s *DB) ListSpeakers(ctx context.Context, limit int) ([]sift.SpeakerSummary, error) {
	return storeq.ListSpeakers(ctx, s.q(), speakerSQL, limit)
}

// SpeakerStatements returns the quotes of a speaker (canonical name, or
// the text of unresolved speakers), earliest first, and how many there are.
func (s *DB) SpeakerStatements(ctx context.Context, name string, limit, offset int) ([]sift.Statement, int, error) {
	return storeq.SpeakerStatements(ctx, s.q(), speakerSQL, name, limit, offset)
}

// outletSQL reads an outlet's profile.
var outletSQL = storeq.OutletSQL{
	Summary: `SELECT count(*), coalesce(sum(words), 0), coalesce(min(nullif(published, '')), ''), coalesce(max(published), '')
		FROM articles WHERE outlet = ?`,
	StoreWords:    `SELECT coalesce(sum(words), 0) FROM articles`,
	AllTechniques: `SELECT technique, count(*) FROM techniques GROUP BY technique ORDER BY technique`,
	Techniques: `SELECT t.technique, count(*) FROM techniques t JOIN articles a ON a.id = t.article_id
		WHERE a.outlet = ? GROUP BY t.technique`,
	Speakers: `SELECT ` + speakerName + ` AS name, count(DISTINCT ` + statementOf("q") + `) AS n FROM quotes q JOIN articles a ON a.id = q.article_id
		WHERE a.outlet = ? GROUP BY name HAVING name != '' ORDER BY n DESC, name LIMIT 10`,
	Entities: `SELECT e.canonical, count(DISTINCT ` + originalOf("e.article_id") + `) AS n FROM entities e JOIN articles a ON a.id = e.article_id
		WHERE a.outlet = ? AND e.canonical != '' GROUP BY e.canonical ORDER BY n DESC, e.canonical LIMIT 10`,
}

// OutletProfileOf returns the profile of an outlet, or sift.ErrNotFound.
func (s *DB) OutletProfileOf(ctx context.Context, outlet string) (*sift.OutletProfile, error) {
	return storeq.OutletProfile(ctx, s.q(), outletSQL, outlet)
}

package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/storeq"
)

// namesPerEntity bounds the spellings and roles listed for one entity.
const namesPerEntity = 5

// Entities returns the entities matching q, those mentioned in the most
// articles first, each with its mention and article counts, its commonest
// spellings and roles, and the entities it appears with most often.
func (s *DB) Entities(ctx context.Context, q sift.EntityQuery) ([]sift.EntityStat, error) {
	where := []string{`canonical != ''`}
	var args []any
	if q.Name != "" {
		where = append(where, `instr(lower(canonical), lower(?)) > 0`)
		args = append(args, q.Name)
	}
	// The type of an entity is the one its mentions were given most often.
	// An article and its copies count once: mentions are those of the
	// article of the family that mentions it most.
	cond := strings.Join(where, " AND ")
	query := `WITH counts AS (
			SELECT canonical, type, count(*) AS n
			FROM entities WHERE ` + cond + `
			GROUP BY canonical, type),
		ranked AS (
			SELECT canonical, type, row_number() OVER (PARTITION BY canonical ORDER BY n DESC, type) AS r
			FROM counts),
		per AS (
			SELECT canonical, ` + originalOf("ent.article_id") + ` AS root, count(*) AS n
			FROM entities ent WHERE ` + cond + `
			GROUP BY canonical, article_id),
		folded AS (
			SELECT canonical, sum(m) AS mentions, count(*) AS articles
			FROM (SELECT canonical, root, max(n) AS m FROM per GROUP BY canonical, root) GROUP BY canonical)
		SELECT r.canonical, r.type, f.mentions, f.articles
		FROM ranked r JOIN folded f ON f.canonical = r.canonical
		WHERE r.r = 1`
	args = append(args, args...)
	if q.Type != "" {
		query += ` AND r.type = ?`
		args = append(args, q.Type)
	}
	query += ` ORDER BY 4 DESC, 3 DESC, r.canonical`
	if q.Limit > 0 {
		query += fmt.Sprintf(" LIMIT %d", q.Limit)
	}
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("listing entities: %w", err)
	}
	out, err := storeq.Collect(rows, storeq.EntityStat)
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("listing entities: %w", err)
	}
	for i := range out {
		e := &out[i]
		if e.Names, err = s.column(ctx, `SELECT text FROM entities WHERE canonical = ?
			GROUP BY text ORDER BY count(*) DESC, text LIMIT ?`, e.Canonical, namesPerEntity); err != nil {
			return nil, err
		}
		if e.Roles, err = s.column(ctx, `SELECT role FROM entities WHERE canonical = ? AND role != ''
			GROUP BY role ORDER BY count(*) DESC, role LIMIT ?`, e.Canonical, namesPerEntity); err != nil {
			return nil, err
		}
		if q.Related <= 0 {
			e.Related = []sift.EntityCount{}
			continue
		}
		rel, err := s.db.QueryContext(ctx, `SELECT o.canonical, count(DISTINCT `+originalOf("o.article_id")+`) AS a
			FROM entities o
			WHERE o.article_id IN (SELECT article_id FROM entities WHERE canonical = ?)
			  AND o.canonical != ? AND o.canonical != ''
			GROUP BY o.canonical ORDER BY a DESC, o.canonical LIMIT ?`, e.Canonical, e.Canonical, q.Related)
		if err != nil {
			return nil, fmt.Errorf("entities related to %s: %w", e.Canonical, err)
		}
		e.Related, err = storeq.Collect(rel, storeq.EntityCount)
		rel.Close()
		if err != nil {
			return nil, fmt.Errorf("entities related to %s: %w", e.Canonical, err)
		}
	}
	return out, nil
}

// column runs a query returning one text column.
func (s *DB) column(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("querying entities: %w", err)
	}
	defer rows.Close()
	out, err := storeq.Collect(rows, storeq.String)
	if err != nil {
		return nil, fmt.Errorf("querying entities: %w", err)
	}
	return out, nil
}

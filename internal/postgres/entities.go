package postgres

import (
	"context"
	"fmt"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/storeq"
)

// namesPerEntity bounds the spellings and roles listed for one entity.
const namesPerEntity = 5

// Entities returns the entities matching q, those mentioned in the most
// articles first (then the most mentions, then by name), each with its
// mention and article counts, its commonest spellings and roles, and the
// entities it appears with most often, as the SQLite store does. An
// entity's type is the one its mentions were given most often (ties to the
// first in order); Name ignores ASCII case only, as SQLite's lower() does.
func (db *DB) Entities(ctx context.Context, q sift.EntityQuery) ([]sift.EntityStat, error) {
	var p params
	cond := `canonical != ''`
	if q.Name != "" {
		cond += ` AND strpos(lower(canonical), lower(` + p.add(q.Name) + `::text COLLATE "C")) > 0`
	}
	// An article and its whole copies count once; mentions are those of
	// the article of each family that mentions the entity most.
	query := `WITH typed AS (
			SELECT DISTINCT ON (canonical) canonical, type FROM entities WHERE ` + cond + `
			GROUP BY canonical, type ORDER BY canonical, count(*) DESC, type),
		per AS (
			SELECT canonical, ` + originalOf("ent.article_id") + ` AS root, count(*) AS n
			FROM entities ent WHERE ` + cond + ` GROUP BY canonical, article_id),
		folded AS (
			SELECT canonical, sum(m)::int AS mentions, count(*)::int AS articles
			FROM (SELECT canonical, root, max(n) AS m FROM per GROUP BY canonical, root) fam GROUP BY canonical)
		SELECT f.canonical, t.type, f.mentions, f.articles
		FROM folded f JOIN typed t ON t.canonical = f.canonical`
	if q.Type != "" {
		query += ` WHERE t.type = ` + p.add(q.Type)
	}
	query += ` ORDER BY 4 DESC, 3 DESC, f.canonical`
	if q.Limit > 0 {
		query += ` LIMIT ` + p.add(q.Limit)
	}
	rows, err := db.pool.Query(ctx, query, p...)
	if err != nil {
		return nil, fmt.Errorf("listing entities: %w", err)
	}
	out, err := storeq.Collect(rows, storeq.EntityStat)
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("listing entities: %w", err)
	}
	if len(out) == 0 {
		return out, nil
	}
	index := make(map[string]int, len(out))
	names := make([]string, len(out))
	for i, e := range out {
		index[e.Canonical] = i
		names[i] = e.Canonical
		out[i].Names, out[i].Roles, out[i].Related = []string{}, []string{}, []sift.EntityCount{}
	}
	// The commonest spellings and roles of every listed entity, in two
	// queries rather than two per entity.
	for _, c := range []struct {
		column, cond string
		field        func(*sift.EntityStat) *[]string
	}{
		{"text", "", func(e *sift.EntityStat) *[]string { return &e.Names }},
		{"role", ` AND role != ''`, func(e *sift.EntityStat) *[]string { return &e.Roles }},
	} {
		rows, err := db.pool.Query(ctx, `SELECT canonical, v FROM (
				SELECT canonical, `+c.column+` AS v,
					row_number() OVER (PARTITION BY canonical ORDER BY count(*) DESC, `+c.column+`) AS r
				FROM entities WHERE canonical = ANY($1)`+c.cond+`
				GROUP BY canonical, `+c.column+`) x
			WHERE r <= $2 ORDER BY canonical, r`, names, namesPerEntity)
		if err != nil {
			return nil, fmt.Errorf("listing entities: %w", err)
		}
		values, err := storeq.Collect(rows, storeq.Pair)
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("listing entities: %w", err)
		}
		for _, v := range values {
			f := c.field(&out[index[v[0]]])
			*f = append(*f, v[1])
		}
	}
	if q.Related <= 0 {
		return out, nil
	}
	rows, err = db.pool.Query(ctx, `SELECT canonical, other, n FROM (
			SELECT s.canonical, o.canonical AS other, count(DISTINCT `+originalOf("o.article_id")+`) AS n,
				row_number() OVER (PARTITION BY s.canonical ORDER BY count(DISTINCT `+originalOf("o.article_id")+`) DESC, o.canonical) AS r
			FROM (SELECT DISTINCT canonical, article_id FROM entities WHERE canonical = ANY($1)) s
			JOIN entities o ON o.article_id = s.article_id AND o.canonical != s.canonical AND o.canonical != ''
			GROUP BY s.canonical, o.canonical) x
		WHERE r <= $2 ORDER BY canonical, r`, names, q.Related)
	if err != nil {
		return nil, fmt.Errorf("listing related entities: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		var c sift.EntityCount
		if err := rows.Scan(&name, &c.Canonical, &c.Articles); err != nil {
			return nil, fmt.Errorf("listing related entities: %w", err)
		}
		e := &out[index[name]]
		e.Related = append(e.Related, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing related entities: %w", err)
	}
	return out, nil
}

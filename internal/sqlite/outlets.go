package sqlite

import (
	"context"
	"fmt"

	"github.com/sift-news/sift"
)

// ArticleTechniques returns, for every stored article, its outlet, word
// count and the number of technique spans and signals of each kind it
// holds, ordered by article id. It implements sift.OutletStore.
func (s *DB) ArticleTechniques(ctx context.Context) ([]sift.ArticleTechniques, error) {
	var out []sift.ArticleTechniques
	index := map[string]int{}
	rows, err := s.db.QueryContext(ctx, `SELECT id, outlet, words FROM articles ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("reading articles: %w", err)
	}
	for rows.Next() {
		a := sift.ArticleTechniques{Techniques: map[string]int{}, Signals: map[string]int{}}
		if err := rows.Scan(&a.ID, &a.Outlet, &a.Words); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading articles: %w", err)
		}
		index[a.ID] = len(out)
		out = append(out, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading articles: %w", err)
	}
	count := func(query string, field func(*sift.ArticleTechniques) map[string]int) error {
		rows, err := s.db.QueryContext(ctx, query)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id, key string
			var n int
			if err := rows.Scan(&id, &key, &n); err != nil {
				return err
			}
			if i, ok := index[id]; ok && key != "" {
				field(&out[i])[key] = n
			}
		}
		return rows.Err()
	}
	if err := count(`SELECT article_id, technique, count(*) FROM techniques GROUP BY article_id, technique`,
		func(a *sift.ArticleTechniques) map[string]int { return a.Techniques }); err != nil {
		return nil, fmt.Errorf("counting techniques: %w", err)
	}
	if err := count(`SELECT a.id, coalesce(json_extract(j.value, '$.kind'), ''), count(*)
		FROM articles a, json_each(a.signals) j GROUP BY a.id, json_extract(j.value, '$.kind')`,
		func(a *sift.ArticleTechniques) map[string]int { return a.Signals }); err != nil {
		return nil, fmt.Errorf("counting signals: %w", err)
	}
	return out, nil
}

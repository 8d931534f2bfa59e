package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/sift-news/sift"
)

var _ sift.OutletStore = (*DB)(nil)

// ArticleTechniques returns, for every stored article, its outlet, word
// count and the number of technique spans and signals of each kind it
// holds, ordered by article id. It implements sift.OutletStore.
func (db *DB) ArticleTechniques(ctx context.Context) ([]sift.ArticleTechniques, error) {
	var out []sift.ArticleTechniques
	index := map[string]int{}
	rows, err := db.pool.Query(ctx, `SELECT id, outlet, words FROM articles ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("reading articles: %w", err)
	}
	var a sift.ArticleTechniques
	if _, err := pgx.ForEachRow(rows, []any{&a.ID, &a.Outlet, &a.Words}, func() error {
		index[a.ID] = len(out)
		out = append(out, sift.ArticleTechniques{ID: a.ID, Outlet: a.Outlet, Words: a.Words,
			Techniques: map[string]int{}, Signals: map[string]int{}})
		return nil
	}); err != nil {
		return nil, fmt.Errorf("reading articles: %w", err)
	}
	count := func(query string, field func(*sift.ArticleTechniques) map[string]int) error {
		rows, err := db.pool.Query(ctx, query)
		if err != nil {
			return fmt.Errorf("counting techniques: %w", err)
		}
		var id, key string
		var n int
		_, err = pgx.ForEachRow(rows, []any{&id, &key, &n}, func() error {
			if i, ok := index[id]; ok && key != "" {
				field(&out[i])[key] = n
			}
			return nil
		})
		return err
	}
	if err := count(`SELECT article_id, technique, count(*) FROM techniques GROUP BY article_id, technique`,
		func(a *sift.ArticleTechniques) map[string]int { return a.Techniques }); err != nil {
		return nil, fmt.Errorf("counting techniques: %w", err)
	}
	if err := count(`SELECT a.id, coalesce(j->>'kind', ''), count(*)
		FROM articles a, jsonb_array_elements(a.signals) j GROUP BY 1, 2`,
		func(a *sift.ArticleTechniques) map[string]int { return a.Signals }); err != nil {
		return nil, fmt.Errorf("counting signals: %w", err)
	}
	return out, nil
}

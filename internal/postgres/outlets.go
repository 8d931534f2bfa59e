package postgres

import (
	"context"
	"fmt"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/storeq"
)

// ArticleTechniques returns, for every stored article, its outlet, word
// count and the number of technique spans and signals of each kind it
// holds, ordered by article id. It implements sift.OutletStore.
func (db *DB) ArticleTechniques(ctx context.Context) ([]sift.ArticleTechniques, error) {
	rows, err := db.pool.Query(ctx, `SELECT id, outlet, words FROM articles ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("reading articles: %w", err)
	}
	t, err := storeq.NewTechniqueTable(rows)
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("reading articles: %w", err)
	}
	if rows, err = db.pool.Query(ctx, `SELECT article_id, technique, count(*) FROM techniques GROUP BY article_id, technique`); err == nil {
		err = t.Techniques(rows)
		rows.Close()
	}
	if err != nil {
		return nil, fmt.Errorf("counting techniques: %w", err)
	}
	if rows, err = db.pool.Query(ctx, `SELECT a.id, coalesce(j->>'kind', ''), count(*)
		FROM articles a, jsonb_array_elements(a.signals) j GROUP BY 1, 2`); err == nil {
		err = t.Signals(rows)
		rows.Close()
	}
	if err != nil {
		return nil, fmt.Errorf("counting signals: %w", err)
	}
	return t.List(), nil
}

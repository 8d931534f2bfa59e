package postgres

import (
	"context"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/storeq"
)

// techniqueSQL counts the techniques and signals of each article.
var techniqueSQL = storeq.TechniqueSQL{
	Articles:   `SELECT id, outlet, words FROM articles ORDER BY id`,
	Techniques: `SELECT article_id, technique, count(*) FROM techniques GROUP BY article_id, technique`,
	Signals: `SELECT a.id, coalesce(j->>'kind', ''), count(*)
		FROM articles a, jsonb_array_elements(a.signals) j GROUP BY 1, 2`,
}

// ArticleTechniques returns, for every stored article, its outlet, word
// count and the number of technique spans and signals of each kind it
// holds, ordered by article id. It implements sift.OutletStore.
func (db *DB) ArticleTechniques(ctx context.Context) ([]sift.ArticleTechniques, error) {
	return storeq.ArticleTechniques(ctx, db.q(), techniqueSQL)
}

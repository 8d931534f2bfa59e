package storeq

import (
	"context"
	"fmt"
	"strings"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/copies"
)

// QuoteSQL is a store's statement of `sift quotes`.
type QuoteSQL struct {
	// Columns reads, from quotes aliased qu and articles aliased a, the
	// quote columns of ScanQuote, then the article's id, title, outlet,
	// published and source, then the key of the statement the quote makes
	// (the same for a quote and its copies).
	Columns string
	// Speaker and Via return the condition that the quote's speaker, or
	// one of its intermediaries, matches v (its placeholders from add),
	// as sift.QuoteQuery says.
	Speaker, Via func(v string, add func(any) string) string
	// Numbered selects "$n" placeholders.
	Numbered bool
}

// quoteOrder is the order of statements: oldest article first (undated
// ones first), in text order within an article.
const quoteOrder = `a.published, a.outlet, a.id, qu.start`

// Quotes returns the stored statements matching q in quoteOrder; unless
// q.Copies, the repetitions of a statement are folded under its first,
// and q.Limit counts statements with their repetitions.
func Quotes(ctx context.Context, db Querier, s QuoteSQL, q sift.QuoteQuery) ([]sift.Statement, error) {
	args := Args{Numbered: s.Numbered}
	var where []string
	if q.Speaker != "" {
		where = append(where, s.Speaker(q.Speaker, args.Add))
	}
	if q.Via != "" {
		where = append(where, s.Via(q.Via, args.Add))
	}
	if q.Since != "" {
		where = append(where, `a.published >= `+args.Add(q.Since))
	}
	query := `SELECT ` + s.Columns + ` AS stmt, row_number() OVER (ORDER BY ` + quoteOrder + `) AS rn
		FROM quotes qu JOIN articles a ON a.id = qu.article_id`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	switch {
	case q.Limit > 0 && !q.Copies:
		// The first Limit statements with every repetition of each, to be
		// folded under them.
		query = `WITH m AS (` + query + `), k AS (SELECT stmt FROM m GROUP BY stmt ORDER BY min(rn) LIMIT ` +
			args.Add(q.Limit) + `) SELECT * FROM m WHERE stmt IN (SELECT stmt FROM k) ORDER BY rn`
	case q.Limit > 0:
		query += ` ORDER BY ` + quoteOrder + ` LIMIT ` + args.Add(q.Limit)
	default:
		query += ` ORDER BY ` + quoteOrder
	}
	out, err := All(ctx, db, func(r Row) (sift.Statement, error) {
		var source, key string
		var rn int64
		h, err := Statement(r, &source, &key, &rn)
		h.Source, h.Key = source, key
		return h, err
	}, query, args.List...)
	if err != nil {
		return nil, fmt.Errorf("querying quotes: %w", err)
	}
	if q.Copies {
		return out, nil
	}
	return copies.FoldQuotes(out, q.Limit), nil
}

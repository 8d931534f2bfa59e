package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/copies"
	"github.com/sift-news/sift/internal/storeq"
)

// quoteColumns are the columns storeq.ScanQuote reads, from quotes aliased
// qu.
const quoteColumns = `qu.start, qu."end", qu.text, qu.kind, qu.speaker, qu.speaker_canonical, qu.speaker_start, qu.speaker_end,
	qu.cue, qu.cue_start, qu.cue_end, qu.via::text`

// Quotes returns the stored statements matching q, oldest article first
// and in text order within an article. Speaker matches part of the
// canonical name or the whole text naming the speaker; Via matches part of
// an intermediary's canonical name or text; both ignore ASCII case (and
// only ASCII case, comparing in the C collation), as in the SQLite store.
func (db *DB) Quotes(ctx context.Context, q sift.QuoteQuery) ([]sift.Statement, error) {
	var p params
	var where []string
	if q.Speaker != "" {
		v := p.add(q.Speaker) + `::text COLLATE "C"`
		where = append(where, `(strpos(lower(qu.speaker_canonical), lower(`+v+`)) > 0 OR lower(qu.speaker) = lower(`+v+`))`)
	}
	if q.Via != "" {
		v := p.add(q.Via) + `::text COLLATE "C"`
		where = append(where, `EXISTS (SELECT 1 FROM jsonb_array_elements(qu.via) v
			WHERE strpos(lower(coalesce(v->>'canonical', '') COLLATE "C"), lower(`+v+`)) > 0
			   OR strpos(lower((v->>'text') COLLATE "C"), lower(`+v+`)) > 0)`)
	}
	if q.Since != "" {
		where = append(where, `a.published >= `+p.add(q.Since))
	}
	const order = `a.published, a.outlet, a.id, qu.start`
	query := `SELECT ` + quoteColumns + `, a.id, a.title, a.outlet, a.published, a.source,
		` + statementOf("qu") + ` AS stmt, row_number() OVER (ORDER BY ` + order + `) AS rn
		FROM quotes qu JOIN articles a ON a.id = qu.article_id`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	switch {
	case q.Limit > 0 && !q.Copies:
		// The first Limit statements with every repetition of each, to be
		// folded under them.
		query = `WITH m AS (` + query + `), k AS (SELECT stmt FROM m GROUP BY stmt ORDER BY min(rn) LIMIT ` +
			p.add(q.Limit) + `) SELECT * FROM m WHERE stmt IN (SELECT stmt FROM k) ORDER BY rn`
	case q.Limit > 0:
		query += ` ORDER BY ` + order + ` LIMIT ` + p.add(q.Limit)
	default:
		query += ` ORDER BY ` + order
	}
	rows, err := db.pool.Query(ctx, query, p...)
	if err != nil {
		return nil, fmt.Errorf("querying quotes: %w", err)
	}
	defer rows.Close()
	out, err := storeq.Collect(rows, func(r storeq.Row) (sift.Statement, error) {
		var source, key string
		var rn int64
		h, err := storeq.Statement(r, &source, &key, &rn)
		h.Source, h.Key = source, key
		return h, err
	})
	if err != nil {
		return nil, fmt.Errorf("querying quotes: %w", err)
	}
	if q.Copies {
		return out, nil
	}
	return copies.FoldQuotes(out, q.Limit), nil
}

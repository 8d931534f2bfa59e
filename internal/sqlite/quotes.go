package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/copies"
	"github.com/sift-news/sift/internal/storeq"
)

// quoteColumns are the columns storeq.ScanQuote reads, from quotes
// aliased q.
func quoteColumns(q string) string {
	return q + `.start, ` + q + `.end, ` + q + `.text, ` + q + `.kind, ` + q + `.speaker, ` + q + `.speaker_canonical, ` +
		q + `.speaker_start, ` + q + `.speaker_end, ` + q + `.cue, ` + q + `.cue_start, ` + q + `.cue_end, ` + q + `.via`
}

// Quotes returns the stored statements matching q, oldest article first
// and in text order within an article. Speaker matches part of the
// canonical name ("Lavrov" finds "Sergey Lavrov") or the whole text naming
// the speaker; Via matches part of an intermediary's canonical name or
// text; both ignore case.
func (s *DB) Quotes(ctx context.Context, q sift.QuoteQuery) ([]sift.Statement, error) {
	var where []string
	var args []any
	if q.Speaker != "" {
		where = append(where, `(instr(lower(qu.speaker_canonical), lower(?)) > 0 OR lower(qu.speaker) = lower(?))`)
		args = append(args, q.Speaker, q.Speaker)
	}
	if q.Via != "" {
		where = append(where, `EXISTS (SELECT 1 FROM json_each(qu.via) v
			WHERE instr(lower(coalesce(json_extract(v.value, '$.canonical'), '')), lower(?)) > 0
			   OR instr(lower(json_extract(v.value, '$.text')), lower(?)) > 0)`)
		args = append(args, q.Via, q.Via)
	}
	if q.Since != "" {
		where = append(where, `a.published >= ?`)
		args = append(args, q.Since)
	}
	const order = `a.published, a.outlet, a.id, qu.start`
	query := `SELECT ` + quoteColumns("qu") + `, a.id, a.title, a.outlet, a.published, a.source,
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
			fmt.Sprint(q.Limit) + `) SELECT * FROM m WHERE stmt IN (SELECT stmt FROM k) ORDER BY rn`
	case q.Limit > 0:
		query += ` ORDER BY ` + order + fmt.Sprintf(" LIMIT %d", q.Limit)
	default:
		query += ` ORDER BY ` + order
	}
	rows, err := s.db.QueryContext(ctx, query, args...)
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
		return nil, fmt.Errorf("reading quotes: %w", err)
	}
	if q.Copies {
		return out, nil
	}
	return copies.FoldQuotes(out, q.Limit), nil
}

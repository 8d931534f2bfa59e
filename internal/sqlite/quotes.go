package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/copies"
)

// Quotes returns the stored statements matching q, oldest article first
// and in text order within an article. Speaker matches part of the
// canonical name ("Lavrov" finds "Sergey Lavrov") or the whole text naming
// the speaker; Via matches part of an intermediary's canonical name or
// text; both ignore case.
func (s *DB) Quotes(ctx context.Context, q sift.QuoteQuery) ([]sift.QuoteHit, error) {
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
	query := `SELECT a.id, a.title, a.outlet, a.published, a.source, qu.start, qu.end, qu.text, qu.kind,
		qu.speaker, qu.speaker_canonical, qu.speaker_start, qu.speaker_end, qu.cue, qu.cue_start, qu.cue_end, qu.via,
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
	out := []sift.QuoteHit{}
	for rows.Next() {
		var h sift.QuoteHit
		var sp, spc, cue, via string
		var ss, se, cs, ce sql.NullInt64
		var rn int64
		if err := rows.Scan(&h.ArticleID, &h.Title, &h.Outlet, &h.Published, &h.Source, &h.Quote.Start, &h.Quote.End,
			&h.Quote.Text, &h.Quote.Kind, &sp, &spc, &ss, &se, &cue, &cs, &ce, &via, &h.Statement, &rn); err != nil {
			return nil, fmt.Errorf("reading quotes: %w", err)
		}
		if ss.Valid {
			h.Quote.Speaker = &sift.Ref{Span: sift.Span{Start: int(ss.Int64), End: int(se.Int64), Text: sp}, Canonical: spc}
		}
		if cs.Valid {
			h.Quote.Cue = &sift.Span{Start: int(cs.Int64), End: int(ce.Int64), Text: cue}
		}
		if err := json.Unmarshal([]byte(via), &h.Quote.Via); err != nil {
			return nil, fmt.Errorf("reading via of a quote in %s: %w", h.ArticleID, err)
		}
		if h.Quote.Via == nil {
			h.Quote.Via = []sift.Ref{}
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading quotes: %w", err)
	}
	if q.Copies {
		return out, nil
	}
	return copies.FoldQuotes(out, q.Limit), nil
}

package sqlite

import (
	"context"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/storeq"
)

// quoteColumns are the columns storeq.ScanQuote reads, from quotes
// aliased q (and articles aliased a, joined on q.article_id, or "").
func quoteColumns(q, a string) string {
	return q + `.start, ` + q + `.end, ` + spanText(q, a) + `, ` + q + `.kind, ` + q + `.speaker, ` + q + `.speaker_canonical, ` +
		q + `.speaker_start, ` + q + `.speaker_end, ` + q + `.cue, ` + q + `.cue_start, ` + q + `.cue_end, ` + q + `.via`
}

// quoteSQL reads `sift quotes`: Speaker matches part of the canonical
// name ("Lavrov" finds "Sergey Lavrov") or the whole text naming the
// speaker; Via matches part of an intermediary's canonical name or text;
// both ignore case.
var quoteSQL = storeq.QuoteSQL{
	Columns: quoteColumns("qu", "a") + `, a.id, a.title, a.outlet, a.published, a.source, ` + statementOf("qu"),
	Speaker: func(v string, add func(any) string) string {
		return `(instr(lower(qu.speaker_canonical), lower(` + add(v) + `)) > 0 OR lower(qu.speaker) = lower(` + add(v) + `))`
	},
	Via: func(v string, add func(any) string) string {
		return `EXISTS (SELECT 1 FROM json_each(qu.via) v
			WHERE instr(lower(coalesce(json_extract(v.value, '$.canonical'), '')), lower(` + add(v) + `)) > 0
			   OR instr(lower(json_extract(v.value, '$.text')), lower(` + add(v) + `)) > 0)`
	},
}

// Quotes returns the stored statements matching q, oldest article first
// and in text order within an article, a statement's repetitions under it
// unless q.Copies.
func (s *DB) Quotes(ctx context.Context, q sift.QuoteQuery) ([]sift.Statement, error) {
	return storeq.Quotes(ctx, s.q(), quoteSQL, q)
}

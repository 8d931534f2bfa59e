package postgres

import (
	"context"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/storeq"
)

// quoteColumns are the columns storeq.ScanQuote reads, from quotes aliased
// qu and articles aliased a (joined on qu.article_id).
var quoteColumns = `qu.start, qu."end", ` + quoteText("qu", "a") + `, qu.kind, qu.speaker, qu.speaker_canonical, qu.speaker_start, qu.speaker_end,
	qu.cue, qu.cue_start, qu.cue_end, qu.via::text`

// quoteSQL reads `sift quotes`: Speaker matches part of the canonical
// name or the whole text naming the speaker; Via matches part of an
// intermediary's canonical name or text; both ignore ASCII case (and only
// ASCII case, comparing in the C collation), as in the SQLite store.
var quoteSQL = storeq.QuoteSQL{
	Columns: quoteColumns + `, a.id, a.title, a.outlet, a.published, a.source, ` + statementOf("qu"),
	Speaker: func(v string, add func(any) string) string {
		p := add(v) + `::text COLLATE "C"`
		return `(strpos(lower(qu.speaker_canonical), lower(` + p + `)) > 0 OR lower(qu.speaker) = lower(` + p + `))`
	},
	Via: func(v string, add func(any) string) string {
		p := add(v) + `::text COLLATE "C"`
		return `EXISTS (SELECT 1 FROM jsonb_array_elements(qu.via) v
			WHERE strpos(lower(coalesce(v->>'canonical', '') COLLATE "C"), lower(` + p + `)) > 0
			   OR strpos(lower((v->>'text') COLLATE "C"), lower(` + p + `)) > 0)`
	},
	Numbered: true,
}

// Quotes returns the stored statements matching q, oldest article first
// and in text order within an article, a statement's repetitions under it
// unless q.Copies.
func (db *DB) Quotes(ctx context.Context, q sift.QuoteQuery) ([]sift.Statement, error) {
	return storeq.Quotes(ctx, db.q(), quoteSQL, q)
}

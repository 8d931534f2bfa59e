package postgres

import "unicode/utf8"

// derivedSchema (migration 600-derived-text) stops storing what the store
// can recompute, as package sqlite's migration of the same name does:
//
//   - the text of a quote or a claim is its span of the article's text
//     (offsets in code points), and is stored NULL when it is exactly that
//     span; a claim's norm is stored NULL when it equals its text. Readers
//     take them back with spanText and claimNorm.
//   - the analyzer version of each entity, quote, technique and claim is
//     stored empty when it is the one the article's analyzer map gives its
//     stage ("ner", "quotes", "techniques", "claims"); nothing reads it
//     back, but it is recoverable.
const derivedSchema = `
ALTER TABLE quotes ALTER COLUMN text DROP NOT NULL;
UPDATE quotes q SET
	text = CASE WHEN q.text = substr(a.text, q.start + 1, q."end" - q.start) THEN NULL ELSE q.text END,
	analyzer = CASE WHEN q.analyzer = coalesce(a.analyzer->>'quotes', '') THEN '' ELSE q.analyzer END
	FROM articles a WHERE a.id = q.article_id;
ALTER TABLE article_claims ALTER COLUMN text DROP NOT NULL, ALTER COLUMN norm DROP NOT NULL;
UPDATE article_claims c SET
	text = CASE WHEN c.text = substr(a.text, c.start + 1, c."end" - c.start) COLLATE "C" THEN NULL ELSE c.text END,
	norm = CASE WHEN c.norm = c.text COLLATE "default" THEN NULL ELSE c.norm END,
	analyzer = CASE WHEN c.analyzer = coalesce(a.analyzer->>'claims', '') THEN '' ELSE c.analyzer END
	FROM articles a WHERE a.id = c.article_id;
UPDATE entities e SET analyzer = '' FROM articles a
	WHERE a.id = e.article_id AND e.analyzer != '' AND e.analyzer = coalesce(a.analyzer->>'ner', '');
UPDATE techniques t SET analyzer = '' FROM articles a
	WHERE a.id = t.article_id AND t.analyzer != '' AND t.analyzer = coalesce(a.analyzer->>'techniques', '');
`

// spanText is the SQL of the text column of row r (an alias of quotes or
// article_claims), recomputed from its article's text when stored NULL:
// from articles aliased a when the query joins it on r.article_id (a is
// not ""), or by a look-up of its own. collate is the column's collation
// clause (` COLLATE "C"` for claims, "" for quotes).
func spanText(r, a, collate string) string {
	span := r + `.start + 1, ` + r + `."end" - ` + r + `.start`
	if a != "" {
		return `coalesce(` + r + `.text, substr(` + a + `.text, ` + span + `)` + collate + `)`
	}
	return `coalesce(` + r + `.text, (SELECT substr(span_a.text, ` + span + `) FROM articles span_a WHERE span_a.id = ` + r + `.article_id)` + collate + `)`
}

// claimText is the SQL of the text of claim c (a as for spanText).
func claimText(c, a string) string { return spanText(c, a, ` COLLATE "C"`) }

// quoteText is the SQL of the text of quote q (a as for spanText).
func quoteText(q, a string) string { return spanText(q, a, "") }

// claimNorm is the SQL of the normalised text of claim c, stored NULL when
// it is the text.
func claimNorm(c, a string) string {
	return `coalesce(` + c + `.norm, (` + claimText(c, a) + `) COLLATE "default")`
}

// spanned returns what to store for a fact's text at [start, end) of an
// article's runes (text as stored, after noNUL): nil when it is that span,
// the text otherwise. An article text that is not valid UTF-8 is refused
// by the server anyway.
func spanned(runes []rune, text string, start, end int) *string {
	if start < 0 || end < start || end > len(runes) || end-start != utf8.RuneCountInString(text) || string(runes[start:end]) != text {
		return &text
	}
	return nil
}

// articleRunes returns the code points of an article's text as stored
// (after noNUL), for spanned; none when the text is not valid UTF-8.
func articleRunes(text string) []rune {
	if !utf8.ValidString(text) {
		return nil
	}
	return []rune(noNUL(text))
}

// ptrString returns a pointer to s.
func ptrString(s string) *string { return &s }

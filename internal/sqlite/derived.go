package sqlite

import (
	"strings"
	"unicode/utf8"
)

// derivedSchema (migration 600-derived-text) stops storing what the store
// can recompute:
//
//   - the text of a quote or a claim is its span of the article's text
//     (offsets in code points), and is stored NULL when it is exactly that
//     span; a claim's norm is stored NULL when it equals its text. Readers
//     take them back with spanText and claimNorm.
//   - the analyzer version of each entity, quote, technique and claim is
//     stored empty when it is the one the article's analyzer map gives its
//     stage ("ner", "quotes", "techniques", "claims"); nothing reads it
//     back, but it is recoverable.
//
// quotes and article_claims are rebuilt (their text and norm columns lose
// NOT NULL) keeping every rowid, so that scans, and orders that fall back
// on rowid, stay as they were.
const derivedSchema = `
CREATE TABLE quotes_new (
	article_id        TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	start             INTEGER NOT NULL,
	end               INTEGER NOT NULL,
	text              TEXT, -- NULL: the article's text from start to end
	kind              TEXT NOT NULL,
	speaker           TEXT NOT NULL DEFAULT '',
	speaker_canonical TEXT NOT NULL DEFAULT '',
	speaker_start     INTEGER,
	speaker_end       INTEGER,
	cue               TEXT NOT NULL DEFAULT '',
	cue_start         INTEGER,
	cue_end           INTEGER,
	via               TEXT NOT NULL DEFAULT '[]',
	analyzer          TEXT NOT NULL DEFAULT '' -- '': the article's analyzer->>'quotes'
);
INSERT INTO quotes_new(rowid, article_id, start, end, text, kind, speaker, speaker_canonical, speaker_start, speaker_end,
	cue, cue_start, cue_end, via, analyzer)
SELECT q.rowid, q.article_id, q.start, q.end,
	CASE WHEN q.text = substr(a.text, q.start + 1, q.end - q.start) THEN NULL ELSE q.text END,
	q.kind, q.speaker, q.speaker_canonical, q.speaker_start, q.speaker_end, q.cue, q.cue_start, q.cue_end, q.via,
	CASE WHEN q.analyzer = coalesce(a.analyzer->>'quotes', '') THEN '' ELSE q.analyzer END
FROM quotes q LEFT JOIN articles a ON a.id = q.article_id ORDER BY q.rowid;
DROP TABLE quotes;
ALTER TABLE quotes_new RENAME TO quotes;
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_canonical);

CREATE TABLE article_claims_new (
	article_id        TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	n                 INTEGER NOT NULL,
	start             INTEGER NOT NULL,
	end               INTEGER NOT NULL,
	text              TEXT, -- NULL: the article's text from start to end
	norm              TEXT, -- NULL: the text
	speaker           TEXT NOT NULL DEFAULT '',
	speaker_canonical TEXT NOT NULL DEFAULT '',
	speaker_start     INTEGER,
	speaker_end       INTEGER,
	via               TEXT NOT NULL DEFAULT '[]',
	attributed        INTEGER NOT NULL DEFAULT 0,
	analyzer          TEXT NOT NULL DEFAULT '', -- '': the article's analyzer->>'claims'
	claim_id          TEXT,
	score             REAL NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, n)
);
INSERT INTO article_claims_new(rowid, article_id, n, start, end, text, norm, speaker, speaker_canonical,
	speaker_start, speaker_end, via, attributed, analyzer, claim_id, score)
SELECT c.rowid, c.article_id, c.n, c.start, c.end,
	CASE WHEN c.text = substr(a.text, c.start + 1, c.end - c.start) THEN NULL ELSE c.text END,
	CASE WHEN c.norm = c.text THEN NULL ELSE c.norm END,
	c.speaker, c.speaker_canonical, c.speaker_start, c.speaker_end, c.via, c.attributed,
	CASE WHEN c.analyzer = coalesce(a.analyzer->>'claims', '') THEN '' ELSE c.analyzer END,
	c.claim_id, c.score
FROM article_claims c LEFT JOIN articles a ON a.id = c.article_id ORDER BY c.rowid;
DROP TABLE article_claims;
ALTER TABLE article_claims_new RENAME TO article_claims;
CREATE INDEX article_claims_claim ON article_claims(claim_id);
CREATE INDEX article_claims_pending ON article_claims(article_id) WHERE claim_id IS NULL;

UPDATE entities SET analyzer = '' WHERE analyzer != '' AND analyzer =
	(SELECT coalesce(a.analyzer->>'ner', '') FROM articles a WHERE a.id = entities.article_id);
UPDATE techniques SET analyzer = '' WHERE analyzer != '' AND analyzer =
	(SELECT coalesce(a.analyzer->>'techniques', '') FROM articles a WHERE a.id = techniques.article_id);
`

// spanText is the SQL of the text column of row r (an alias of quotes or
// article_claims), recomputed from its article's text when stored NULL:
// from articles aliased a when the query joins it on r.article_id (a is
// not ""), or by a look-up of its own.
func spanText(r, a string) string {
	span := r + `.start + 1, ` + r + `.end - ` + r + `.start`
	if a != "" {
		return `coalesce(` + r + `.text, substr(` + a + `.text, ` + span + `))`
	}
	return `coalesce(` + r + `.text, (SELECT substr(span_a.text, ` + span + `) FROM articles span_a WHERE span_a.id = ` + r + `.article_id))`
}

// claimNorm is the SQL of the normalised text of claim c (an alias of
// article_claims; a as for spanText), stored NULL when it is the text.
func claimNorm(c, a string) string { return `coalesce(` + c + `.norm, ` + spanText(c, a) + `)` }

// spans tells which texts of an article's facts are their spans of its
// text, so they need not be stored.
type spans struct {
	runes []rune // nil: compare nothing, store every text
}

// newSpans reads text for spanOf. A text that is not valid UTF-8 or holds
// a NUL is left alone: SQLite's substr would not count its characters as
// Go counts runes.
func newSpans(text string) spans {
	if !utf8.ValidString(text) || strings.IndexByte(text, 0) >= 0 {
		return spans{}
	}
	return spans{runes: []rune(text)}
}

// stored returns what to store for a fact's text at [start, end): nil when
// it is that span of the article's text, the text otherwise.
func (s spans) stored(text string, start, end int) any {
	if s.runes == nil || start < 0 || end < start || end > len(s.runes) || end-start != utf8.RuneCountInString(text) {
		return text
	}
	if string(s.runes[start:end]) != text {
		return text
	}
	return nil
}

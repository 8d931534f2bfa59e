package sift

import "context"

// QuoteQuery selects stored statements. Empty fields match everything.
type QuoteQuery struct {
	// Speaker matches part of the speaker's canonical name or the whole
	// text naming them, case-insensitively ("Lavrov" finds "Sergey Lavrov").
	Speaker string
	// Via matches part of the name of one of the intermediaries that
	// reported the statement ("TASS"), case-insensitively.
	Via string
	// Since keeps articles published on or after this date (YYYY-MM-DD).
	Since string
	// Limit caps the number of results when positive.
	Limit int
	// Copies lists every repetition of a statement on its own instead of
	// under the first.
	Copies bool
}

// Statement is a stored quote with the article it appeared in, and the
// copies that repeat it in other articles (copies and spun copies found by
// linking), each listed once under it. `sift quotes`, the speaker pages
// and the API's speaker answers all read statements; the JSON below is the
// API's (the quote's fields, then the article's), which `sift quotes
// --format json` nests differently.
type Statement struct {
	Quote
	ArticleID string          `json:"article_id"`
	Title     string          `json:"title"`
	Outlet    string          `json:"outlet"`
	Published string          `json:"published"`
	Copies    []StatementCopy `json:"copies"`
	// Source is where the article was read from.
	Source string `json:"-"`
	// Key names the statement the quote makes, the same for a quote and
	// its copies; stores set it for folding.
	Key string `json:"-"`
}

// StatementCopy is a statement repeated in a copying article.
type StatementCopy struct {
	ArticleID string `json:"article_id"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
}

// SpeakerSummary is a speaker with how often they are quoted. A statement
// repeated in copies of an article (found by the linking stage's reuse
// links) counts once in Quotes, and an article and its whole copies once in
// Articles; Copies counts the repetitions left out.
type SpeakerSummary struct {
	Name     string `json:"name"`
	Quotes   int    `json:"quotes"`
	Articles int    `json:"articles"`
	Outlets  int    `json:"outlets"`
	Copies   int    `json:"copies"`
}

// QuoteStore answers "who said what" across stored articles.
type QuoteStore interface {
	// Quotes returns the statements matching q, oldest article first, in
	// text order within an article; unless q.Copies, the repetitions of a
	// statement are folded under its first (its Copies), Source and Key
	// set.
	Quotes(ctx context.Context, q QuoteQuery) ([]Statement, error)
	// ListSpeakers returns the speakers quoted in the most articles.
	ListSpeakers(ctx context.Context, limit int) ([]SpeakerSummary, error)
	// SpeakerStatements returns one page of the statements of a speaker
	// (canonical name, or the text of unresolved speakers) that repeat no
	// other, earliest first, each with its copies, and how many there
	// are.
	SpeakerStatements(ctx context.Context, name string, limit, offset int) ([]Statement, int, error)
}

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

// QuoteHit is one stored statement with the article it appeared in.
type QuoteHit struct {
	ArticleID string `json:"article_id"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	Source    string `json:"source"`
	Quote     Quote  `json:"quote"`
	// Copies lists the articles repeating the statement (copies and spun
	// copies found by linking), each listed once under the statement.
	Copies []StatementCopy `json:"copies,omitempty"`
	// Statement keys the statement the quote makes, the same for a quote
	// and its copies; stores set it for folding.
	Statement string `json:"-"`
}

// QuoteStore answers "who said what" across stored articles.
type QuoteStore interface {
	// Quotes returns the statements matching q, oldest article first, in
	// text order within an article.
	Quotes(ctx context.Context, q QuoteQuery) ([]QuoteHit, error)
}

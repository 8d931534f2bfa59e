package postgres

import "github.com/sift-news/sift/internal/searchq"

// The search syntax of sift.Query.Text is the one users learn on the
// embedded store (SQLite FTS5), read by package searchq for both stores
// and written out here as the input of PostgreSQL's to_tsquery, so that
// the same query finds the same articles on both backends. Text that is
// not valid syntax is searched as its plain words (all of them must
// occur); text without a word is a *sift.QueryError.

// toTSQuery translates search text into to_tsquery input, or an error
// wrapping searchq.ErrSyntax. Empty text gives "".
func toTSQuery(text string) (string, error) {
	n, err := searchq.Parse(text)
	if n == nil || err != nil {
		return "", err
	}
	return n.TSQuery(), nil
}

// searchQuery is the to_tsquery input for user text: its translation, or
// all its words when it is not valid syntax; "" for blank text and a
// *sift.QueryError for text without a word.
func searchQuery(text string) (string, error) {
	n, err := searchq.Query(text)
	if n == nil || err != nil {
		return "", err
	}
	return n.TSQuery(), nil
}

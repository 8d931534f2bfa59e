package sift

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"unicode"
)

// ErrNotFound is returned by stores for an ID they do not hold.
var ErrNotFound = errors.New("not found")

// QueryError reports search text that cannot be searched as it stands;
// Reason says what to change. The server answers it with a 400 and
// `sift search` with exit status 2.
type QueryError struct {
	Query  string
	Reason string
}

func (e *QueryError) Error() string {
	return "cannot search for " + strconv.Quote(e.Query) + ": " + e.Reason
}

// ArticleID is the stable identifier of an article: a hash of its outlet and
// its normalised text (case, punctuation and white space folded), so that
// the same article ingested twice, from any path, is stored once, while the
// same text published by two outlets stays two articles (linked later as
// exact duplicates).
func ArticleID(outlet, text string) string {
	h := sha256.New()
	h.Write([]byte(strings.ToLower(strings.TrimSpace(outlet))))
	h.Write([]byte{0})
	h.Write([]byte(Normalize(text)))
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Normalize folds text for comparison: lower case, letters and digits only,
// single spaces between words.
func Normalize(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	space := false
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// Query is a search over stored articles. Text uses the store's full-text
// syntax: words, "quoted phrases", prefix*, AND/OR/NOT.
type Query struct {
	Text      string
	Outlet    string
	Since     string // YYYY-MM-DD inclusive
	Until     string // YYYY-MM-DD inclusive
	Entity    string // canonical entity name
	Speaker   string // canonical speaker name
	Technique string
	Story     string
	Limit     int
	Offset    int
}

// Hit is one search result.
type Hit struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Outlet    string  `json:"outlet"`
	Published string  `json:"published"`
	Source    string  `json:"source"`
	Snippet   string  `json:"snippet"` // text with matches between \x02 and \x03
	Rank      float64 `json:"rank"`
}

// ArticleStore keeps articles with everything derived from them.
type ArticleStore interface {
	// PutArticle stores a (whose ID must be set) unless an article with the
	// same ID is stored already; it reports whether a was new. The article
	// and all its facts are written in one transaction.
	PutArticle(ctx context.Context, a *Article) (created bool, err error)
	// PutArticles stores a batch in one transaction and returns the
	// articles that were new, in order.
	PutArticles(ctx context.Context, as []*Article) (added []*Article, err error)
	// Article returns the stored article with the given ID, or ErrNotFound.
	Article(ctx context.Context, id string) (*Article, error)
	// Search returns matching articles, best first, and the total count.
	Search(ctx context.Context, q Query) ([]Hit, int, error)
	// SearchFacets counts the articles matching q (its Limit and Offset
	// are ignored) by outlet, month and technique.
	SearchFacets(ctx context.Context, q Query) (*Facets, error)
	// CountArticles returns how many articles are stored.
	CountArticles(ctx context.Context) (int, error)
}

// Reader is every read query of the listings the command line, the web UI
// and the HTTP API share: stories, entities, statements and speakers,
// outlets. Both stores answer each with the same types.
type Reader interface {
	StoryStore
	EntityStore
	QuoteStore
	OutletStore
}

// Store is a whole store as the commands open it (internal/sqlite and
// internal/postgres): articles and their search, the listings, copies,
// claims and feed state. Writing links goes through the ingest package's
// interface, which both stores also satisfy.
type Store interface {
	ArticleStore
	Reader
	BriefStore
	CopyStore
	ClaimStore
	FeedStore
	Close() error
}

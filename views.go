package sift

import "sort"

// Views are the aggregates the stores compute for the web UI, the HTTP API
// and the commands that list what is stored: search facets, story lists,
// entity and speaker profiles, outlet technique profiles. Every backend
// (internal/sqlite, internal/postgres) returns these same types, so that
// callers need not know which store they read.

// Count is a value with the number of times it occurs.
type Count struct {
	Key string `json:"key"`
	N   int    `json:"n"`
}

// TopCounts returns the counts of m, most first (then by key), at most
// limit of them unless limit is 0. Both stores order facets with it.
func TopCounts(m map[string]int, limit int) []Count {
	out := make([]Count, 0, len(m))
	for k, n := range m {
		out = append(out, Count{Key: k, N: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Key < out[j].Key
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// Facets counts the articles matching a query by outlet, by month of
// publication (YYYY-MM) and by propaganda technique found in them.
type Facets struct {
	Outlets    []Count `json:"outlets"`
	Months     []Count `json:"months"`
	Techniques []Count `json:"techniques"`
	// NoOutlet and Undated count the articles whose outlet, or date, is
	// unknown (plain-text inputs that said neither).
	NoOutlet int `json:"no_outlet"`
	Undated  int `json:"undated"`
	// Sampled is non-zero when more articles matched than FacetSample: the
	// counts then cover only the first Sampled matches in store order.
	Sampled int `json:"sampled,omitempty"`
}

// FacetSample is the most matching articles stores count into facets,
// which keeps the cost of a broad query bounded on a large store. A query
// with no text and no filter is counted in full.
var FacetSample = 1000

// RankSample is the most matching articles a text search ranks. When more
// match, stores rank the RankSample most recently stored matches (and
// still count all of them), so that a word found in most of a large store
// costs no more to rank than one found in RankSample articles; the first
// pages then hold the best-ranked of those recent matches. A store of up
// to RankSample articles always ranks every match.
var RankSample = 100000

// StorySummary is one line of the story list.
type StorySummary struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Articles int    `json:"articles"`
	Outlets  int    `json:"outlets"`
	First    string `json:"first,omitempty"` // earliest publication date
	Last     string `json:"last,omitempty"`  // latest publication date
}

// EntitySummary is an entity with how often it is mentioned.
type EntitySummary struct {
	Canonical string `json:"canonical"`
	Type      string `json:"type"`
	Mentions  int    `json:"mentions"`
	Articles  int    `json:"articles"`
}

// EntityProfile is what a store knows about one entity.
type EntityProfile struct {
	EntitySummary
	// Names lists the spellings found in the text, most frequent first.
	Names []Count `json:"names"`
	// Roles lists the titles and functions given to it.
	Roles []Count `json:"roles"`
	// Months counts the articles mentioning it per month (YYYY-MM).
	Months []Count `json:"months"`
	// Days counts the articles mentioning it per day (YYYY-MM-DD), for
	// the chart of a short stretch of time.
	Days []Count `json:"days"`
	// Outlets counts the articles mentioning it per outlet.
	Outlets []Count `json:"outlets"`
	// Related lists the entities mentioned in the same articles, with the
	// number of articles they share.
	Related []EntitySummary `json:"related"`
	// Links counts the articles shared by pairs of related entities, for
	// drawing the graph; Key is "A\x00B" with A < B.
	Links []Count `json:"-"`
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

// Statement is a quote with the article it appeared in, and the copies
// that repeat it in other articles.
type Statement struct {
	Quote
	ArticleID string          `json:"article_id"`
	Title     string          `json:"title"`
	Outlet    string          `json:"outlet"`
	Published string          `json:"published"`
	Copies    []StatementCopy `json:"copies"`
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

// TechniqueRate is how often a technique occurs in an outlet's articles
// and in the whole store, in spans per 1,000 words.
type TechniqueRate struct {
	Technique string  `json:"technique"`
	Spans     int     `json:"spans"`
	Rate      float64 `json:"rate"`
	StoreRate float64 `json:"store_rate"`
}

// OutletProfile is what a store knows about one outlet.
type OutletProfile struct {
	Outlet     string          `json:"outlet"`
	Articles   int             `json:"articles"`
	Words      int             `json:"words"`
	First      string          `json:"first,omitempty"`
	Last       string          `json:"last,omitempty"`
	Techniques []TechniqueRate `json:"techniques"`
	// Speakers and Entities are those it quotes and names most.
	Speakers []Count `json:"speakers"`
	Entities []Count `json:"entities"`
}

package sift

import "context"

// EntityQuery selects stored entities. Empty fields match everything.
type EntityQuery struct {
	// Type keeps entities of one type (PERSON, ORG, LOC, MISC): the type
	// their mentions were given most often.
	Type string
	// Name matches part of the canonical name, case-insensitively.
	Name string
	// Limit caps the number of entities when positive.
	Limit int
	// Related is how many co-occurring entities to list for each entity.
	Related int
}

// EntitySummary is an entity with how often it is mentioned. An article
// and its whole copies count once in Articles, and in Mentions with the
// mentions of the one that mentions it most; Type is the type its mentions
// were given most often.
type EntitySummary struct {
	Canonical string `json:"canonical"`
	Type      string `json:"type"`
	Mentions  int    `json:"mentions"`
	Articles  int    `json:"articles"`
}

// EntityCount is an entity with a count of articles.
type EntityCount struct {
	Canonical string `json:"canonical"`
	Articles  int    `json:"articles"`
}

// EntityStat is one entity across the stored articles, as `sift entities`
// lists it: its summary with its spellings, roles and companions.
type EntityStat struct {
	EntitySummary
	// Names are the ways the entity was written, most frequent first.
	Names []string `json:"names"`
	// Roles are the titles given to it ("foreign minister"), most
	// frequent first.
	Roles []string `json:"roles,omitempty"`
	// Related are the entities mentioned in the most articles together
	// with this one.
	Related []EntityCount `json:"related"`
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

// EntityStore answers "who and where" across stored articles.
type EntityStore interface {
	// Entities returns the entities matching q, those mentioned in the
	// most articles first (then the most mentions, then by name), with
	// their spellings, roles and q.Related companions.
	Entities(ctx context.Context, q EntityQuery) ([]EntityStat, error)
	// ListEntities returns the entities mentioned in the most articles
	// (then by name), counting only mentions of type typ when it is not
	// empty, whose canonical name contains name (ignoring ASCII case)
	// when it is not empty.
	ListEntities(ctx context.Context, typ, name string, limit int) ([]EntitySummary, error)
	// EntityProfileOf returns the profile of the entity with the given
	// canonical name, or ErrNotFound.
	EntityProfileOf(ctx context.Context, name string) (*EntityProfile, error)
}

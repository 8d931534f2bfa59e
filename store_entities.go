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

// EntityCount is an entity with a count of articles.
type EntityCount struct {
	Canonical string `json:"canonical"`
	Articles  int    `json:"articles"`
}

// EntityStat is one entity across the stored articles.
type EntityStat struct {
	Canonical string `json:"canonical"`
	Type      string `json:"type"`
	// Mentions counts every mention; Articles the articles mentioning it.
	Mentions int `json:"mentions"`
	Articles int `json:"articles"`
	// Names are the ways the entity was written, most frequent first.
	Names []string `json:"names"`
	// Roles are the titles given to it ("foreign minister"), most
	// frequent first.
	Roles []string `json:"roles,omitempty"`
	// Related are the entities mentioned in the most articles together
	// with this one.
	Related []EntityCount `json:"related"`
}

// EntityStore answers "who and where" across stored articles.
type EntityStore interface {
	// Entities returns the entities matching q, those mentioned in the
	// most articles first.
	Entities(ctx context.Context, q EntityQuery) ([]EntityStat, error)
}

package storeq

import (
	"strconv"
	"strings"

	"github.com/sift-news/sift"
)

// Args collects the arguments of a statement and writes their
// placeholders, "?" (SQLite) or "$n" (PostgreSQL, counting the arguments
// already held).
type Args struct {
	// Numbered selects "$n" placeholders.
	Numbered bool
	// List holds the arguments in order.
	List []any
}

// Add appends v and returns its placeholder.
func (a *Args) Add(v any) string {
	a.List = append(a.List, v)
	if a.Numbered {
		return "$" + strconv.Itoa(len(a.List))
	}
	return "?"
}

// Subquery says how a filter on a fact of an article (an entity, a
// speaker, a technique, a story) is written.
type Subquery int

const (
	// Exists tests each article: EXISTS (SELECT 1 FROM … WHERE article_id = a.id …).
	Exists Subquery = iota
	// In collects the articles first: a.id IN (SELECT article_id FROM …).
	In
)

// Filters returns the conditions on articles aliased a of q's filters
// other than its text, in a fixed order, each with its placeholder from
// add: outlet, date range, entity, speaker, technique and story.
func Filters(q sift.Query, sub Subquery, add func(v any) string) []string {
	var where []string
	cond := func(v, clause string) {
		if v != "" {
			where = append(where, strings.Replace(clause, "?", add(v), 1))
		}
	}
	fact := func(v, table, alias, column string) {
		if sub == In {
			cond(v, `a.id IN (SELECT article_id FROM `+table+` WHERE `+column+` = ?)`)
		} else {
			cond(v, `EXISTS (SELECT 1 FROM `+table+` `+alias+` WHERE `+alias+`.article_id = a.id AND `+alias+`.`+column+` = ?)`)
		}
	}
	cond(q.Outlet, `a.outlet = ?`)
	cond(q.Since, `a.published >= ?`)
	cond(q.Until, `a.published != '' AND a.published <= ?`)
	fact(q.Entity, "entities", "e", "canonical")
	fact(q.Speaker, "quotes", "qq", "speaker_canonical")
	fact(q.Technique, "techniques", "t", "technique")
	fact(q.Story, "story_articles", "sa", "story_id")
	return where
}

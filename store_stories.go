package sift

import "context"

// StoryQuery selects stories.
type StoryQuery struct {
	MinArticles int // only stories with at least this many articles
	Limit       int // 0 for all
	Offset      int
}

// StoryStore keeps stories (articles grouped by event) and the reuse links
// between articles (copies, shared passages, spun copies).
type StoryStore interface {
	// Stories returns stories, largest first, each with its articles in
	// timeline order (publication date, then order of arrival).
	Stories(ctx context.Context, q StoryQuery) ([]Story, error)
	// Story returns one story, or ErrNotFound.
	Story(ctx context.Context, id string) (*Story, error)
	// Reuse returns the reuse links in which the article takes part, on
	// either side.
	Reuse(ctx context.Context, articleID string) ([]Reuse, error)
}

// BriefStore reads stored articles without their derived facts, for the
// listings that need only an article's outlet, date or length (`sift
// stories` names the outlet of each article a story's articles copy).
type BriefStore interface {
	// ArticleBrief returns the article's ID, source, title, text, outlet
	// and publication date, without entities, quotes or techniques, or
	// ErrNotFound.
	ArticleBrief(ctx context.Context, id string) (*Article, error)
}

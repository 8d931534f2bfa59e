package sift

import "context"

// StoryQuery selects stories.
type StoryQuery struct {
	MinArticles int // only stories with at least this many articles
	Limit       int // 0 for all
	Offset      int
}

// StorySummary is one line of the story list.
type StorySummary struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Articles int    `json:"articles"`
	Outlets  int    `json:"outlets"`
	First    string `json:"first,omitempty"` // earliest publication date
	Last     string `json:"last,omitempty"`  // latest publication date
}

// StoryStore keeps stories (articles grouped by event) and the reuse links
// between articles (copies, shared passages, spun copies).
type StoryStore interface {
	// Stories returns stories, largest first, each with its articles in
	// timeline order (publication date, then order of arrival).
	Stories(ctx context.Context, q StoryQuery) ([]Story, error)
	// Story returns one story with its articles in timeline order, or
	// ErrNotFound.
	Story(ctx context.Context, id string) (*Story, error)
	// Reuse returns the reuse links in which the article takes part, on
	// either side.
	Reuse(ctx context.Context, articleID string) ([]Reuse, error)
	// ListStories returns one page of stories, those with the most
	// articles first, without their articles, and how many stories there
	// are.
	ListStories(ctx context.Context, limit, offset int) ([]StorySummary, int, error)
	// StoryOf returns the ID of the story an article belongs to, or "".
	StoryOf(ctx context.Context, articleID string) (string, error)
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

package sift

import (
	"context"
	"time"
)

// FeedState is what sift remembers about a watched feed between polls, so
// that a restarted `sift watch` resumes where it stopped and `sift feeds`
// can tell a healthy source from one that went silent.
type FeedState struct {
	URL          string
	Title        string
	ETag         string // validators of the last successful fetch, for conditional GET
	LastModified string
	Added        time.Time // first polled
	LastPoll     time.Time // last attempt, successful or not
	LastSuccess  time.Time // last poll that fetched and parsed the feed (or got 304)
	LastItem     time.Time // when a new item last appeared
	ErrorStreak  int       // failed polls since the last success
	LastError    string
}

// FeedStore keeps the state of watched feeds and the items already seen.
type FeedStore interface {
	// Feed returns the state of the feed at url, or ErrNotFound.
	Feed(ctx context.Context, url string) (*FeedState, error)
	// PutFeed creates or replaces the state of a feed.
	PutFeed(ctx context.Context, f *FeedState) error
	// Feeds returns the state of every feed, by URL.
	Feeds(ctx context.Context) ([]FeedState, error)
	// SeenItems returns which of keys (item GUIDs or links) were already
	// seen in the feed.
	SeenItems(ctx context.Context, feed string, keys []string) (map[string]bool, error)
	// MarkSeen records items of the feed as seen at the given time, with
	// what became of them ("stored", or an error message).
	MarkSeen(ctx context.Context, feed string, items []SeenItem) error
	// ArticlesSince counts the feed's items first seen at or after since
	// whose page was stored (status "stored").
	ArticlesSince(ctx context.Context, feed string, since time.Time) (int, error)
}

// SeenItem is one feed item as recorded by MarkSeen.
type SeenItem struct {
	Key    string // GUID, or the link when the item has none
	URL    string
	Seen   time.Time
	Status string
}

package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sift-news/sift"
)

// feedsSchema holds watched feeds and the items seen in them (migration 300-feeds).
const feedsSchema = `
-- Watched feeds (sift watch): validators for conditional GET and health.
-- Times are kept to the second, as the SQLite store keeps them; NULL when
-- never.
CREATE TABLE feeds (
	url           text COLLATE "C" PRIMARY KEY,
	title         text NOT NULL DEFAULT '',
	etag          text NOT NULL DEFAULT '',
	last_modified text NOT NULL DEFAULT '',
	added         timestamptz,
	last_poll     timestamptz,
	last_success  timestamptz,
	last_item     timestamptz,
	error_streak  integer NOT NULL DEFAULT 0,
	last_error    text NOT NULL DEFAULT ''
);
-- Items already seen in each feed, so a restart does not fetch them again.
CREATE TABLE feed_items (
	feed   text COLLATE "C" NOT NULL,
	key    text COLLATE "C" NOT NULL,
	url    text NOT NULL DEFAULT '',
	seen   timestamptz NOT NULL,
	status text NOT NULL DEFAULT '',
	PRIMARY KEY (feed, key)
);
CREATE INDEX feed_items_seen ON feed_items(feed, seen);`

var _ sift.FeedStore = (*DB)(nil)

// second returns t in UTC to the second: the precision both stores keep.
func second(t time.Time) time.Time { return t.UTC().Truncate(time.Second) }

// nullTime returns t to the second, or nil (NULL) for the zero time.
func nullTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	t = second(t)
	return &t
}

// fromNull returns the time read from a nullable column, in UTC; the zero
// time for NULL.
func fromNull(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

// feedColumns are the columns scanFeed reads.
const feedColumns = `url, title, etag, last_modified, added, last_poll, last_success, last_item, error_streak, last_error`

func scanFeed(r pgx.Row) (sift.FeedState, error) {
	var f sift.FeedState
	var added, poll, success, item *time.Time
	err := r.Scan(&f.URL, &f.Title, &f.ETag, &f.LastModified, &added, &poll, &success, &item, &f.ErrorStreak, &f.LastError)
	f.Added, f.LastPoll, f.LastSuccess, f.LastItem = fromNull(added), fromNull(poll), fromNull(success), fromNull(item)
	return f, err
}

// Feed returns the state of the feed at url, or sift.ErrNotFound.
func (db *DB) Feed(ctx context.Context, url string) (*sift.FeedState, error) {
	f, err := scanFeed(db.pool.QueryRow(ctx, `SELECT `+feedColumns+` FROM feeds WHERE url = $1`, url))
	if notFound(err) {
		return nil, sift.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("reading feed %s: %w", url, err)
	}
	return &f, nil
}

// PutFeed creates or replaces the state of a feed.
func (db *DB) PutFeed(ctx context.Context, f *sift.FeedState) error {
	_, err := db.pool.Exec(ctx, `INSERT INTO feeds(`+feedColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
		ON CONFLICT (url) DO UPDATE SET title = excluded.title, etag = excluded.etag, last_modified = excluded.last_modified,
			added = excluded.added, last_poll = excluded.last_poll, last_success = excluded.last_success,
			last_item = excluded.last_item, error_streak = excluded.error_streak, last_error = excluded.last_error`,
		f.URL, noNUL(f.Title), noNUL(f.ETag), noNUL(f.LastModified), nullTime(f.Added), nullTime(f.LastPoll),
		nullTime(f.LastSuccess), nullTime(f.LastItem), f.ErrorStreak, noNUL(f.LastError))
	if err != nil {
		return fmt.Errorf("storing feed %s: %w", f.URL, err)
	}
	return nil
}

// Feeds returns the state of every feed, by URL.
func (db *DB) Feeds(ctx context.Context) ([]sift.FeedState, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+feedColumns+` FROM feeds ORDER BY url`)
	if err != nil {
		return nil, fmt.Errorf("reading feeds: %w", err)
	}
	var out []sift.FeedState
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading feeds: %w", err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading feeds: %w", err)
	}
	return out, nil
}

// SeenItems returns which of keys were already seen in the feed.
func (db *DB) SeenItems(ctx context.Context, feed string, keys []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(keys) == 0 {
		return out, nil
	}
	// Keys are stored without NUL characters (see MarkSeen).
	stored := make(map[string]string, len(keys))
	clean := make([]string, len(keys))
	for i, k := range keys {
		clean[i] = noNUL(k)
		stored[clean[i]] = k
	}
	rows, err := db.pool.Query(ctx, `SELECT key FROM feed_items WHERE feed = $1 AND key = ANY($2)`, noNUL(feed), clean)
	if err != nil {
		return nil, fmt.Errorf("reading items of %s: %w", feed, err)
	}
	var k string
	if _, err := pgx.ForEachRow(rows, []any{&k}, func() error { out[stored[k]] = true; return nil }); err != nil {
		return nil, fmt.Errorf("reading items of %s: %w", feed, err)
	}
	return out, nil
}

// MarkSeen records items of the feed as seen, in one statement; an item
// seen before keeps its first time and URL and takes the new status (as
// does an item listed twice in items).
func (db *DB) MarkSeen(ctx context.Context, feed string, items []sift.SeenItem) error {
	var keys, urls, statuses []string
	var seen []time.Time
	at := map[string]int{}
	for _, it := range items {
		it.Key = noNUL(it.Key) // PostgreSQL text cannot hold NUL
		if i, ok := at[it.Key]; ok {
			statuses[i] = noNUL(it.Status)
			continue
		}
		at[it.Key] = len(keys)
		keys = append(keys, it.Key)
		urls = append(urls, noNUL(it.URL))
		seen = append(seen, second(it.Seen))
		statuses = append(statuses, noNUL(it.Status))
	}
	if len(keys) == 0 {
		return nil
	}
	_, err := db.pool.Exec(ctx, `INSERT INTO feed_items(feed, key, url, seen, status)
		SELECT $1, k, u, s, st FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::text[]) AS x(k, u, s, st)
		ON CONFLICT (feed, key) DO UPDATE SET status = excluded.status`, noNUL(feed), keys, urls, seen, statuses)
	if err != nil {
		return fmt.Errorf("marking items of %s: %w", feed, err)
	}
	return nil
}

// ArticlesSince counts the feed's items first seen at or after since (to
// the second) whose page was stored (status "stored").
func (db *DB) ArticlesSince(ctx context.Context, feed string, since time.Time) (int, error) {
	var n int
	err := db.pool.QueryRow(ctx, `SELECT count(*) FROM feed_items WHERE feed = $1 AND seen >= $2 AND status = 'stored'`,
		feed, second(since)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("counting items of %s: %w", feed, err)
	}
	return n, nil
}

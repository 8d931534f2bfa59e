package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/sift-news/sift"
)

// feedsSchema holds watched feeds and the items seen in them (migration 300-feeds).
const feedsSchema = `
-- Watched feeds (sift watch): validators for conditional GET and health.
-- Times are RFC 3339 UTC, '' when never.
CREATE TABLE feeds (
	url           TEXT PRIMARY KEY,
	title         TEXT NOT NULL DEFAULT '',
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	added         TEXT NOT NULL DEFAULT '',
	last_poll     TEXT NOT NULL DEFAULT '',
	last_success  TEXT NOT NULL DEFAULT '',
	last_item     TEXT NOT NULL DEFAULT '',
	error_streak  INTEGER NOT NULL DEFAULT 0,
	last_error    TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
-- Items already seen in each feed, so a restart does not fetch them again.
CREATE TABLE feed_items (
	feed   TEXT NOT NULL,
	key    TEXT NOT NULL,
	url    TEXT NOT NULL DEFAULT '',
	seen   TEXT NOT NULL,
	status TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (feed, key)
) WITHOUT ROWID;
CREATE INDEX feed_items_seen ON feed_items(feed, seen);`

var _ sift.FeedStore = (*DB)(nil)

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return t
}

// Feed returns the state of the feed at url, or sift.ErrNotFound.
func (s *DB) Feed(ctx context.Context, url string) (*sift.FeedState, error) {
	row := s.db.QueryRowContext(ctx, `SELECT url, title, etag, last_modified, added, last_poll, last_success, last_item, error_streak, last_error FROM feeds WHERE url = ?`, url)
	f, err := scanFeed(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sift.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("reading feed %s: %w", url, err)
	}
	return f, nil
}

func scanFeed(row interface{ Scan(...any) error }) (*sift.FeedState, error) {
	var f sift.FeedState
	var added, poll, success, item string
	if err := row.Scan(&f.URL, &f.Title, &f.ETag, &f.LastModified, &added, &poll, &success, &item, &f.ErrorStreak, &f.LastError); err != nil {
		return nil, err
	}
	f.Added, f.LastPoll, f.LastSuccess, f.LastItem = parseTime(added), parseTime(poll), parseTime(success), parseTime(item)
	return &f, nil
}

// PutFeed creates or replaces the state of a feed.
func (s *DB) PutFeed(ctx context.Context, f *sift.FeedState) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO feeds(url, title, etag, last_modified, added, last_poll, last_success, last_item, error_streak, last_error)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(url) DO UPDATE SET title = excluded.title, etag = excluded.etag, last_modified = excluded.last_modified,
			added = excluded.added, last_poll = excluded.last_poll, last_success = excluded.last_success,
			last_item = excluded.last_item, error_streak = excluded.error_streak, last_error = excluded.last_error`,
		f.URL, f.Title, f.ETag, f.LastModified, formatTime(f.Added), formatTime(f.LastPoll), formatTime(f.LastSuccess),
		formatTime(f.LastItem), f.ErrorStreak, f.LastError)
	if err != nil {
		return fmt.Errorf("storing feed %s: %w", f.URL, err)
	}
	return nil
}

// Feeds returns the state of every feed, by URL.
func (s *DB) Feeds(ctx context.Context) ([]sift.FeedState, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT url, title, etag, last_modified, added, last_poll, last_success, last_item, error_streak, last_error FROM feeds ORDER BY url`)
	if err != nil {
		return nil, fmt.Errorf("reading feeds: %w", err)
	}
	defer rows.Close()
	var out []sift.FeedState
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, fmt.Errorf("reading feeds: %w", err)
		}
		out = append(out, *f)
	}
	return out, rows.Err()
}

// SeenItems returns which of keys were already seen in the feed.
func (s *DB) SeenItems(ctx context.Context, feed string, keys []string) (map[string]bool, error) {
	out := map[string]bool{}
	for len(keys) > 0 {
		n := min(len(keys), 500)
		args := []any{feed}
		for _, k := range keys[:n] {
			args = append(args, k)
		}
		rows, err := s.db.QueryContext(ctx, `SELECT key FROM feed_items WHERE feed = ? AND key IN (`+placeholders(n)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("reading items of %s: %w", feed, err)
		}
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return nil, err
			}
			out[k] = true
		}
		rows.Close()
		keys = keys[n:]
	}
	return out, nil
}

// MarkSeen records items of the feed as seen; an item seen before keeps
// its first time.
func (s *DB) MarkSeen(ctx context.Context, feed string, items []sift.SeenItem) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO feed_items(feed, key, url, seen, status) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT(feed, key) DO UPDATE SET status = excluded.status`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, it := range items {
		if _, err := stmt.ExecContext(ctx, feed, it.Key, it.URL, formatTime(it.Seen), it.Status); err != nil {
			return fmt.Errorf("marking items of %s: %w", feed, err)
		}
	}
	return tx.Commit()
}

// ArticlesSince counts the feed's items first seen at or after since
// whose page was stored (status "stored").
func (s *DB) ArticlesSince(ctx context.Context, feed string, since time.Time) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM feed_items WHERE feed = ? AND seen >= ? AND status = 'stored'`, feed, formatTime(since)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("counting items of %s: %w", feed, err)
	}
	return n, nil
}

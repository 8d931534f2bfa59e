package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/sift-news/sift"
)

func TestFeedStateSurvivesReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "feeds.db")
	ctx := context.Background()
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Feed(ctx, "https://a.example/rss"); !errors.Is(err, sift.ErrNotFound) {
		t.Fatalf("unknown feed: %v, want ErrNotFound", err)
	}
	now := time.Date(2024, 5, 6, 10, 0, 0, 0, time.UTC)
	st := &sift.FeedState{URL: "https://a.example/rss", Title: "A", ETag: `"x"`, LastModified: "Mon, 06 May 2024 09:00:00 GMT",
		Added: now.Add(-time.Hour), LastPoll: now, LastSuccess: now, LastItem: now, ErrorStreak: 0}
	if err := db.PutFeed(ctx, st); err != nil {
		t.Fatal(err)
	}
	items := []sift.SeenItem{
		{Key: "1", URL: "https://a.example/1", Seen: now, Status: "stored"},
		{Key: "2", URL: "https://a.example/2", Seen: now, Status: "404"},
		{Key: "3", URL: "https://a.example/3", Seen: now.Add(-48 * time.Hour), Status: "stored"},
	}
	if err := db.MarkSeen(ctx, st.URL, items); err != nil {
		t.Fatal(err)
	}
	db.Close()

	db, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got, err := db.Feed(ctx, st.URL)
	if err != nil {
		t.Fatal(err)
	}
	if got.ETag != st.ETag || got.LastModified != st.LastModified || !got.LastSuccess.Equal(now) || !got.Added.Equal(st.Added) || got.Title != "A" {
		t.Errorf("reopened state = %+v, want %+v", got, st)
	}
	seen, err := db.SeenItems(ctx, st.URL, []string{"1", "2", "4"})
	if err != nil {
		t.Fatal(err)
	}
	if !seen["1"] || !seen["2"] || seen["4"] {
		t.Errorf("seen = %v, want 1 and 2", seen)
	}
	if other, _ := db.SeenItems(ctx, "https://b.example/rss", []string{"1"}); other["1"] {
		t.Error("items leak between feeds")
	}
	n, err := db.ArticlesSince(ctx, st.URL, now.Add(-24*time.Hour))
	if err != nil || n != 1 {
		t.Errorf("articles in the last day = %d, %v; want 1 (stored only, within the window)", n, err)
	}
	st.ErrorStreak, st.LastError = 2, "boom"
	if err := db.PutFeed(ctx, st); err != nil {
		t.Fatal(err)
	}
	all, err := db.Feeds(ctx)
	if err != nil || len(all) != 1 || all[0].ErrorStreak != 2 || all[0].LastError != "boom" {
		t.Errorf("Feeds = %+v, %v", all, err)
	}
}

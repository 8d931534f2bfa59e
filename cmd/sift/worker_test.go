package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/postgres"
)

// postgresTestURL creates a fresh database on the server named by
// SIFT_TEST_POSTGRES, dropped when the test ends, or skips the test.
func postgresTestURL(t *testing.T) string {
	t.Helper()
	server := os.Getenv("SIFT_TEST_POSTGRES")
	if server == "" {
		t.Skip("SIFT_TEST_POSTGRES is not set (postgres://user@host:port/db of a server where tests may create databases)")
	}
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, server)
	if err != nil {
		t.Fatalf("SIFT_TEST_POSTGRES: %v", err)
	}
	defer admin.Close(ctx)
	b := make([]byte, 6)
	rand.Read(b)
	name := "sift_cmd_" + hex.EncodeToString(b)
	if _, err := admin.Exec(ctx, `CREATE DATABASE `+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if admin, err := pgx.Connect(ctx, server); err == nil {
			admin.Exec(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`)
			admin.Close(ctx)
		}
	})
	u, err := url.Parse(server)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// TestIngestQueueThenWorkers queues documents as sift ingest --db
// postgres://… does, queues them again (nothing new), and lets two
// workers of sift worker --once store them.
func TestIngestQueueThenWorkers(t *testing.T) {
	u := postgresTestURL(t)
	ctx := context.Background()
	var docs []sift.Document
	for i := range 30 {
		body := fmt.Sprintf("Talks on the northern corridor resumed on day %d, the Varno ministry said.\n\n"+
			"Officials in Dravia said the convoy number %d had crossed the bridge.", i%25, i%25)
		docs = append(docs, sift.Document{Source: fmt.Sprintf("in/%02d.txt", i), Format: sift.FormatText, Body: body})
	}
	walk := func(fn func(sift.Document) error, onErr func(error)) error {
		for _, d := range docs {
			if err := fn(d); err != nil {
				return err
			}
		}
		return nil
	}
	for range 2 {
		if err := ingestQueue(ctx, u, walk, ingestOptions{Outlet: "Varno Daily", Batch: 7}); err != nil {
			t.Fatal(err)
		}
	}
	if err := runWorker([]string{"--db", u, "--once", "--workers", "2", "--batch", "4", "--quiet"}); err != nil {
		t.Fatal(err)
	}
	db, err := postgres.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c, err := db.QueueCounts(ctx)
	if err != nil || c["done"] != 30 || c["queued"]+c["running"]+c["failed"] != 0 {
		t.Fatalf("queue %v (%v), want 30 documents done", c, err)
	}
	if n, _ := db.CountArticles(ctx); n != 25 {
		t.Fatalf("%d articles stored, want 25 (5 of the 30 documents repeat a text)", n)
	}
	hits, total, err := db.Search(ctx, sift.Query{Text: "convoy", Outlet: "Varno Daily"})
	if err != nil || total != 25 || len(hits) == 0 {
		t.Fatalf("search after the workers: %d hits (%v)", total, err)
	}
	if ids, err := db.UnlinkedArticles(ctx); err != nil || len(ids) != 0 {
		t.Fatalf("%d stored articles left unlinked (%v)", len(ids), err)
	}
	stories, err := db.Stories(ctx, sift.StoryQuery{})
	if err != nil || len(stories) == 0 {
		t.Fatalf("no stories after the workers (%v)", err)
	}
	n := 0
	for _, st := range stories {
		n += len(st.Articles)
	}
	if n != 25 {
		t.Fatalf("stories hold %d articles, want all 25", n)
	}
}

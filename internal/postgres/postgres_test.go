package postgres

import (
	"context"
	"testing"

	"github.com/sift-news/sift/internal/storetest"
	"github.com/sift-news/sift/internal/web"
)

// testURL creates a fresh database on the test server, dropped when the
// test ends, and returns its URL (or skips the test: see
// storetest.PostgresURL).
func testURL(t testing.TB) string {
	t.Helper()
	return storetest.PostgresURL(t)
}

// openTest opens a store on a fresh database.
func openTest(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), testURL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestStoreSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Store { return openTest(t) })
}

func TestMigrationsRunOnceConcurrently(t *testing.T) {
	u := testURL(t)
	ctx := context.Background()
	errs := make(chan error, 4)
	dbs := make(chan *DB, 4)
	for range 4 {
		go func() {
			db, err := Open(ctx, u)
			errs <- err
			dbs <- db
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Fatalf("concurrent open: %v", err)
		}
		if db := <-dbs; db != nil {
			defer db.Close()
		}
	}
	db, err := Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM migrations`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != len(schema()) {
		t.Fatalf("%d migrations recorded, want %d", n, len(schema()))
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://sift:s3cret@db.example:5432/sift": "postgres://sift:xxxxx@db.example:5432/sift",
		"postgres://sift@db.example/sift":             "postgres://sift@db.example/sift",
		"postgres:///sift":                            "postgres:///sift",
	} {
		if got := redact(in); got != want {
			t.Errorf("redact(%q) = %q, want %q", in, got, want)
		}
	}
}

// The server reads from PostgreSQL as from SQLite: the store has every
// method web.New needs.
var _ web.Store = (*DB)(nil)

package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sift-news/sift/internal/storetest"
	"github.com/sift-news/sift/internal/web"
)

// defaultTestURL is tried when SIFT_TEST_POSTGRES is unset.
const defaultTestURL = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable&connect_timeout=2"

// serverURL returns the URL of the test server, or skips the test.
func serverURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("SIFT_TEST_POSTGRES")
	if u == "" {
		u = defaultTestURL
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, u)
	if err != nil {
		if os.Getenv("SIFT_TEST_POSTGRES") != "" {
			t.Fatalf("SIFT_TEST_POSTGRES is set but the server is unreachable: %v", err)
		}
		t.Skipf("no PostgreSQL server: set SIFT_TEST_POSTGRES=postgres://user@host:port/db (tried %s: %v)", u, err)
	}
	conn.Close(ctx)
	return u
}

// testURL creates a fresh database on the test server, dropped when the
// test ends, and returns its URL.
func testURL(t testing.TB) string {
	t.Helper()
	server := serverURL(t)
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, server)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	b := make([]byte, 6)
	rand.Read(b)
	name := "sift_test_" + hex.EncodeToString(b)
	if _, err := admin.Exec(ctx, `CREATE DATABASE `+name); err != nil {
		t.Fatalf("creating test database: %v", err)
	}
	t.Cleanup(func() {
		admin, err := pgx.Connect(ctx, server)
		if err != nil {
			t.Errorf("dropping %s: %v", name, err)
			return
		}
		defer admin.Close(ctx)
		if _, err := admin.Exec(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
			t.Errorf("dropping %s: %v", name, err)
		}
	})
	u, err := url.Parse(server)
	if err != nil {
		t.Fatalf("SIFT_TEST_POSTGRES must be a URL: %v", err)
	}
	u.Path = "/" + name
	return u.String()
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
	if n != len(migrations) {
		t.Fatalf("%d migrations recorded, want %d", n, len(migrations))
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

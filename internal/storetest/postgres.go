package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// defaultPostgresURL is tried when SIFT_TEST_POSTGRES is unset.
const defaultPostgresURL = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable&connect_timeout=2"

// postgresServer returns the URL of the test server, or skips the test.
func postgresServer(t testing.TB) string {
	t.Helper()
	u := os.Getenv("SIFT_TEST_POSTGRES")
	if u == "" {
		u = defaultPostgresURL
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

// PostgresURL creates a fresh database on the PostgreSQL server named by
// SIFT_TEST_POSTGRES (a database on a server where the user may create
// databases), dropped when the test ends, and returns its URL. Without
// the variable it tries postgres://postgres@127.0.0.1:5432/postgres and
// skips the test when nothing answers; with it, an unreachable server
// fails the test.
func PostgresURL(t testing.TB) string {
	t.Helper()
	server := postgresServer(t)
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

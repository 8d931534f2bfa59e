package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/demo"
	"github.com/sift-news/sift/internal/sqlite"
	"github.com/sift-news/sift/internal/web"
)

func runDemo(args []string) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	dbPath := fs.String("db", filepath.Join(os.TempDir(), "sift-demo", "sift.db"), "store `path` to create or reuse")
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `host:port`")
	noServe := fs.Bool("no-serve", false, "ingest only, do not serve")
	token := fs.String("token", os.Getenv("SIFT_TOKEN"), "bearer `token` for writes through the API")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(*dbPath), 0o755); err != nil {
		return err
	}
	entries, err := demo.Corpus()
	if err != nil {
		return err
	}
	db, err := sqlite.Open(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	walk := func(fn func(sift.Document) error, _ func(error)) error {
		for _, e := range entries {
			if err := fn(e.Document); err != nil {
				return err
			}
		}
		return nil
	}
	in := newIngester(db, analyze.Default(), ingestOptions{Workers: 2, Errors: os.Stderr})
	st, err := in.Run(context.Background(), walk)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "sift demo: %d articles in the bundled corpus, %d newly stored in %s\n", st.Read, st.Added, *dbPath)
	if *noServe {
		return nil
	}
	opt := web.Options{Token: *token, Name: "sift demo", Ingest: in.Add}
	return serveUntilInterrupted(*addr, web.New(db, opt), *token != "")
}

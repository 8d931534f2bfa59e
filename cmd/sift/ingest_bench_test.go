package main

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/cputime"
	"github.com/sift-news/sift/internal/demo"
	"github.com/sift-news/sift/internal/gen"
	"github.com/sift-news/sift/internal/sqlite"
)

// benchIngest ingests b.N copies of the bundled corpus (each made new by a
// numbered outlet) into a fresh SQLite store through pipeline p.
func benchIngest(b *testing.B, p *analyze.Pipeline, workers int) {
	entries, err := demo.Corpus()
	if err != nil {
		b.Fatal(err)
	}
	db, err := sqlite.Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	b.ResetTimer()
	cpu := cputime.Seconds()
	walk := func(fn func(sift.Document) error, _ func(error)) error {
		for i := 0; i < b.N; i++ {
			d := entries[i%len(entries)].Document
			d.Outlet = fmt.Sprintf("%s %d", d.Outlet, i/len(entries)) // a new article each time
			if err := fn(d); err != nil {
				return err
			}
		}
		return nil
	}
	st, err := newIngester(db, p, ingestOptions{Workers: workers}).Run(context.Background(), walk)
	if err != nil {
		b.Fatal(err)
	}
	if st.Added != b.N {
		b.Fatalf("stored %d of %d", st.Added, b.N)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	if used := cputime.Seconds() - cpu; used > 0 {
		b.ReportMetric(float64(b.N)/used, "articles/cpu-s")
	}
}

// BenchmarkIngestClean measures reading, cleaning and storing: the ingest
// path without the analysis stages.
func BenchmarkIngestClean(b *testing.B) { benchIngest(b, &analyze.Pipeline{}, 1) }

// BenchmarkIngestFull measures the whole ingest with every analysis stage
// on one worker (articles per second per core).
func BenchmarkIngestFull(b *testing.B) { benchIngest(b, analyze.Default(), 1) }

// BenchmarkIngestGenerated ingests b.N articles of `sift gen` (about 600
// words, 30 outlets, shared stories and copies) with every stage, on the
// default number of workers, as `sift ingest FILE.jsonl` does.
//
//	go test ./cmd/sift -run XX -bench IngestGenerated -benchtime 400x
func BenchmarkIngestGenerated(b *testing.B) {
	db, err := sqlite.Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	g := gen.New(gen.Options{Articles: b.N, Seed: 1})
	b.ResetTimer()
	cpu := cputime.Seconds()
	walk := func(fn func(sift.Document) error, _ func(error)) error {
		for i := 1; g.More(); i++ {
			a := g.Next()
			d := sift.Document{Source: fmt.Sprintf("gen.jsonl:%d", i), Format: sift.FormatText, Body: a.Text,
				Title: a.Title, URL: a.URL, Outlet: a.Outlet, Published: a.Published}
			if err := fn(d); err != nil {
				return err
			}
		}
		return nil
	}
	st, err := newIngester(db, analyze.Default(), ingestOptions{Workers: runtime.NumCPU()}).Run(context.Background(), walk)
	if err != nil {
		b.Fatal(err)
	}
	if st.Added+st.Skipped != b.N {
		b.Fatalf("stored %d and skipped %d of %d", st.Added, st.Skipped, b.N)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	if used := cputime.Seconds() - cpu; used > 0 {
		b.ReportMetric(float64(b.N)/used, "articles/cpu-s")
	}
}

package postgres

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/storetest"
)

// benchDoc generates the i-th benchmark document (storetest.GenDocument).
func benchDoc(i int) sift.Document { return storetest.GenDocument(i) }

// factsAnalyze stands in for the analysis stages at no CPU cost
// (storetest.GenArticle), so that the store writes as many rows as a real
// analysis would.
func factsAnalyze(ctx context.Context, jobs []Job) ([]Result, error) {
	out := make([]Result, len(jobs))
	for i, j := range jobs {
		out[i] = Result{Article: storetest.GenArticle(j.Doc)}
	}
	return out, nil
}

// pipelineAnalyze returns an analysis with analyze.Default(), the stages
// sift worker runs.
func pipelineAnalyze() func(ctx context.Context, jobs []Job) ([]Result, error) {
	p := analyze.Default()
	return func(ctx context.Context, jobs []Job) ([]Result, error) {
		out := make([]Result, len(jobs))
		for i, j := range jobs {
			a, err := p.Article(j.Doc, false)
			out[i] = Result{Article: a, Err: err}
		}
		return out, nil
	}
}

// BenchmarkQueue queues b.N generated articles, then times 1, 2 and 4
// workers (goroutines, each with its own connection and claims, as
// separate sift worker processes would be) draining the queue into one
// server. "store" analyses at no cost, measuring the queue and the store;
// "analyze" runs analyze.Default(). Run it with, e.g.,
//
//	go test -run '^$' -bench 'Queue/store' -benchtime 100000x ./internal/postgres/
func BenchmarkQueue(b *testing.B) {
	for _, mode := range []string{"store", "analyze"} {
		for _, workers := range []int{1, 2, 4} {
			b.Run(fmt.Sprintf("%s/workers=%d", mode, workers), func(b *testing.B) {
				benchmarkQueue(b, mode, workers)
			})
		}
	}
}

func benchmarkQueue(b *testing.B, mode string, workers int) {
	ctx := context.Background()
	db := openTest(b)
	const chunk = 1000
	docs := make([]sift.Document, 0, chunk)
	for i := range b.N {
		docs = append(docs, benchDoc(i))
		if len(docs) == chunk || i == b.N-1 {
			if _, err := db.Enqueue(ctx, docs, ""); err != nil {
				b.Fatal(err)
			}
			docs = docs[:0]
		}
	}
	if _, err := db.pool.Exec(ctx, `VACUUM ANALYZE jobs`); err != nil {
		b.Fatal(err)
	}
	analyzers := make([]func(context.Context, []Job) ([]Result, error), workers)
	for i := range analyzers {
		analyzers[i] = factsAnalyze
		if mode == "analyze" {
			analyzers[i] = pipelineAnalyze()
			analyzers[i](ctx, []Job{{Doc: benchDoc(-1)}}) // load models outside the timing
		}
	}
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	var mu sync.Mutex
	var total WorkerStats
	for i := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := &Worker{DB: db, Name: fmt.Sprintf("bench%d", i), Analyze: analyzers[i], Batch: 50}
			st, err := w.Run(ctx, true, 10*time.Millisecond, nil)
			if err != nil {
				b.Error(err)
			}
			mu.Lock()
			total.Add(st)
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	if total.Added != b.N {
		b.Fatalf("%d workers stored %d of %d articles (%+v)", workers, total.Added, b.N, total)
	}
	if n, _ := db.CountArticles(ctx); n != b.N {
		b.Fatalf("%d articles in the store, want %d", n, b.N)
	}
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "articles/s")
}

// BenchmarkSearch stores generated articles in PostgreSQL and measures
// the queries of storetest.BenchmarkSearch (internal/sqlite runs the same
// on SQLite, for comparison); it logs the size of the tables and indexes
// per article.
//
//	go test -run '^$' -bench Search -benchtime 10x -v ./internal/postgres/ ./internal/sqlite/
func BenchmarkSearch(b *testing.B) {
	db := openTest(b)
	storetest.BenchmarkSearch(b, db, func(n int) {
		ctx := context.Background()
		if _, err := db.pool.Exec(ctx, `VACUUM ANALYZE`); err != nil {
			b.Fatal(err)
		}
		var heap, toast, tsvIndex, total, facts int64
		if err := db.pool.QueryRow(ctx, `SELECT pg_relation_size('articles'),
			pg_total_relation_size('articles') - pg_relation_size('articles') - pg_indexes_size('articles'),
			pg_relation_size('articles_tsv'), pg_database_size(current_database()),
			pg_total_relation_size('entities') + pg_total_relation_size('quotes') + pg_total_relation_size('techniques')`).
			Scan(&heap, &toast, &tsvIndex, &total, &facts); err != nil {
			b.Fatal(err)
		}
		b.Logf("per article: heap %d B, TOAST %d B, GIN index %d B, facts %d B; database %d MB",
			heap/int64(n), toast/int64(n), tsvIndex/int64(n), facts/int64(n), total>>20)
	})
}

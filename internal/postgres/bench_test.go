package postgres

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/sqlite"
	"github.com/sift-news/sift/internal/storetest"
)

// The words of generated articles: invented places, people and news
// vocabulary, so that the benchmark needs no third-party text.
var (
	benchNames = []string{"Varno", "Kessel", "Dravia", "Ulmet", "Sefara", "Tel Amrun", "Lausberg", "Selvan", "Kasrin", "Dorvan",
		"Mira Halden", "Oren Vasko", "Ilse Marten", "Tomas Rell", "the Northern Council", "the Coastal Front", "Radio Dravia"}
	benchWords = strings.Fields(`the a of in on to and said officials ministry talks ceasefire convoy bridge market strike
		shelling curfew port border village city province army forces rebels government opposition spokesman report
		reported according sources witnesses hospital aid corridor agreement negotiations week day night morning
		attack attacks killed wounded civilians residents police protest protesters statement denied accused claimed
		warned threatened promised announced election vote parliament president minister foreign defence security
		crisis humanitarian refugees camp supplies water fuel food prices economy sanctions embassy envoy mediator`)
)

// benchDoc generates the i-th article: about 300 words in 4 paragraphs,
// a title and a date in 2024.
func benchDoc(i int) sift.Document {
	r := rand.New(rand.NewPCG(uint64(i), 7))
	var b strings.Builder
	for p := range 4 {
		if p > 0 {
			b.WriteString("\n\n")
		}
		for s := range 5 {
			if s > 0 {
				b.WriteByte(' ')
			}
			name := benchNames[r.IntN(len(benchNames))]
			fmt.Fprintf(&b, "%s %s", strings.ToUpper(name[:1])+name[1:], benchWords[r.IntN(len(benchWords))])
			for range 10 + r.IntN(6) {
				b.WriteByte(' ')
				b.WriteString(benchWords[r.IntN(len(benchWords))])
			}
			fmt.Fprintf(&b, " (%d).", i)
		}
	}
	return sift.Document{
		Source: fmt.Sprintf("gen/%06d.txt", i), Format: sift.FormatText, Body: b.String(),
		Title:     fmt.Sprintf("%s %s %d", benchNames[r.IntN(len(benchNames))], benchWords[r.IntN(len(benchWords))], i),
		Outlet:    fmt.Sprintf("Outlet %d", i%20),
		Published: fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28),
	}
}

// factsAnalyze stands in for the analysis stages at no CPU cost: the text
// is the body, every name is an entity, the first sentence of each
// paragraph a quote of its first name, so that the store writes as many
// rows as a real analysis would.
func factsAnalyze(ctx context.Context, jobs []Job) ([]Result, error) {
	out := make([]Result, len(jobs))
	for i, j := range jobs {
		d := j.Doc
		a := &sift.Article{Source: d.Source, Title: d.Title, Text: d.Body, Outlet: d.Outlet, Published: d.Published,
			Analyzer: map[string]string{"ner": "bench", "quotes": "bench"}}
		off := sift.NewOffsets(a.Text)
		for _, name := range benchNames {
			for k := 0; ; {
				at := strings.Index(a.Text[k:], name)
				if at < 0 {
					break
				}
				s := off.Rune(k + at)
				a.Entities = append(a.Entities, sift.Entity{Span: sift.Span{Start: s, End: s + len([]rune(name)), Text: name},
					Type: sift.LOC, Canonical: name})
				k += at + len(name)
			}
		}
		for _, p := range a.Paragraphs() {
			end := strings.IndexByte(p.Text, '.')
			if end < 0 || len(a.Entities) == 0 {
				continue
			}
			q := sift.Span{Start: p.Start, End: p.Start + len([]rune(p.Text[:end])), Text: p.Text[:end]}
			e := a.Entities[0]
			a.Quotes = append(a.Quotes, sift.Quote{Span: q, Kind: sift.Indirect,
				Speaker: &sift.Ref{Span: e.Span, Canonical: e.Canonical}, Via: []sift.Ref{}})
		}
		out[i] = Result{Article: a}
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

// searchFill is the number of generated articles BenchmarkSearch stores
// ($SIFT_BENCH_ARTICLES, default 100,000).
func searchFill() int {
	if n, err := strconv.Atoi(os.Getenv("SIFT_BENCH_ARTICLES")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// BenchmarkSearch stores generated articles (with the facts of
// factsAnalyze) in PostgreSQL and, for comparison, in SQLite, and measures
// the same queries against both; it logs the size of the PostgreSQL
// tables and indexes per article.
//
//	go test -run '^$' -bench Search -benchtime 10x -v ./internal/postgres/
func BenchmarkSearch(b *testing.B) {
	b.Run("postgres", func(b *testing.B) { benchmarkSearch(b, openTest(b)) })
	b.Run("sqlite", func(b *testing.B) {
		db, err := sqlite.Open(filepath.Join(b.TempDir(), "sift.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { db.Close() })
		benchmarkSearch(b, db)
	})
}

func benchmarkSearch(b *testing.B, s storetest.Store) {
	ctx := context.Background()
	n := searchFill()
	start := time.Now()
	const chunk = 500
	for i := 0; i < n; i += chunk {
		var jobs []Job
		for k := i; k < min(i+chunk, n); k++ {
			jobs = append(jobs, Job{Doc: benchDoc(k)})
		}
		var arts []*sift.Article
		results, _ := factsAnalyze(ctx, jobs)
		for _, r := range results {
			r.Article.ID = sift.ArticleID(r.Article.Outlet, r.Article.Text)
			arts = append(arts, r.Article)
		}
		if _, err := s.PutArticles(ctx, arts); err != nil {
			b.Fatal(err)
		}
	}
	fill := time.Since(start)
	b.Logf("%d articles stored directly (PutArticles, batches of %d) in %v (%.0f articles/s)",
		n, chunk, fill.Round(time.Second), float64(n)/fill.Seconds())
	if db, ok := s.(*DB); ok {
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
	}
	for _, c := range []struct {
		name string
		q    sift.Query
	}{
		{"word", sift.Query{Text: "convoy"}},
		{"rare-word", sift.Query{Text: "1234"}},
		{"three-words", sift.Query{Text: "mediator AND envoy AND refugees"}},
		{"phrase", sift.Query{Text: `"ceasefire talks"`}},
		{"prefix", sift.Query{Text: "negotiat*"}},
		{"word+outlet+month", sift.Query{Text: "convoy", Outlet: "Outlet 3", Since: "2024-04-01", Until: "2024-04-30"}},
		{"entity", sift.Query{Entity: "Tel Amrun", Limit: 20}},
		{"newest", sift.Query{}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var total int
			for range b.N {
				hits, t, err := s.Search(ctx, c.q)
				if err != nil || (len(hits) == 0 && t > 0) {
					b.Fatal(err)
				}
				total = t
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "queries/s")
			b.ReportMetric(float64(total), "matches")
		})
	}
}

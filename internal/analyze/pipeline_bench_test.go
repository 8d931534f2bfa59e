package analyze

import (
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/cputime"
	"github.com/sift-news/sift/internal/gen"
)

// BenchmarkPipeline runs the whole analysis of `sift analyze` (clean, then
// every stage of Default) over generated articles of about 600 words, the
// shape of issue 17's target of 1,000 articles per CPU-second. Each
// sub-benchmark times one part on the articles as the parts before it
// left them; "all" is the sum a user pays. Run with -benchmem for the
// allocations per article.
//
//	go test ./internal/analyze -run XX -bench Pipeline -benchtime 300x -benchmem
func BenchmarkPipeline(b *testing.B) {
	g := gen.New(gen.Options{Articles: 200, Seed: 7})
	var docs []sift.Document
	for g.More() {
		a := g.Next()
		docs = append(docs, sift.Document{Source: a.URL, URL: a.URL, Title: a.Title, Body: a.Text, Outlet: a.Outlet, Published: a.Published})
	}
	p := Default()
	run := func(b *testing.B, fn func(i int)) {
		cpu := cputime.Seconds()
		b.ResetTimer()
		for i := range b.N {
			fn(i % len(docs))
		}
		b.StopTimer()
		if used := cputime.Seconds() - cpu; used > 0 {
			b.ReportMetric(float64(b.N)/used, "articles/cpu-s")
		}
	}
	b.Run("all", func(b *testing.B) {
		run(b, func(i int) {
			if _, err := p.Article(docs[i], false); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("clean", func(b *testing.B) {
		run(b, func(i int) {
			if _, err := Clean(docs[i], false); err != nil {
				b.Fatal(err)
			}
		})
	})
	// The stages, each on the article the stages before it produced.
	before := make([]map[string]*sift.Article, len(docs))
	for i, d := range docs {
		a, err := Clean(d, false)
		if err != nil {
			b.Fatal(err)
		}
		before[i] = map[string]*sift.Article{}
		for _, s := range p.Stages {
			before[i][s.Name()] = copyArticle(a)
			s.Apply(a)
		}
	}
	for _, s := range p.Stages {
		b.Run(s.Name(), func(b *testing.B) {
			run(b, func(i int) { s.Apply(copyArticle(before[i][s.Name()])) })
		})
	}
}

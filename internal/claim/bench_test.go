package claim

import (
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/cputime"
	"github.com/sift-news/sift/internal/demo"
	"github.com/sift-news/sift/internal/ner"
	"github.com/sift-news/sift/internal/quote"
)

// demoArticles returns the bundled corpus cleaned, with entities and
// quotes: what the claims stage gets.
func demoArticles(b *testing.B) []*sift.Article {
	b.Helper()
	es, err := demo.Corpus()
	if err != nil {
		b.Fatal(err)
	}
	var out []*sift.Article
	for _, e := range es {
		a := &sift.Article{Text: e.Document.Body, Analyzer: map[string]string{}}
		ner.NewStage().Apply(a)
		quote.NewStage().Apply(a)
		out = append(out, a)
	}
	return out
}

// BenchmarkStage measures the claims stage alone on the bundled corpus
// (target: at least 2,000 articles per CPU-second).
func BenchmarkStage(b *testing.B) {
	arts := demoArticles(b)
	s := NewStage()
	b.ReportAllocs()
	cpu := cputime.Seconds()
	i := 0
	for b.Loop() {
		a := *arts[i%len(arts)]
		s.Apply(&a)
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	if used := cputime.Seconds() - cpu; used > 0 {
		b.ReportMetric(float64(b.N)/used, "articles/cpu-s")
	}
}

package ner

import (
	"sync"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/cputime"
	"github.com/sift-news/sift/internal/entity"
	"github.com/sift-news/sift/internal/gen"
)

// BenchmarkStageGenerated runs the stage over 200 generated articles of
// about 600 words (sift gen), the articles of the analysis benchmark
// (internal/analyze BenchmarkPipeline), for profiles of this stage alone:
//
//	go test ./internal/ner -run XX -bench StageGenerated -benchtime 300x -benchmem
func BenchmarkStageGenerated(b *testing.B) {
	texts := generatedTexts()
	st := NewStageWith(mustModel(b), entity.Builtin())
	st.Entities("warm up")
	cpu0 := cputime.Seconds()
	b.ResetTimer()
	for i := range b.N {
		st.Apply(&sift.Article{Text: texts[i%len(texts)]})
	}
	b.StopTimer()
	if cpu := cputime.Seconds() - cpu0; cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu, "articles/cpu-s")
	}
}

// generatedTexts are the texts of BenchmarkStageGenerated, generated once
// (not at every round of the benchmark, so that instruction counts of
// runs of different lengths differ by the articles alone).
var generatedTexts = sync.OnceValue(func() []string {
	g := gen.New(gen.Options{Articles: 200, Seed: 7})
	var texts []string
	for g.More() {
		texts = append(texts, g.Next().Text)
	}
	return texts
})

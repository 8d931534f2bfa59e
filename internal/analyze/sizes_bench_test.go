package analyze

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/clean"
	"github.com/sift-news/sift/internal/cputime"
	"github.com/sift-news/sift/internal/extract"
	"github.com/sift-news/sift/internal/link"
	"github.com/sift-news/sift/internal/textgen"
	"golang.org/x/net/html"
)

// benchSizes are the input sizes of BenchmarkStageSizes.
var benchSizes = []int{1 << 20, 4 << 20, 16 << 20}

// BenchmarkStageSizes runs every stage over one document of 1, 4 and 16
// MB of prose on one line (the shape that used to take minutes and
// gigabytes): the MB/s of a stage stay flat across sizes when its work is
// linear. Each stage gets the article as the stages before it left it.
//
//	go test ./internal/analyze -run XX -bench StageSizes -benchtime 1x
func BenchmarkStageSizes(b *testing.B) {
	p := Default()
	prepared := map[int]map[string]*sift.Article{} // size -> stage -> article before it
	prepare := func(size int) map[string]*sift.Article {
		if m := prepared[size]; m != nil {
			return m
		}
		a, err := Clean(sift.Document{Source: "bench.txt", Body: textgen.Make(textgen.Prose, size)}, false)
		if err != nil {
			b.Fatal(err)
		}
		m := map[string]*sift.Article{}
		for _, s := range p.Stages {
			m[s.Name()] = copyArticle(a)
			s.Apply(a)
		}
		m["link"] = a
		prepared[size] = m
		return m
	}
	run := func(b *testing.B, size int, fn func()) {
		b.SetBytes(int64(size))
		cpu := cputime.Seconds()
		b.ResetTimer()
		for range b.N {
			fn()
		}
		b.StopTimer()
		if used := cputime.Seconds() - cpu; used > 0 {
			b.ReportMetric(float64(size)*float64(b.N)/used/1e6, "MB/cpu-s")
		}
	}
	for _, size := range benchSizes {
		name := fmt.Sprintf("%dMB", size>>20)
		b.Run("clean/"+name, func(b *testing.B) {
			text := textgen.Make(textgen.Prose, size)
			run(b, size, func() { clean.Text(text) })
		})
		b.Run("extract/"+name, func(b *testing.B) {
			// Parsed here: extract.HTML refuses pages over
			// extract.MaxPageSize (8 MB) before parsing them.
			doc, err := html.Parse(strings.NewReader(textgen.HTML(size, false)))
			if err != nil {
				b.Fatal(err)
			}
			run(b, size, func() {
				if _, err := extract.Document(doc, "https://example.org/plan"); err != nil {
					b.Fatal(err)
				}
			})
		})
		for _, s := range p.Stages {
			b.Run(s.Name()+"/"+name, func(b *testing.B) {
				in := prepare(size)[s.Name()]
				run(b, size, func() { s.Apply(copyArticle(in)) })
			})
		}
		b.Run("link/"+name, func(b *testing.B) {
			a := *prepare(size)["link"]
			a.ID, a.Outlet = "a", "one"
			copied := a
			copied.ID, copied.Outlet = "b", "two"
			copied.Text = strings.Replace(a.Text, "council", "assembly", 200) // a spun copy: aligned with a
			run(b, size, func() {
				l := link.NewLinker()
				for _, x := range []*sift.Article{&a, &copied} {
					if _, err := l.Add(x); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

// copyArticle copies a with fresh fact lists, so that a stage can run on
// it again.
func copyArticle(a *sift.Article) *sift.Article {
	c := *a
	c.Entities = append([]sift.Entity{}, a.Entities...)
	c.Quotes = append([]sift.Quote{}, a.Quotes...)
	c.Techniques = append([]sift.Technique{}, a.Techniques...)
	c.Claims = append([]sift.Claim{}, a.Claims...)
	c.Analyzer = map[string]string{}
	return &c
}

package link

import (
	"fmt"
	"github.com/sift-news/sift/internal/cputime"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/demo"
	"github.com/sift-news/sift/internal/gen"
)

// generator makes any number of articles by mutating the bundled demo
// corpus: paragraphs shuffled, trailing paragraphs cut, words substituted,
// other outlets and dates. Article i is a pure function of i, so the
// benchmark's Fetch regenerates texts instead of keeping them.
type generator struct {
	bases []*sift.Article
}

// substitutions are rewrites a spinning outlet might apply.
var benchSubs = [][2]string{
	{" said ", " stated "}, {" killed ", " left dead "}, {" army ", " armed forces "},
	{" civilians ", " residents "}, {" government ", " authorities "}, {" attack ", " assault "},
	{" ceasefire ", " truce "}, {" minister ", " official "}, {" told ", " informed "},
}

func newGenerator(tb testing.TB) *generator {
	tb.Helper()
	entries, err := demo.Corpus()
	if err != nil {
		tb.Fatal(err)
	}
	g := &generator{}
	for _, e := range entries {
		a, err := analyze.Clean(e.Document, false)
		if err != nil {
			continue
		}
		g.bases = append(g.bases, a)
	}
	if len(g.bases) == 0 {
		tb.Skip("no demo corpus")
	}
	return g
}

// article returns generated article i.
func (g *generator) article(i int) *sift.Article {
	rng := rand.New(rand.NewPCG(uint64(i), 0x51f7))
	base := g.bases[rng.IntN(len(g.bases))]
	paras := strings.Split(base.Text, "\n\n")
	if rng.IntN(2) == 0 {
		rng.Shuffle(len(paras), func(x, y int) { paras[x], paras[y] = paras[y], paras[x] })
	}
	if rng.IntN(2) == 0 && len(paras) > 1 {
		paras = paras[:1+rng.IntN(len(paras)-1)]
	}
	text := strings.Join(paras, "\n\n")
	for k := rng.IntN(3); k > 0; k-- {
		s := benchSubs[rng.IntN(len(benchSubs))]
		text = strings.ReplaceAll(text, s[0], s[1])
	}
	date := parseDate(base.Published)
	if date.IsZero() {
		date = time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	}
	date = date.AddDate(0, 0, rng.IntN(365))
	return &sift.Article{
		ID:        fmt.Sprintf("g%07d", i),
		Source:    fmt.Sprintf("gen/%07d.txt", i),
		Title:     base.Title,
		Text:      text,
		Outlet:    fmt.Sprintf("Outlet %d", rng.IntN(40)),
		Published: date.Format("2006-01-02"),
	}
}

// fetch regenerates an article from its ID.
func (g *generator) fetch(id string) (*sift.Article, error) {
	i, err := strconv.Atoi(strings.TrimPrefix(id, "g"))
	if err != nil {
		return nil, sift.ErrNotFound
	}
	return g.article(i), nil
}

// peakRSS returns the process's peak resident memory in MB (Linux), or 0.
func peakRSS() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.Atoi(f[1])
			return float64(kb) / 1024
		}
	}
	return 0
}

// BenchmarkLink links b.N generated articles, one at a time, into one
// linker: duplicates, passages, spun copies and stories. For the 100,000
// article figure: go test ./internal/link -run XX -bench Link -benchtime 100000x
func BenchmarkLink(b *testing.B) {
	g := newGenerator(b)
	l := NewLinker()
	l.Fetch = g.fetch
	links := 0
	cpu0 := cputime.Seconds()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		up, err := l.Add(g.article(i))
		if err != nil {
			b.Fatal(err)
		}
		links += len(up.Reuse)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	// The machine may be shared: articles per CPU second is the figure
	// that does not depend on other load.
	b.ReportMetric(float64(b.N)/(cputime.Seconds()-cpu0), "articles/cpu-s")
	b.ReportMetric(float64(len(l.Clusterer().Stories())), "stories")
	b.ReportMetric(float64(links)/float64(b.N), "links/article")
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "MB-heap")
	b.ReportMetric(peakRSS(), "MB-peak-rss")
	if path := os.Getenv("SIFT_LINK_HEAPPROFILE"); path != "" {
		writeHeapProfile(b, path)
	}
	runtime.KeepAlive(l)
}

// writeHeapProfile writes a heap profile to path while the caller's
// linker is alive, so that its in-use space is what the linker holds
// (go test -memprofile is written after the benchmark has let it go).
func writeHeapProfile(b *testing.B, path string) {
	b.Helper()
	runtime.GC()
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := pprof.WriteHeapProfile(f); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkAlign aligns a spun copy with its source.
func BenchmarkAlign(b *testing.B) {
	src := NewDoc(strings.Join([]string{para1, para2, para3, para4}, "\n\n"))
	cp := NewDoc(strings.ReplaceAll(src.Text, "Russia", "the Russian Federation"))
	for i := 0; i < b.N; i++ {
		Align(cp, src)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkLinkGenerated links b.N articles of internal/gen (about 600
// words each, 30 outlets, exact, near and spun copies) into one linker.
// The texts are kept in a temporary file, not in memory, so that the
// peak RSS is the linker's. SIFT_LINK_HEAPPROFILE=FILE writes a heap
// profile at the end, with the linker alive:
// go test ./internal/link -run XX -bench LinkGenerated -benchtime 100000x
func BenchmarkLinkGenerated(b *testing.B) {
	f, err := os.CreateTemp(b.TempDir(), "texts")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	type span struct{ off, n int64 }
	var spans []span
	var size int64
	brief := map[string]*sift.Article{} // IDs to metadata, without text
	index := map[string]int{}
	g := gen.New(gen.Options{Articles: b.N, Seed: 1})
	l := NewLinker()
	l.Fetch = func(id string) (*sift.Article, error) {
		i, ok := index[id]
		if !ok {
			return nil, sift.ErrNotFound
		}
		buf := make([]byte, spans[i].n)
		if _, err := f.ReadAt(buf, spans[i].off); err != nil {
			return nil, err
		}
		a := *brief[id]
		a.Text = string(buf)
		return &a, nil
	}
	links := 0
	cpu0 := cputime.Seconds()
	b.ResetTimer()
	for i := 0; g.More(); i++ {
		ga := g.Next()
		a := &sift.Article{Source: ga.URL, Title: ga.Title, Text: ga.Text, Outlet: ga.Outlet, Published: ga.Published}
		a.ID = sift.ArticleID(a.Outlet, a.Text)
		if _, dup := index[a.ID]; dup {
			continue // ingest keys an article on its outlet and text
		}
		if _, err := f.WriteString(a.Text); err != nil {
			b.Fatal(err)
		}
		index[a.ID] = len(spans)
		spans = append(spans, span{size, int64(len(a.Text))})
		size += int64(len(a.Text))
		brief[a.ID] = &sift.Article{ID: a.ID, Source: a.Source, Title: a.Title, Outlet: a.Outlet, Published: a.Published}
		up, err := l.Add(a)
		if err != nil {
			b.Fatal(err)
		}
		links += len(up.Reuse)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(b.N)/(cputime.Seconds()-cpu0), "articles/cpu-s")
	b.ReportMetric(float64(len(l.Clusterer().Stories())), "stories")
	b.ReportMetric(float64(links)/float64(b.N), "links/article")
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "MB-heap")
	b.ReportMetric(peakRSS(), "MB-peak-rss")
	if path := os.Getenv("SIFT_LINK_HEAPPROFILE"); path != "" {
		writeHeapProfile(b, path)
	}
	runtime.KeepAlive(l)
}

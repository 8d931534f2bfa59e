package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sift-news/sift"
)

// The words of generated articles: invented places, people and news
// vocabulary, so that benchmarks need no third-party text.
var (
	genNames = []string{"Varno", "Kessel", "Dravia", "Ulmet", "Sefara", "Tel Amrun", "Lausberg", "Selvan", "Kasrin", "Dorvan",
		"Mira Halden", "Oren Vasko", "Ilse Marten", "Tomas Rell", "the Northern Council", "the Coastal Front", "Radio Dravia"}
	genWords = strings.Fields(`the a of in on to and said officials ministry talks ceasefire convoy bridge market strike
		shelling curfew port border village city province army forces rebels government opposition spokesman report
		reported according sources witnesses hospital aid corridor agreement negotiations week day night morning
		attack attacks killed wounded civilians residents police protest protesters statement denied accused claimed
		warned threatened promised announced election vote parliament president minister foreign defence security
		crisis humanitarian refugees camp supplies water fuel food prices economy sanctions embassy envoy mediator`)
)

// GenDocument generates the i-th benchmark document: about 300 words of
// invented news in 4 paragraphs, a title, one of 20 outlets and a date in
// 2024. The same i always gives the same document.
func GenDocument(i int) sift.Document {
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
			name := genNames[r.IntN(len(genNames))]
			fmt.Fprintf(&b, "%s %s", strings.ToUpper(name[:1])+name[1:], genWords[r.IntN(len(genWords))])
			for range 10 + r.IntN(6) {
				b.WriteByte(' ')
				b.WriteString(genWords[r.IntN(len(genWords))])
			}
			fmt.Fprintf(&b, " (%d).", i)
		}
	}
	return sift.Document{
		Source: fmt.Sprintf("gen/%06d.txt", i), Format: sift.FormatText, Body: b.String(),
		Title:     fmt.Sprintf("%s %s %d", genNames[r.IntN(len(genNames))], genWords[r.IntN(len(genWords))], i),
		Outlet:    fmt.Sprintf("Outlet %d", i%20),
		Published: fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28),
	}
}

// GenArticle stands in for the analysis stages at no CPU cost: the text is
// the body, every generated name is an entity, the first sentence of each
// paragraph a quote of the article's first name, so that a store writes as
// many rows as for a real analysis. The ID is left empty.
func GenArticle(d sift.Document) *sift.Article {
	a := &sift.Article{Source: d.Source, Title: d.Title, Text: d.Body, Outlet: d.Outlet, Published: d.Published,
		Analyzer: map[string]string{"ner": "bench", "quotes": "bench"}}
	off := sift.NewOffsets(a.Text)
	for _, name := range genNames {
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
	return a
}

// searchFill is the number of generated articles BenchmarkSearch stores
// ($SIFT_BENCH_ARTICLES, default 100,000).
func searchFill() int {
	if n, err := strconv.Atoi(os.Getenv("SIFT_BENCH_ARTICLES")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// BenchmarkSearch stores generated articles ($SIFT_BENCH_ARTICLES, default
// 100,000; GenDocument and GenArticle) in s with PutArticles, in batches
// of 500, then measures the same queries on it, in queries per second with
// the number of matches. filled, if not nil, runs once the store is
// filled (to log its size). Each store package runs it from its own
// BenchmarkSearch, so that the figures compare.
func BenchmarkSearch(b *testing.B, s Store, filled func(n int)) {
	ctx := context.Background()
	n := searchFill()
	start := time.Now()
	const chunk = 500
	for i := 0; i < n; i += chunk {
		var arts []*sift.Article
		for k := i; k < min(i+chunk, n); k++ {
			a := GenArticle(GenDocument(k))
			a.ID = sift.ArticleID(a.Outlet, a.Text)
			arts = append(arts, a)
		}
		if _, err := s.PutArticles(ctx, arts); err != nil {
			b.Fatal(err)
		}
	}
	fill := time.Since(start)
	b.Logf("%d articles stored directly (PutArticles, batches of %d) in %v (%.0f articles/s)",
		n, chunk, fill.Round(time.Second), float64(n)/fill.Seconds())
	if filled != nil {
		filled(n)
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

package web

// Page latency on a large store: BenchmarkPages builds a store of 100,000
// small synthetic articles (once per run, in a temporary directory) and
// renders the search, article and story pages through the handler,
// reporting the 95th percentile latency of each. Run with
//
//	go test -run '^$' -bench Pages -benchtime 200x ./internal/web/
//
// SIFT_BENCH_ARTICLES changes the store size; SIFT_BENCH_STORE=path keeps
// the generated store at path and reuses it on later runs.

import (
	"context"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/sqlite"
)

// benchStore is the generated store, shared by the benchmarks of one run.
var benchStore struct {
	once    sync.Once
	dir     string
	db      *sqlite.DB
	ids     []string
	stories []string
	words   []string
	err     error
}

// storySize is the number of articles per generated story.
const storySize = 8

// syllables make pronounceable synthetic words.
var syllables = []string{"ka", "ro", "vi", "len", "dar", "mo", "ste", "qu", "bal", "ter", "ni", "sa", "gor", "pe", "lu", "zan", "fi", "tro"}

// synthWords returns n distinct synthetic words.
func synthWords(r *rand.Rand, n int) []string {
	seen := map[string]bool{}
	var out []string
	for len(out) < n {
		k := 2 + r.IntN(2)
		var b strings.Builder
		for i := 0; i < k; i++ {
			b.WriteString(syllables[r.IntN(len(syllables))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// zipf picks an index in [0, n) with a heavy head, as word use is.
func zipf(r *rand.Rand, n int) int {
	x := r.Float64()
	return min(n-1, int(float64(n)*x*x*x))
}

var techniqueNames = []string{"Loaded_Language", "Name_Calling,Labeling", "Doubt", "Appeal_to_fear-prejudice", "Flag-Waving", "Exaggeration,Minimisation"}

// synthArticle writes one small article with entities, a quote and a
// technique span at known offsets (the text is ASCII, so bytes are code
// points).
func synthArticle(r *rand.Rand, i int, words, names, outlets []string, day0 time.Time) *sift.Article {
	var b strings.Builder
	a := &sift.Article{Source: fmt.Sprintf("synthetic/%06d.txt", i), Outlet: outlets[zipf(r, len(outlets))], Language: "en",
		Published: day0.AddDate(0, 0, i*730/100000%730).Format("2006-01-02"), Analyzer: map[string]string{"bench": "1"},
		Entities: []sift.Entity{}, Quotes: []sift.Quote{}, Techniques: []sift.Technique{}}
	word := func() string { return words[zipf(r, len(words))] }
	var title []string
	for k := 0; k < 6; k++ {
		title = append(title, word())
	}
	a.Title = strings.Join(title, " ")
	name := func() sift.Entity {
		n := names[zipf(r, len(names))]
		start := b.Len()
		b.WriteString(n)
		typ := sift.PERSON
		if len(n)%3 == 0 {
			typ = sift.LOC
		}
		return sift.Entity{Span: sift.Span{Start: start, End: b.Len(), Text: n}, Type: typ, Canonical: n}
	}
	for p := 0; p < 2; p++ {
		if p > 0 {
			b.WriteString("\n\n")
		}
		for s := 0; s < 2; s++ {
			if s > 0 {
				b.WriteString(" ")
			}
			switch {
			case p == 0 && s == 1:
				// "quote," said Name.
				b.WriteString(`"`)
				start := b.Len()
				for k := 0; k < 10; k++ {
					if k > 0 {
						b.WriteByte(' ')
					}
					b.WriteString(word())
				}
				q := sift.Quote{Span: sift.Span{Start: start, End: b.Len(), Text: b.String()[start:]}, Kind: sift.Direct, Via: []sift.Ref{}}
				b.WriteString(`," `)
				cs := b.Len()
				b.WriteString("said")
				q.Cue = &sift.Span{Start: cs, End: b.Len(), Text: "said"}
				b.WriteByte(' ')
				e := name()
				a.Entities = append(a.Entities, e)
				q.Speaker = &sift.Ref{Span: e.Span, Canonical: e.Canonical}
				a.Quotes = append(a.Quotes, q)
				b.WriteByte('.')
			case p == 1 && s == 0:
				start := b.Len()
				b.WriteString(word() + " " + word())
				t := b.String()[start:]
				a.Techniques = append(a.Techniques, sift.Technique{Start: start, End: b.Len(), Text: t,
					Technique: techniqueNames[r.IntN(len(techniqueNames))], Score: 0.5 + r.Float64()/2, Evidence: []string{"synthetic"}})
				b.WriteString(" " + word() + " " + word() + ".")
			default:
				e := name()
				a.Entities = append(a.Entities, e)
				for k := 0; k < 11; k++ {
					b.WriteByte(' ')
					b.WriteString(word())
				}
				b.WriteByte('.')
			}
		}
	}
	a.Text = b.String()
	a.ID = sift.ArticleID(a.Outlet, a.Text+strconv.Itoa(i))
	return a
}

// buildBenchStore generates the store.
func buildBenchStore(n int) error {
	s := &benchStore
	r := rand.New(rand.NewPCG(1, 2))
	s.words = synthWords(r, 5000)
	path := os.Getenv("SIFT_BENCH_STORE")
	if path != "" {
		if _, err := os.Stat(path); err == nil {
			return reopenBenchStore(path)
		}
	} else {
		dir, err := os.MkdirTemp("", "sift-bench-")
		if err != nil {
			return err
		}
		s.dir = dir
		path = filepath.Join(dir, "bench.db")
	}
	var err error
	if s.db, err = sqlite.Open(path); err != nil {
		return err
	}
	names := synthWords(r, 800)
	for i, n := range names {
		names[i] = strings.ToUpper(n[:1]) + n[1:]
	}
	outlets := make([]string, 40)
	for i := range outlets {
		outlets[i] = fmt.Sprintf("Outlet %02d", i)
	}
	day0 := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	ctx := context.Background()
	start := time.Now()
	batch := make([]*sift.Article, 0, 1000)
	for i := 0; i < n; i++ {
		a := synthArticle(r, i, s.words, names, outlets, day0)
		s.ids = append(s.ids, a.ID)
		batch = append(batch, a)
		if len(batch) == cap(batch) || i == n-1 {
			if _, err := s.db.PutArticles(ctx, batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	tx, err := s.db.SQL().BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for i, id := range s.ids {
		sid := fmt.Sprintf("s%06d", i/storySize)
		if i%storySize == 0 {
			s.stories = append(s.stories, sid)
			if _, err := tx.Exec(`INSERT INTO stories(id, title) VALUES (?, ?)`, sid, "Story "+sid); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(`INSERT INTO story_articles(article_id, story_id) VALUES (?, ?)`, id, sid); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if _, err := s.db.SQL().Exec(`ANALYZE`); err != nil {
		return err
	}
	log.Printf("bench store: %d articles, %d stories in %s", n, len(s.stories), time.Since(start).Round(time.Second))
	return nil
}

// reopenBenchStore opens a store generated by an earlier run (kept with
// SIFT_BENCH_STORE=path).
func reopenBenchStore(path string) error {
	s := &benchStore
	var err error
	if s.db, err = sqlite.Open(path); err != nil {
		return err
	}
	for _, q := range []struct {
		sql string
		dst *[]string
	}{{`SELECT id FROM articles ORDER BY rowid`, &s.ids}, {`SELECT id FROM stories ORDER BY id`, &s.stories}} {
		rows, err := s.db.SQL().Query(q.sql)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			*q.dst = append(*q.dst, id)
		}
		rows.Close()
	}
	log.Printf("bench store: reusing %s (%d articles, %d stories)", path, len(s.ids), len(s.stories))
	return nil
}

// TestMain removes the benchmark store after the run.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchStore.db != nil {
		benchStore.db.Close()
	}
	if benchStore.dir != "" {
		os.RemoveAll(benchStore.dir)
	}
	os.Exit(code)
}

// openBenchStore builds the store on first use.
func openBenchStore(b *testing.B) {
	b.Helper()
	benchStore.once.Do(func() {
		n := 100000
		if v, err := strconv.Atoi(os.Getenv("SIFT_BENCH_ARTICLES")); err == nil && v > 0 {
			n = v
		}
		benchStore.err = buildBenchStore(n)
	})
	if benchStore.err != nil {
		b.Fatal(benchStore.err)
	}
}

// benchPage requests the paths made by next, b.N times, and reports the
// 95th percentile and median latencies.
func benchPage(b *testing.B, h http.Handler, next func(i int) string) {
	b.Helper()
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req := httptest.NewRequest(http.MethodGet, next(i), nil)
		w := httptest.NewRecorder()
		t0 := time.Now()
		h.ServeHTTP(w, req)
		lat = append(lat, time.Since(t0))
		if w.Code != http.StatusOK {
			b.Fatalf("GET %s: status %d", req.URL, w.Code)
		}
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(lat[len(lat)*95/100]), "p95-ms")
	b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

func BenchmarkPages(b *testing.B) {
	openBenchStore(b)
	s := &benchStore
	h := New(s.db, Options{Pipeline: &analyze.Pipeline{}, ErrorLog: log.New(io.Discard, "", 0)})
	r := rand.New(rand.NewPCG(3, 4))
	// Typical queries use words outside the 50 most frequent ones of the
	// generated text (those occur in 10% to 98% of the articles, as
	// stop words do); broad queries use only those.
	word := func(broad bool) string {
		if broad {
			return s.words[r.IntN(50)]
		}
		return s.words[50+zipf(r, len(s.words)-50)]
	}
	query := func(broad bool) string {
		q := url.Values{}
		w := word(broad)
		switch r.IntN(4) {
		case 0:
			w += " " + word(broad)
		case 1:
			q.Set("outlet", fmt.Sprintf("Outlet %02d", r.IntN(10)))
		case 2:
			q.Set("since", "2024-01-01")
		}
		q.Set("q", w)
		return "/search?" + q.Encode()
	}
	b.Run("search", func(b *testing.B) { benchPage(b, h, func(int) string { return query(false) }) })
	b.Run("search-broad", func(b *testing.B) { benchPage(b, h, func(int) string { return query(true) }) })
	b.Run("home", func(b *testing.B) { benchPage(b, h, func(int) string { return "/" }) })
	b.Run("article", func(b *testing.B) {
		benchPage(b, h, func(int) string { return "/articles/" + s.ids[r.IntN(len(s.ids))] })
	})
	b.Run("story", func(b *testing.B) {
		benchPage(b, h, func(int) string { return "/stories/" + s.stories[r.IntN(len(s.stories))] })
	})
	b.Run("api-search", func(b *testing.B) {
		benchPage(b, h, func(int) string { return "/api/v1" + query(false) })
	})
}

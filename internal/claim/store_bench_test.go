package claim_test

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/claim"
	"github.com/sift-news/sift/internal/cputime"
	"github.com/sift-news/sift/internal/sqlite"
)

// claimGen writes news-like claims: words drawn from a Zipf distribution
// over a large vocabulary, a name and a figure, so that keys have the
// document frequencies of real text (a few very common, most rare).
type claimGen struct {
	r     *rand.Rand
	zipf  *rand.Zipf
	words []string
}

func newClaimGen(seed int64) *claimGen {
	r := rand.New(rand.NewSource(seed))
	g := &claimGen{r: r, zipf: rand.NewZipf(r, 1.1, 2, 60000)}
	const letters = "abcdefghijklmnoprstuvwy"
	for i := 0; i < 60001; i++ {
		var b strings.Builder
		n := 4 + i%7
		x := i*7919 + 13
		for j := 0; j < n; j++ {
			b.WriteByte(letters[x%len(letters)])
			x = x/len(letters) + j*31 + i
		}
		g.words = append(g.words, b.String())
	}
	return g
}

func (g *claimGen) sentence() string {
	n := 10 + g.r.Intn(12)
	parts := make([]string, 0, n+2)
	parts = append(parts, "Name"+strconv.Itoa(g.r.Intn(20000)))
	for i := 0; i < n; i++ {
		parts = append(parts, g.words[g.zipf.Uint64()])
	}
	parts = append(parts, strconv.Itoa(g.r.Intn(100000)))
	return strings.Join(parts, " ")
}

// article makes a stored-to-be article of n claims.
func (g *claimGen) article(id string, n int) *sift.Article {
	a := &sift.Article{ID: id, Source: id, Outlet: "Outlet " + strconv.Itoa(g.r.Intn(30)), Analyzer: map[string]string{"claims": claim.Version}}
	var text strings.Builder
	for i := 0; i < n; i++ {
		s := g.sentence()
		start := len([]rune(text.String()))
		text.WriteString(s)
		text.WriteString(". ")
		a.Claims = append(a.Claims, sift.Claim{Span: sift.Span{Start: start, End: start + len([]rune(s)), Text: s}, Via: []sift.Ref{}, Norm: s})
	}
	a.Text = text.String()
	return a
}

// benchStore returns a SQLite store holding size linked claims (10 per
// article), built once per size and kept in the temporary directory.
func benchStore(b *testing.B, size int) (*sqlite.DB, string) {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("sift-claims-bench-%s-%d.db", claim.Version, size))
	ctx := context.Background()
	if _, err := os.Stat(path); err != nil {
		tmp := path + ".partial"
		os.Remove(tmp)
		db, err := sqlite.Open(tmp)
		if err != nil {
			b.Fatal(err)
		}
		g := newClaimGen(1)
		const per = 10
		for i := 0; i < size/per; i += 500 {
			var as []*sift.Article
			for j := i; j < min(i+500, size/per); j++ {
				as = append(as, g.article(fmt.Sprintf("a%07d", j), per))
			}
			if _, err := db.PutArticles(ctx, as); err != nil {
				b.Fatal(err)
			}
			if _, err := claim.LinkPending(ctx, db); err != nil {
				b.Fatal(err)
			}
		}
		db.Close()
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
	}
	// A store built by earlier code is brought to the current schema once,
	// in place. Each run works on a copy, so that what it adds does not
	// grow the built store.
	if db, err := sqlite.Open(path); err != nil {
		b.Fatal(err)
	} else {
		db.Close()
	}
	cp := filepath.Join(b.TempDir(), "claims.db")
	if err := copyFile(path, cp); err != nil {
		b.Fatal(err)
	}
	db, err := sqlite.Open(cp)
	if err != nil {
		b.Fatal(err)
	}
	return db, path
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}

// BenchmarkMatchAgainstStore measures linking the claims of a new article
// (10 claims) against a store of SIFT_BENCH_CLAIMS linked claims (default
// 100,000; the target is under 5 ms per article at 1,000,000). Each
// iteration stores one article and links its claims, in a copy of the
// built store.
func BenchmarkMatchAgainstStore(b *testing.B) {
	size := 100000
	if s := os.Getenv("SIFT_BENCH_CLAIMS"); s != "" {
		var err error
		if size, err = strconv.Atoi(s); err != nil {
			b.Fatalf("SIFT_BENCH_CLAIMS: %v", err)
		}
	}
	db, path := benchStore(b, size)
	defer db.Close()
	ctx := context.Background()
	g := newClaimGen(2)
	arts := make([]*sift.Article, b.N)
	for i := range arts {
		arts[i] = g.article(fmt.Sprintf("new%07d", i), 10)
	}
	// Half the new claims repeat a stored one with a word changed, as a
	// later outlet's copy would.
	old := newClaimGen(1)
	for i := range arts {
		for j := 0; j < 5; j++ {
			s := strings.Fields(old.sentence())
			s[1] = "changed"
			c := &arts[i].Claims[j]
			c.Norm = strings.Join(s, " ")
		}
	}
	b.ResetTimer()
	cpu := cputime.Seconds()
	for i := 0; i < b.N; i++ {
		if _, err := db.PutArticles(ctx, arts[i:i+1]); err != nil {
			b.Fatal(err)
		}
		if _, err := claim.LinkPending(ctx, db); err != nil {
			b.Fatal(err)
		}
	}
	used := cputime.Seconds() - cpu
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/article")
	if used > 0 {
		b.ReportMetric(float64(b.N)/used, "articles/cpu-s")
	}
	b.ReportMetric(float64(size), "stored-claims")
	if used, err := usedBytes(path); err == nil {
		b.ReportMetric(float64(used)/float64(size), "store-bytes/claim")
	}
}

// usedBytes is the size of the store at path without its free pages (a
// migration that drops a table leaves them until a VACUUM).
func usedBytes(path string) (int64, error) {
	db, err := sqlite.Open(path)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var pages, free, size int64
	for _, p := range []struct {
		pragma string
		dst    *int64
	}{{"page_count", &pages}, {"freelist_count", &free}, {"page_size", &size}} {
		if err := db.SQL().QueryRow("PRAGMA " + p.pragma).Scan(p.dst); err != nil {
			return 0, err
		}
	}
	return (pages - free) * size, nil
}

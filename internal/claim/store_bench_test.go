package claim_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/claim"
	"github.com/sift-news/sift/internal/claim/match"
	"github.com/sift-news/sift/internal/cputime"
	"github.com/sift-news/sift/internal/sqlite"
)

// benchGenVersion changes whenever the generated store changes (the
// claims written, or how they are stored), so that a store cached by
// earlier code is not measured as this code's.
const benchGenVersion = "3"

// claimGen writes news-like claims: words drawn from a Zipf distribution
// over a large vocabulary, a name and a figure, so that keys have the
// document frequencies of real text (a few very common, most rare). The
// claims of an article depend only on its number, so that a new article
// can repeat a stored claim without the store being read.
type claimGen struct {
	words []string
}

func newClaimGen() *claimGen {
	g := &claimGen{}
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

func (g *claimGen) sentence(r *rand.Rand, z *rand.Zipf) string {
	n := 10 + r.Intn(12)
	parts := make([]string, 0, n+2)
	parts = append(parts, "Name"+strconv.Itoa(r.Intn(20000)))
	for i := 0; i < n; i++ {
		parts = append(parts, g.words[z.Uint64()])
	}
	parts = append(parts, strconv.Itoa(r.Intn(100000)))
	return strings.Join(parts, " ")
}

// Streams of articles: those stored, and those linked against them.
const (
	storedStream = 0
	newStream    = 1
)

// claims returns the claim texts of article number j of a stream.
func (g *claimGen) claims(stream, j, n int) []string {
	r := rand.New(rand.NewSource(int64(2*j + stream)))
	z := rand.NewZipf(r, 1.1, 2, 60000)
	out := make([]string, n)
	for i := range out {
		out[i] = g.sentence(r, z)
	}
	return out
}

// article makes an article, to be stored, holding texts as its claims.
func article(id string, texts []string) *sift.Article {
	a := &sift.Article{ID: id, Source: id, Outlet: "Outlet " + strconv.Itoa(len(id)*7%30), Analyzer: map[string]string{"claims": claim.Version}}
	var text strings.Builder
	start := 0
	for _, s := range texts {
		text.WriteString(s)
		text.WriteString(". ")
		end := start + len([]rune(s))
		a.Claims = append(a.Claims, sift.Claim{Span: sift.Span{Start: start, End: end, Text: s}, Via: []sift.Ref{}, Norm: s})
		start = end + 2
	}
	a.Text = text.String()
	return a
}

// perArticle is how many claims each generated article holds.
const perArticle = 10

// storedID is the ID of stored article j.
func storedID(j int) string { return fmt.Sprintf("a%07d", j) }

// benchStore returns a copy of a SQLite store holding size linked claims
// (perArticle per article). The
// built store is kept in the temporary directory, keyed by its size, the
// generator's version, the matcher's (whose keys it indexes) and the
// store's schema (its migrations); it is
// bulk-loaded through the store's own methods, articles and links in
// batches of 2,000 articles, each claim opening its own thread (the
// generated claims are all different statements): the key index is the
// one linking would build.
func benchStore(b *testing.B, g *claimGen, size int) *sqlite.DB {
	b.Helper()
	ctx := context.Background()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("sift-claimbench-g%s-m%s-s%s-%d.db", benchGenVersion, match.Version, schemaHash(b), size))
	if _, err := os.Stat(path); err != nil {
		start, cpu := time.Now(), cputime.Seconds()
		tmp := path + ".partial"
		os.Remove(tmp)
		os.Remove(tmp + "-wal")
		os.Remove(tmp + "-shm")
		db, err := sqlite.Open(tmp)
		if err != nil {
			b.Fatal(err)
		}
		const batch = 2000
		for i := 0; i < size/perArticle; i += batch {
			var as []*sift.Article
			var links []sift.ClaimLink
			for j := i; j < min(i+batch, size/perArticle); j++ {
				a := article(storedID(j), g.claims(storedStream, j, perArticle))
				as = append(as, a)
				for n, c := range a.Claims {
					links = append(links, sift.ClaimLink{Article: a.ID, N: n, Claim: sift.ClaimID(a.ID, n), Score: 1, Keys: match.Keys(c.Norm)})
				}
			}
			if _, err := db.PutArticles(ctx, as); err != nil {
				b.Fatal(err)
			}
			if err := db.SaveClaimLinks(ctx, links); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := db.SQL().ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
			b.Fatal(err)
		}
		db.Close()
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
		b.Logf("built %s in %s (%.1f CPU-s)", path, time.Since(start).Round(time.Second), cputime.Seconds()-cpu)
	}
	cp := filepath.Join(b.TempDir(), "claims.db")
	if err := copyFile(path, cp); err != nil {
		b.Fatal(err)
	}
	db, err := sqlite.Open(cp)
	if err != nil {
		b.Fatal(err)
	}
	return db
}

// schemaHash is a short hash of the migrations a new store gets.
func schemaHash(b *testing.B) string {
	db, err := sqlite.Open(":memory:")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	var names string
	if err := db.SQL().QueryRow(`SELECT group_concat(name, ' ') FROM (SELECT name FROM migrations ORDER BY name)`).Scan(&names); err != nil {
		b.Fatal(err)
	}
	return sift.ArticleID("schema", names)[:8]
}

// copyFile copies from to to through a small buffer, so that the copy
// does not count in the process's memory.
func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// timedStore is a claim store that times the linker's calls to save its
// links (indexing the claims) apart from the rest (finding and scoring
// candidates).
type timedStore struct {
	*sqlite.DB
	wall time.Duration
	cpu  float64
}

func (s *timedStore) SaveClaimLinks(ctx context.Context, links []sift.ClaimLink) error {
	start, cpu := time.Now(), cputime.Seconds()
	err := s.DB.SaveClaimLinks(ctx, links)
	s.wall += time.Since(start)
	s.cpu += cputime.Seconds() - cpu
	return err
}

// BenchmarkMatchAgainstStore measures linking the claims of a new article
// (10 claims) against a store of SIFT_BENCH_CLAIMS linked claims (default
// 100,000; the target is under 5 ms per article at 1,000,000). Each
// iteration stores one article (not timed) and links its claims, in a
// copy of the built store. It reports, per article, the time to find and
// score candidates (match-) and to record the links and index the claims
// (index-), wall and CPU; the key index's bytes on disk per stored claim;
// and the process's resident memory after the last article (rss-MB, of
// which rss-file-MB are pages of the store file mapped by SQLite).
func BenchmarkMatchAgainstStore(b *testing.B) {
	size := 100000
	if s := os.Getenv("SIFT_BENCH_CLAIMS"); s != "" {
		var err error
		if size, err = strconv.Atoi(s); err != nil {
			b.Fatalf("SIFT_BENCH_CLAIMS: %v", err)
		}
	}
	g := newClaimGen()
	db := benchStore(b, g, size)
	defer db.Close()
	ctx := context.Background()
	st := &timedStore{DB: db}
	// Half the new claims repeat a stored one with a word changed, as a
	// later outlet's copy would.
	r := rand.New(rand.NewSource(2))
	arts := make([]*sift.Article, b.N)
	for i := range arts {
		texts := g.claims(newStream, i, perArticle)
		for j := 0; j < perArticle/2; j++ {
			old := strings.Fields(g.claims(storedStream, r.Intn(size/perArticle), perArticle)[r.Intn(perArticle)])
			old[1] = "changed"
			texts[j] = strings.Join(old, " ")
		}
		arts[i] = article(fmt.Sprintf("new%07d", i), texts)
	}
	var wall time.Duration
	var cpu float64
	joined := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if _, err := db.PutArticles(ctx, arts[i:i+1]); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start, c := time.Now(), cputime.Seconds()
		if _, err := claim.LinkPending(ctx, st); err != nil {
			b.Fatal(err)
		}
		wall += time.Since(start)
		cpu += cputime.Seconds() - c
	}
	b.StopTimer()
	// Memory before the measures below read the whole store.
	rss, file := residentMB()
	if ts, err := db.Claims(ctx, sift.ClaimQuery{MinMentions: 2}); err == nil {
		joined = len(ts)
	}
	n := float64(b.N)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / n }
	b.ReportMetric(ms(wall), "ms/article")
	b.ReportMetric(ms(wall-st.wall), "match-ms/article")
	b.ReportMetric((cpu-st.cpu)*1000/n, "match-cpu-ms/article")
	b.ReportMetric(ms(st.wall), "index-ms/article")
	b.ReportMetric(st.cpu*1000/n, "index-cpu-ms/article")
	if cpu > 0 {
		b.ReportMetric(n/cpu, "articles/cpu-s")
	}
	b.ReportMetric(float64(size), "stored-claims")
	b.ReportMetric(float64(joined)/n, "repeats-linked/article")
	if used, err := indexBytes(db); err == nil {
		b.ReportMetric(float64(used)/float64(size), "index-bytes/claim")
	} else {
		b.Log(err)
	}
	b.ReportMetric(rss, "rss-MB")
	b.ReportMetric(file, "rss-file-MB")
}

// indexBytes is the size on disk of the claim key index: every table and
// index whose name starts with claim_ (dbstat).
func indexBytes(db *sqlite.DB) (int64, error) {
	var n int64
	err := db.SQL().QueryRow(`SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'claim\_%' ESCAPE '\'
		OR name IN (SELECT name FROM sqlite_schema WHERE tbl_name LIKE 'claim\_%' ESCAPE '\')`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("measuring the claim index: %w", err)
	}
	return n, nil
}

// residentMB returns the process's resident memory and the part of it
// that maps files, in MiB, from /proc/self/status (0 where there is none).
func residentMB() (rss, file float64) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, 0
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseFloat(f[1], 64)
		switch f[0] {
		case "VmRSS:":
			rss = kb / 1024
		case "RssFile:":
			file = kb / 1024
		}
	}
	return rss, file
}

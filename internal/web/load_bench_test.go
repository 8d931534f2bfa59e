package web

// Search under load: BenchmarkSearchLoad serves a store of 800 synthetic
// articles (or the store at $SIFT_LOAD_STORE, such as one holding FA-KES)
// on a loopback port and lets 32 clients search it for 5 seconds per
// iteration, reporting requests per second and the median and 99th
// percentile latencies of the answers, and the share shed with 503. Run
// with
//
//	go test -run '^$' -bench SearchLoad -benchtime 1x ./internal/web/
//
// SIFT_LOAD_CLIENTS and SIFT_LOAD_SECONDS change the clients and the
// duration. "same" has every client ask the same search (what a story in
// the news does to a server); "mixed" draws two words from the vocabulary
// for each request, so that the cache rarely helps.

import (
	"context"
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
	"sync"
	"testing"
	"time"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/sqlite"
)

// loadStore opens $SIFT_LOAD_STORE or builds a store of n synthetic
// articles, returning it with words to search for.
func loadStore(b *testing.B, n int) (*sqlite.DB, []string) {
	b.Helper()
	if path := os.Getenv("SIFT_LOAD_STORE"); path != "" {
		db, err := sqlite.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { db.Close() })
		return db, []string{"syria", "attack", "killed", "civilians", "aleppo", "idlib", "strikes", "rebels", "regime", "russian"}
	}
	db, err := sqlite.Open(filepath.Join(b.TempDir(), "load.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	r := rand.New(rand.NewPCG(3, 4))
	words := synthWords(r, 3000)
	names := synthWords(r, 200)
	outlets := []string{"Outlet A", "Outlet B", "Outlet C", "Outlet D", "Outlet E"}
	var batch []*sift.Article
	for i := range n {
		batch = append(batch, synthArticle(r, i*100, words, names, outlets, time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)))
	}
	if _, err := db.PutArticles(context.Background(), batch); err != nil {
		b.Fatal(err)
	}
	return db, words[:200]
}

func BenchmarkSearchLoad(b *testing.B) {
	clients := envInt("SIFT_LOAD_CLIENTS", 32)
	dur := time.Duration(envInt("SIFT_LOAD_SECONDS", 5)) * time.Second
	db, words := loadStore(b, 800)
	srv := httptest.NewServer(New(db, Options{ErrorLog: log.New(io.Discard, "", 0)}))
	defer srv.Close()
	for _, mode := range []string{"same", "mixed"} {
		b.Run(mode, func(b *testing.B) {
			path := func(r *rand.Rand) string {
				if mode == "same" {
					return "/search?q=" + url.QueryEscape(words[0]+" "+words[1])
				}
				return "/search?q=" + url.QueryEscape(words[r.IntN(len(words))]+" "+words[r.IntN(len(words))])
			}
			for range b.N {
				st := loadRun(b, srv, clients, dur, path)
				b.ReportMetric(st.rate, "req/s")
				b.ReportMetric(st.p50, "p50-ms")
				b.ReportMetric(st.p99, "p99-ms")
				b.ReportMetric(st.shed, "shed-%")
			}
		})
	}
}

// loadStats sums up a load run.
type loadStats struct {
	rate, p50, p99, shed float64
}

// loadRun has clients request paths from next on srv for dur, each as
// soon as its last answer arrived, and returns what they saw.
func loadRun(b *testing.B, srv *httptest.Server, clients int, dur time.Duration, next func(*rand.Rand) string) loadStats {
	b.Helper()
	tr := &http.Transport{MaxIdleConnsPerHost: clients}
	defer tr.CloseIdleConnections()
	hc := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	var mu sync.Mutex
	var lat []time.Duration
	var shed, failed int
	stop := time.Now().Add(dur)
	var wg sync.WaitGroup
	start := time.Now()
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(c), 9))
			for time.Now().Before(stop) {
				t0 := time.Now()
				resp, err := hc.Get(srv.URL + next(r))
				if err != nil {
					mu.Lock()
					failed++
					mu.Unlock()
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				d := time.Since(t0)
				mu.Lock()
				switch resp.StatusCode {
				case http.StatusOK:
					lat = append(lat, d)
				case http.StatusServiceUnavailable:
					shed++
				default:
					failed++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if failed > 0 || len(lat) == 0 {
		b.Fatalf("%d requests failed, %d answered", failed, len(lat))
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	st := loadStats{rate: float64(len(lat)) / elapsed.Seconds(), p50: ms(lat[len(lat)/2]), p99: ms(lat[len(lat)*99/100]),
		shed: 100 * float64(shed) / float64(shed+len(lat))}
	b.Logf("%d clients, %s: %d answered (%.0f/s), %d shed; p50 %.1f ms, p99 %.1f ms",
		clients, dur, len(lat), st.rate, shed, st.p50, st.p99)
	return st
}

// envInt reads a positive integer from the environment, or def.
func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

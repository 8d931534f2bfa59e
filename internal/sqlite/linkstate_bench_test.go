package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/sift-news/sift/internal/cputime"
	"github.com/sift-news/sift/internal/link"
	"github.com/sift-news/sift/internal/link/linktest"
)

// procMB returns a field of /proc/self/status or smaps_rollup in MB
// (Linux), or 0.
func procMB(file, field string) float64 {
	data, err := os.ReadFile(file)
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == field {
			kb, _ := strconv.Atoi(f[1])
			return float64(kb) / 1024
		}
	}
	return 0
}

// BenchmarkLinkStored stores b.N generated articles (internal/gen) in a
// SQLite store in batches of 200 and links each batch as sift ingest
// does, with one linker loaded once: what the linker costs and holds
// when its state is in the store. The heap is measured after a GC at the
// end, with the linker alive.
//
//	go test ./internal/sqlite -run XX -bench LinkStored -benchtime 20000x
//
// With SIFT_BENCH_KEEP=PATH the store is made at PATH and kept (a
// linked store for BenchmarkLoadLinker; one there is replaced).
func BenchmarkLinkStored(b *testing.B) {
	ctx := context.Background()
	path := os.Getenv("SIFT_BENCH_KEEP")
	if path == "" {
		path = filepath.Join(b.TempDir(), "sift.db")
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix) // the run with b.N = 1 left one
	}
	db, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	as := linktest.Generated(b.N, 1)
	var l *link.Linker
	var linkCPU float64
	cpu0 := cputime.Seconds()
	b.ResetTimer()
	for len(as) > 0 {
		n := min(200, len(as))
		if _, err := db.PutArticles(ctx, as[:n]); err != nil {
			b.Fatal(err)
		}
		c0 := cputime.Seconds()
		if l == nil {
			if l, err = db.LoadLinker(ctx); err != nil {
				b.Fatal(err)
			}
		}
		var ups []link.Update
		for _, a := range as[:n] {
			up, err := l.AddContext(ctx, a)
			if err != nil {
				b.Fatal(err)
			}
			ups = append(ups, up)
		}
		if err := db.SaveLinks(ctx, ups); err != nil {
			b.Fatal(err)
		}
		l.Saved()
		linkCPU += cputime.Seconds() - c0
		as = as[n:]
	}
	b.ReportMetric(float64(b.N)/(cputime.Seconds()-cpu0), "articles/cpu-s")
	b.ReportMetric(float64(b.N)/linkCPU, "linked/cpu-s")
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "MB-heap")
	b.ReportMetric(procMB("/proc/self/status", "VmHWM:"), "MB-peak-rss")
	b.ReportMetric(procMB("/proc/self/smaps_rollup", "Anonymous:"), "MB-anon")
	runtime.KeepAlive(l)
}

// BenchmarkLoadLinker loads the linker of the store named by
// SIFT_BENCH_STORE (a copy is used: loading may fill new tables once),
// b.N times: the start-up cost of every ingest, watch and worker run.
//
//	SIFT_BENCH_STORE=g10k.db go test ./internal/sqlite -run XX -bench LoadLinker -benchtime 3x
func BenchmarkLoadLinker(b *testing.B) {
	src := os.Getenv("SIFT_BENCH_STORE")
	if src == "" {
		b.Skip("SIFT_BENCH_STORE names no store")
	}
	data, err := os.ReadFile(src)
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "copy.db")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	data = nil
	db, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if _, err := db.LoadLinker(ctx); err != nil { // fills new tables once
		b.Fatal(err)
	}
	runtime.GC()
	var l *link.Linker
	cpu0 := cputime.Seconds()
	b.ResetTimer()
	for range b.N {
		if l, err = db.LoadLinker(ctx); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cputime.Seconds()-cpu0)/float64(b.N), "cpu-s/load")
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "MB-heap")
	b.ReportMetric(float64(l.Len()), "articles")
	loaded = l // kept for -memprofile, which is written after a GC
}

// loaded keeps BenchmarkLoadLinker's last linker alive.
var loaded *link.Linker

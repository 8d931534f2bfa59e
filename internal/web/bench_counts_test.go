package web

import (
	"context"
	"io"
	"log"
	"net/url"
	"testing"

	"github.com/sift-news/sift/internal/analyze"
)

// BenchmarkCountPages times the pages whose counts fold copies (speakers,
// entities, outlets) on the generated store of BenchmarkPages.
func BenchmarkCountPages(b *testing.B) {
	openBenchStore(b)
	s := &benchStore
	h := New(s.db, Options{Pipeline: &analyze.Pipeline{}, ErrorLog: log.New(io.Discard, "", 0)})
	ctx := context.Background()
	sp, err := s.db.ListSpeakers(ctx, 10)
	if err != nil || len(sp) == 0 {
		b.Fatalf("speakers: %v, %v", sp, err)
	}
	es, err := s.db.ListEntities(ctx, "", "", 10)
	if err != nil || len(es) == 0 {
		b.Fatalf("entities: %v, %v", es, err)
	}
	os, err := s.db.Outlets(ctx)
	if err != nil || len(os) == 0 {
		b.Fatalf("outlets: %v, %v", os, err)
	}
	b.Run("speakers", func(b *testing.B) { benchPage(b, h, func(int) string { return "/speakers" }) })
	b.Run("speaker", func(b *testing.B) {
		benchPage(b, h, func(i int) string { return "/speakers/" + url.PathEscape(sp[i%len(sp)].Name) })
	})
	b.Run("entities", func(b *testing.B) { benchPage(b, h, func(int) string { return "/entities" }) })
	b.Run("entity", func(b *testing.B) {
		benchPage(b, h, func(i int) string { return "/entities/" + url.PathEscape(es[i%len(es)].Canonical) })
	})
	b.Run("outlet", func(b *testing.B) {
		benchPage(b, h, func(i int) string { return "/outlets/" + url.PathEscape(os[i%len(os)].Outlet) })
	})
}

package demo

import (
	"testing"

	"github.com/sift-news/sift/internal/analyze"
)

func TestCorpusIsRichEnough(t *testing.T) {
	es, err := Corpus()
	if err != nil {
		t.Fatal(err)
	}
	outlets, events := map[string]bool{}, map[string]bool{}
	for _, e := range es {
		outlets[e.Document.Outlet] = true
		events[e.Event] = true
		a, err := analyze.Clean(e.Document, false)
		if err != nil {
			t.Errorf("%s: %v", e.Document.Source, err)
			continue
		}
		if a.Title == "" || len(a.Paragraphs()) < 2 {
			t.Errorf("%s: cleaned to title %q with %d paragraphs", e.Document.Source, a.Title, len(a.Paragraphs()))
		}
	}
	if len(es) < 40 || len(outlets) < 8 || len(events) < 5 {
		t.Fatalf("corpus has %d articles, %d outlets, %d events; want at least 40, 8, 5", len(es), len(outlets), len(events))
	}
}

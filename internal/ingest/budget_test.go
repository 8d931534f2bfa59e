package ingest_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/ingest"
	"github.com/sift-news/sift/internal/sqlite"
)

// A document over the analysis budget is reported by name and skipped; the
// documents around it, and what was stored before, are kept. Through Add
// (POST /api/v1/articles) it is a bad document, answered with a 4xx.
func TestOverBudgetDocumentSkipped(t *testing.T) {
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	p := analyze.Default()
	p.Budget.MaxText = 64 << 10
	in := ingest.New(db, p)
	docs := corpus(t, 4)
	if _, _, err := in.Put(ctx, docs[:1], func(err error) { t.Error(err) }); err != nil {
		t.Fatal(err)
	}
	huge := sift.Document{Source: "dump.txt", Format: sift.FormatText,
		Body: strings.Repeat("The council met on Tuesday and the talks went on late into the night ", 2000)}
	var failed []error
	in.Fail = func(err error) { failed = append(failed, err) }
	batch := append([]sift.Document{huge}, docs[1:]...)
	st, err := in.Run(ctx, func(fn func(sift.Document) error, _ func(error)) error {
		for _, d := range batch {
			if err := fn(d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if st.Failed != 1 || st.Added != 3 || len(failed) != 1 {
		t.Fatalf("stats %+v, failures %v; want the 3 others added and dump.txt failed", st, failed)
	}
	if msg := failed[0].Error(); !strings.Contains(msg, "dump.txt") || !strings.Contains(msg, "too large") || !errors.Is(failed[0], analyze.ErrBudget) {
		t.Errorf("failure %q does not name the document and the budget", msg)
	}
	if n, _ := db.CountArticles(ctx); n != 4 {
		t.Errorf("%d articles stored, want 4", n)
	}
	_, _, err = in.Add(ctx, huge)
	if !ingest.IsBadDocument(err) || !errors.Is(err, analyze.ErrBudget) {
		t.Errorf("Add: err %v, want a bad document over the budget", err)
	}
}

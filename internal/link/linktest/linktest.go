// Package linktest checks that a store's linker links as the in-memory
// one does: internal/sqlite and internal/postgres run it on their own
// stores.
package linktest

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/gen"
	"github.com/sift-news/sift/internal/link"
)

// Store is the part of a store linking uses.
type Store interface {
	PutArticles(ctx context.Context, as []*sift.Article) ([]*sift.Article, error)
	LoadLinker(ctx context.Context) (*link.Linker, error)
	SaveLinks(ctx context.Context, ups []link.Update) error
}

// Generated returns n articles of internal/gen with their IDs, without
// repeats of one outlet and text (a store keys them as one article).
func Generated(n int, seed uint64) []*sift.Article {
	g := gen.New(gen.Options{Articles: n, Seed: seed})
	seen := map[string]bool{}
	var out []*sift.Article
	for g.More() {
		ga := g.Next()
		a := &sift.Article{Source: ga.URL, Title: ga.Title, Text: ga.Text, Outlet: ga.Outlet, Published: ga.Published}
		a.ID = sift.ArticleID(a.Outlet, a.Text)
		if !seen[a.ID] {
			seen[a.ID] = true
			out = append(out, a)
		}
	}
	return out
}

// LinksAsMemory stores n generated articles in s in runs of run articles,
// each linked by a linker loaded afresh from s and saved in batches of
// batch, as sift ingest does, keeping at most 4 stories in memory
// between batches, and fails unless every article gets the
// reuse links and the story an in-memory linker gives it. between, when
// not nil, is called after each run.
func LinksAsMemory(t *testing.T, s Store, n, run, batch int, between func(run int)) {
	t.Helper()
	ctx := context.Background()
	as := Generated(n, 7)
	mem := link.NewLinker()
	byID := map[string]*sift.Article{}
	mem.Fetch = func(id string) (*sift.Article, error) { return byID[id], nil }
	want := make([]link.Update, len(as))
	title := make([]string, len(as)) // of the article's story once it joined
	links := 0
	for i, a := range as {
		byID[a.ID] = a
		up, err := mem.Add(a)
		if err != nil {
			t.Fatal(err)
		}
		want[i], title[i] = up, up.Story.Title
		links += len(up.Reuse)
	}
	if links < len(as)/10 {
		t.Fatalf("only %d links among %d generated articles: the check says little", links, len(as))
	}
	for r := 0; r*run < len(as); r++ {
		part := as[r*run : min((r+1)*run, len(as))]
		if _, err := s.PutArticles(ctx, part); err != nil {
			t.Fatal(err)
		}
		l, err := s.LoadLinker(ctx)
		if err != nil {
			t.Fatal(err)
		}
		// A small bound, so that stories are let go and loaded back.
		l.Clusterer().SetResident(4)
		if l.Len() != r*run {
			t.Fatalf("run %d: loaded linker holds %d articles, want %d", r, l.Len(), r*run)
		}
		var ups []link.Update
		for j, a := range part {
			i := r*run + j
			up, err := l.AddContext(ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(up.Reuse, want[i].Reuse) || up.Record.Story != want[i].Record.Story || up.Story.Title != title[i] {
				t.Fatalf("article %d (run %d): links %v in story %s %q, want %v in %s %q", i, r,
					up.Reuse, up.Record.Story, up.Story.Title, want[i].Reuse, want[i].Record.Story, title[i])
			}
			ups = append(ups, up)
			if len(ups) == batch || j == len(part)-1 {
				if err := s.SaveLinks(ctx, ups); err != nil {
					t.Fatal(err)
				}
				l.Saved()
				ups = nil
			}
		}
		if has, err := l.HasContext(ctx, part[0].ID); err != nil || !has {
			t.Fatalf("run %d: the linker does not know article %s it linked (%v)", r, part[0].ID, err)
		}
		if n := len(l.Clusterer().Stories()); n > 4 {
			t.Fatalf("run %d: %d stories in memory after saving, want at most 4", r, n)
		}
		if between != nil {
			between(r)
		}
	}
}

// FilesAsCounting links generated articles and near copies of one of them
// (enough to fill its LSH buckets) into s, with one linker saved in
// batches of 50 and loaded afresh halfway, so that each record is filed
// under the keys the linker found room in (link.Room). It fails unless
// the lookup tables (tables lists their rows, in a fixed order) are those
// that counting each key gives: refile must empty them and file every
// record again by counting, as the backfill of an old store does.
func FilesAsCounting(t *testing.T, s Store, tables func() []string, refile func()) {
	t.Helper()
	ctx := context.Background()
	as := Generated(300, 7)
	for i := range 2 * link.BucketCap {
		c := *as[0]
		c.Text += fmt.Sprintf("\n\nCorrection %d: an earlier version of this report misstated a figure.", i)
		c.ID = sift.ArticleID(c.Outlet, c.Text)
		as = append(as, &c)
	}
	var l *link.Linker
	rooms, done := 0, 0
	for done < len(as) {
		part := as[done:min(done+50, len(as))]
		if _, err := s.PutArticles(ctx, part); err != nil {
			t.Fatal(err)
		}
		if l == nil || done == 200 {
			var err error
			if l, err = s.LoadLinker(ctx); err != nil {
				t.Fatal(err)
			}
		}
		var ups []link.Update
		for _, a := range part {
			up, err := l.AddContext(ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			if up.Room != nil {
				rooms++
			}
			ups = append(ups, up)
		}
		if err := s.SaveLinks(ctx, ups); err != nil {
			t.Fatal(err)
		}
		l.Saved()
		done += len(part)
	}
	if rooms < len(as)/2 {
		t.Fatalf("only %d of %d updates carried their room", rooms, len(as))
	}
	byRoom := tables()
	refile()
	if byCount := tables(); !slices.Equal(byRoom, byCount) {
		t.Fatalf("tables filed by room (%d rows) differ from those filed by counting (%d rows)", len(byRoom), len(byCount))
	}
}

// Postings is what PostingsCutAsClusterer needs of a store's story
// postings, through the store package's own unexported code.
type Postings struct {
	// File stores a story id (story and its filings under "other" and
	// "term", at seq i) and the postings up changes, as SaveLinks does.
	File func(i int, id string, up *link.Update)
	// Refill empties the postings and fills them again from the filings,
	// as the store's migration does for a store linked before it.
	Refill func()
	// Of reads the postings of terms, newest story last.
	Of func(terms []string) map[string][]string
}

// PostingsCutAsClusterer checks that a term's postings in the store are
// those the clusterer keeps: cut to the newest link.StoryPostingKeep when
// they overflow, both as SaveLinks cuts them (link.Update.Cut) and as the
// migration fills them from the filings.
func PostingsCutAsClusterer(t *testing.T, p Postings) {
	t.Helper()
	keep := link.StoryPostingKeep()
	var want []string // the clusterer's rule
	checks := map[int]bool{1: true, 2 * keep: true, 2*keep + 1: true, 3*keep + 1: true, 3*keep + 2: true, 700: true}
	for i := 1; i <= 700; i++ {
		id := fmt.Sprintf("s%04d", i)
		up := link.Update{Record: link.Record{ID: fmt.Sprint("a", i), Seq: i}, Story: &link.StoryState{ID: id},
			Filed: []string{"other", "term"}}
		want = append(want, id)
		if len(want) > 2*keep {
			want = append([]string(nil), want[len(want)-keep:]...)
			up.Cut = []string{"term"}
		}
		p.File(i, id, &up)
		if !checks[i] {
			continue
		}
		for _, how := range []string{"saved", "filled"} {
			if how == "filled" {
				p.Refill()
			}
			got := p.Of([]string{"term", "none"})
			if !slices.Equal(got["term"], want) || len(got["none"]) > 0 {
				t.Fatalf("after %d filings, %s: %d stories (%v…), want %d (%v…)", i, how,
					len(got["term"]), got["term"][:min(3, len(got["term"]))], len(want), want[:min(3, len(want))])
			}
		}
	}
}

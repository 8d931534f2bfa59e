package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/sift-news/sift"
)

// quoteArticle is an article of the copies test: phrases are quoted, by
// speaker, where they occur in the text, and "Kessel" is tagged wherever it
// occurs.
func quoteArticle(outlet, title, text, published, speaker string, phrases ...string) *sift.Article {
	a := Article(outlet, title, text, published)
	a.Quotes = nil
	a.Entities = nil
	for _, p := range phrases {
		i := strings.Index(text, p)
		if i < 0 {
			panic("phrase not in text: " + p)
		}
		start := len([]rune(text[:i]))
		a.Quotes = append(a.Quotes, sift.Quote{Span: sift.Span{Start: start, End: start + len([]rune(p)), Text: p},
			Kind: sift.Direct, Speaker: &sift.Ref{Span: sift.Span{Text: speaker}, Canonical: speaker}, Via: []sift.Ref{}})
	}
	for rest, off := text, 0; ; {
		i := strings.Index(rest, "Kessel")
		if i < 0 {
			break
		}
		start := off + len([]rune(rest[:i]))
		a.Entities = append(a.Entities, sift.Entity{Span: sift.Span{Start: start, End: start + 6, Text: "Kessel"}, Type: sift.LOC, Canonical: "Kessel"})
		off = start + 6
		rest = rest[i+6:]
	}
	return a
}

// testCopies checks that a statement repeated in an exact copy and in a
// spun copy counts once for its speaker, and an article and its copies
// once for an entity, with the copies listed under the statement.
func testCopies(t *testing.T, s Store, ls LinkStore) {
	v := s
	ctx := context.Background()
	body := "Aid workers in Kessel waited on Tuesday for the convoy that was due to leave the depot before noon. " +
		"Mira Holt, who leads the relief office, said the convoy will cross at dawn once the road is cleared. " +
		"She added that no shelling was reported overnight along the river road into Kessel and that the drivers were ready. " +
		"Families in the old town queued for bread and water while the council opened two more shelters near the station."
	spunBody := strings.ReplaceAll(body, "convoy", "aid column")
	first := quoteArticle("Varno Daily", "Convoy waits near Kessel", body, "2024-05-01", "Mira Holt",
		"the convoy will cross at dawn", "no shelling was reported overnight")
	// The copies headline the speaker's statement; the story keeps the
	// report's title.
	copied := quoteArticle("Dravia Today", "Relief chief Holt: the convoy will cross at dawn", body, "2024-05-02", "Mira Holt",
		"the convoy will cross at dawn", "no shelling was reported overnight")
	spun := quoteArticle("Ulmet Post", "Relief chief Holt: the aid column will cross at dawn", spunBody, "2024-05-03", "Mira Holt",
		"the aid column will cross at dawn", "no shelling was reported overnight")
	other := quoteArticle("Ulmet Post", "Port stays shut", "Dock workers in Ulmet walked out on Monday over unpaid wages, "+
		"halting grain exports for the second time this year. Mira Holt said the port stays closed until Friday at the earliest.",
		"2024-05-03", "Mira Holt", "the port stays closed until Friday")
	mustPut(t, s, first, copied, spun, other)
	LinkAll(t, s, ls)

	stories, err := ls.Stories(ctx, sift.StoryQuery{MinArticles: 3})
	if err != nil || len(stories) != 1 {
		t.Fatalf("stories of 3 articles: %s, %v", compact(t, stories), err)
	}
	if stories[0].Title != "Convoy waits near Kessel" {
		t.Errorf("story title %q, want the report's headline rather than the statement two copies ran", stories[0].Title)
	}

	speakers, err := v.ListSpeakers(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	var holt *sift.SpeakerSummary
	for i := range speakers {
		if speakers[i].Name == "Mira Holt" {
			holt = &speakers[i]
		}
	}
	if holt == nil {
		t.Fatalf("speakers %+v: no Mira Holt", speakers)
	}
	// Three statements (two made first in Varno Daily, one in the port
	// story), four repetitions in the two copies; two articles once copies
	// are folded, three outlets.
	if got := fmt.Sprint(holt.Quotes, holt.Copies, holt.Articles, holt.Outlets); got != "3 4 2 3" {
		t.Errorf("Mira Holt: quotes, copies, articles, outlets = %s, want 3 4 2 3", got)
	}
	sts, total, err := v.SpeakerStatements(ctx, "Mira Holt", 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	if total != 3 || len(sts) != 3 {
		t.Fatalf("statements of Mira Holt: %d of %d, want 3: %s", len(sts), total, compact(t, sts))
	}
	var dawn *sift.Statement
	for i := range sts {
		if strings.Contains(sts[i].Text, "cross at dawn") {
			dawn = &sts[i]
		}
	}
	if dawn == nil || dawn.ArticleID != first.ID {
		t.Fatalf("the dawn statement should be listed once, from the first article: %s", compact(t, sts))
	}
	var outlets []string
	for _, c := range dawn.Copies {
		outlets = append(outlets, c.Outlet)
	}
	if fmt.Sprint(outlets) != "[Dravia Today Ulmet Post]" {
		t.Errorf("copies of the dawn statement from %v, want [Dravia Today Ulmet Post]: %s", outlets, compact(t, dawn.Copies))
	}
	for _, st := range sts {
		if strings.Contains(st.Text, "port stays closed") && len(st.Copies) != 0 {
			t.Errorf("a statement nobody copied lists copies: %s", compact(t, st.Copies))
		}
	}

	// sift quotes: the same statements once each, the copies under them,
	// or every repetition on its own when asked.
	hits, err := s.Quotes(ctx, sift.QuoteQuery{Speaker: "Mira Holt"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 3 || hits[0].ArticleID != first.ID || len(hits[0].Copies)+len(hits[1].Copies) != 4 {
		t.Errorf("Quotes(Mira Holt) folded: %s, want 3 statements with 4 copies between them", compact(t, hits))
	}
	if hits, err := s.Quotes(ctx, sift.QuoteQuery{Speaker: "Mira Holt", Limit: 1}); err != nil || len(hits) != 1 || len(hits[0].Copies) != 2 {
		t.Errorf("Quotes(Mira Holt, limit 1) = %s, %v; want 1 statement with its 2 copies", compact(t, hits), err)
	}
	if flat, err := s.Quotes(ctx, sift.QuoteQuery{Speaker: "Mira Holt", Copies: true}); err != nil || len(flat) != 7 {
		t.Errorf("Quotes(Mira Holt, copies) = %d hits, %v; want all 7 repetitions", len(flat), err)
	}

	// Kessel is mentioned twice in each of three copies of one article.
	es, err := v.ListEntities(ctx, "", "Kessel", 10)
	if err != nil || len(es) != 1 {
		t.Fatalf("ListEntities(Kessel) = %+v, %v", es, err)
	}
	if es[0].Articles != 1 || es[0].Mentions != 2 {
		t.Errorf("Kessel: %d articles, %d mentions; want 1 and 2 (copies counted once)", es[0].Articles, es[0].Mentions)
	}
	p, err := v.EntityProfileOf(ctx, "Kessel")
	if err != nil {
		t.Fatal(err)
	}
	if p.Articles != 1 || p.Mentions != 2 {
		t.Errorf("Kessel profile: %d articles, %d mentions; want 1 and 2", p.Articles, p.Mentions)
	}
	if es, ok := s.(sift.EntityStore); ok {
		stats, err := es.Entities(ctx, sift.EntityQuery{Name: "Kessel"})
		if err != nil || len(stats) != 1 || stats[0].Articles != 1 || stats[0].Mentions != 2 {
			t.Errorf("Entities(Kessel) = %s, %v; want 1 article, 2 mentions", compact(t, stats), err)
		}
	}

	// An outlet that ran the copy and its own story: each statement once.
	op, err := v.OutletProfileOf(ctx, "Ulmet Post")
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(op.Speakers) != "[{Mira Holt 3}]" {
		t.Errorf("Ulmet Post speakers %v, want Mira Holt with 3 statements", op.Speakers)
	}
}

// CopiedArticles are an article, an exact copy of it in another outlet, a
// spun copy and one that shares a passage, and an unrelated article: the
// linker finds reuse links of every kind among them.
func CopiedArticles() []*sift.Article {
	first := "Kessel officials said the bridge over the Varno river will reopen on Monday, after three weeks of repairs. " +
		"Traffic to the port of Ulmet was diverted through the northern villages, where residents complained of trucks at night. " +
		"The ministry said the repairs cost less than planned and that the convoy route would stay open for aid."
	spun := strings.NewReplacer("Kessel", "Dravia", "Varno", "Selvan", "Ulmet", "Kasrin").Replace(first)
	passage := "Dock workers walked out on Tuesday over wages and the strike closed two piers. " +
		"Traffic to the port of Ulmet was diverted through the northern villages, where residents complained of trucks at night."
	return []*sift.Article{
		Article("Varno Daily", "Bridge to reopen", first, "2024-03-01"),
		Article("Ulmet Post", "Bridge to reopen on Monday", first, "2024-03-02"),
		Article("Radio Dravia", "Dravia bridge reopens", spun, "2024-03-02"),
		Article("Kessel Herald", "Dock strike", passage, "2024-03-03"),
		Article("Varno Daily", "Election called", "The president called an early election for June after the coalition broke up over the budget.", "2024-03-04"),
	}
}

// LinkedStore is a store whose links and claims LinkedBack reads.
type LinkedStore interface {
	ClaimStore
	LinkStore
}

// LinkedBack returns, as JSON, what a user reads of arts' links from s:
// each article's reuse links, the stories listed, and ReadBack.
func LinkedBack(t testing.TB, s LinkedStore, arts []*sift.Article) string {
	t.Helper()
	ctx := context.Background()
	var out []any
	for _, a := range arts {
		r, err := s.Reuse(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	stories, err := s.Stories(ctx, sift.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(append(out, stories, ReadBack(t, s, arts)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

package sqlite

import (
	"context"
	"testing"

	"github.com/sift-news/sift"
)

// quoted returns an article with one statement by speaker through via.
func quoted(outlet, published, text, speaker, canonical, via string) *sift.Article {
	a := &sift.Article{ID: sift.ArticleID(outlet, text), Source: outlet + ".txt", Title: outlet, Text: text,
		Outlet: outlet, Published: published, Analyzer: map[string]string{"quotes": "t"}}
	q := sift.Quote{Span: sift.Span{Start: 0, End: len(text), Text: text}, Kind: sift.Indirect, Via: []sift.Ref{},
		Speaker: &sift.Ref{Span: sift.Span{Text: speaker}, Canonical: canonical}}
	if via != "" {
		q.Via = append(q.Via, sift.Ref{Span: sift.Span{Text: via}, Canonical: via})
	}
	a.Quotes = []sift.Quote{q}
	return a
}

func TestQuotesBySpeakerViaAndDate(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	for _, a := range []*sift.Article{
		quoted("Alpha", "2018-09-08", "the talks will resume", "the FM", "Ivan Petrov", "TASS"),
		quoted("Beta", "2018-09-01", "the bridge is intact", "Petrov", "Ivan Petrov", ""),
		quoted("Gamma", "2018-09-09", "the road is closed", "Lind", "Maria Lind", "Sputnik"),
	} {
		if _, err := db.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		q    sift.QuoteQuery
		want []string // outlets in order
	}{
		{sift.QuoteQuery{Speaker: "petrov"}, []string{"Beta", "Alpha"}},
		{sift.QuoteQuery{Speaker: "the fm"}, []string{"Alpha"}},
		{sift.QuoteQuery{Via: "tass"}, []string{"Alpha"}},
		{sift.QuoteQuery{Speaker: "Petrov", Since: "2018-09-05"}, []string{"Alpha"}},
		{sift.QuoteQuery{}, []string{"Beta", "Alpha", "Gamma"}},
		{sift.QuoteQuery{Limit: 1}, []string{"Beta"}},
		{sift.QuoteQuery{Speaker: "Nobody"}, nil},
	}
	for _, c := range cases {
		hits, err := db.Quotes(ctx, c.q)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.Outlet)
		}
		if len(got) != len(c.want) {
			t.Errorf("%+v: got %v, want %v", c.q, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%+v: got %v, want %v", c.q, got, c.want)
			}
		}
	}
	hits, _ := db.Quotes(ctx, sift.QuoteQuery{Via: "Sputnik"})
	if len(hits) != 1 || hits[0].Quote.Speaker == nil || hits[0].Quote.Speaker.Canonical != "Maria Lind" ||
		len(hits[0].Quote.Via) != 1 || hits[0].Published != "2018-09-09" {
		t.Errorf("round trip lost fields: %+v", hits)
	}
}

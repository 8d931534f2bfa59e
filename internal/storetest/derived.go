package storetest

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/sift-news/sift"
)

// DerivedArticles are the claim test corpus (ClaimArticles, to be stored
// in order) plus articles with quotes, entities and techniques, one of
// them with a quote and a claim whose text is not their span of the
// article's text: the stores keep such a text, and recompute the others
// from the article (migration 600-derived-text).
func DerivedArticles() []*sift.Article {
	arts := ClaimArticles()
	for _, a := range arts {
		a.Analyzer["ner"], a.Analyzer["quotes"] = "t1", "t1"
	}
	text := "Kessel officials said the bridge will reopen on Monday, after the repairs."
	odd := Article("Ulmet Post", "Bridge to reopen", text, "2024-03-06")
	odd.Quotes[0].Text = "officials said"                                                                  // its span is "officials"
	odd.Claims = []sift.Claim{{Span: sift.Span{Start: 22, End: 53, Text: "the bridge will reopen Monday"}, // not its span
		Norm: "the bridge reopens on Monday", Via: []sift.Ref{}}}
	odd.Analyzer["claims"] = "t1"
	plain := Article("Varno Daily", "Port shut", "Dock workers in Ulmet walked out on Monday over wages.", "2024-03-07")
	return append(arts, odd, plain)
}

// PutDerived stores arts in s one at a time (PutClaimArticles) and saves
// their claim links in the two batches of ClaimLinks.
func PutDerived(t testing.TB, s ClaimStore, arts []*sift.Article) {
	t.Helper()
	PutClaimArticles(t, s, arts)
	first, second := ClaimLinks(arts)
	for _, ls := range [][]sift.ClaimLink{first, second} {
		if err := s.SaveClaimLinks(context.Background(), ls); err != nil {
			t.Fatal(err)
		}
	}
}

// ReadBack returns, as JSON, what a user can read back of arts from s:
// each article, every claim, the claims found by "bridge", every quote
// and the claims not linked yet. Two stores holding the same articles
// read back the same string.
func ReadBack(t testing.TB, s ClaimStore, arts []*sift.Article) string {
	t.Helper()
	ctx := context.Background()
	var out []any
	for _, a := range arts {
		got, err := s.Article(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, got)
	}
	claims, err := s.Claims(ctx, sift.ClaimQuery{})
	if err != nil {
		t.Fatal(err)
	}
	found, err := s.Claims(ctx, sift.ClaimQuery{Text: "bridge"})
	if err != nil {
		t.Fatal(err)
	}
	quotes, err := s.Quotes(ctx, sift.QuoteQuery{})
	if err != nil {
		t.Fatal(err)
	}
	pending, err := s.PendingClaims(ctx, 100)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(append(out, claims, found, quotes, pending))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// CheckDerivedTexts checks that every quote and claim of arts reads back
// from s with the text (and the claim with the norm, its text when it has
// none) it was stored with, whether the store kept the text or
// recomputes it from the article.
func CheckDerivedTexts(t testing.TB, s ClaimStore, arts []*sift.Article) {
	t.Helper()
	for _, a := range arts {
		got, err := s.Article(context.Background(), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for i, q := range a.Quotes {
			if got.Quotes[i].Text != q.Text {
				t.Errorf("%s: quote %d reads %q, stored %q", a.Title, i, got.Quotes[i].Text, q.Text)
			}
		}
		for i, c := range a.Claims {
			norm := c.Norm
			if norm == "" {
				norm = c.Text
			}
			if got.Claims[i].Text != c.Text || got.Claims[i].Norm != norm {
				t.Errorf("%s: claim %d reads %q (norm %q), stored %q (norm %q)", a.Title, i,
					got.Claims[i].Text, got.Claims[i].Norm, c.Text, norm)
			}
		}
	}
}

// KeptTextsSQL lists, in order, what a store keeps of the derived texts
// (quote and claim texts, norms and fact analyzer versions stored because
// they are not their span, text or article's version), the same for both
// stores, so that their upgrade tests compare what is kept.
const KeptTextsSQL = `SELECT text FROM quotes WHERE text IS NOT NULL
	UNION ALL SELECT text FROM article_claims WHERE text IS NOT NULL
	UNION ALL SELECT 'norm: ' || norm FROM article_claims WHERE norm IS NOT NULL
	UNION ALL SELECT 'analyzer: ' || analyzer FROM entities WHERE analyzer != ''
	UNION ALL SELECT 'analyzer: ' || analyzer FROM quotes WHERE analyzer != ''
	UNION ALL SELECT 'analyzer: ' || analyzer FROM article_claims WHERE analyzer != ''
	UNION ALL SELECT 'analyzer: ' || analyzer FROM techniques WHERE analyzer != '' ORDER BY 1`

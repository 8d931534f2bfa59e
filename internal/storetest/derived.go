package storetest

import "github.com/sift-news/sift"

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

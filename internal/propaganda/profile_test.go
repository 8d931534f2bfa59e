package propaganda

import (
	"math"
	"strings"
	"testing"

	"github.com/sift-news/sift"
)

func TestProfilesCompareOutletsWithTheStore(t *testing.T) {
	stats := []sift.ArticleTechniques{
		{ID: "1", Outlet: "Loud", Words: 500, Techniques: map[string]int{"Loaded_Language": 4, "Doubt": 1}, Signals: map[string]int{AnonymousSource: 1}},
		{ID: "2", Outlet: "Loud", Words: 500, Techniques: map[string]int{"Loaded_Language": 4}},
		{ID: "3", Outlet: "Calm", Words: 1000, Techniques: map[string]int{"Doubt": 1}},
	}
	outlets, all := Profiles(stats)
	if all.Articles != 3 || all.Words != 2000 || all.Spans != 10 || all.Rate != 5 {
		t.Fatalf("store profile: %+v", all)
	}
	if len(outlets) != 2 || outlets[0].Outlet != "Loud" {
		t.Fatalf("outlets: %+v", outlets)
	}
	loud, calm := outlets[0], outlets[1]
	// Loud: 9 spans in 1,000 words, against 5 per 1,000 in the store.
	if loud.Rate != 9 || math.Abs(loud.Relative-1.8) > 1e-9 || loud.Signals[AnonymousSource] != 1 {
		t.Fatalf("Loud: %+v", loud)
	}
	if top := loud.Techniques[0]; top.Technique != "Loaded_Language" || top.Spans != 8 || top.Rate != 8 ||
		top.StoreRate != 4 || top.Relative != 2 {
		t.Fatalf("Loud's most frequent technique: %+v", top)
	}
	if calm.Rate != 1 || calm.Techniques[0].Technique != "Doubt" || calm.Techniques[0].Relative != 1 {
		t.Fatalf("Calm: %+v", calm)
	}
}

func TestArticleProfile(t *testing.T) {
	a := &sift.Article{Outlet: "X", Text: strings.Repeat("word ", 200),
		Techniques: []sift.Technique{{Technique: "Slogans"}, {Technique: "Slogans"}, {Technique: "Doubt"}}}
	p := ArticleProfile(a)
	if p.Articles != 1 || p.Words != 200 || p.Spans != 3 || p.Rate != 15 || p.Techniques[0].Technique != "Slogans" {
		t.Fatalf("got %+v", p)
	}
	if p := ArticleProfile(&sift.Article{}); p.Rate != 0 || len(p.Techniques) != 0 {
		t.Fatalf("empty article: %+v", p)
	}
}

package copies

import (
	"testing"

	"github.com/sift-news/sift"
)

func TestWholeCopyNeedsMostOfTheText(t *testing.T) {
	cases := []struct {
		r    sift.Reuse
		aLen int
		want bool
	}{
		{sift.Reuse{Kind: sift.ReuseExact, AEnd: 100}, 100, true},
		{sift.Reuse{Kind: sift.ReuseNear, AEnd: 100}, 100, true},
		{sift.Reuse{Kind: sift.ReuseSpun, AStart: 10, AEnd: 90}, 100, true},
		{sift.Reuse{Kind: sift.ReusePassage, AStart: 0, AEnd: 30}, 100, false}, // one quoted paragraph
		{sift.Reuse{Kind: "other", AEnd: 100}, 100, false},
	}
	for _, c := range cases {
		if got := WholeCopy(c.r, c.aLen); got != c.want {
			t.Errorf("WholeCopy(%+v, %d) = %v, want %v", c.r, c.aLen, got, c.want)
		}
	}
}

func TestSameStatementSurvivesSpinButNotAnotherSpeaker(t *testing.T) {
	orig := Quote{Text: "the convoy will cross at dawn", Speaker: "Mira Holt"}
	spun := Quote{Text: "the aid column will cross at dawn", Speaker: "mira holt"}
	if !SameStatement(spun, orig) {
		t.Error("a spun repetition by the same speaker is not the same statement")
	}
	if SameStatement(Quote{Text: orig.Text, Speaker: "Jon Brandt"}, orig) {
		t.Error("the same words from another speaker taken as the same statement")
	}
	if SameStatement(Quote{Text: "the port stays closed until Friday", Speaker: "Mira Holt"}, orig) {
		t.Error("another statement of the speaker taken as the same")
	}
}

func TestMatchKeepsToTheCopiedStretch(t *testing.T) {
	src := []Quote{{Start: 10, End: 40, Text: "the convoy will cross at dawn", Speaker: "Mira Holt"}}
	cp := []Quote{
		{Start: 210, End: 240, Text: "the convoy will cross at dawn", Speaker: "Mira Holt"}, // outside the copied stretch
		{Start: 12, End: 42, Text: "the convoy will cross at dawn", Speaker: "Mira Holt"},
	}
	got := Match(cp, 0, 100, src, 0, 100)
	if got[0] != -1 || got[1] != 0 {
		t.Errorf("Match = %v, want [-1 0]", got)
	}
}

func TestFoldQuotesListsCopiesUnderTheFirst(t *testing.T) {
	hit := func(article, outlet, key string) sift.Statement {
		return sift.Statement{ArticleID: article, Outlet: outlet, Key: key}
	}
	hits := []sift.Statement{hit("a", "Varno Daily", "a:1"), hit("b", "Varno Daily", "b:5"), hit("c", "Dravia Today", "a:1"),
		hit("d", "Ulmet Post", "a:1"), hit("e", "Ulmet Post", "")}
	got := FoldQuotes(hits, 0)
	if len(got) != 3 || got[0].ArticleID != "a" || len(got[0].Copies) != 2 || got[0].Copies[1].Outlet != "Ulmet Post" {
		t.Fatalf("FoldQuotes = %+v", got)
	}
	if got := FoldQuotes(hits, 1); len(got) != 1 || len(got[0].Copies) != 2 {
		t.Errorf("FoldQuotes(limit 1) = %+v, want the first statement with both copies", got)
	}
}

package cleaneval

import (
	"testing"

	"github.com/sift-news/sift/internal/clean"
)

// The hand-labelled set is our own fictional text with the noise of real
// scrapes; these floors catch regressions of the cleaner as a whole.
func TestLabelledSet(t *testing.T) {
	s, err := Evaluate("../testdata/labelled", clean.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Articles < 40 {
		t.Fatalf("labelled set has %d articles, want at least 40", s.Articles)
	}
	t.Logf("words P %.3f R %.3f F1 %.3f; paragraphs F1 %.3f; titles %.3f; dates %.3f; comments %.3f",
		s.WordP, s.WordR, s.WordF, s.ParaF, s.TitleAcc, s.DateAcc, s.CommentR)
	if s.WordF < 0.97 || s.ParaF < 0.93 || s.TitleAcc < 0.9 || s.CommentR < 0.85 {
		for _, m := range s.Misses {
			t.Log(m)
		}
		t.Errorf("cleaner below its floor: word F1 %.3f, paragraph F1 %.3f, title %.3f, comments %.3f", s.WordF, s.ParaF, s.TitleAcc, s.CommentR)
	}
}

// The held-out sets were written by others who had not read the cleaner;
// heldout2 has never been tuned on. Floors a little under today's figures
// catch regressions that the development set would not show.
func TestHeldOutSets(t *testing.T) {
	for _, c := range []struct {
		dir          string
		words, title float64
	}{{"../testdata/heldout", 0.97, 0.9}, {"../testdata/heldout2", 0.95, 0.85}} {
		s, err := Evaluate(c.dir, clean.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d articles, words P %.3f R %.3f F1 %.3f, paragraphs F1 %.3f, titles %.3f, dates %.3f, comments %.3f",
			c.dir, s.Articles, s.WordP, s.WordR, s.WordF, s.ParaF, s.TitleAcc, s.DateAcc, s.CommentR)
		if s.Articles < 25 || s.WordF < c.words || s.TitleAcc < c.title {
			t.Errorf("%s: %d articles, word F1 %.3f (floor %.2f), title accuracy %.3f (floor %.2f)", c.dir, s.Articles, s.WordF, c.words, s.TitleAcc, c.title)
		}
	}
}

// TestCommentSets scores the comment-layout sets: comments (development,
// its misses drove the comment rules) and heldout3 (written before those
// rules and never tuned on). Both mix threads in many layouts with pages
// whose body only looks like one (interviews, letters, quoted speech).
func TestCommentSets(t *testing.T) {
	for _, c := range []struct {
		dir                    string
		words, recall, precise float64
	}{{"../testdata/comments", 0.99, 0.95, 0.95}, {"../testdata/heldout3", 0.95, 0.6, 0.8}} {
		s, err := Evaluate(c.dir, clean.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d articles, words P %.3f R %.3f F1 %.3f, paragraphs F1 %.3f, titles %.3f, comments R %.3f P %.3f, authors %.3f",
			c.dir, s.Articles, s.WordP, s.WordR, s.WordF, s.ParaF, s.TitleAcc, s.CommentR, s.CommentP, s.CommentAuthor)
		if s.Articles < 10 || s.WordF < c.words || s.CommentR < c.recall || s.CommentP < c.precise {
			t.Errorf("%s: word F1 %.3f (floor %.2f), comment recall %.3f (floor %.2f), comment precision %.3f (floor %.2f)",
				c.dir, s.WordF, c.words, s.CommentR, c.recall, s.CommentP, c.precise)
		}
	}
}

// heldout4 was written for issue 20 before its author read the cleaner's
// rules (held out until cleaner version 4, then tuned on); heldout5 was
// written with it and tuned on. The share of articles cleaned exactly (title right, no noise or
// comment left, 97 % of the body kept at 97 % precision) is what a reader
// notices; floors a little under today's figures.
func TestExactlyClean(t *testing.T) {
	for _, c := range []struct {
		dir   string
		exact float64
	}{{"../testdata/heldout4", 0.9}, {"../testdata/heldout5", 0.95}, {"../testdata/labelled", 1}} {
		s, err := Evaluate(c.dir, clean.Options{})
		if err != nil {
			t.Fatal(err)
		}
		share := float64(s.Exact) / float64(s.Articles)
		t.Logf("%s: %d of %d exactly clean", c.dir, s.Exact, s.Articles)
		if s.Articles < 18 || share < c.exact {
			t.Errorf("%s: %d of %d articles exactly clean (%.3f, floor %.2f)", c.dir, s.Exact, s.Articles, share, c.exact)
		}
	}
}

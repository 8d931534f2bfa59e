package claim

import (
	"fmt"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/claim/match"
)

// TestScoresRejectAPairWhoseInputsChanged checks that a prescored pair is
// used only for the texts, dates and speakers it was computed from: a
// claim re-stored with another text, date or speaker (an article
// ingested again after an edit) is scored anew, never given a stale
// score.
func TestScoresRejectAPairWhoseInputsChanged(t *testing.T) {
	p := sift.ClaimKey{Article: "a", N: 0, Norm: "the minister said the bridge will reopen in May", Published: "2026-05-01", Speaker: "Ana Ruiz"}
	c := sift.ClaimKey{Article: "b", N: 2, Norm: "the bridge will reopen in May, the minister said", Published: "2026-05-02"}
	s := NewScores()
	s.put(p, map[claimRef]pairScore{{c.Article, c.N}: {in: inputsOf(c), s: 0.91}})
	if got, ok := s.lookup(p, c); !ok || got != 0.91 {
		t.Fatalf("lookup of the pair as scored = %v, %v; want 0.91, true", got, ok)
	}
	edits := map[string]func(p, c *sift.ClaimKey){
		"candidate's text": func(_, c *sift.ClaimKey) { c.Norm = "the bridge will stay shut until June" },
		"candidate's date": func(_, c *sift.ClaimKey) { c.Published = "2026-09-02" },
		"claim's speaker":  func(p, _ *sift.ClaimKey) { p.Speaker = "Ben Ode" },
		"claim's text":     func(p, _ *sift.ClaimKey) { p.Norm += " at the earliest" },
	}
	for name, edit := range edits {
		p2, c2 := p, c
		edit(&p2, &c2)
		if got, ok := s.lookup(p2, c2); ok {
			t.Errorf("%s changed: lookup gave the stale score %v", name, got)
		}
	}
	s.forget([]sift.ClaimLink{{Article: p.Article, N: p.N}})
	if _, ok := s.lookup(p, c); ok || s.Len() != 0 {
		t.Errorf("after the claim was linked its pairs are still held (%d)", s.Len())
	}
}

// TestPreparedTextsScoreAsFreshAndStayBounded checks the candidate texts a
// Linker keeps between batches: past two generations of maxPrepared
// texts the oldest are dropped, a text in use moves back to the current
// generation, and every score equals the matcher's own on the raw text.
func TestPreparedTextsScoreAsFreshAndStayBounded(t *testing.T) {
	l := NewLinker()
	p := &l.prepared
	sc := match.Default().Scorer("rebels shelled the village of Arvo on Tuesday, killing four")
	defer sc.Close()
	text := func(i int) string {
		return fmt.Sprintf("rebels shelled village %d on Tuesday, killing %d people", i, i%7)
	}
	const kept = "rebels shelled the village of Arvo on Tuesday, killing four people"
	for i := range 2*maxPrepared + 100 {
		tx := text(i)
		if i%500 == 0 {
			tx = kept // in use all along: must survive the rotations
		}
		if got, want := p.score(sc, tx), sc.Score(tx); got != want {
			t.Fatalf("text %d: prepared score %v, matcher's own %v", i, got, want)
		}
		if len(p.texts) > maxPrepared || len(p.old) > maxPrepared {
			t.Fatalf("after %d texts the generations hold %d and %d (bound %d)", i+1, len(p.texts), len(p.old), maxPrepared)
		}
	}
	if p.texts[kept] == nil && p.old[kept] == nil {
		t.Error("a text scored every 500 calls was dropped")
	}
	if p.texts[text(1)] != nil || p.old[text(1)] != nil {
		t.Error("a text scored once, 2*maxPrepared texts ago, is still held")
	}
}

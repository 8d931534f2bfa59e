package claim

import (
	"testing"

	"github.com/sift-news/sift"
)

func mention(text string, start int, attributed bool, speaker string) sift.Claim {
	c := sift.Claim{Span: sift.Span{Start: start, End: start + len([]rune(text)), Text: text}, Attributed: attributed, Via: []sift.Ref{}}
	if speaker != "" {
		c.Speaker = &sift.Ref{Span: sift.Span{Start: 0, End: len(speaker), Text: speaker}, Canonical: speaker}
	}
	return c
}

func kinds(cs []sift.ClaimChange) map[string]sift.ClaimChange {
	m := map[string]sift.ClaimChange{}
	for _, c := range cs {
		m[c.Kind] = c
	}
	return m
}

func TestChangesFindFigureHedgeAndLaundering(t *testing.T) {
	first := mention("about 3,000 fighters had allegedly gathered near Ulmet", 40, true, "Dravian defence ministry")
	later := mention("10,000 terrorists had gathered near Ulmet", 100, false, "")
	got := kinds(Changes(first, later))
	fig, ok := got[sift.ChangeFigure]
	if !ok || fig.From != "3,000" || fig.To != "10,000" {
		t.Errorf("figure change: %+v", fig)
	}
	if fig.FromStart != 46 || fig.ToStart != 100 {
		t.Errorf("figure offsets %d/%d, want 46/100 (into each article)", fig.FromStart, fig.ToStart)
	}
	if h, ok := got[sift.ChangeHedgeDropped]; !ok || h.From != "allegedly" {
		t.Errorf("hedge dropped: %+v", h)
	}
	if a, ok := got[sift.ChangeAttributionDropped]; !ok || a.From != "Dravian defence ministry" {
		t.Errorf("attribution dropped: %+v", a)
	}
	if r, ok := got[sift.ChangeActor]; !ok || r.From != "fighters" || r.To != "terrorists" {
		t.Errorf("actor renamed: %+v", r)
	}
}

func TestChangesOfAFaithfulRepeatAreNone(t *testing.T) {
	first := mention("about 3,000 fighters had gathered near Ulmet", 0, true, "Dravian defence ministry")
	later := mention("some 3000 fighters gathered near Ulmet", 0, true, "Dravian defence ministry")
	if cs := Changes(first, later); len(cs) != 0 {
		t.Errorf("want no change, got %+v", cs)
	}
}

func TestChangesSeeANewSpeaker(t *testing.T) {
	first := mention("the depot was destroyed on Tuesday", 0, true, "Pavel Brenko")
	later := mention("the depot was destroyed on Tuesday", 0, true, "Lena Orsk")
	if got := kinds(Changes(first, later)); got[sift.ChangeSpeaker].To != "Lena Orsk" {
		t.Errorf("speaker change: %+v", got)
	}
}

package quote

import (
	"os"
	"strings"
	"testing"

	"github.com/sift-news/sift/internal/dataset"
)

// TestPolNeARDev scores the extractor on PolNeAR's dev split (entity stage
// off) and fails if it falls well below the figures in docs/quotes.md.
func TestPolNeARDev(t *testing.T) {
	dir := dataset.Require(t, "polnear/dev")
	docs, err := ReadPolNeAR(dir)
	if err != nil {
		t.Fatal(err)
	}
	var s Score
	var misses []string
	for _, d := range docs {
		pred := Extract(d.Text, nil)
		s.Add(d.Attributions, pred)
		if os.Getenv("QUOTE_ERRORS") != "" {
			for _, q := range pred {
				hit := false
				for _, g := range d.Attributions {
					if overlapsAny(q.Span, g.Content) {
						hit = true
					}
				}
				for _, g := range d.Attributions {
					if overlapsAny(q.Span, g.Content) && len(g.Source) > 0 && (q.Speaker == nil || !overlapsAny(q.Speaker.Span, g.Source)) {
						sp := "-"
						if q.Speaker != nil {
							sp = q.Speaker.Text
						}
						misses = append(misses, "SPK ["+sp+" vs "+g.Source[0].Text+"] "+strings.ReplaceAll(q.Text, "\n", " "))
						break
					}
				}
				if !hit {
					sp := ""
					if q.Speaker != nil {
						sp = q.Speaker.Text
					}
					misses = append(misses, "FALSE ["+sp+"] "+strings.ReplaceAll(q.Text, "\n", " "))
				}
			}
			for _, g := range d.Attributions {
				hit := false
				for _, q := range pred {
					if overlapsAny(q.Span, g.Content) {
						hit = true
					}
				}
				if !hit {
					var sp, cue string
					if len(g.Source) > 0 {
						sp = g.Source[0].Text
					}
					if len(g.Cue) > 0 {
						cue = g.Cue[0].Text
					}
					misses = append(misses, "MISS ["+sp+"|"+cue+"] "+strings.ReplaceAll(g.Content[0].Text, "\n", " "))
				}
			}
		}
	}
	for _, m := range misses {
		t.Log(m)
	}
	t.Logf("%d docs, gold %d, predicted %d: P %.3f R %.3f F1 %.3f speaker %.3f (%d/%d)",
		len(docs), s.Gold, s.Predicted, s.Precision(), s.Recall(), s.F1(), s.SpeakerAccuracy(), s.SpeakerRight, s.SpeakerJudged)
	if s.F1() < 0.72 || s.SpeakerAccuracy() < 0.78 {
		t.Errorf("content F1 %.3f, speaker accuracy %.3f: below 0.72 / 0.78", s.F1(), s.SpeakerAccuracy())
	}
}

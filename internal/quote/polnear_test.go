package quote

import (
	"os"
	"path/filepath"
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

// TestReadPolNeARAndScore reads a small brat file written here (events
// before the spans they use, a discontinuous span, a span over two lines)
// and scores predictions against it.
func TestReadPolNeARAndScore(t *testing.T) {
	dir := t.TempDir()
	text := "Ivan Petrov said the bridge was safe.\n\n“It will hold,” he added. Rain fell all day."
	ann := "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n" +
		"T1\tSource 0 11\tIvan Petrov\n" +
		"T2\tCue 12 16\tsaid\n" +
		"T3\tContent 17 36\tthe bridge was safe\n" +
		"T4\tAttribution 12 16\tsaid\n" +
		"T5\tContent 39 52;52 54\t“It will hold\n,”\n" +
		"T6\tSource 55 57\the\n" +
		"E2\tAttribution:T4 Source:T6 Content:T5\n"
	for _, d := range []string{"text", "attributions"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "text", "doc.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "attributions", "doc_ab12.ann"), []byte(ann), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, err := ReadPolNeAR(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || len(docs[0].Attributions) != 2 {
		t.Fatalf("read %+v", docs)
	}
	a := docs[0].Attributions[1]
	if len(a.Content) != 2 || a.Content[1].Text != ",”" || a.Source[0].Text != "he" {
		t.Errorf("second attribution read as %+v", a)
	}
	var s Score
	s.Add(docs[0].Attributions, Extract(text, nil))
	if s.Gold != 2 || s.FoundGold != 2 || s.Predicted != 2 || s.CorrectPredicted != 2 || s.SpeakerRight != 2 {
		t.Errorf("score %+v, want both found with the right speakers", s)
	}
	if s.F1() != 1 || s.SpeakerAccuracy() != 1 {
		t.Errorf("F1 %.2f speaker %.2f, want 1 and 1", s.F1(), s.SpeakerAccuracy())
	}
}

package quote

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/sift-news/sift"
)

// PolNeAR is the attribution corpus of Newell, Margolin and Ruths, "An
// Attribution Relations Corpus for Political News", LREC 2018: news
// articles from the 2016 US election with Source, Cue and Content spans in
// brat standoff format. A split directory holds text/NAME.txt and
// attributions/NAME_ANNOTATOR.ann; an article annotated twice gives two
// documents.

// Attribution is one annotated attribution relation. Each part is a list
// of fragments (brat allows discontinuous spans), in code points.
type Attribution struct {
	Source  []sift.Span
	Cue     []sift.Span
	Content []sift.Span
}

// Doc is one annotated article of PolNeAR.
type Doc struct {
	Name         string // annotation file name without extension
	Text         string
	Attributions []Attribution
}

var (
	annSpan  = regexp.MustCompile(`^(T\d+)\t(\S+) ([\d ;]+)\t`)
	annEvent = regexp.MustCompile(`^E\d+\t(.*)$`)
	annName  = regexp.MustCompile(`_[0-9a-f]+\.ann$`)
)

// ReadPolNeAR reads the annotated articles of one split directory.
func ReadPolNeAR(dir string) ([]Doc, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", dir, err)
	}
	if len(anns) == 0 {
		return nil, fmt.Errorf("no .ann files in %s", filepath.Join(dir, "attributions"))
	}
	sort.Strings(anns)
	texts := map[string]string{}
	docs := make([]Doc, 0, len(anns))
	for _, ann := range anns {
		base := annName.ReplaceAllString(filepath.Base(ann), "")
		text, ok := texts[base]
		if !ok {
			b, err := os.ReadFile(filepath.Join(dir, "text", base+".txt"))
			if err != nil {
				return nil, fmt.Errorf("reading text of %s: %w", ann, err)
			}
			text = string(b)
			texts[base] = text
		}
		atts, err := readAnn(ann, text)
		if err != nil {
			return nil, err
		}
		docs = append(docs, Doc{Name: strings.TrimSuffix(filepath.Base(ann), ".ann"), Text: text, Attributions: atts})
	}
	return docs, nil
}

// readAnn reads one brat file. Text-bound lines may come after the event
// lines that use them, and a span's text may run over several lines.
func readAnn(path, text string) ([]Attribution, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	defer f.Close()
	off := sift.NewOffsets(text)
	spans := map[string][]sift.Span{}
	var events []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if m := annSpan.FindStringSubmatch(line); m != nil {
			var frags []sift.Span
			for _, part := range strings.Split(m[3], ";") {
				var s, e int
				fs := strings.Fields(part)
				if len(fs) != 2 {
					return nil, fmt.Errorf("%s: bad span %q", path, m[3])
				}
				s, err1 := strconv.Atoi(fs[0])
				e, err2 := strconv.Atoi(fs[1])
				if err1 != nil || err2 != nil || s < 0 || e < s || e > off.Len() {
					return nil, fmt.Errorf("%s: bad span %q", path, m[3])
				}
				frags = append(frags, sift.Span{Start: s, End: e, Text: text[off.Byte(s):off.Byte(e)]})
			}
			spans[m[1]] = frags
			continue
		}
		if m := annEvent.FindStringSubmatch(line); m != nil {
			events = append(events, m[1])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	var out []Attribution
	for _, ev := range events {
		var a Attribution
		for _, arg := range strings.Fields(ev) {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			switch role {
			case "Source":
				a.Source = append(a.Source, spans[id]...)
			case "Cue":
				a.Cue = append(a.Cue, spans[id]...)
			case "Content", "Content2":
				a.Content = append(a.Content, spans[id]...)
			}
		}
		if len(a.Content) > 0 {
			out = append(out, a)
		}
	}
	return out, nil
}

// Score is the result of comparing predicted quotes with annotated
// attributions.
type Score struct {
	Gold, Predicted int
	// FoundGold counts annotated contents overlapped by a prediction;
	// CorrectPredicted counts predictions that overlap an annotated content.
	FoundGold, CorrectPredicted int
	// SpeakerJudged counts matched predictions whose attribution names a
	// source; SpeakerRight those whose speaker overlaps that source.
	SpeakerJudged, SpeakerRight int
}

// Add scores the quotes predicted for one document.
func (s *Score) Add(gold []Attribution, pred []sift.Quote) {
	s.Gold += len(gold)
	s.Predicted += len(pred)
	for _, g := range gold {
		for _, p := range pred {
			if overlapsAny(p.Span, g.Content) {
				s.FoundGold++
				break
			}
		}
	}
	for _, p := range pred {
		// The attribution whose content overlaps most.
		best, bestOver := -1, 0
		for gi, g := range gold {
			o := 0
			for _, c := range g.Content {
				o += overlap(p.Span, c)
			}
			if o > bestOver {
				best, bestOver = gi, o
			}
		}
		if best < 0 {
			continue
		}
		s.CorrectPredicted++
		g := gold[best]
		if len(g.Source) == 0 {
			continue
		}
		s.SpeakerJudged++
		if p.Speaker != nil && overlapsAny(p.Speaker.Span, g.Source) {
			s.SpeakerRight++
		}
	}
}

// Precision is the share of predictions that overlap an annotated content.
func (s Score) Precision() float64 { return ratio(s.CorrectPredicted, s.Predicted) }

// Recall is the share of annotated contents overlapped by a prediction.
func (s Score) Recall() float64 { return ratio(s.FoundGold, s.Gold) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// SpeakerAccuracy is the share of matched predictions whose speaker
// overlaps the annotated source.
func (s Score) SpeakerAccuracy() float64 { return ratio(s.SpeakerRight, s.SpeakerJudged) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func overlap(a, b sift.Span) int {
	lo, hi := max(a.Start, b.Start), min(a.End, b.End)
	if hi > lo {
		return hi - lo
	}
	return 0
}

func overlapsAny(a sift.Span, bs []sift.Span) bool {
	for _, b := range bs {
		if overlap(a, b) > 0 {
			return true
		}
	}
	return false
}

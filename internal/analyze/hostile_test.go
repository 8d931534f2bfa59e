package analyze

import (
	"testing"
	"unicode/utf8"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/textgen"
)

// Every hostile shape of text, at a size where the quadratic loops of
// before took seconds, is analysed whole: every span's offsets hold its
// text, and the stages still find what the text has (quotes where there
// are cues, names in runs of capitals).
func TestHostileInputsAnalysed(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses 1.5 MB")
	}
	p := Default()
	for _, kind := range textgen.Kinds {
		a, err := p.Article(sift.Document{Source: string(kind), Body: textgen.Make(kind, 256<<10)}, false)
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		runes := []rune(a.Text)
		check := func(what string, s sift.Span) {
			if s.Start < 0 || s.End > len(runes) || s.Start > s.End || string(runes[s.Start:s.End]) != s.Text {
				t.Fatalf("%s: %s %d-%d %.40q does not match the text", kind, what, s.Start, s.End, s.Text)
			}
		}
		for _, e := range a.Entities {
			check("entity", e.Span)
		}
		for _, q := range a.Quotes {
			check("quote", q.Span)
		}
		for _, x := range a.Techniques {
			check("technique", sift.Span{Start: x.Start, End: x.End, Text: x.Text})
		}
		for _, c := range a.Claims {
			check("claim", c.Span)
		}
		switch kind {
		case textgen.Cues, textgen.Quotes, textgen.Prose:
			if len(a.Quotes) < 100 {
				t.Errorf("%s: %d quotes in %d KB", kind, len(a.Quotes), utf8.RuneCountInString(a.Text)>>10)
			}
		case textgen.Caps:
			if len(a.Entities) < 100 {
				t.Errorf("%s: %d entities", kind, len(a.Entities))
			}
		}
	}
}

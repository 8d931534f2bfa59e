package web

import (
	"regexp"
	"strings"
	"testing"

	"github.com/sift-news/sift"
)

// allowedTags are the only tags the renderers may emit; everything else
// in their output must be escaped text.
var allowedTags = regexp.MustCompile(`</?(mark|p)>|<span class="[a-zA-Z0-9_ -]*" title="[^"<>]*">|</span>`)

// checkOnlyOurTags fails if out holds a '<' that does not start one of
// the allowed tags, i.e. if input text reached the page as markup.
func checkOnlyOurTags(t *testing.T, in, out string) {
	t.Helper()
	if strings.Contains(allowedTags.ReplaceAllString(out, ""), "<") {
		t.Fatalf("input %q rendered with markup of its own: %q", in, out)
	}
}

func FuzzHighlightSnippet(f *testing.F) {
	for _, s := range []string{"a \x02b\x03 c", "<script>\x02x\x03", "\x03\x02\x02", "&lt;\x02<b>\x03"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := string(highlightSnippet(s))
		checkOnlyOurTags(t, s, out)
		if strings.Count(out, "<mark>") != strings.Count(out, "</mark>") {
			t.Fatalf("unbalanced marks for %q: %q", s, out)
		}
	})
}

func FuzzRenderBody(f *testing.F) {
	f.Add("Alpha <b>beta</b>\n\ngamma & delta", 0, 5, 3, 12)
	f.Add("x", -3, 50, 7, 2)
	f.Add("héllo wörld\n\n\n\nnext", 1, 4, 2, 9)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		a := &sift.Article{Text: text,
			Entities:   []sift.Entity{{Span: sift.Span{Start: s1, End: e1}, Type: `"><script>`}},
			Techniques: []sift.Technique{{Start: s2, End: e2, Technique: "<i>Doubt</i>", Evidence: []string{`"onerror=`}}},
			Quotes:     []sift.Quote{{Span: sift.Span{Start: s2, End: e1}, Speaker: &sift.Ref{Span: sift.Span{Start: s1, End: e2}, Canonical: "<b>"}}},
		}
		out := string(renderBody(a))
		checkOnlyOurTags(t, text, out)
	})
}

package web

import (
	"regexp"
	"strings"
	"testing"

	"github.com/sift-news/sift"
)

// allowedTags are the only tags the renderers may emit; everything else
// in their output must be escaped text.
var allowedTags = regexp.MustCompile(`</?(mark|p)>|<(span|mark) class="[a-zA-Z0-9_ -]*" title="[^"<>]*">|</span>|<a class="factlink" href="#tec-[0-9]+">|</a>`)

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
			Claims: []sift.Claim{{Span: sift.Span{Start: s1, End: e2}, Attributed: true,
				Speaker: &sift.Ref{Canonical: `"><img src=x>`}, Via: []sift.Ref{{Span: sift.Span{Text: "<i>"}}}}},
		}
		out := string(renderBody(a))
		checkOnlyOurTags(t, text, out)
	})
}

func FuzzMarkText(f *testing.F) {
	f.Add("Rebels <b>fired</b> 3,000 shells", 100, 100, 106, 119, 124)
	f.Add("x", 0, -3, 50, 0, 0)
	f.Add("héllo <script> wörld", 5, 5, 9, 7, 12)
	f.Fuzz(func(t *testing.T, text string, base, s1, e1, s2, e2 int) {
		out := string(markText(text, base, []textMark{{s1, e1, `x"><script>`, `"onerror=<b>`}, {s2, e2, sift.ChangeFigure, "a → b"}}))
		checkOnlyOurTags(t, text, out)
		if strings.Count(out, "<mark") != strings.Count(out, "</mark>") {
			t.Fatalf("unbalanced marks for %q: %q", text, out)
		}
	})
}

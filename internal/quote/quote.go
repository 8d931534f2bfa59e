// Package quote finds who said what in an article: direct quotes, reported
// speech and mixed quotes, with their cue verb, their speaker (a name, a
// pronoun or a description resolved to a person, or an organisation) and
// the chain of intermediaries that reported them ("according to TASS",
// "cited by Sputnik").
//
// The extractor is rule-based: it pairs quote marks, splits the text into
// sentences, looks for cue verbs and "according to" phrases next to
// subject phrases, and resolves speakers against the entity stage's
// mentions and roles (or a capitalisation fallback when there are none).
// It also reads and scores the PolNeAR attribution corpus.
package quote

import (
	"github.com/sift-news/sift"
)

// Version changes whenever the stage's output may change.
const Version = "9"

// Stage is the analysis stage that fills Article.Quotes.
type Stage struct{}

// NewStage returns the quotes stage. It runs after the entity stage and
// uses its mentions, canonical names and roles when present.
func NewStage() *Stage { return &Stage{} }

// Name is the stage's key in Article.Analyzer.
func (*Stage) Name() string { return "quotes" }

// Version is the stage's version.
func (*Stage) Version() string { return Version }

// Apply fills a.Quotes, sorted by start, from a.Text and a.Entities. The
// writer's own "I" and "we" (outside quotes) are attributed to a.Author, or
// to a.Outlet when the author is unknown.
func (*Stage) Apply(a *sift.Article) {
	writer := a.Author
	if writer == "" {
		writer = a.Outlet
	}
	a.Quotes = extractQuotes(a.Text, a.Entities, writer)
}

// Extract returns the statements of text, sorted by start, with offsets in
// code points. ents are the entity stage's mentions of text; they may be
// empty. The writer is unknown, so statements in the first person outside
// quotes have no speaker.
func Extract(text string, ents []sift.Entity) []sift.Quote {
	return extractQuotes(text, ents, "")
}

func extractQuotes(text string, ents []sift.Entity, writer string) []sift.Quote {
	off := sift.NewOffsets(text)
	sc := scratches.Get().(*scratch)
	defer sc.release()
	stmts := extract(sc, text, ents, off, writer)
	out := make([]sift.Quote, 0, len(stmts))
	for _, s := range stmts {
		q := sift.Quote{Span: span(text, off, s.start, s.end), Kind: s.kind, Via: []sift.Ref{}}
		if s.cue[1] > s.cue[0] {
			c := span(text, off, s.cue[0], s.cue[1])
			q.Cue = &c
		}
		if s.speaker != nil {
			q.Speaker = toRef(text, off, s.speaker)
		}
		for i := range s.via {
			q.Via = append(q.Via, *toRef(text, off, &s.via[i]))
		}
		out = append(out, q)
	}
	return out
}

func span(text string, off *sift.Offsets, s, e int) sift.Span {
	return sift.Span{Start: off.Rune(s), End: off.Rune(e), Text: text[s:e]}
}

func toRef(text string, off *sift.Offsets, r *ref) *sift.Ref {
	return &sift.Ref{Span: span(text, off, r.start, r.end), Canonical: r.canonical}
}

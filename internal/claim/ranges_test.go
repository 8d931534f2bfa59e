package claim

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sift-news/sift"
)

// A long article's claims are those its sentences give one by one: the
// claims of a text made of many short articles are the claims of each,
// shifted, up to maxClaims of them, with every offset into the text.
func TestLongTextClaims(t *testing.T) {
	piece := func(i int) (string, []sift.Entity, []sift.Quote) {
		text := fmt.Sprintf("The council of district %d approved %d new wells on Tuesday. “The wells will be dug before the rains come,” Marta Velin said. Nobody knows what comes next.\n\n", i, i+3)
		runes := []rune(text)
		at := strings.Index(text, "Marta")
		ms := utf8.RuneCountInString(text[:at])
		q0 := strings.Index(text, "“")
		qs := utf8.RuneCountInString(text[:q0])
		qe := utf8.RuneCountInString(text[:strings.Index(text, "”")]) + 1
		sp := &sift.Ref{Span: sift.Span{Start: ms, End: ms + 11, Text: "Marta Velin"}, Canonical: "Marta Velin"}
		ents := []sift.Entity{{Span: sp.Span, Type: sift.PERSON, Canonical: "Marta Velin"}}
		quotes := []sift.Quote{{Span: sift.Span{Start: qs, End: qe, Text: string(runes[qs:qe])}, Kind: sift.Direct, Speaker: sp}}
		return text, ents, quotes
	}
	var b strings.Builder
	var ents []sift.Entity
	var quotes []sift.Quote
	var want []sift.Claim
	shift := 0
	for i := 0; len(want) < maxClaims+10; i++ {
		text, es, qs := piece(i)
		for _, c := range Extract(text, es, qs) {
			c.Start += shift
			c.End += shift
			want = append(want, c)
		}
		for _, e := range es {
			e.Start += shift
			e.End += shift
			ents = append(ents, e)
		}
		for _, q := range qs {
			q.Start += shift
			q.End += shift
			s := *q.Speaker
			s.Start += shift
			s.End += shift
			q.Speaker = &s
			quotes = append(quotes, q)
		}
		b.WriteString(text)
		shift += utf8.RuneCountInString(text)
	}
	text := b.String()
	runes := []rune(text)
	got := Extract(text, ents, quotes)
	if len(got) != maxClaims {
		t.Fatalf("%d claims, want the first %d", len(got), maxClaims)
	}
	for i, c := range got {
		if c.Start != want[i].Start || c.End != want[i].End || c.Text != want[i].Text || c.Attributed != want[i].Attributed {
			t.Fatalf("claim %d: %+v, want %+v", i, c, want[i])
		}
		if string(runes[c.Start:c.End]) != c.Text {
			t.Fatalf("claim %d: offsets %d-%d do not hold %q", i, c.Start, c.End, c.Text)
		}
	}
}

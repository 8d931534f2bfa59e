package quote

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sift-news/sift"
)

// TestThingsThatShowDoNotSpeak: videos and images show things without
// being speakers; a named source that shows or indicates still speaks, and
// so do polls and reports, which PolNeAR counts as sources.
func TestThingsThatShowDoNotSpeak(t *testing.T) {
	text := "This May 2019 video shows the mayor of Orlen receiving a medal from the regional council.\n\n" +
		"Satellite images taken on 15 March show the bridge over the Vell in ruins.\n\n" +
		"The figures indicate a sharp fall in ferry traffic since the storm.\n\n" +
		"A report by the harbour board shows that repairs will take a year.\n\n" +
		"Mira Castell indicated that she would not seek a second term.\n\n" +
		"The Orlen Council showed that it had paid the contractors in full.\n\n" +
		"She indicated that the vote would take place in June."
	var ents []sift.Entity
	for _, n := range []struct{ text, typ string }{{"May", sift.PERSON}, {"Orlen", sift.LOC}, {"Vell", sift.LOC},
		{"Mira Castell", sift.PERSON}, {"Orlen Council", sift.ORG}} {
		i := strings.Index(text, n.text)
		s := utf8.RuneCountInString(text[:i])
		ents = append(ents, sift.Entity{Span: sift.Span{Start: s, End: s + utf8.RuneCountInString(n.text), Text: n.text}, Type: n.typ, Canonical: n.text})
	}
	sortEntities(ents)
	qs := Extract(text, ents)
	for _, not := range []string{"receiving a medal", "bridge over the Vell"} {
		for _, q := range qs {
			if strings.Contains(q.Text, not) {
				t.Errorf("a thing is taken for a speaker: %s", dump([]sift.Quote{q}))
			}
		}
	}
	check(t, find(t, qs, "second term"), sift.Indirect, "Mira Castell", "indicated")
	check(t, find(t, qs, "paid the contractors"), sift.Indirect, "Orlen Council", "showed")
	check(t, find(t, qs, "vote would take place"), sift.Indirect, "Mira Castell", "indicated")
	find(t, qs, "sharp fall")
}

// sortEntities orders entities by start, as the stages give them.
func sortEntities(ents []sift.Entity) {
	for i := 1; i < len(ents); i++ {
		for j := i; j > 0 && ents[j].Start < ents[j-1].Start; j-- {
			ents[j], ents[j-1] = ents[j-1], ents[j]
		}
	}
}

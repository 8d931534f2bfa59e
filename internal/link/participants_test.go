package link

import (
	"strings"
	"testing"

	"github.com/sift-news/sift"
)

// arrest writes an article about the arrest of person in city, with the
// entities a tagger would find: the person and the city in the lead, each
// named again further on, and a background mention.
func arrest(id, person, city string, background ...string) *sift.Article {
	lead := "Police in " + city + " arrested " + person + " on Tuesday on charges of fraud, prosecutors said."
	rest := " Officers searched the home of " + surname(person) + " in " + city +
		" and seized documents and computers. A court hearing is set for next week."
	for _, b := range background {
		rest += " The case recalls that of " + b + " last year."
	}
	text := lead + rest
	a := &sift.Article{ID: id, Title: "Police arrest businessman on fraud charges", Text: text}
	mention := func(name, typ string, from int) {
		at := strings.Index(text[from:], name)
		if at < 0 {
			return
		}
		at += from
		a.Entities = append(a.Entities, sift.Entity{Span: sift.Span{Start: at, End: at + len(name), Text: name}, Type: typ, Canonical: person})
	}
	mention(person, sift.PERSON, 0)
	mention(surname(person), sift.PERSON, len(lead))
	for _, c := range []string{city} {
		for from := 0; ; {
			at := strings.Index(text[from:], c)
			if at < 0 {
				break
			}
			at += from
			a.Entities = append(a.Entities, sift.Entity{Span: sift.Span{Start: at, End: at + len(c), Text: c}, Type: sift.LOC, Canonical: c})
			from = at + len(c)
		}
	}
	for _, b := range background {
		at := strings.Index(text, b)
		a.Entities = append(a.Entities, sift.Entity{Span: sift.Span{Start: at, End: at + len(b), Text: b}, Type: sift.PERSON, Canonical: b})
	}
	return a
}

// surname is the last word of a name.
func surname(p string) string { return p[strings.LastIndexByte(p, ' ')+1:] }

// Two arrests told in the same words, of different people in different
// cities, disagree on who and where; a report of the same arrest, one
// that recalls the first arrest's man, or one that names no one in its
// lead, does not.
func TestPeopleAndPlacesThatDisagreeLowerTheScore(t *testing.T) {
	c := NewClusterer()
	st := c.Add(arrest("a", "Dorin Malvek", "Trevane")).Story
	for _, tc := range []struct {
		a    *sift.Article
		want float64
	}{
		{arrest("b", "Ilsa Varokin", "Ostrel"), playerConflict},
		{arrest("c", "Dorin Malvek", "Trevane"), 1},
		// The same surname with another given name is still the man.
		{arrest("d", "D. Malvek", "Ostrel"), 1},
		// Naming the first story's man anywhere is no disagreement.
		{arrest("e", "Ilsa Varokin", "Ostrel", "Dorin Malvek"), 1},
		{&sift.Article{ID: "f", Title: "Police arrest businessman on fraud charges", Text: "Police arrested a businessman on Tuesday on charges of fraud."}, 1},
	} {
		if got := eventFactor(articleEvent(tc.a), st); got != tc.want {
			t.Errorf("%s: factor %.2f against the story of Malvek's arrest, want %.2f", tc.a.ID, got, tc.want)
		}
	}
	if playerConflict >= 1 {
		t.Errorf("playerConflict %.2f does not lower the score", playerConflict)
	}
}

// The two arrests make two stories when linked, although most words of
// the two articles are the same.
func TestArrestsOfTwoPeopleAreTwoStories(t *testing.T) {
	l := NewLinker()
	var ids []string
	details := []string{
		" The businessman, who runs a chain of shipping firms, denies wrongdoing, his lawyer said. Investigators say invoices worth millions were forged over three years.",
		" The arrest follows a two-year inquiry into public contracts awarded by the regional council. A second suspect is being sought, according to the prosecutor's office.",
	}
	for i, a := range []*sift.Article{
		arrest("a1", "Dorin Malvek", "Trevane"), arrest("b1", "Ilsa Varokin", "Ostrel"),
	} {
		a.Text += details[i]
		up, err := l.Add(a)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, up.Story.ID)
	}
	if ids[0] == ids[1] {
		t.Errorf("the arrests of Malvek and Varokin were put in one story %s", ids[0])
	}
}

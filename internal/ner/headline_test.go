package ner

import (
	"strings"
	"testing"

	"github.com/sift-news/sift"
)

// entityTexts lists the texts of ents.
func entityTexts(ents []sift.Entity) []string {
	var out []string
	for _, e := range ents {
		out = append(out, e.Text+"/"+e.Type)
	}
	return out
}

// TestHeadlineRunsAreNotOneName: a list of headlines glued into the text,
// every word capitalised, is not taken for names running through the
// headlines' words; the names in it that the body writes are found.
func TestHeadlineRunsAreNotOneName(t *testing.T) {
	text := "The ferry to Kessel ran again on Tuesday, the harbour office in Orlen said. Mira Castell, the mayor, " +
		"welcomed the news and said a new bridge would open soon. Storms had closed the port for a week, and more are " +
		"expected later this month, forecasters warned Related Coastal Villages Count Damage After Storm Mira Castell Opens " +
		"Bridge Over Vell Kessel Harbour Reports Record Catch Farmers Fear Floods Again Tags storm ferry"
	ents := NewStage().Entities(text)
	checkOffsets(t, text, ents)
	for _, e := range ents {
		words := strings.Fields(e.Text)
		if len(words) > 3 {
			t.Errorf("headline words run into one name: %q (%s)", e.Text, e.Type)
		}
		for _, w := range words {
			switch w {
			case "Opens", "Count", "Damage", "Reports", "Record", "Fear", "Related":
				t.Errorf("a headline's common word is part of a name: %q (%s)", e.Text, e.Type)
			}
		}
	}
	last := strings.Index(text, "Related")
	found := false
	for _, e := range ents {
		if e.Text == "Mira Castell" && e.Start > last {
			found = true
		}
	}
	if !found {
		t.Errorf("the name the body writes is not found in the headlines: %v", entityTexts(ents))
	}
}

// TestKnownPersonIsCutOffAGluedName: a list of names whose commas were
// lost does not make one person of two, when the first is a known name.
func TestKnownPersonIsCutOffAGluedName(t *testing.T) {
	text := "The envoy met his counterparts Sergei Lavrov Ilse Varga and Tomas Reyl in Orlen on Monday to discuss the ferry."
	ents := NewStage().Entities(text)
	checkOffsets(t, text, ents)
	var got []string
	for _, e := range ents {
		if strings.Contains(e.Text, "Lavrov") {
			got = append(got, e.Text+"/"+e.Type+"/"+e.Canonical)
		}
	}
	if len(got) != 1 || got[0] != "Sergei Lavrov/PERSON/Sergey Lavrov" {
		t.Errorf("Lavrov mentions: %v (all: %v)", got, entityTexts(ents))
	}
}

// TestLostApostrophesAndMonths: a possessive whose apostrophe was lost
// names the place itself; months and weekdays alone are no names, a
// surname that is also a month is.
func TestLostApostrophesAndMonths(t *testing.T) {
	text := "Shelling hit Kessels outskirts on Monday and Kessels Old Town on Saturdays. Kessel had been calm since March. " +
		"In March the council met. Elin May, the mayor, said the ferry would run."
	ents := NewStage().Entities(text)
	checkOffsets(t, text, ents)
	kessel := 0
	for _, e := range ents {
		switch e.Text {
		case "Kessels", "Kessels Old Town", "March", "Monday", "Saturdays":
			t.Errorf("%q (%s) taken for a name", e.Text, e.Type)
		case "Kessel":
			kessel++
		}
	}
	if kessel != 3 {
		t.Errorf("%d mentions of Kessel, want 3: %v", kessel, entityTexts(ents))
	}
	// Whether the tagger takes "May" alone for a name is the model's
	// call; when it does, the month rule must keep it as the surname of
	// a longer name of the document, and drop a month that is none.
	words := [][]string{{"Elin", "May", "said", "so", "."}, {"May", "added", "that", "in", "March", "it", "rained", "."}}
	tags := [][]int{{tagOf(0, 'B'), tagOf(0, 'L'), tagO, tagO, tagO}, {tagOf(0, 'U'), tagO, tagO, tagO, tagOf(0, 'U'), tagO, tagO, tagO}}
	dropMonths(newDocument(words, nil, nil), tags)
	if tags[1][0] == tagO {
		t.Errorf("the surname May (of Elin May) was dropped as a month")
	}
	if tags[1][4] != tagO {
		t.Errorf("the month March alone was kept as a name")
	}
}

package ner

import (
	"strings"
	"testing"

	"github.com/sift-news/sift"
)

// Texts written for these tests; every name in them is invented, so the
// tagger has never seen them and the rules of rules.go decide.

// typesOf returns the types given to the mentions written exactly name.
func typesOf(ents []sift.Entity, name string) []string {
	var out []string
	for _, e := range ents {
		if e.Text == name {
			out = append(out, e.Type)
		}
	}
	return out
}

// wantType fails unless name is mentioned and every mention has type typ.
func wantType(t *testing.T, ents []sift.Entity, name, typ string) {
	t.Helper()
	got := typesOf(ents, name)
	if len(got) == 0 {
		t.Errorf("%q not found in %v", name, ents)
		return
	}
	for _, g := range got {
		if g != typ {
			t.Errorf("%q typed %v, want every mention %s", name, got, typ)
			return
		}
	}
}

func TestUnseenNamesTypes(t *testing.T) {
	s := NewStage()
	cases := []struct {
		name, text string
		want       map[string]string
	}{
		{"dateline and country", "Ceasefire holds in the north\n\nBRAVOSK, Calthoria (Wirecast) – Calthoria and Morvessa agreed on Monday to extend the truce, officials said.",
			map[string]string{"BRAVOSK": sift.LOC, "Calthoria": sift.LOC, "Wirecast": sift.ORG}},
		{"known word as dateline", "Talks resume\n\nLONDON (Wirecast) – Foreign Minister Talvek Orrin said the talks would go on.",
			map[string]string{"LONDON": sift.LOC, "Wirecast": sift.ORG}},
		{"group named with an article", "Rescuers of the Silver Lanterns pulled survivors from the rubble. The Silver Lanterns said the strike hit a school.",
			map[string]string{"Silver Lanterns": sift.ORG}},
		{"dateline alone", "QARVESH – Shelling resumed on Tuesday after a week of calm, residents said.",
			map[string]string{"QARVESH": sift.LOC}},
		{"place by its cues", "Talvek Orrin said the shelling of Dun Ferrow went on all night. Dun Ferrow had been calm. Families fled the village of Dun Ferrow before dawn, and aid reached them near Dun Ferrow at noon.",
			map[string]string{"Dun Ferrow": sift.LOC, "Talvek Orrin": sift.PERSON}},
		{"country of a nationality", "Morvessa blamed the rebels. The Morvessan government said Morvessa would respond, and Morvessan troops moved north.",
			map[string]string{"Morvessa": sift.LOC, "Morvessan": sift.MISC}},
		{"nationality adjectives", "Four Calthorian soldiers were killed on Tuesday, the Calthorian defence ministry said. Calthorian officers met their Brevonese counterparts.",
			map[string]string{"Calthorian": sift.MISC, "Brevonese": sift.MISC}},
		{"organisation head", "The General Command of the Morvessan Army said on Friday that the road was open.",
			map[string]string{"General Command": sift.ORG}},
	}
	for _, c := range cases {
		ents := s.Entities(c.text)
		checkOffsets(t, c.text, ents)
		for name, typ := range c.want {
			t.Run(c.name+"/"+name, func(t *testing.T) { wantType(t, ents, name, typ) })
		}
		for _, e := range ents {
			if w := strings.Fields(e.Text)[0]; leadWords[strings.ToLower(w)] {
				t.Errorf("%s: %q starts with %q, which opens sentences, not names", c.name, e.Text, w)
			}
			if e.Type == sift.PERSON && (orgHeads[strings.ToLower(e.Text)] || e.Text == "Command") {
				t.Errorf("%s: the common noun %q is a PERSON", c.name, e.Text)
			}
			if strings.HasSuffix(e.Canonical, "Calthorian") && e.Canonical != "Calthorian" {
				t.Errorf("%s: %q linked to %q", c.name, e.Text, e.Canonical)
			}
		}
	}
}

func TestRouteNumberIsNoPerson(t *testing.T) {
	text := "Convoys will use the Varrow road, and patrols will run along Route 9 between Qelmin and Dastrova."
	for _, e := range NewStage().Entities(text) {
		if e.Type == sift.PERSON {
			t.Errorf("%q typed PERSON in %q", e.Text, text)
		}
	}
}

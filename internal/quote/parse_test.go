package quote

import (
	"strings"
	"testing"

	"github.com/sift-news/sift"
)

// A cue closed by a colon introduces what follows the colon; the words
// before the subject ("At the time") are not the statement.
func TestColonCueTakesNoClauseBefore(t *testing.T) {
	text := "The strike came a month after a depot in Kelvar was hit. At the time, Brelpress reported:\n\n" +
		"“The first blast shook the whole street,” said Dr. Ilan Moray, who runs a clinic in Kelvar."
	qs := Extract(text, entitiesFor(text, map[string]string{"Brelpress": sift.MISC, "Ilan Moray": sift.PERSON, "Kelvar": sift.LOC}))
	noStatement(t, qs, "At the time")
	if got := speakerFor(t, qs, "first blast"); got != "Ilan Moray" {
		t.Errorf("quote after the colon: speaker %q, want Ilan Moray", got)
	}
	if q := find(t, qs, "first blast"); len(q.Via) != 1 || q.Via[0].Text != "Brelpress" {
		t.Errorf("quote after \"Brelpress reported:\": via %+v, want Brelpress", q.Via)
	}
	text = "Later that day, the Ostravian ministry said: the convoy will wait at the border until Monday."
	qs = Extract(text, nil)
	noStatement(t, qs, "Later that day")
	find(t, qs, "the convoy will wait")
}

// The speaker of "The General Command of the Brelian Army said" is the head
// of the "X of Y" phrase, however the entity stage typed its parts.
func TestSpeakerIsHeadOfOfPhrase(t *testing.T) {
	text := "The General Command of the Ostravian Army and Armed Forces said on Friday that rebels shelled the convoy near Dastor."
	for _, ents := range [][]sift.Entity{
		nil,
		entitiesFor(text, map[string]string{"Ostravian Army and Armed Forces": sift.ORG, "Dastor": sift.LOC}),
		entitiesFor(text, map[string]string{"Command": sift.PERSON, "Ostravian Army and Armed Forces": sift.ORG, "Dastor": sift.LOC}),
	} {
		qs := Extract(text, ents)
		q := find(t, qs, "rebels shelled")
		if got := speakerOf(q); got != "General Command of the Ostravian Army and Armed Forces" {
			t.Errorf("speaker %q, want the phrase headed by General Command", got)
		}
	}
}

// A dateline opening the paragraph is not part of the statement that
// follows it: the content starts after the dateline's dash.
func TestDatelineIsNotContent(t *testing.T) {
	for _, text := range []string{
		"MIRAVEL, Brelia (NPA) – A shell hit the market in the town of Kelvar late on Thursday, killing four people, medical workers said.",
		"MIRAVEL – A shell hit the market in the town of Kelvar late on Thursday, killing four people, medical workers said.",
		"Shelling went on.\n\nMIRAVEL (NPA) – A shell hit the market in the town of Kelvar late on Thursday, killing four people, medical workers said.",
	} {
		qs := Extract(text, entitiesFor(text, map[string]string{"Brelia": sift.LOC, "NPA": sift.ORG, "Kelvar": sift.LOC}))
		q := find(t, qs, "A shell hit")
		if !strings.HasPrefix(q.Text, "A shell hit") {
			t.Errorf("statement %q holds the dateline", q.Text)
		}
	}
}

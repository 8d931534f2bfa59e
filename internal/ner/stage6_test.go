package ner

import (
	"slices"
	"strings"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/entity"
)

// entityOf makes an entity of text typ at start (code points).
func entityOf(text, typ string, start int) sift.Entity {
	return sift.Entity{Span: sift.Span{Start: start, End: start + len([]rune(text)), Text: text}, Type: typ}
}

// TestPluralNationalityIsNoLostPossessive: "Serbs" in an article that also
// writes "Serb" is a nationality in the plural, not "Serb" whose possessive
// lost its apostrophe; a place's lost possessive is still mended.
func TestPluralNationalityIsNoLostPossessive(t *testing.T) {
	ents := lostApostrophes(entity.Builtin(), []sift.Entity{
		entityOf("Ardesian", sift.MISC, 0), entityOf("Ardesians", sift.MISC, 20),
		entityOf("Velmora", sift.LOC, 40), entityOf("Velmoras", sift.LOC, 60),
	})
	var got []string
	for _, e := range ents {
		got = append(got, e.Text)
	}
	if want := []string{"Ardesian", "Ardesians", "Velmora", "Velmora"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestKnownPlaceOpeningAnOrganisation: a known place of several words that
// opens the name of an organisation the tagger found does not cut it
// ("New York Power Desk"); a known organisation opening a name of another
// type still wins ("Green Scarves Islamist" as "Green Scarves").
func TestKnownPlaceOpeningAnOrganisation(t *testing.T) {
	lx := &lexicon{byFirst: map[string][]lexName{
		"Port":  {{words: []string{"Port", "Selvan"}, typ: 2}},
		"Green": {{words: []string{"Green", "Scarves"}, typ: 1}},
	}}
	name := func(words []string, start, end, k int) []int {
		tags := make([]int, len(words))
		tags[start] = tagOf(k, 'B')
		for i := start + 1; i < end-1; i++ {
			tags[i] = tagOf(k, 'I')
		}
		tags[end-1] = tagOf(k, 'L')
		return tags
	}
	words := strings.Fields("the Port Selvan Power Authority said")
	tags := name(words, 1, 5, 1)
	lx.mark(words, tags)
	if got := Spans(tags); len(got) != 1 || got[0] != (Span{Start: 1, End: 5, Type: "ORG"}) {
		t.Errorf("place opening an organisation: got %v, want ORG over words 1-5", got)
	}
	words = strings.Fields("the Green Scarves Islamist said")
	tags = name(words, 1, 4, 3)
	lx.mark(words, tags)
	if got := Spans(tags); len(got) != 1 || got[0] != (Span{Start: 1, End: 3, Type: "ORG"}) {
		t.Errorf("organisation opening a MISC name: got %v, want ORG over words 1-3", got)
	}
}

// TestHeadlineInCapitalsRecasedWhole: a headline in capitals is written
// as the text writes its words only when the text has every one of them;
// one word the text lacks leaves it in capitals (half re-cased, "KEANE
// SIGNS" read as one name).
func TestHeadlineInCapitalsRecasedWhole(t *testing.T) {
	body := strings.Fields("Coach Okafor joins Orlen from Kessel , the club said on Monday .")
	for _, c := range []struct{ headline, want string }{
		{"OKAFOR JOINS ORLEN", "Okafor joins Orlen"},
		{"SOCCER - OKAFOR SIGNS FOR ORLEN", "SOCCER - OKAFOR SIGNS FOR ORLEN"},
		{"Okafor Joins Orlen From Kessel", "Okafor joins Orlen from Kessel"}, // title case: word by word, as before
	} {
		sents := [][]string{strings.Fields(c.headline), slices.Clone(body)}
		recase(sents, nil)
		if got := strings.Join(sents[0], " "); got != c.want {
			t.Errorf("%q re-cased as %q, want %q", c.headline, got, c.want)
		}
	}
}

// TestCompanyContexts: the contexts that make an unseen name an
// organisation in the type vote, and look-alikes that do not.
func TestCompanyContexts(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Quorvex , a Dutch chipmaker , said", true},
		{"Quorvex , the startup based in Lyon", true},
		{"Quorvex 's shares fell", true},
		{"Quorvex 's chief executive said", true},
		{"a stake in Quorvex", true},
		{"shares of Quorvex rose", true},
		{"Quorvex shares rose", true},
		{"Quorvex , a spokeswoman for the ministry , said", false},
		{"Quorvex 's capital was calm", false},
		{"Quorvex , the capital , was calm", false},
		{"Quorvex shares her recipe", false},
		{"Quorvex shares the prize with Lund", false},
	} {
		fields := strings.Fields(c.text)
		ws := make([]word, len(fields))
		at := -1
		for i, f := range fields {
			ws[i] = makeWord(f)
			if f == "Quorvex" {
				at = i
			}
		}
		if got := orgContext(ws, span{start: at, end: at + 1, typ: "LOC"}); got != c.want {
			t.Errorf("%q: company context %v, want %v", c.text, got, c.want)
		}
	}
}

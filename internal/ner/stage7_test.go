package ner

import (
	"strings"
	"testing"

	"github.com/sift-news/sift"
)

// Texts written for these tests; the names in them are invented.

// TestNamesTypedByTheirKind: a name whose last word says what kind of
// thing it names (a street, a strait, a tour, an act, a marathon, a
// party) has that kind's type, whatever the tagger guessed from its
// other words.
func TestNamesTypedByTheirKind(t *testing.T) {
	text := "Residents of Pellowmere Street were moved to a school after the River Tansk burst its banks.\n" +
		"Ships crossing the Strait of Varnhold were checked by coastguards.\n" +
		"Oskar Delvane won the Kestlebury Marathon on Sunday, and the Orsolan Progress Party welcomed the result.\n" +
		"Lawmakers passed the Open Feeds Act by 212 votes to 90."
	ents := NewStage().Entities(text)
	checkOffsets(t, text, ents)
	for name, typ := range map[string]string{
		"Pellowmere Street":      sift.LOC,
		"Strait of Varnhold":     sift.LOC,
		"Kestlebury Marathon":    sift.MISC,
		"Orsolan Progress Party": sift.ORG,
		"Open Feeds Act":         sift.MISC,
	} {
		wantType(t, ents, name, typ)
	}
}

// TestSurnameAloneIsLeftToTheTagger: a one-word name the alias table knows
// as a person's surname is a club when the tagger read it as one in a
// table of results, and the person when the article names them in full.
func TestSurnameAloneIsLeftToTheTagger(t *testing.T) {
	st := NewStage()
	text := "Division one\nBolton 3 Norwich 1\nCharlton 1 Barnsley 2"
	for _, e := range st.Entities(text) {
		if e.Text == "Bolton" && (e.Type == sift.PERSON || e.Canonical == "John Bolton") {
			t.Errorf("the club in %q = %+v, want no person", text, e)
		}
	}
	text = "John Bolton met the envoy on Monday. Bolton said the talks had failed."
	found := false
	for _, e := range st.Entities(text) {
		if e.Text == "Bolton" {
			found = true
			if e.Type != sift.PERSON || e.Canonical != "John Bolton" {
				t.Errorf("the surname in %q = %+v, want PERSON John Bolton", text, e)
			}
		}
	}
	if !found {
		t.Errorf("no Bolton found in %q", text)
	}
}

// TestCompaniesByTheirPeopleAndKind: a name the tagger never saw is an
// organisation, at every mention, when the article names its founder or
// chief executive by it or calls it by a kind of company right before it.
func TestCompaniesByTheirPeopleAndKind(t *testing.T) {
	cases := []struct{ text, name string }{
		{"Quorvix founder pleads guilty\n\nDaniel Ferro, the founder of Quorvix, admitted the charges on Tuesday. " +
			"Investors in Quorvix lost about 2 billion dollars.", "Quorvix"},
		{"Sales of electric cars rose again.\n\nDrivers in Norway bought more cars from Zentrova than ever. " +
			"Zentrova chief executive Mila Osk said demand would hold.", "Zentrova"},
		{"The Danish drugmaker Halvik Nordal said its trial had met its goals. Shares rose after Halvik Nordal spoke.", "Halvik Nordal"},
	}
	st := NewStage()
	for _, c := range cases {
		ents := st.Entities(c.text)
		checkOffsets(t, c.text, ents)
		wantType(t, ents, c.name, sift.ORG)
	}
}

// TestPossessiveWrittenApart: a possessive written apart from its word, as
// in text tokenised elsewhere ("Mara Quell 's album"), is read as the
// possessive of "Mara Quell's album": the name before it is found whole.
func TestPossessiveWrittenApart(t *testing.T) {
	var got []string
	for _, tok := range joinApartPossessives(Tokenize("Mara Quell 's album , the People ' s choice , 'sup")) {
		got = append(got, tok.Norm)
	}
	want := []string{"Mara", "Quell", "'s", "album", ",", "the", "People", "'", "s", "choice", ",", "'", "sup"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("tokens %q, want %q", got, want)
	}
	for _, text := range []string{"Mara Quell 's new album sold well .", "Mara Quell's new album sold well."} {
		ents := NewStage().Entities(text)
		checkOffsets(t, text, ents)
		wantType(t, ents, "Mara Quell", sift.PERSON)
	}
}

// TestPlatformsPartiesOfficesAndEvents: for names the tagger never saw, a
// platform written on is an organisation, and so is a party named before
// the word "party"; the place an office governs ("the Ebbridge council")
// is a place; storms and operations are other names (MISC), "Operation"
// included.
func TestPlatformsPartiesOfficesAndEvents(t *testing.T) {
	text := "The deputy minister wrote on Varnogram that the units had left .\n" +
		"Lena Marr , the candidate of the ruling Vessaro party , won the vote .\n" +
		"The Ebbridge council voted to close two libraries .\n" +
		"Storm Orlaith brought floods to the coast .\n" +
		"The raid , named Operation Marsh Lantern , ended with 12 arrests ."
	ents := NewStage().Entities(text)
	checkOffsets(t, text, ents)
	for name, typ := range map[string]string{
		"Varnogram":               sift.ORG,
		"Vessaro":                 sift.ORG,
		"Ebbridge":                sift.LOC,
		"Storm Orlaith":           sift.MISC,
		"Operation Marsh Lantern": sift.MISC,
	} {
		wantType(t, ents, name, typ)
	}
}

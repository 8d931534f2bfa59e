package quote

import (
	"strings"
	"testing"

	"github.com/sift-news/sift"
)

// entitiesFor marks every occurrence of each name in text as an entity of
// the given type, the way the entity stage would (including its mistakes:
// a village typed PERSON, an adjective typed ORG).
func entitiesFor(text string, names map[string]string) []sift.Entity {
	r := []rune(text)
	var out []sift.Entity
	for name, typ := range names {
		n := []rune(name)
		for i := 0; i+len(n) <= len(r); i++ {
			if string(r[i:i+len(n)]) == name {
				out = append(out, sift.Entity{Span: sift.Span{Start: i, End: i + len(n), Text: name}, Type: typ, Canonical: name})
			}
		}
	}
	return out
}

// speakers returns the speaker (canonical name, else text, else "") of
// the statement holding sub.
func speakerFor(t *testing.T, qs []sift.Quote, sub string) string {
	t.Helper()
	return speakerOf(find(t, qs, sub))
}

// noStatement fails when a statement holds sub.
func noStatement(t *testing.T, qs []sift.Quote, sub string) {
	t.Helper()
	for _, q := range qs {
		if strings.Contains(q.Text, sub) {
			t.Errorf("unexpected statement %q by %q", q.Text, speakerOf(q))
		}
	}
}

// The words of a clause that a pronoun's clause qualifies are not part of
// the speaker: "the story we predicted", "a process he said was under way".
func TestSpeakerStopsAtPronoun(t *testing.T) {
	text := "Minister Tomas Varrek spoke on Monday. The rebels have produced exactly the story we predicted: a staged attack.\n\n" +
		"Varrek pointed to the separation of armed groups, a process he said was under way in the north."
	qs := Extract(text, entitiesFor(text, map[string]string{"Tomas Varrek": sift.PERSON, "Varrek": sift.PERSON}))
	for _, q := range qs {
		if q.Speaker != nil && (strings.Contains(q.Speaker.Text, "story") || strings.Contains(q.Speaker.Text, "process")) {
			t.Errorf("speaker %q holds words before the pronoun (statement %q)", q.Speaker.Text, q.Text)
		}
	}
	if got := speakerFor(t, qs, "under way"); got != "Tomas Varrek" {
		t.Errorf("\"a process he said was under way\": speaker %q, want Tomas Varrek (he)", got)
	}
}

// A participle and its time phrase qualify the subject: "Satellite images
// taken on 15 March show".
func TestSpeakerSkipsParticiple(t *testing.T) {
	text := "Satellite images taken on 15 March show the eastern half of the square destroyed."
	qs := Extract(text, nil)
	for _, q := range qs {
		if q.Speaker != nil && strings.Contains(q.Speaker.Text, "taken") {
			t.Errorf("speaker %q ends in the participle", q.Speaker.Text)
		}
	}
}

// A place after a preposition is not the speaker; the group before it is.
func TestPlaceIsNotSpeaker(t *testing.T) {
	text := "Shelling resumed overnight.\n\nRebel commanders in Dastor said they would wait to see whether the truce holds.\n\n" +
		"Farmers near Kel Imran say artillery crews are digging in on the hills.\n\n" +
		"The shells hit an observation post near the village of Kel Imran in northern Ostravia, the Brelian defence ministry said, the worst incident so far."
	// The entity stage types the village as a person and the adjective as
	// an organisation.
	ents := entitiesFor(text, map[string]string{"Dastor": sift.LOC, "Kel Imran": sift.PERSON, "Ostravia": sift.LOC, "Brelian": sift.ORG})
	qs := Extract(text, ents)
	for sub, want := range map[string]string{
		"wait to see":         "Rebel commanders in Dastor",
		"artillery crews":     "Farmers near Kel Imran",
		"the shells hit":      "the Brelian defence ministry",
		"an observation post": "the Brelian defence ministry",
	} {
		for _, q := range qs {
			if strings.Contains(strings.ToLower(q.Text), sub) {
				if got := speakerOf(q); got != want {
					t.Errorf("%q: speaker %q, want %q", q.Text, got, want)
				}
			}
		}
	}
	find(t, qs, "artillery crews")
	find(t, qs, "observation post")
}

// A dateline opening the paragraph is not the subject of a later cue.
func TestDatelineIsNotSpeaker(t *testing.T) {
	text := "MIRAVEL (NPA) – Brelia on Friday condemned the attack on the clinic, and said its radar had tracked a jet."
	qs := Extract(text, entitiesFor(text, map[string]string{"MIRAVEL": sift.ORG, "Brelia": sift.LOC, "NPA": sift.ORG}))
	if got := speakerFor(t, qs, "radar"); got != "Brelia" {
		t.Errorf("\"and said its radar …\": speaker %q, want Brelia (not the dateline)", got)
	}
}

// Relative pronouns resolve to the phrase before them, never stay "which".
func TestRelativePronounSpeaker(t *testing.T) {
	text := "The convoy was stopped at the border.\n\nOstravia, which had promised to escort the convoy with its own troops, said nothing on Sunday."
	qs := Extract(text, entitiesFor(text, map[string]string{"Ostravia": sift.LOC}))
	if got := speakerFor(t, qs, "escort the convoy"); got != "Ostravia" {
		t.Errorf("\"Ostravia, which had promised …\": speaker %q, want Ostravia", got)
	}
}

// First-person speakers outside quotes are the unnamed writer; "it" with
// no organisation to refer to, and "the" before a quoted phrase, are no
// speakers either. The statements stay, with no speaker.
func TestUnresolvedPronounsGiveNoSpeaker(t *testing.T) {
	text := "Our reporters visited the square on Tuesday.\n\n" +
		"We confirmed the names of 19 people killed, including five children.\n\n" +
		"The town buried its dead. It has not forgotten the attack, and it will not believe the lies of those who call a market a depot.\n\n" +
		"Information Minister Lena Dorsk was honest, at least. She said that the state “will decide who enters its territory”."
	qs := Extract(text, entitiesFor(text, map[string]string{"Lena Dorsk": sift.PERSON}))
	for _, q := range qs {
		if q.Speaker == nil {
			continue
		}
		switch strings.ToLower(q.Speaker.Text) {
		case "we", "it", "the", "which":
			if q.Speaker.Canonical == "" {
				t.Errorf("%q: unresolved speaker %q kept", q.Text, q.Speaker.Text)
			}
		}
	}
	if got := speakerFor(t, qs, "names of 19 people"); got != "" {
		t.Errorf("\"We confirmed …\": speaker %q, want none (the writer)", got)
	}
	if got := speakerFor(t, qs, "will decide"); got != "Lena Dorsk" && got != "" {
		t.Errorf("\"the state “will decide …”\": speaker %q, want Lena Dorsk or none", got)
	}
}

// "it" is the organisation that spoke last unless the sentence names
// another subject; "they" is a group named just before.
func TestItAndTheyResolve(t *testing.T) {
	text := "The Brelian Red Crescent said its teams reached the town on Monday. It said three clinics had been destroyed.\n\n" +
		"If the West can paint Ostravia as the aggressor, it can demand that the strikes stop, the Ostravian Foreign Ministry said.\n\n" +
		"Aid workers in the valley described long queues for bread. They said the corridor was closed twice."
	ents := entitiesFor(text, map[string]string{"Brelian Red Crescent": sift.ORG, "Ostravia": sift.LOC, "West": sift.LOC,
		"Ostravian Foreign Ministry": sift.ORG})
	qs := Extract(text, ents)
	if got := speakerFor(t, qs, "three clinics"); got != "Brelian Red Crescent" {
		t.Errorf("\"It said three clinics …\": speaker %q, want Brelian Red Crescent", got)
	}
	for _, q := range qs {
		if strings.HasPrefix(q.Text, "the strikes stop") && speakerOf(q) == "Brelian Red Crescent" {
			t.Errorf("%q: \"it\" after \"If the West …\" resolved to the organisation that spoke before", q.Text)
		}
	}
	if got := speakerFor(t, qs, "corridor was closed"); got != "Aid workers in the valley" && got != "Aid workers" {
		t.Errorf("\"They said the corridor …\": speaker %q, want the aid workers", got)
	}
}

// First person inside a quotation is the quotation's speaker.
func TestFirstPersonInsideQuote(t *testing.T) {
	qs := Extract("“We have asked both sides for their flight data, and we said the findings will be public,” Mara Kelst said.",
		nil)
	for _, q := range qs {
		if q.Speaker != nil && strings.EqualFold(q.Speaker.Text, "we") && q.Speaker.Canonical != "Mara Kelst" {
			t.Errorf("%q: \"we\" inside Mara Kelst's quote resolved to %q", q.Text, q.Speaker.Canonical)
		}
	}
	if got := speakerFor(t, qs, "flight data"); got != "Mara Kelst" {
		t.Errorf("quote: speaker %q, want Mara Kelst", got)
	}
}

// Sentence-initial capitals do not make a thing a speaker: "The ceasefire
// agreed in Miravel on 3 March" is no stance of the ceasefire's.
func TestThingIsNotSpeaker(t *testing.T) {
	text := "The ceasefire agreed in Miravel on 3 March by the foreign ministers of both guarantors has no mechanism for reporting violations.\n\n" +
		"Talks brought together Brelia and Ostravia, the two guarantors of a truce in Dastor agreed on March 3, as well as a government delegation."
	qs := Extract(text, entitiesFor(text, map[string]string{"Miravel": sift.LOC, "Brelia": sift.LOC, "Ostravia": sift.LOC, "Dastor": sift.LOC}))
	noStatement(t, qs, "in Miravel on 3 March")
	noStatement(t, qs, "on March 3")
	for _, q := range qs {
		if q.Speaker != nil && strings.Contains(strings.ToLower(q.Speaker.Text), "ceasefire") {
			t.Errorf("%q: speaker %q", q.Text, q.Speaker.Text)
		}
	}
}

// "In his words, …" makes him the speaker of the sentence; "According to
// information from X" names X.
func TestWordsOfAndInformationFrom(t *testing.T) {
	text := "Defence spokesman Ivo Strand said the building was not hit from the air. In his words, the nature of the damage indicates an explosion inside the building.\n\n" +
		"According to information from the observation post near the town, two aircraft were seen over the market."
	qs := Extract(text, entitiesFor(text, map[string]string{"Ivo Strand": sift.PERSON}))
	if got := speakerFor(t, qs, "explosion inside"); got != "Ivo Strand" {
		t.Errorf("\"In his words, …\": speaker %q, want Ivo Strand", got)
	}
	if got := speakerFor(t, qs, "two aircraft"); got == "information" || !strings.Contains(got, "observation post") {
		t.Errorf("\"According to information from the observation post …\": speaker %q, want the observation post", got)
	}
}

// An official named in an apposition speaks, not the place in the title
// before it: "The UN special envoy for Ostravia, Piet Marel, said".
func TestApposedNameOverPlace(t *testing.T) {
	text := "The UN special envoy for Ostravia, Piet Marel, said in a statement that the corridor would open on Friday."
	qs := Extract(text, entitiesFor(text, map[string]string{"UN": sift.ORG, "Ostravia": sift.PERSON, "Piet Marel": sift.PERSON}))
	if got := speakerFor(t, qs, "corridor would open"); got != "Piet Marel" {
		t.Errorf("speaker %q, want Piet Marel", got)
	}
}

// The writer's own "we" is the outlet (or the author when the article
// names one); Extract, which knows neither, gives no speaker.
func TestWriterFirstPerson(t *testing.T) {
	text := "Our reporters visited the square on Tuesday.\n\nWe confirmed the names of 19 people killed, including five children."
	a := &sift.Article{Text: text, Outlet: "Valley Monitor"}
	NewStage().Apply(a)
	if got := speakerFor(t, a.Quotes, "names of 19 people"); got != "Valley Monitor" {
		t.Errorf("\"We confirmed …\" in an outlet's article: speaker %q, want Valley Monitor", got)
	}
	a = &sift.Article{Text: text, Outlet: "Valley Monitor", Author: "Ines Farrow"}
	NewStage().Apply(a)
	if got := speakerFor(t, a.Quotes, "names of 19 people"); got != "Ines Farrow" {
		t.Errorf("\"We confirmed …\" with an author: speaker %q, want Ines Farrow", got)
	}
}

// "the statement said" is the issuer of the statement introduced before.
func TestStatementResolvesToIssuer(t *testing.T) {
	text := "In a written statement, the Brelian Foreign Ministry said the attack violated the memorandum.\n\n" +
		"“Those who bomb markets while speaking of peace must be held to account,” the statement said."
	qs := Extract(text, entitiesFor(text, map[string]string{"Brelian Foreign Ministry": sift.ORG}))
	if got := speakerFor(t, qs, "held to account"); got != "Brelian Foreign Ministry" {
		t.Errorf("\"the statement said\": speaker %q, want Brelian Foreign Ministry", got)
	}
	// Without an issuer the description stays as it is.
	qs = Extract("“Nobody is above the law,” the statement said.", nil)
	if got := speakerFor(t, qs, "above the law"); got != "the statement" {
		t.Errorf("\"the statement said\" with no issuer: speaker %q, want \"the statement\"", got)
	}
}

// "the ministry" is the ministry named last.
func TestTheMinistryResolves(t *testing.T) {
	text := "Brelia's Foreign Ministry condemned the strike on Monday.\n\nThe ministry said the attack violated the memorandum."
	qs := Extract(text, entitiesFor(text, map[string]string{"Foreign Ministry": sift.ORG, "Brelia": sift.LOC}))
	if got := speakerFor(t, qs, "violated the memorandum"); got != "Foreign Ministry" {
		t.Errorf("\"The ministry said\": speaker %q, want Foreign Ministry", got)
	}
}

// "he" and "she" stand for a person, never for the outlet a witness spoke
// to: in "Tarek, a 19-year-old apprentice …, told Radio Castel he heard …"
// Tarek is the speaker, Radio Castel only the listener, and the quote
// closed by "he said" is Tarek's. The entity stage missed the first name
// and typed the outlet a person; without it the fallback sees no name.
func TestPronounIsNeverTheOutlet(t *testing.T) {
	text := "The bakery in Morvel burned on Tuesday.\n\n" +
		"Tarek, a 19-year-old apprentice who was carrying flour for his uncle, told Radio Castel he heard the drones for an hour. " +
		"“We thought the truce would hold,” he said. The roof fell an hour later.\n\n" +
		"Foreign reporters told to leave the town were still there on Wednesday.\n\n" +
		"“The checkpoint stays closed,” a security official, who was not allowed to give his name, told Radio Castel.\n\n" +
		"Ilse Marrow, who runs the clinic, told the Castel Herald she had treated 30 people. “We ran out of bandages by noon,” she said."
	for _, ents := range [][]sift.Entity{
		nil,
		entitiesFor(text, map[string]string{"Radio Castel": sift.PERSON, "Morvel": sift.LOC, "Ilse Marrow": sift.PERSON, "Castel Herald": sift.ORG}),
	} {
		qs := Extract(text, ents)
		for _, q := range qs {
			if sp := speakerOf(q); strings.Contains(sp, "Castel") {
				t.Errorf("statement %q has the outlet %q as speaker", q.Text, sp)
			}
			if strings.Contains(q.Text, "Castel") || strings.Contains(q.Text, "Tarek,") {
				t.Errorf("statement %q holds the speaker or the listener", q.Text)
			}
		}
		if got := speakerFor(t, qs, "heard the drones"); got != "Tarek" {
			t.Errorf("\"Tarek, …, told Radio Castel he heard\": speaker %q, want Tarek%s", got, dump(qs))
		}
		if got := speakerFor(t, qs, "truce would hold"); got != "Tarek" {
			t.Errorf("\"… ,” he said\" after Tarek told Radio Castel: speaker %q, want Tarek%s", got, dump(qs))
		}
		if got := speakerFor(t, qs, "ran out of bandages"); got != "Ilse Marrow" {
			t.Errorf("\"… ,” she said\" after Ilse Marrow told the Castel Herald: speaker %q, want Ilse Marrow%s", got, dump(qs))
		}
		noStatement(t, qs, "leave the town")
		if got := speakerFor(t, qs, "checkpoint stays closed"); got != "a security official" {
			t.Errorf("\"“…,” a security official, who …, told Radio Castel\": speaker %q, want a security official%s", got, dump(qs))
		}
	}
	// An outlet that spoke last is no "he" either, even typed a person.
	text = "Castel Herald reported that the bridge at Morvel was closed. “Nobody can cross,” he said."
	qs := Extract(text, entitiesFor(text, map[string]string{"Castel Herald": sift.PERSON, "Morvel": sift.LOC}))
	if got := speakerFor(t, qs, "Nobody can cross"); got == "Castel Herald" {
		t.Errorf("\"he said\" after an outlet reported: speaker %q, want none%s", got, dump(qs))
	}
}

package quote

import (
	"slices"
	"strings"
	"testing"

	"github.com/sift-news/sift"
)

// quantifierSpeaker reports whether a speaker's words or canonical name
// are a quantifier on its own ("Nobody", "Everyone in the valley").
func quantifierSpeaker(r *sift.Ref) bool {
	if r == nil {
		return false
	}
	for _, s := range []string{r.Text, r.Canonical} {
		w := strings.Fields(strings.ToLower(s))
		if len(w) == 0 {
			continue
		}
		switch w[0] {
		case "nobody", "everyone", "everybody", "someone", "somebody", "anyone", "anybody", "many", "none":
			return true
		case "no":
			if len(w) > 1 && w[1] == "one" {
				return true
			}
		}
	}
	return false
}

// "Nobody", "Everyone in the valley", "Many" and the like are never the
// speaker of a statement: inside a quote or a reported clause they are its
// subject, and the one who reports the clause is the speaker.
func TestQuantifierIsNeverSpeaker(t *testing.T) {
	text := "Mayor Oren Talvik visited the flooded district of Kessel on Monday.\n\n" +
		"“Nobody asked us,” he said. “Everyone in the valley knew the barrier was weak.”\n\n" +
		"Nobody asked the residents whether they wanted the new road, Talvik said.\n\n" +
		"Someone told the council in March that the barrier would not hold, the engineer Ada Moravec added.\n\n" +
		"Everyone in the valley knows the barrier was never inspected. Many say the council ignored the warnings. " +
		"No one believes the ministry's report, said a farmer.\n\n" +
		"Nobody warned the families on the lower street. He said the pumps had been broken for a year.\n\n" +
		"Nobody asked how the council knew the exact height of the water before the gauges were read."
	for _, ents := range [][]sift.Entity{nil, entitiesFor(text, map[string]string{
		"Oren Talvik": sift.PERSON, "Talvik": sift.PERSON, "Kessel": sift.LOC, "Ada Moravec": sift.PERSON})} {
		qs := Extract(text, ents)
		for _, q := range qs {
			if quantifierSpeaker(q.Speaker) {
				t.Errorf("statement %q has the quantifier %q (%q) as its speaker", q.Text, q.Speaker.Text, q.Speaker.Canonical)
			}
		}
		if got := speakerFor(t, qs, "Nobody asked us"); got != "Oren Talvik" {
			t.Errorf("“Nobody asked us,” he said: speaker %q, want Oren Talvik", got)
		}
		// The clause "Nobody asked the residents …" is what Talvik said.
		q := find(t, qs, "whether they wanted the new road")
		if speakerOf(q) != "Oren Talvik" || !strings.Contains(q.Text, "Nobody asked the residents") {
			t.Errorf("“Nobody asked …, Talvik said”: statement %q by %q, want the whole clause by Oren Talvik", q.Text, speakerOf(q))
		}
		q = find(t, qs, "would not hold")
		if speakerOf(q) != "Ada Moravec" || !strings.Contains(q.Text, "Someone told the council") {
			t.Errorf("“Someone told …, the engineer added”: statement %q by %q, want the whole clause by Ada Moravec", q.Text, speakerOf(q))
		}
		// Nobody asked it: no one stated it, and the clause it holds is
		// no statement of the council either.
		noStatement(t, qs, "exact height of the water")
		if got := speakerFor(t, qs, "believes the ministry"); got != "a farmer" {
			t.Errorf("“No one believes …, said a farmer”: speaker %q, want a farmer", got)
		}
	}
}

// A paragraph that ends with "X said:" or "X told reporters:" introduces
// the quotation standing alone as the next paragraph: X is its speaker,
// with X's source chain.
func TestColonParagraphIntroducesQuote(t *testing.T) {
	text := "The flood barrier at Kessel failed on Monday night. Interior Minister Lena Vosk visited the town the next day and told reporters:\n\n" +
		"“The barrier will be rebuilt before winter. No family will be left without a roof.”\n\n" +
		"The town's mayor, Oren Talvik, was less certain. He said on Wednesday:\n\n" +
		"“Every spring we hear the same promise. I will believe it when I see the concrete.”\n\n" +
		"As reported by the Valdor Courier, the minister later said:\n\n" +
		"“The engineers are already on their way from the capital.”\n\n" +
		"Talvik wrote on his blog:\n\n" +
		"I think the ministry has already forgotten us. We will rebuild the barrier ourselves."
	for _, ents := range [][]sift.Entity{nil, entitiesFor(text, map[string]string{
		"Lena Vosk": sift.PERSON, "Oren Talvik": sift.PERSON, "Kessel": sift.LOC, "Valdor Courier": sift.ORG})} {
		qs := Extract(text, ents)
		q := find(t, qs, "rebuilt before winter")
		if got := speakerOf(q); got != "Lena Vosk" {
			t.Errorf("quote after “Lena Vosk … told reporters:”: speaker %q, want Lena Vosk", got)
		}
		if q.Cue == nil || q.Cue.Text != "told" {
			t.Errorf("quote after “… told reporters:”: cue %+v, want told", q.Cue)
		}
		if got := speakerFor(t, qs, "same promise"); got != "Oren Talvik" {
			t.Errorf("quote after “He said on Wednesday:”: speaker %q, want Oren Talvik", got)
		}
		q = find(t, qs, "already on their way")
		if got := speakerOf(q); got != "Lena Vosk" {
			t.Errorf("quote after “As reported by the Valdor Courier, the minister later said:”: speaker %q, want Lena Vosk", got)
		}
		if !slices.Contains(viaOf(q), "Valdor Courier") {
			t.Errorf("quote after “As reported by the Valdor Courier, the minister later said:”: via %v, want Valdor Courier", viaOf(q))
		}
		// The unquoted paragraph that "Talvik wrote …:" introduces is his:
		// its "I" and "we" are Talvik, not the article's writer.
		for _, sub := range []string{"already forgotten us", "rebuild the barrier ourselves"} {
			for _, q := range qs {
				if strings.Contains(q.Text, sub) && speakerOf(q) != "Oren Talvik" {
					t.Errorf("statement %q after “Talvik wrote …:”: speaker %q, want Oren Talvik", q.Text, speakerOf(q))
				}
			}
		}
		find(t, qs, "already forgotten us")
	}
}

// The outlet named in "X reported:" closing a paragraph is the source of
// every statement of the paragraph it introduces, not of its first
// sentence only, and of no later paragraph.
func TestColonOutletCoversParagraph(t *testing.T) {
	text := "The school in Kessel was flooded in March. At the time, the Valdor Courier reported:\n\n" +
		"“Water reached the second floor within an hour. Teachers carried the children to the roof,” said Petra Lind, a teacher. " +
		"She added that the pumps had not worked for a year. The district office said it had asked for new pumps in January.\n\n" +
		"Parents said on Thursday that they would keep their children at home."
	for _, ents := range [][]sift.Entity{nil, entitiesFor(text, map[string]string{
		"Petra Lind": sift.PERSON, "Kessel": sift.LOC, "Valdor Courier": sift.ORG})} {
		qs := Extract(text, ents)
		for _, sub := range []string{"Water reached", "pumps had not worked", "new pumps in January"} {
			if q := find(t, qs, sub); !slices.Contains(viaOf(q), "Valdor Courier") {
				t.Errorf("statement %q of the paragraph after “the Valdor Courier reported:”: via %v, want Valdor Courier", q.Text, viaOf(q))
			}
		}
		if q := find(t, qs, "keep their children"); slices.Contains(viaOf(q), "Valdor Courier") {
			t.Errorf("statement %q of a later paragraph came through the Valdor Courier", q.Text)
		}
	}
}

// In a pseudo-cleft, "What X said was that …", X said what follows the
// copula; "What X will not tell you is …" reports nothing X said.
func TestPseudoCleft(t *testing.T) {
	text := "Mayor Oren Talvik spoke in Kessel on Monday.\n\n" +
		"What the mayor said was that the barrier would be rebuilt before winter. " +
		"What the ministry will not tell you is who paid for the broken pumps. " +
		"What Talvik didn't say is that the contract went to his cousin. " +
		"What the council cannot tell you is where the money went. " +
		"What Never Again Action said was that the camps must close. " +
		"What the engineers found was that the pumps had been switched off."
	for _, ents := range [][]sift.Entity{nil, entitiesFor(text, map[string]string{
		"Oren Talvik": sift.PERSON, "Talvik": sift.PERSON, "Kessel": sift.LOC})} {
		qs := Extract(text, ents)
		q := find(t, qs, "rebuilt before winter")
		if q.Text != "the barrier would be rebuilt before winter" {
			t.Errorf("What the mayor said was that …: statement %q, want the clause after \"was that\"", q.Text)
		}
		noStatement(t, qs, "paid for the broken pumps")
		noStatement(t, qs, "went to his cousin")
		noStatement(t, qs, "where the money went")
		// "Never" in a name is no negation.
		if q := find(t, qs, "camps must close"); q.Text != "the camps must close" {
			t.Errorf("What Never Again Action said was that …: statement %q", q.Text)
		}
		// Stance verbs too: what the engineers found is the clause after "was that".
		if q := find(t, qs, "switched off"); q.Text != "the pumps had been switched off" {
			t.Errorf("What the engineers found was that …: statement %q", q.Text)
		}
	}
}

package claim

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/ner"
	"github.com/sift-news/sift/internal/quote"
)

// analyze runs the entity and quote stages and then Extract, as the
// pipeline does.
func analyze(t *testing.T, text string) []sift.Claim {
	t.Helper()
	a := &sift.Article{Text: text, Analyzer: map[string]string{}}
	ner.NewStage().Apply(a)
	quote.NewStage().Apply(a)
	NewStage().Apply(a)
	for _, c := range a.Claims {
		if got := string([]rune(text)[c.Start:c.End]); got != c.Text {
			t.Fatalf("claim offsets %d-%d give %q, text is %q", c.Start, c.End, got, c.Text)
		}
	}
	return a.Claims
}

func find(cs []sift.Claim, sub string) *sift.Claim {
	for i := range cs {
		if strings.Contains(cs[i].Text, sub) {
			return &cs[i]
		}
	}
	return nil
}

func TestReportedSpeechIsAnAttributedClaim(t *testing.T) {
	text := "The Dravian defence ministry said that about 3,000 fighters had gathered near Ulmet.\n\n" +
		"Major General Pavel Brenko told DravPress that the depot was destroyed on Tuesday."
	cs := analyze(t, text)
	c := find(cs, "3,000 fighters")
	if c == nil {
		t.Fatalf("no claim about the fighters in %+v", cs)
	}
	if !c.Attributed || c.Speaker == nil || !strings.Contains(c.Speaker.Text, "ministry") {
		t.Errorf("claim %q: attributed %v, speaker %+v; want the ministry", c.Text, c.Attributed, c.Speaker)
	}
	if strings.Contains(c.Text, "said") {
		t.Errorf("claim %q keeps the cue: want only what was said", c.Text)
	}
	if d := find(cs, "depot was destroyed"); d == nil || d.Speaker == nil || !strings.Contains(d.Speaker.Text, "Brenko") {
		t.Errorf("want Brenko's claim about the depot, got %+v", d)
	}
}

func TestOwnVoiceStatementIsAnUnattributedClaim(t *testing.T) {
	text := "Seventeen people were killed when a bomb hit the market in Ulmet on Tuesday, 12 March."
	cs := analyze(t, text)
	if len(cs) != 1 {
		t.Fatalf("want one claim, got %+v", cs)
	}
	if cs[0].Attributed || cs[0].Speaker != nil || cs[0].Via == nil || len(cs[0].Via) != 0 {
		t.Errorf("own-voice claim must be unattributed with an empty via: %+v", cs[0])
	}
	if strings.HasSuffix(cs[0].Text, ".") {
		t.Errorf("claim %q keeps the full stop", cs[0].Text)
	}
}

func TestQuestionsOpinionAndCallsToActionAreNotClaims(t *testing.T) {
	for _, text := range []string{
		"Why did the Dravian army wait three days before it entered Ulmet?",
		"I think the ceasefire in Hadria will not last beyond the spring of 2025.",
		"The government in Kalinov should open the border crossings to aid convoys at once.",
		"Stop the bombing of Ulmet and the other towns of Hadria now.",
		"What a disgrace for the whole of Hadria and for Ardesia!",
		"Nobody was surprised.",
	} {
		if cs := analyze(t, text); len(cs) != 0 {
			t.Errorf("%q: want no claim, got %+v", text, cs)
		}
	}
}

func TestPictureShowingIsNotASpeaker(t *testing.T) {
	cs := analyze(t, "This May 2017 video shows the volunteers of Hadria receiving an award from the Ardesian Relief Council.")
	for _, c := range cs {
		if c.Speaker != nil && strings.Contains(c.Speaker.Text, "video") {
			t.Errorf("a video is not a speaker: %+v", c)
		}
	}
}

func TestNormReplacesNamesByCanonicalForms(t *testing.T) {
	runes := []rune("Russian Federation and Iran backed the campaign")
	ents := []sift.Entity{{Span: sift.Span{Start: 0, End: 18, Text: "Russian Federation"}, Canonical: "Russia"}}
	if got := Normalize(runes, 0, len(runes), ents); got != "Russia and Iran backed the campaign" {
		t.Errorf("Normalize = %q", got)
	}
}

func TestSentencesKeepAbbreviationsAndQuotes(t *testing.T) {
	text := `Gen. Brenko met Mr. Selvan in Kalinov. “We agreed. It holds,” he said. Then he left for the U.S. on Monday.`
	ss := sentences([]rune(text))
	var got []string
	for _, s := range ss {
		got = append(got, string([]rune(text)[s[0]:s[1]]))
	}
	want := []string{"Gen. Brenko met Mr. Selvan in Kalinov.", `“We agreed. It holds,” he said.`, "Then he left for the U.S. on Monday."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences:\n got %q\nwant %q", got, want)
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("The ministry said 3,000 fighters had gathered. “They will attack,” he said?\n\nWhy?")
	f.Add("“unterminated quote. And more.")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		runes := []rune(text)
		for _, c := range Extract(text, nil, quote.Extract(text, nil)) {
			if c.Start < 0 || c.End > len(runes) || c.Start >= c.End || string(runes[c.Start:c.End]) != c.Text {
				t.Fatalf("bad claim span %d-%d %q", c.Start, c.End, c.Text)
			}
		}
	})
}

// TestHeadlineCaseLinesAreNotClaims checks that headlines, menus and tag
// lines scraped into a body are not taken for the article's statements,
// while a sentence crowded with names still is.
func TestHeadlineCaseLinesAreNotClaims(t *testing.T) {
	for _, line := range []string{
		"Dravian Army Kills 48 HLF Fighters in Ulmet Countryside",
		"12-03-2025 Rocket Shells Claim 9 Civilians in Kasrin",
		"Watch Live TV Schedule Where to Watch Connect with Varno Radio on Android",
	} {
		if cs := analyze(t, line+"\n\nThe talks in Selvan resumed on Monday after a pause of 12 days."); find(cs, line[:20]) != nil {
			t.Errorf("headline-case line %q taken for a claim: %+v", line, cs)
		}
	}
	text := "Dravian President Ivo Marek and Ardesian President Deniz Arkal met in Selvan on Monday."
	if cs := analyze(t, text); find(cs, "Ivo Marek") == nil {
		t.Errorf("a sentence full of names but with a verb in lower case is a claim: got %+v", cs)
	}
}

// In scraped text stripped of commas, "… two days after gunmen seized them
// in the eastern province of Varno said the Ulmet Monitoring Centre for
// Civil Rights" reads to the quote stage as a statement whose content is
// the organisation's name. A name is not a claim: it would join every
// other article quoting the same monitor into one thread.
func TestANameQuotedAsContentIsNoClaim(t *testing.T) {
	text := "The bodies of the three officers were found on Friday two days after gunmen seized them in the " +
		"eastern province of Varno said the Ulmet Monitoring Centre for Civil Rights."
	for _, c := range analyze(t, text) {
		if strings.HasPrefix(c.Text, "the Ulmet Monitoring") || c.Text == "Ulmet Monitoring Centre for Civil Rights" {
			t.Errorf("claim %q is a name, not a statement", c.Text)
		}
	}
}

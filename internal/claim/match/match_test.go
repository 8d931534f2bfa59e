package match

import (
	"slices"
	"testing"
)

func same(t *testing.T, a, b string) {
	t.Helper()
	ok, s := Same(a, b)
	if !ok {
		t.Errorf("score %.3f < threshold %.3f, want the same claim:\n  %s\n  %s", s, Threshold, a, b)
	}
}

func different(t *testing.T, a, b string) {
	t.Helper()
	ok, s := Same(a, b)
	if ok {
		t.Errorf("score %.3f >= threshold %.3f, want different claims:\n  %s\n  %s", s, Threshold, a, b)
	}
}

// TestParaphraseMatches: reworded statements of one claim are the same.
func TestParaphraseMatches(t *testing.T) {
	// Reordered clauses.
	same(t, "Terrorists in Idlib have nearly completed preparations for a chemical-weapons provocation, Konashenkov said.",
		"Konashenkov said terrorists in Idlib have nearly completed preparations for a chemical-weapons provocation.")
	// Attribution dropped, tense and punctuation changed.
	same(t, "According to Konashenkov, terrorists in Idlib are preparing a chemical-weapons provocation.",
		"Terrorists in Idlib are preparing a chemical weapons provocation.")
	// Stems and number formats: "percent" / "%", "shares of X" / "X shares".
	same(t, "Shares of Microsoft rose 2 percent on Monday.", "Microsoft shares rose 2% on Monday.")
	// Case and punctuation do not matter.
	same(t, "THE MINISTRY SAID THE CONVOY WAS HIT BY AIRCRAFT NEAR ALEPPO!", "the ministry said the convoy was hit by aircraft near Aleppo")
}

// TestChangedFigureStillSameClaim: a figure changed on the way leaves the
// claim the same.
func TestChangedFigureStillSameClaim(t *testing.T) {
	// The store reports the figure change; the matcher must still link.
	same(t, "The ministry said 20,000 troops were sent to the border on Monday.",
		"The ministry said 10,000 troops were sent to the border on Monday.")
	same(t, "Up to 20-30,000 fighters are hiding in the province, the ministry said.",
		"Up to 10,000 fighters are hiding in the province, the ministry said.")
}

// TestDifferentEventDoesNotMatch: sentences sharing words about other events
// are different claims.
func TestDifferentEventDoesNotMatch(t *testing.T) {
	// Many words shared, another event.
	different(t, "Government forces shelled the rebel-held town of Khan Sheikhoun on Tuesday, killing five civilians.",
		"Rebels shelled government-held districts of Aleppo on Friday, wounding twelve soldiers, the army said.")
	different(t, "Russia's defence ministry said on Monday that a convoy of aid trucks had reached Deir ez-Zor.",
		"The Red Cross said on Monday it had suspended aid convoys to eastern Ghouta after an attack on its staff.")
	// Unrelated.
	different(t, "The central bank raised interest rates by half a point.", "Heavy rain flooded the capital's metro overnight.")
}

// TestDenialDoesNotMatch: a statement and its denial are different claims.
func TestDenialDoesNotMatch(t *testing.T) {
	different(t, "The minister said the talks had failed.", "The minister said the talks had not failed.")
	different(t, "Moscow confirmed that its aircraft struck the hospital.", "Moscow did not confirm that its aircraft struck the hospital.")
	// Saying it with another negating word is the same claim.
	same(t, "United has paid $34 million in penalties for not meeting employment targets.",
		"United has paid $34 million in penalties for failing to meet employment targets.")
}

// TestScoreRangeAndSymmetry: scores are in [0,1] and do not depend on order.
func TestScoreRangeAndSymmetry(t *testing.T) {
	pairs := [][2]string{
		{"", ""}, {"", "Something happened."}, {"A", "B"},
		{"Russia said the convoy was attacked by rebels near Aleppo.", "The United States said the convoy near Aleppo was attacked by Syrian aircraft."},
	}
	for _, p := range pairs {
		s, r := Score(p[0], p[1]), Score(p[1], p[0])
		if s < 0 || s > 1 {
			t.Errorf("Score(%q, %q) = %v, outside [0,1]", p[0], p[1], s)
		}
		if d := s - r; d > 1e-9 || d < -1e-9 {
			t.Errorf("Score is not symmetric on %q / %q: %v vs %v", p[0], p[1], s, r)
		}
	}
	if s := Score("Identical words here.", "Identical words here."); s < 0.9 {
		t.Errorf("identical sentences score %.3f", s)
	}
}

// TestKeys: index keys are normalised numbers, stems and names, without
// stop words or repeats.
func TestKeys(t *testing.T) {
	has := func(keys []string, k string) bool { return slices.Contains(keys, k) }
	a, b := Keys("The army sent 10,000 troops."), Keys("The army sent 10000 troops.")
	if !has(a, "10000") || !has(b, "10000") {
		t.Errorf("10,000 and 10000 should both give key 10000: %v / %v", a, b)
	}
	k := Keys("Up to 20-30,000 fighters are in Idlib, Sergey Lavrov said; the ministry's figures were not confirmed.")
	for _, want := range []string{"20000", "30000", "fighter", "idlib", "sergey lavrov", "lavrov", "ministri", "figur", "confirm"} {
		if !has(k, want) {
			t.Errorf("keys %v lack %q", k, want)
		}
	}
	for _, stop := range []string{"the", "to", "are", "in", "were", "not", "s"} {
		if has(k, stop) {
			t.Errorf("keys %v hold the stop word %q", k, stop)
		}
	}
	if has(k, "idlib sergey lavrov") {
		t.Errorf("a name run crosses a comma: %v", k)
	}
	seen := map[string]bool{}
	for _, x := range k {
		if seen[x] {
			t.Errorf("key %q repeated in %v", x, k)
		}
		seen[x] = true
	}
	// A paraphrase shares keys with the original, so a store can find it.
	shared := 0
	for _, x := range Keys("Konashenkov said terrorists in Idlib are preparing a provocation.") {
		if has(Keys("Terrorists in Idlib have prepared a provocation, according to Konashenkov."), x) {
			shared++
		}
	}
	if shared < 3 {
		t.Errorf("paraphrases share %d keys", shared)
	}
}

// TestEmbeddedModel: the embedded model is trained and survives a round
// trip.
func TestEmbeddedModel(t *testing.T) {
	if err := EmbeddedError(); err != nil {
		t.Fatal(err)
	}
	if Threshold <= 0 || Threshold >= 1 {
		t.Fatalf("threshold %v not in (0,1): is model.txt trained?", Threshold)
	}
	m, err := Decode(Default().Encode())
	if err != nil {
		t.Fatal(err)
	}
	if string(m.Encode()) != string(Default().Encode()) {
		t.Error("model does not survive an encode/decode round trip")
	}
	if _, err := Decode([]byte("weight nonsense 1\n")); err == nil {
		t.Error("Decode accepted a bad model")
	}
	if len(FeatureNames) != NumFeatures {
		t.Errorf("%d feature names, NumFeatures %d", len(FeatureNames), NumFeatures)
	}
}

// TestAbbreviationsAndNumberWords: "U.S." is "US", "five" is 5.
func TestAbbreviationsAndNumberWords(t *testing.T) {
	k := Keys("U.S. officials said five people died.")
	if !slices.Contains(k, "usa") || !slices.Contains(k, "5") {
		t.Errorf("keys %v: want usa and 5", k)
	}
	same(t, "U.S. officials said five civilians were killed in the strike.", "US officials said 5 civilians were killed in the strike.")
}

// FuzzScore: any text scores in [0,1] and yields keys without panicking.
func FuzzScore(f *testing.F) {
	for _, s := range []string{"U.S. 20-30,000 don't", "A.B.C.D.E.F.G.H. x", "1,000,000.5%", "Russia’s 'n' ’t", "-5-", "U.", "ÉTAT d'été"} {
		f.Add(s, "The U.S. said 10,000.")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		s := Score(a, b)
		if s < 0 || s > 1 || s != s {
			t.Fatalf("Score(%q, %q) = %v", a, b, s)
		}
		Keys(a)
	})
}

// TestFragmentOfLongerSentenceDoesNotMatch: a long sentence and a short
// one that shares a few of its names and words, but says something else,
// are different claims. MSRP, whose pairs were chosen for their overlap,
// has few such pairs; a claim store scores many.
func TestFragmentOfLongerSentenceDoesNotMatch(t *testing.T) {
	long := "The agreement, signed in the Norvik capital by Foreign Minister Anna Delrey and her Tessarian counterpart Omar Vell, sets a truce from midnight on Friday and creates a buffer zone along most of the northern valley."
	for _, short := range []string{
		"The attack showed that the truce guaranteed by Norvik and Tessaria was falling apart.",
		"Nine Tessarian observation posts and joint patrols on the northern valley road.",
		"The valley is a few hours' drive from the Norvik border.",
	} {
		different(t, long, short)
	}
}

// TestScorerScoresAsScore checks that scoring many texts against one
// through a Scorer gives what Score gives pair by pair, in any order.
func TestScorerScoresAsScore(t *testing.T) {
	a := "Dravian aircraft struck an arms depot of the Hadria Liberation Front near Ulmet on Friday"
	bs := []string{
		"An HLF arms depot near Ulmet was hit by Dravian jets on Friday",
		"At least 17 people were killed when a bomb hit the market in Ulmet",
		"",
		"Dravian aircraft struck an arms depot of the Hadria Liberation Front near Ulmet on Friday",
		"The ceasefire in Hadria will hold, the envoy said in Selvan",
	}
	m := Default()
	sc := m.Scorer(a)
	defer sc.Close()
	for round := 0; round < 2; round++ {
		for _, b := range bs {
			if got, want := sc.Score(b), m.Score(a, b); got != want {
				t.Errorf("Scorer(%q).Score(%q) = %v, Score gives %v", a, b, got, want)
			}
		}
	}
}

// TestPreparedScoresAsScore: a text prepared once scores against every
// Scorer as the text itself does, however often and in whatever order it
// is used.
func TestPreparedScoresAsScore(t *testing.T) {
	texts := []string{
		"Dravian aircraft struck an arms depot of the Hadria Liberation Front near Ulmet on Friday",
		"An HLF arms depot near Ulmet was hit by Dravian jets on Friday",
		"At least 17 people were killed when a bomb hit the market in Ulmet",
		"",
		"The ceasefire in Hadria will hold, the envoy said in Selvan",
		"The envoy said in Selvan that the ceasefire in Hadria would not hold",
	}
	m := Default()
	prepared := make([]*Prepared, len(texts))
	for i, b := range texts {
		prepared[i] = m.Prepare(b)
	}
	for round := 0; round < 2; round++ {
		for _, a := range texts {
			sc := m.Scorer(a)
			for i, b := range texts {
				if got, want := sc.ScorePrepared(prepared[i]), m.Score(a, b); got != want {
					t.Errorf("ScorePrepared(%q) against %q = %v, Score gives %v", b, a, got, want)
				}
			}
			sc.Close()
		}
	}
}

// feature returns the named feature of the pair a, b under the embedded
// model.
func feature(t *testing.T, name, a, b string) float64 {
	t.Helper()
	i := slices.Index(FeatureNames, name)
	if i < 0 {
		t.Fatalf("no feature %q", name)
	}
	return Default().Features(a, b)[i]
}

// TestLooseMatch: words that share their first letters but not their stem
// (British and American spellings, a verb and its noun) count as loosely
// matched, short words do not.
func TestLooseMatch(t *testing.T) {
	a, b := "The organisations met in Kasrin.", "The organizations met in Kasrin."
	if c, l := feature(t, "content.min", a, b), feature(t, "loose.min", a, b); l != 1 || c >= 1 {
		t.Errorf("organisations / organizations: content.min %.2f, loose.min %.2f; want the stems apart and the loose match complete", c, l)
	}
	if l := feature(t, "loose.min", "The cat sat.", "The car sat."); l == 1 {
		t.Errorf("cat / car matched loosely (loose.min %.2f)", l)
	}
}

// TestUnmatchedCounts: the figures and names one sentence has and the other
// lacks are counted per side.
func TestUnmatchedCounts(t *testing.T) {
	a := "Sergey Lavrov said 20 soldiers and 30 tanks crossed the river."
	b := "Twenty soldiers crossed the river."
	for _, c := range []struct {
		name string
		want float64
	}{
		{"num.unmatched.max", 1}, {"num.unmatched.min", 0}, // 30; "Twenty" is 20
		{"names.unmatched.max", 2}, {"names.unmatched.min", 0}, // Sergey Lavrov
	} {
		if got := feature(t, c.name, a, b); got != c.want {
			t.Errorf("%s = %v, want %v", c.name, got, c.want)
		}
		if got := feature(t, c.name, b, a); got != c.want {
			t.Errorf("%s = %v with the sentences swapped, want %v", c.name, got, c.want)
		}
	}
}

// TestImplicitNegationNeedsTo: "failed", "refused", "declined" and
// "rejected" deny the verb after "to" ("refused to sign"); used as the
// statement's own verb ("rejected the shipment") they deny nothing, and a
// paraphrase of that statement is the same claim. "Banned" is not a
// denial either.
func TestImplicitNegationNeedsTo(t *testing.T) {
	same(t, "The port authority rejected the grain shipment at Varno on Monday.",
		"The port authority turned away the grain shipment at Varno on Monday.")
	same(t, "Banned weapons were found in the depot near Ulmet, the ministry said.",
		"The ministry said prohibited weapons were found in the depot near Ulmet.")
	same(t, "The envoy failed to sign the accord in Selvan.", "The envoy did not sign the accord in Selvan.")
	different(t, "The envoy refused to sign the accord in Selvan.", "The envoy signed the accord in Selvan.")
	different(t, "The talks in Selvan failed on Friday.", "The talks in Selvan did not fail on Friday.")
}

// TestContentWordPairs: the pairs of consecutive content words (stop
// words skipped) are compared, so that the same words in the same order
// count for more than the same words shuffled.
func TestContentWordPairs(t *testing.T) {
	a := "The rebels shelled the army base near Ulmet."
	if got := feature(t, "content2.min", a, "Rebels had shelled an army base near Ulmet."); got != 1 {
		t.Errorf("content2.min = %v for the same content words in the same order, want 1", got)
	}
	if got := feature(t, "content2.min", a, "The army shelled the rebels near the Ulmet base."); got > 0.5 {
		t.Errorf("content2.min = %v for the content words shuffled, want at most 0.5", got)
	}
}

// TestWordEditDistance: the edit feature is the word-level edit distance
// over the longer sentence's length: 0 for the same words, 1 for no word
// in common.
func TestWordEditDistance(t *testing.T) {
	if got := feature(t, "edit", "Troops left the town.", "Troops left the town."); got != 0 {
		t.Errorf("edit = %v for the same sentence", got)
	}
	if got := feature(t, "edit", "Troops left the town.", "Troops entered the town."); got != 0.25 {
		t.Errorf("edit = %v for one word of four replaced, want 0.25", got)
	}
	if got := feature(t, "edit", "Troops left the town.", "Rain fell overnight."); got != 1 {
		t.Errorf("edit = %v for no word in common, want 1", got)
	}
}

package quote

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/dataset"
)

// find returns the first quote whose text contains sub.
func find(t *testing.T, qs []sift.Quote, sub string) sift.Quote {
	t.Helper()
	for _, q := range qs {
		if strings.Contains(q.Text, sub) {
			return q
		}
	}
	t.Fatalf("no quote containing %q in %s", sub, dump(qs))
	return sift.Quote{}
}

func dump(qs []sift.Quote) string {
	var b strings.Builder
	for _, q := range qs {
		sp, cue := "-", "-"
		if q.Speaker != nil {
			sp = q.Speaker.Text + "=" + q.Speaker.Canonical
		}
		if q.Cue != nil {
			cue = q.Cue.Text
		}
		var via []string
		for _, v := range q.Via {
			via = append(via, v.Text)
		}
		b.WriteString("\n  " + q.Kind + " [" + sp + " | " + cue + " | via " + strings.Join(via, ",") + "] " + q.Text)
	}
	return b.String()
}

func speakerOf(q sift.Quote) string {
	if q.Speaker == nil {
		return ""
	}
	if q.Speaker.Canonical != "" {
		return q.Speaker.Canonical
	}
	return q.Speaker.Text
}

func viaOf(q sift.Quote) []string {
	var out []string
	for _, v := range q.Via {
		out = append(out, v.Text)
	}
	return out
}

func check(t *testing.T, q sift.Quote, kind, speaker, cue string) {
	t.Helper()
	if q.Kind != kind {
		t.Errorf("%q: kind %s, want %s", q.Text, q.Kind, kind)
	}
	if got := speakerOf(q); got != speaker {
		t.Errorf("%q: speaker %q, want %q", q.Text, got, speaker)
	}
	got := ""
	if q.Cue != nil {
		got = q.Cue.Text
	}
	if got != cue {
		t.Errorf("%q: cue %q, want %q", q.Text, got, cue)
	}
}

func TestDirectQuotes(t *testing.T) {
	text := "“We will not leave the valley,” Ivan Petrov said on Monday.\n\n" +
		"\"The talks failed,\" said Maria Lind, a spokeswoman for the council.\n\n" +
		"Petrov told reporters: “Nobody asked us. Nobody will.”\n\n" +
		"“The first part of a long statement goes here and it goes on.\n\n" +
		"“The second part follows in a paragraph of its own,” he added.\n\n" +
		"“Our partners say ‘wait’ and we wait,” Lind noted.\n\n" +
		"As reported by Sputnik: “The road is closed to all traffic until further notice.”"
	qs := Extract(text, nil)
	check(t, find(t, qs, "leave the valley"), sift.Direct, "Ivan Petrov", "said")
	check(t, find(t, qs, "talks failed"), sift.Direct, "Maria Lind", "said")
	check(t, find(t, qs, "Nobody asked"), sift.Direct, "Ivan Petrov", "told")
	long := find(t, qs, "first part")
	check(t, long, sift.Direct, "Ivan Petrov", "added")
	if !strings.Contains(long.Text, "second part") {
		t.Errorf("quote over two paragraphs cut short: %q", long.Text)
	}
	check(t, find(t, qs, "Our partners"), sift.Direct, "Maria Lind", "noted")
	check(t, find(t, qs, "road is closed"), sift.Direct, "Sputnik", "reported")
	for _, q := range qs {
		if q.Kind == sift.Direct && !strings.HasPrefix(q.Text, "“") && !strings.HasPrefix(q.Text, "\"") {
			t.Errorf("direct quote %q does not start with its quote mark", q.Text)
		}
	}
}

func TestIndirectSpeech(t *testing.T) {
	text := "The army will withdraw from the border by Friday, the Defense Ministry said in a statement. " +
		"It added that the troops would leave their heavy weapons behind.\n\n" +
		"Foreign Minister Ivan Petrov said that the talks would resume next week. " +
		"He noted that both sides had agreed on a ceasefire.\n\n" +
		"Colonel Anna Berg told reporters that the convoy had been attacked twice.\n\n" +
		"According to Petrov, the border will reopen in spring.\n\n" +
		"Critics rejected Lind’s assertion that the shelling had stopped."
	qs := Extract(text, nil)
	check(t, find(t, qs, "withdraw from the border"), sift.Indirect, "Defense Ministry", "said")
	check(t, find(t, qs, "heavy weapons"), sift.Indirect, "Defense Ministry", "added")
	check(t, find(t, qs, "talks would resume"), sift.Indirect, "Ivan Petrov", "said")
	he := find(t, qs, "both sides")
	check(t, he, sift.Indirect, "Ivan Petrov", "noted")
	if he.Speaker.Text != "He" {
		t.Errorf("pronoun speaker span %q, want He", he.Speaker.Text)
	}
	check(t, find(t, qs, "convoy had been attacked"), sift.Indirect, "Anna Berg", "told")
	check(t, find(t, qs, "border will reopen"), sift.Indirect, "Ivan Petrov", "According to")
	check(t, find(t, qs, "shelling had stopped"), sift.Indirect, "Lind", "assertion")
	if q := find(t, qs, "talks would resume"); strings.HasPrefix(q.Text, "that") {
		t.Errorf("content keeps the complementiser: %q", q.Text)
	}
}

func TestMixedAndScareQuotes(t *testing.T) {
	text := "The so-called “liberation” of the town left residents without water.\n\n" +
		"Ivan Petrov said that the shelling was “a deliberate provocation” by the rebels."
	qs := Extract(text, nil)
	for _, q := range qs {
		if strings.Contains(q.Text, "liberation") {
			t.Errorf("scare quote taken as a statement: %s", dump(qs))
		}
	}
	check(t, find(t, qs, "deliberate provocation"), sift.Mixed, "Ivan Petrov", "said")
}

func TestRolesResolveDescriptions(t *testing.T) {
	text := "Russian FM Ivan Petrov said the offer was serious. " +
		"The talks went on for hours, and Colonel Anna Berg was present.\n\n" +
		"“We have no other plan,” the foreign minister noted.\n\n" +
		"“There is no alternative,” the FM stated.\n\n" +
		"According to the Colonel, the road was mined."
	qs := Extract(text, nil)
	check(t, find(t, qs, "no other plan"), sift.Direct, "Ivan Petrov", "noted")
	check(t, find(t, qs, "no alternative"), sift.Direct, "Ivan Petrov", "stated")
	check(t, find(t, qs, "road was mined"), sift.Indirect, "Anna Berg", "According to")
}

func TestSourceChains(t *testing.T) {
	text := "Ivan Petrov told reporters that the bridge was intact, according to TASS.\n\n" +
		"“We are ready,” Maria Lind said during her speech, cited by Sputnik.\n\n" +
		"“We will not give up the city,” Al-Watan quoted Lind in another report on the summit.\n\n" +
		"Earlier, RIA cited Deputy Minister Oleg Sokolov who said that the supplies had arrived.\n\n" +
		"As reported by PressTV, the army is moving north. “The column left at dawn,” Sokolov said."
	qs := Extract(text, nil)
	q := find(t, qs, "bridge was intact")
	check(t, q, sift.Indirect, "Ivan Petrov", "told")
	if v := viaOf(q); len(v) != 1 || v[0] != "TASS" {
		t.Errorf("via %v, want [TASS]", v)
	}
	q = find(t, qs, "We are ready")
	check(t, q, sift.Direct, "Maria Lind", "said")
	if v := viaOf(q); len(v) != 1 || v[0] != "Sputnik" {
		t.Errorf("via %v, want [Sputnik]", v)
	}
	q = find(t, qs, "give up the city")
	check(t, q, sift.Direct, "Maria Lind", "quoted")
	if v := viaOf(q); len(v) != 1 || v[0] != "Al-Watan" {
		t.Errorf("via %v, want [Al-Watan]", v)
	}
	q = find(t, qs, "supplies had arrived")
	check(t, q, sift.Indirect, "Oleg Sokolov", "said")
	if v := viaOf(q); len(v) != 1 || v[0] != "RIA" {
		t.Errorf("via %v, want [RIA]", v)
	}
	q = find(t, qs, "column left")
	check(t, q, sift.Direct, "Oleg Sokolov", "said")
	if v := viaOf(q); len(v) != 1 || v[0] != "PressTV" {
		t.Errorf("via %v, want [PressTV] (the paragraph's source)", v)
	}
}

func TestNestedChains(t *testing.T) {
	text := "Petrov said the talks would resume next week, RIA Novosti reported, citing TASS.\n\n" +
		"According to Sputnik, citing the Defense Ministry, the convoy reached the city on Monday."
	qs := Extract(text, nil)
	q := find(t, qs, "talks would resume")
	check(t, q, sift.Indirect, "Petrov", "said")
	if v := viaOf(q); len(v) != 2 || v[0] != "RIA Novosti" || v[1] != "TASS" {
		t.Errorf("via %v, want [RIA Novosti TASS]", v)
	}
	if len(qs) != 2 {
		t.Errorf("want 2 statements (the outlet's report is not one of its own):%s", dump(qs))
	}
	q = find(t, qs, "convoy reached")
	check(t, q, sift.Indirect, "Defense Ministry", "According to")
	if v := viaOf(q); len(v) != 1 || v[0] != "Sputnik" {
		t.Errorf("via %v, want [Sputnik]", v)
	}
}

func TestUsesEntities(t *testing.T) {
	text := "Minister Lavrova said that the meeting was useful. The minister added that more talks would follow."
	r := []rune(text)
	at := func(s string) (int, int) {
		i := strings.Index(text, s)
		st := utf8.RuneCountInString(text[:i])
		return st, st + utf8.RuneCountInString(s)
	}
	s, e := at("Lavrova")
	ents := []sift.Entity{{Span: sift.Span{Start: s, End: e, Text: string(r[s:e])}, Type: sift.PERSON,
		Canonical: "Elena Lavrova", Role: "minister"}}
	qs := Extract(text, ents)
	check(t, find(t, qs, "meeting was useful"), sift.Indirect, "Elena Lavrova", "said")
	check(t, find(t, qs, "more talks"), sift.Indirect, "Elena Lavrova", "added")
}

func TestUnknownSpeaker(t *testing.T) {
	text := "“This cannot go on for much longer, and everyone here knows it.”"
	qs := Extract(text, nil)
	q := find(t, qs, "cannot go on")
	if q.Speaker != nil || q.Cue != nil {
		t.Errorf("speaker %v cue %v, want none", q.Speaker, q.Cue)
	}
}

// checkOffsets fails unless every span of qs points at its text.
func checkOffsets(t *testing.T, text string, qs []sift.Quote) {
	t.Helper()
	r := []rune(text)
	ok := func(s sift.Span) bool {
		return s.Start >= 0 && s.Start <= s.End && s.End <= len(r) && string(r[s.Start:s.End]) == s.Text
	}
	if !sort.SliceIsSorted(qs, func(i, j int) bool { return qs[i].Start < qs[j].Start }) {
		t.Errorf("quotes not sorted by start")
	}
	for _, q := range qs {
		if !ok(q.Span) || q.End == q.Start {
			t.Fatalf("bad quote span %+v", q.Span)
		}
		if q.Speaker != nil && !ok(q.Speaker.Span) {
			t.Fatalf("bad speaker span %+v", q.Speaker.Span)
		}
		if q.Cue != nil && !ok(*q.Cue) {
			t.Fatalf("bad cue span %+v", *q.Cue)
		}
		for _, v := range q.Via {
			if !ok(v.Span) {
				t.Fatalf("bad via span %+v", v.Span)
			}
		}
		if q.Kind != sift.Direct && q.Kind != sift.Indirect && q.Kind != sift.Mixed {
			t.Fatalf("bad kind %q", q.Kind)
		}
	}
}

func TestOffsetsAreCodePoints(t *testing.T) {
	text := "Ünal Çelik — «Ça va», écrit-il — said: “Überall ist Krieg, überall.” Then Şahin stated that prices rose 5 €."
	qs := Extract(text, nil)
	if len(qs) < 2 {
		t.Fatalf("want two statements, got %s", dump(qs))
	}
	checkOffsets(t, text, qs)
}

func TestStage(t *testing.T) {
	a := &sift.Article{Text: "“We are ready,” said Ivan Petrov.", Analyzer: map[string]string{}}
	s := NewStage()
	s.Apply(a)
	if s.Name() != "quotes" || len(a.Quotes) != 1 || a.Quotes[0].Via == nil {
		t.Fatalf("stage gave %s", dump(a.Quotes))
	}
}

// seeds returns the text of the seed articles, skipping when absent.
func seeds(t testing.TB) map[string]string {
	dir, ok := dataset.Dir()
	if !ok {
		t.Skip("shared data not found")
	}
	files, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), "samples", "seeds", "*.txt"))
	if len(files) == 0 {
		t.Skip("seed articles not found")
	}
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)[:3]] = string(b)
	}
	return out
}

// TestSeeds checks the attributions of the five real scraped seed articles.
func TestSeeds(t *testing.T) {
	s := seeds(t)
	by := func(id, who string) []sift.Quote {
		var out []sift.Quote
		for _, q := range Extract(s[id], nil) {
			if strings.Contains(speakerOf(q), who) {
				out = append(out, q)
			}
		}
		return out
	}
	for id, text := range s {
		checkOffsets(t, text, Extract(text, nil))
		_ = id
	}
	lavrov2 := by("002", "Lavrov")
	if len(lavrov2) < 8 {
		t.Errorf("002: %d statements by Lavrov, want at least 8:%s", len(lavrov2), dump(Extract(s["002"], nil)))
	}
	described := map[string]bool{}
	for _, q := range lavrov2 {
		described[strings.ToLower(q.Speaker.Text)] = true
	}
	for _, d := range []string{"the foreign minister", "the fm", "the russian foreign minister", "he"} {
		if !described[d] {
			t.Errorf("002: no statement by Lavrov introduced by %q", d)
		}
	}
	for _, q := range Extract(s["002"], nil) {
		if q.Kind == sift.Direct && !strings.Contains(speakerOf(q), "Lavrov") {
			t.Errorf("002: direct quote not attributed to Lavrov: %s", dump([]sift.Quote{q}))
		}
	}
	lavrov3 := by("003", "Lavrov")
	if len(lavrov3) < 4 {
		t.Errorf("003: %d statements by Lavrov, want at least 4", len(lavrov3))
	}
	tass := false
	for _, q := range lavrov3 {
		for _, v := range viaOf(q) {
			tass = tass || v == "TASS"
		}
	}
	if !tass {
		t.Errorf("003: no statement by Lavrov via TASS")
	}
	kon := by("000", "Konashenkov")
	if len(kon) < 4 {
		t.Errorf("000: %d statements by Konashenkov, want at least 4:%s", len(kon), dump(Extract(s["000"], nil)))
	}
	major := false
	for _, q := range kon {
		major = major || strings.EqualFold(q.Speaker.Text, "the Major General")
	}
	if !major {
		t.Errorf("000: no statement by Konashenkov introduced as the Major General")
	}
	watan := false
	for _, q := range by("004", "Erdogan") {
		for _, v := range viaOf(q) {
			watan = watan || v == "Al-Watan"
		}
	}
	if !watan {
		t.Errorf("004: no statement by Erdogan via Al-Watan")
	}
	erdogan, mistura := by("001", "Erdogan"), by("001", "de Mistura")
	if len(erdogan) < 3 || len(mistura) < 3 {
		t.Errorf("001: %d by Erdogan and %d by de Mistura, want 3 each", len(erdogan), len(mistura))
	}
	chains := map[string]bool{}
	for _, q := range Extract(s["001"], nil) {
		for _, v := range viaOf(q) {
			chains[v] = true
		}
	}
	for _, v := range []string{"Sputnik", "PressTV", "Reuters", "RIA"} {
		if !chains[v] {
			t.Errorf("001: %s missing from the source chains %v", v, chains)
		}
	}
}

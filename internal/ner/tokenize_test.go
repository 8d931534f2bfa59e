package ner

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/sift-news/sift"
)

func tokenTexts(text string) []string {
	var out []string
	for _, t := range Tokenize(text) {
		out = append(out, t.Text)
	}
	return out
}

func TestTokenize(t *testing.T) {
	cases := []struct {
		in   string
		want string // tokens joined by " | "
	}{
		{"fighters of al-Nusra and Hay’at Tahrir al-Sham.", "fighters | of | al-Nusra | and | Hay’at | Tahrir | al-Sham | ."},
		{"the U.S. said 20-30,000 men", "the | U.S. | said | 20-30,000 | men"},
		{"“We will,” he said.", "“ | We | will | , | ” | he | said | ."},
		{"Russia’s plan isn't new", "Russia | ’s | plan | is | n't | new"},
		{"(Reuters) - Gen. Smith, 3.5 km away...", "( | Reuters | ) | - | Gen. | Smith | , | 3.5 | km | away | ..."},
		{"Idlib—the last stronghold", "Idlib | — | the | last | stronghold"},
		{"Photo: Alexandr Sherbak/TASS", "Photo | : | Alexandr | Sherbak | / | TASS"},
		{"the rebels' positions", "the | rebels | ' | positions"},
	}
	for _, c := range cases {
		if got := strings.Join(tokenTexts(c.in), " | "); got != c.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

func TestTokenNorm(t *testing.T) {
	toks := Tokenize("“Hay’at” — said")
	var norms []string
	for _, tk := range toks {
		norms = append(norms, tk.Norm)
	}
	if got := strings.Join(norms, " "); got != `" Hay'at " - said` {
		t.Errorf("norms = %q", got)
	}
}

func TestSentences(t *testing.T) {
	text := "Lavrov met Gen. Smith in the U.S. on Monday. “It was useful,” he said. Talks continue!\nA new line starts a sentence"
	sents := Sentences(Tokenize(text))
	var got []string
	for _, s := range sents {
		got = append(got, text[s[0].Start:s[len(s)-1].End])
	}
	want := []string{
		"Lavrov met Gen. Smith in the U.S. on Monday.",
		"“It was useful,” he said.",
		"Talks continue!",
		"A new line starts a sentence",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sentences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"", "al-Nusra's U.S. 20-30,000 “quoted” ’s", "a\n\nb. C", "...'s'''", "x/y/z", "\xff\xfe", "—–", "Mr. . . ."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokenize(text)
		end := 0
		for _, tk := range toks {
			if tk.Start < end || tk.End <= tk.Start || tk.End > len(text) {
				t.Fatalf("bad token %+v after %d in %q", tk, end, text)
			}
			if tk.Text != text[tk.Start:tk.End] {
				t.Fatalf("token text %q != %q", tk.Text, text[tk.Start:tk.End])
			}
			if strings.IndexFunc(tk.Text, unicode.IsSpace) >= 0 {
				t.Fatalf("token %q holds a space", tk.Text)
			}
			end = tk.End
		}
		n := 0
		for _, s := range Sentences(toks) {
			if len(s) == 0 {
				t.Fatal("empty sentence")
			}
			n += len(s)
		}
		if n != len(toks) {
			t.Fatalf("sentences hold %d of %d tokens", n, len(toks))
		}
		// Tagging never panics and keeps offsets inside the text (which
		// is valid UTF-8 by the time stages see it).
		if !utf8.ValidString(text) {
			return
		}
		m, err := Default()
		if err != nil {
			t.Fatal(err)
		}
		runes := []rune(text)
		for _, e := range m.Entities(text) {
			if e.Start < 0 || e.End > len(runes) || string(runes[e.Start:e.End]) != e.Text {
				t.Fatalf("entity %+v does not line up with %q", e, text)
			}
		}
	})
}

// TestRuneOffsets checks the counting conversion of byte offsets to code
// point offsets against sift.Offsets, in order and out of order.
func TestRuneOffsets(t *testing.T) {
	text := "Über „Kyïv“ — 20 km, naïve café. Done"
	want := sift.NewOffsets(text)
	var bounds []int
	for b := range text {
		bounds = append(bounds, b)
	}
	bounds = append(bounds, len(text))
	o := runeOffsets{text: text}
	for _, b := range append(bounds, bounds[12], bounds[3], len(text), 0, bounds[7]) {
		if got := o.at(b); got != want.Rune(b) {
			t.Errorf("at(%d) = %d, want %d", b, got, want.Rune(b))
		}
	}
}

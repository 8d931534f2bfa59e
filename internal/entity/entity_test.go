package entity

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sift-news/sift"
)

func TestKeyFoldsVariants(t *testing.T) {
	same := [][]string{
		{"Sergei Lavrov", "Sergey Lavrov", "SERGEY LAVROV"},
		{"Hayat Tahrir al-Sham", "Hay'at Tahrir al-Sham", "Hay’at Tahrir Al-Sham", "Hayat Tahrir ash-Sham", "Hayat Tahrir al Sham"},
		{"Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"},
		{"Dmitri Peskov", "Dmitry Peskov", "Dmitriy Peskov"},
		{"Bashar al-Assad", "Bashar Al-Assad", "Bashar Assad"},
		{"Aleksey Navalny", "Alexey Navalny"},
		{"Yevgeny Prigozhin", "Evgeny Prigozhin"},
		{"U.S.", "US"},
		{"The White Helmets", "White Helmets"},
	}
	for _, group := range same {
		k := Key(group[0])
		for _, s := range group[1:] {
			if Key(s) != k {
				t.Errorf("Key(%q) = %q, Key(%q) = %q; want equal", group[0], k, s, Key(s))
			}
		}
	}
	for _, pair := range [][2]string{{"Sergey Lavrov", "Sergey Shoigu"}, {"Aleppo", "Idlib"}, {"Iran", "Iraq"}} {
		if Key(pair[0]) == Key(pair[1]) {
			t.Errorf("Key(%q) == Key(%q)", pair[0], pair[1])
		}
	}
}

func TestBuiltinCanonical(t *testing.T) {
	tab := Builtin()
	cases := map[string]string{
		"Sergei Lavrov": "Sergey Lavrov", "Lavrov": "Sergey Lavrov",
		"HTS": "Hayat Tahrir al-Sham", "Hay’at Tahrir al-Sham": "Hayat Tahrir al-Sham",
		"Jabhat al-Nusra": "Jabhat al-Nusra", "al-Nusra": "Jabhat al-Nusra", "Nusra Front": "Jabhat al-Nusra", "Al-Nusra": "Jabhat al-Nusra",
		"Russian Federation": "Russia", "the Russian Federation": "Russia",
		"Press TV": "PressTV", "Daesh": "Islamic State",
	}
	for in, want := range cases {
		if got := tab.Canonical(in); got != want {
			t.Errorf("Canonical(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDisplayOfUnknownNames(t *testing.T) {
	cases := map[string]string{
		"Sergei Ivanov":       "Sergey Ivanov",
		"Abu Ali  el-Testi":   "Abu Ali al-Testi",
		"Ahmet Çelik":         "Ahmet Celik",
		"Hay’at Example":      "Hayat Example",
		"al-Example Brigades": "Al-Example Brigades",
		"General Assembly":    "General Assembly",
	}
	for in, want := range cases {
		if got := Display(in); got != want {
			t.Errorf("Display(%q) = %q, want %q", in, got, want)
		}
	}
	// Variants display the same, so articles agree without the table.
	if Display("Dmitri Examplov") != Display("Dmitriy Examplov") {
		t.Errorf("Dmitri/Dmitriy display differently: %q, %q", Display("Dmitri Examplov"), Display("Dmitriy Examplov"))
	}
}

func TestUserAliasFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "aliases.txt")
	content := "# my aliases\n\nORG: Example Brigade | EB | Liwa Example\nSergey Lavrov | The Minister Himself\n"
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(AliasesEnv, path)
	tab, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if got := tab.Canonical("Liwa Example"); got != "Example Brigade" {
		t.Errorf("user alias: got %q", got)
	}
	if a, _ := tab.Lookup("EB"); a.Type != "ORG" {
		t.Errorf("user alias type = %q, want ORG", a.Type)
	}
	if got := tab.Canonical("Sergei Lavrov"); got != "Sergey Lavrov" {
		t.Errorf("built-in alias lost: %q", got)
	}
	if got := Builtin().Canonical("Liwa Example"); got == "Example Brigade" {
		t.Error("user aliases leaked into the built-in table")
	}
	if tab.Digest() == Builtin().Digest() {
		t.Error("digest does not change with user aliases")
	}

	t.Setenv(AliasesEnv, filepath.Join(t.TempDir(), "missing.txt"))
	if _, err := Default(); err == nil {
		t.Error("missing alias file gave no error")
	}
	if err := NewTable().ReadAliases(strings.NewReader("| alias without name\n")); err == nil {
		t.Error("line without a canonical name accepted")
	}
}

func mention(text string, start int, typ string) sift.Entity {
	return sift.Entity{Span: sift.Span{Start: start, End: start + len([]rune(text)), Text: text}, Type: typ}
}

func TestResolveWithinArticle(t *testing.T) {
	text := "John Examplesmith met Abu Testi Brigade (ATB) fighters. Later Examplesmith said ATB left."
	ents := []sift.Entity{
		mention("John Examplesmith", 0, sift.PERSON),
		mention("Abu Testi Brigade", 22, sift.ORG),
		mention("ATB", 41, sift.ORG),
		mention("Examplesmith", 62, sift.ORG), // mistyped by the tagger
		mention("ATB", 80, sift.ORG),
	}
	ents[0].Role = "spokesman"
	for _, e := range ents {
		if string([]rune(text)[e.Start:e.End]) != e.Text {
			t.Fatalf("test mention %q misplaced", e.Text)
		}
	}
	Resolve(Builtin(), text, ents)
	if ents[3].Canonical != "John Examplesmith" || ents[3].Type != sift.PERSON {
		t.Errorf("surname mention = %+v, want John Examplesmith PERSON", ents[3])
	}
	if ents[3].Role != "spokesman" {
		t.Errorf("role not shared: %q", ents[3].Role)
	}
	for _, i := range []int{2, 4} {
		if ents[i].Canonical != "Abu Testi Brigade" {
			t.Errorf("acronym %d canonical = %q, want Abu Testi Brigade", i, ents[i].Canonical)
		}
	}
}

// TestResolveKeepsTypesByContext: the mentions of one name keep the types
// the tagger gave them in their contexts (a city is a team in a table of
// results and a place in the dateline of the same article); only the
// alias table sets one type for all.
func TestResolveKeepsTypesByContext(t *testing.T) {
	text := "VARNEL 1996-08-24\nBrossa 3 Varnel 1\nVarnel 2 Kettel 0\nFans in Varnel cheered."
	ents := []sift.Entity{
		mention("VARNEL", 0, sift.LOC),
		mention("Brossa", 18, sift.ORG),
		mention("Varnel", 27, sift.ORG),
		mention("Varnel", 36, sift.ORG),
		mention("Kettel", 45, sift.ORG),
		mention("Varnel", 62, sift.LOC),
	}
	Resolve(Builtin(), text, ents)
	want := []string{sift.LOC, sift.ORG, sift.ORG, sift.ORG, sift.ORG, sift.LOC}
	for i, e := range ents {
		if e.Type != want[i] {
			t.Errorf("%+v: want %s, the type of its own context", e, want[i])
		}
		if e.Text != "Brossa" && e.Text != "Kettel" && e.Canonical != "Varnel" {
			t.Errorf("%+v: want canonical Varnel", e)
		}
	}
	// The alias table's type is kept whatever the tagger said.
	text = "RT said. RT added. RT closed."
	ents = []sift.Entity{mention("RT", 0, sift.PERSON), mention("RT", 9, sift.PERSON), mention("RT", 19, sift.PERSON)}
	Resolve(Builtin(), text, ents)
	for _, e := range ents {
		if e.Type != sift.ORG {
			t.Errorf("%+v: want ORG from the alias table", e)
		}
	}
}

// TestResolveCurrenciesAndSurnames: a currency is no mention of the
// country or agency its letters spell, a surname alone that the tagger
// typed otherwise is no mention of the person the table knows by it
// (unless the article names that person in full), and an acronym in
// brackets after a person is not the person's alias.
func TestResolveCurrenciesAndSurnames(t *testing.T) {
	text := "Profit rose to A$ 12 million ( US$ 9 million ) ."
	ents := []sift.Entity{mention("A$", 15, sift.MISC), mention("US$", 31, sift.MISC)}
	Resolve(Builtin(), text, ents)
	for _, e := range ents {
		if e.Type != sift.MISC || e.Canonical != e.Text {
			t.Errorf("%+v: want MISC %s, a currency", e, e.Text)
		}
	}
	text = "Bolton 3 Norwich 1"
	ents = []sift.Entity{mention("Bolton", 0, sift.ORG), mention("Norwich", 9, sift.ORG)}
	Resolve(Builtin(), text, ents)
	if ents[0].Type != sift.ORG || ents[0].Canonical != "Bolton" {
		t.Errorf("%+v: want the club ORG Bolton", ents[0])
	}
	text = "John Bolton spoke. Bolton left."
	ents = []sift.Entity{mention("John Bolton", 0, sift.PERSON), mention("Bolton", 19, sift.ORG)}
	Resolve(Builtin(), text, ents)
	if ents[1].Type != sift.PERSON || ents[1].Canonical != "John Bolton" {
		t.Errorf("%+v: want PERSON John Bolton, named in full before", ents[1])
	}
	text = "Mirko Pellan ( PSV ) scored. PSV won."
	ents = []sift.Entity{mention("Mirko Pellan", 0, sift.PERSON), mention("PSV", 15, sift.ORG), mention("PSV", 29, sift.ORG)}
	Resolve(Builtin(), text, ents)
	for _, e := range ents[1:] {
		if e.Type != sift.ORG || e.Canonical != "PSV" {
			t.Errorf("%+v: want ORG PSV, not an alias of the player before it", e)
		}
	}
}

func FuzzAliases(f *testing.F) {
	for _, s := range []string{"Sergey Lavrov | Sergei Lavrov", "ORG: Hay'at Tahrir al-Sham | HTS", "al-", "| x", "PER:|", "Ел-Ерд'оğan  al al"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if strings.Contains(k, "  ") || strings.TrimSpace(k) != k {
			t.Errorf("Key(%q) = %q has stray spaces", s, k)
		}
		if strings.ToLower(k) != k {
			t.Errorf("Key(%q) = %q is not lower case", s, k)
		}
		if d := Display(s); utf8.ValidString(s) && Display(d) != d {
			t.Errorf("Display(%q) = %q but Display(%q) = %q", s, d, d, Display(d))
		}
		tab := NewTable()
		if err := tab.ReadAliases(strings.NewReader(s)); err == nil {
			for _, f := range tab.Forms() {
				if _, ok := tab.Lookup(f.Name); !ok && Key(f.Name) != "" {
					t.Errorf("form %q of %q not found", f.Name, s)
				}
			}
		}
	})
}

func TestResolveBracketsAfterDateline(t *testing.T) {
	// The news agency in brackets after a dateline is not another name of
	// the country before it; an acronym in brackets is.
	text := "OSKAR, Calthoria (Wirecast) – The Free Oskar Front (FOF) said."
	ents := []sift.Entity{
		mention("OSKAR", 0, sift.LOC),
		mention("Calthoria", 7, sift.LOC),
		mention("Wirecast", 18, sift.ORG),
		mention("Free Oskar Front", 34, sift.ORG),
		mention("FOF", 52, sift.ORG),
	}
	for _, e := range ents {
		if string([]rune(text)[e.Start:e.End]) != e.Text {
			t.Fatalf("test mention %q misplaced", e.Text)
		}
	}
	Resolve(Builtin(), text, ents)
	if ents[2].Canonical != "Wirecast" || ents[2].Type != sift.ORG {
		t.Errorf("agency after dateline = %+v, want Wirecast ORG", ents[2])
	}
	if ents[4].Canonical != "Free Oskar Front" {
		t.Errorf("acronym = %+v, want Free Oskar Front", ents[4])
	}
}

func TestResolveNationalityIsNoSurname(t *testing.T) {
	text := "Talvek Calthorian spoke. Calthorian troops left."
	ents := []sift.Entity{
		mention("Talvek Calthorian", 0, sift.PERSON),
		mention("Calthorian", 25, sift.MISC),
	}
	Resolve(Builtin(), text, ents)
	if ents[1].Canonical != "Calthorian" || ents[1].Type != sift.MISC {
		t.Errorf("nationality adjective = %+v, want Calthorian MISC", ents[1])
	}
}

func TestResolveCapitalsTakeMixedCase(t *testing.T) {
	text := "QARVESH - Shells fell on Qarvesh."
	ents := []sift.Entity{mention("QARVESH", 0, sift.LOC), mention("Qarvesh", 25, sift.LOC)}
	Resolve(Builtin(), text, ents)
	if ents[0].Canonical != "Qarvesh" {
		t.Errorf("dateline canonical = %q, want Qarvesh", ents[0].Canonical)
	}
}

// TestResolveAcronymsAndHeadsTakeTheirNamesType: an acronym of a name of
// the article, and the head noun of an organisation's name after it,
// stand for that name, with its type, whatever the tagger gave them.
func TestResolveAcronymsAndHeadsTakeTheirNamesType(t *testing.T) {
	text := "The Kessel Liberation Front said the HLF and KLF were one. The Vell Ceasefire Monitor counted 12 strikes; the Monitor said more. " +
		"Monitor Lizards are common. The Orlen Observatory for Coastal Birds counted terns, the Observatory said."
	at := func(s string, nth int) int {
		i := -1
		for k := 0; k <= nth; k++ {
			i += 1 + strings.Index(text[i+1:], s)
		}
		return utf8.RuneCountInString(text[:i])
	}
	ents := []sift.Entity{
		mention("Kessel Liberation Front", at("Kessel Liberation Front", 0), sift.ORG),
		mention("HLF", at("HLF", 0), sift.LOC),
		mention("KLF", at("KLF", 0), sift.LOC),
		mention("Vell Ceasefire Monitor", at("Vell Ceasefire Monitor", 0), sift.ORG),
		mention("Monitor", at("Monitor", 1), sift.PERSON),
		mention("Monitor", at("Monitor", 2), sift.MISC),
		mention("Orlen Observatory for Coastal Birds", at("Orlen Observatory", 0), sift.ORG),
		mention("Observatory", at("Observatory", 1), sift.LOC),
	}
	for _, e := range ents {
		if string([]rune(text)[e.Start:e.End]) != e.Text {
			t.Fatalf("test mention %q misplaced", e.Text)
		}
	}
	Resolve(Builtin(), text, ents)
	want := []struct{ canonical, typ string }{
		{"Kessel Liberation Front", sift.ORG},
		{"HLF", sift.LOC}, // not its initials: left alone
		{"Kessel Liberation Front", sift.ORG},
		{"Vell Ceasefire Monitor", sift.ORG},
		{"Vell Ceasefire Monitor", sift.ORG},
		{"Monitor", sift.MISC}, // no "the": another name
		{"Orlen Observatory for Coastal Birds", sift.ORG},
		{"Orlen Observatory for Coastal Birds", sift.ORG},
	}
	for i, w := range want {
		if ents[i].Canonical != w.canonical || ents[i].Type != w.typ {
			t.Errorf("%q at %d: %s %s, want %s %s", ents[i].Text, ents[i].Start, ents[i].Canonical, ents[i].Type, w.canonical, w.typ)
		}
	}
}

// TestByteOffsetsAgreeWithTable: counting on gives the byte offsets the
// table of every code point gives, in any order, past the end and on bad
// UTF-8.
func TestByteOffsetsAgreeWithTable(t *testing.T) {
	for _, text := range []string{"", "Erdoğan met Лавров in Āleppo (HTS) \xff tail", "plain ascii"} {
		tab := sift.NewOffsets(text)
		o := byteOffsets{text: text}
		for _, r := range []int{0, 3, 3, 9, 14, 2, 40, 41, 200, 5, -1, 1} {
			if got, want := o.at(r), tab.Byte(r); got != want {
				t.Errorf("%q: code point %d at byte %d, want %d", text, r, got, want)
			}
		}
	}
}

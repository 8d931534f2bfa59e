package reader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sift-news/sift"
)

// misread returns s as a program that took its UTF-8 bytes for
// Windows-1252 would save it.
func misread(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteRune(cp1252[s[i]])
	}
	return b.String()
}

func TestFixMojibake(t *testing.T) {
	for _, want := range []string{
		"Don’t say “never” — it’s café time…",
		"Zürich, São Paulo, Kraków, Ærøskøbing",
		"Министр иностранных дел",
		"قال وزير الخارجية",
		"price £5 · 10 € · emoji 😀",
	} {
		bad := misread(want)
		if bad == want {
			t.Fatalf("misread(%q) did nothing", want)
		}
		if got := FixMojibake(bad); got != want {
			t.Errorf("FixMojibake(%q) = %q, want %q", bad, got, want)
		}
	}
	// A closing double quote whose third byte (0x9D, undefined in
	// Windows-1252) was dropped is restored in text that was misread.
	if got, want := FixMojibake("â€œItâ€™s a tax on sunshine,â€ said one."), "“It’s a tax on sunshine,” said one."; got != want {
		t.Errorf("dropped quote byte: got %q, want %q", got, want)
	}
	// Ordinary text, accented or not, is left alone.
	for _, s := range []string{
		"plain ASCII",
		"À la carte à Montréal, «déjà vu» ¿Qué? ¡Sí! Ñandú",
		"Straße, Ærø, Ørsted, Þórr, ½ and ¼, 5×3, naïve",
		"Les élèves «Él» — é» and Ã alone",
		"Ã", "â€",
	} {
		if got := FixMojibake(s); got != s {
			t.Errorf("FixMojibake(%q) = %q, want it unchanged", s, got)
		}
	}
}

// FuzzFixMojibake checks that misread UTF-8 is always restored and that the
// result is valid UTF-8.
func FuzzFixMojibake(f *testing.F) {
	f.Add("Don’t “quote” café 😀")
	f.Add("Ã© already")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(FixMojibake(s)) && utf8.ValidString(s) {
			t.Fatalf("FixMojibake(%q) is not valid UTF-8", s)
		}
		if !utf8.ValidString(s) {
			return
		}
		if got := FixMojibake(misread(s)); got != s {
			t.Fatalf("FixMojibake(misread(%q)) = %q", s, got)
		}
	})
}

// TestEveryEntranceRepairsMojibake: a plain-text file whose UTF-8 was
// misread as Windows-1252 reads the same, repaired, whether it comes
// through Walk (sift ingest), File (sift analyze) or Bytes (a fetched
// page, a posted article).
func TestEveryEntranceRepairsMojibake(t *testing.T) {
	raw := "CafÃ© owners say they donâ€™t expect the levy to last\n\n" +
		"The council of Varnholt raised the levy on cafÃ©s by two percent on Tuesday.\n"
	want := "Café owners say they don’t expect the levy to last\n\n" +
		"The council of Varnholt raised the levy on cafés by two percent on Tuesday.\n"
	path := filepath.Join(t.TempDir(), "cafe.txt")
	if err := os.WriteFile(path, []byte(raw), 0o644); err != nil {
		t.Fatal(err)
	}
	var walked []string
	err := Walk([]string{path}, Options{}, func(d sift.Document) error {
		walked = append(walked, d.Body)
		return nil
	}, func(err error) { t.Errorf("walk: %v", err) })
	if err != nil || len(walked) != 1 {
		t.Fatalf("Walk gave %d documents, err %v", len(walked), err)
	}
	file, err := File(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	posted, err := Bytes("posted", []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string]string{"Walk": walked[0], "File": file.Body, "Bytes": posted.Body} {
		if got != want {
			t.Errorf("%s: body %q, want %q", name, got, want)
		}
	}
}

// Package entity gives every named entity one name: it folds spelling
// variants (transliteration, apostrophes, diacritics, "al-" particles) to a
// comparison key, maps known variants and acronyms to a canonical name
// through a built-in alias table and an optional user alias file, and
// links the mentions of one article ("Lavrov" after "Sergey Lavrov", an
// acronym introduced in brackets).
package entity

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Key folds a name for comparison: diacritics and apostrophes removed,
// lower case, hyphens and other punctuation as spaces, Arabic article
// particles ("al-", "el-", "ash-", standalone "al") and a leading "the"
// dropped, doubled letters single, and common transliteration variants of
// Russian and Arabic names unified (Sergei/Sergey, Dmitri/Dmitriy/Dmitry,
// Aleksey/Alexey, Yevgeny/Evgeny). Two spellings of one name give the same
// key; the key is not meant to be shown.
func Key(name string) string {
	words := strings.Fields(foldWords(name))
	out := words[:0]
	for i, w := range words {
		if w == "al" || w == "el" || (w == "the" && i == 0) {
			continue
		}
		out = append(out, translit(w))
	}
	return strings.Join(out, " ")
}

// articlePrefixes are transliterations of the Arabic article, written
// joined to the next word with a hyphen.
var articlePrefixes = []string{"al-", "el-", "ash-", "as-", "ad-", "an-", "ar-", "at-", "az-", "ath-", "adh-", "at-", "ul-"}

// foldWords lower-cases name, removes diacritics and apostrophes, drops
// hyphenated article particles and turns other punctuation into spaces.
func foldWords(name string) string {
	s := strings.ToLower(fold(name))
	var b strings.Builder
	b.Grow(len(s))
	atWord := true
	for i := 0; i < len(s); {
		if atWord {
			for _, p := range articlePrefixes {
				if strings.HasPrefix(s[i:], p) && i+len(p) < len(s) {
					i += len(p)
					break
				}
			}
		}
		c := s[i]
		switch {
		case c == '\'' || c == '.' || c == '`':
			// removed: Hay'at -> hayat, U.S. -> us
			i++
			continue
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80:
			b.WriteByte(c)
			atWord = false
		default:
			b.WriteByte(' ')
			atWord = true
		}
		i++
	}
	return b.String()
}

// translit unifies common transliteration variants of one lower-case word.
func translit(w string) string {
	w = strings.ReplaceAll(w, "ks", "x")
	if strings.HasPrefix(w, "ye") && len(w) > 3 && !isVowel(w[2]) {
		w = w[1:] // yevgeny -> evgeny
	}
	switch {
	case strings.HasSuffix(w, "iy") && len(w) > 3:
		w = w[:len(w)-2] + "y" // dmitriy -> dmitry
	case strings.HasSuffix(w, "ei") && len(w) > 3:
		w = w[:len(w)-2] + "ey" // sergei -> sergey
	case strings.HasSuffix(w, "i") && len(w) > 3 && !isVowel(w[len(w)-2]):
		w = w[:len(w)-1] + "y" // dmitri -> dmitry
	}
	// Doubled letters: Hassan/Hasan, Muallem/Mualem.
	var b []byte
	for i := 0; i < len(w); i++ {
		if i > 0 && w[i] == w[i-1] && w[i] >= 'a' && w[i] <= 'z' {
			continue
		}
		b = append(b, w[i])
	}
	return string(b)
}

func isVowel(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }

// foldRunes maps letters that Unicode decomposition leaves alone.
var foldRunes = map[rune]string{
	'ı': "i", 'İ': "I", 'ø': "o", 'Ø': "O", 'æ': "ae", 'Æ': "AE", 'ß': "ss", 'đ': "d", 'Đ': "D",
	'ł': "l", 'Ł': "L", 'œ': "oe", 'Œ': "OE", 'þ': "th", 'ð': "d",
	'’': "'", '‘': "'", 'ʼ': "'", 'ʿ': "'", 'ʾ': "'", '′': "'", '‐': "-", '‑': "-", '–': "-", '—': "-",
}

// fold removes diacritics ("Erdoğan" -> "Erdogan") and straightens
// apostrophes and hyphens, keeping case.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if f, ok := foldRunes[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// Display turns a name as written into the form shown as its canonical
// name when no alias is known: diacritics folded, apostrophes removed,
// spaces collapsed, the transliteration rules of Key applied with case
// kept ("Sergei" -> "Sergey"), and particles written "al-" (or "Al-" first).
// Two spellings that differ only in those ways display the same.
func Display(name string) string {
	s := fold(name)
	s = dropApostrophes.Replace(s)
	words := strings.Fields(s)
	var out []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		lw := strings.ToLower(w)
		if (lw == "al" || lw == "el") && i+1 < len(words) {
			i++
			w = "al-" + words[i]
			lw = strings.ToLower(w)
		}
		for _, p := range articlePrefixes {
			if strings.HasPrefix(lw, p) && len(lw) > len(p) {
				prefix := "al-"
				if len(out) == 0 {
					prefix = "Al-"
				}
				w = prefix + w[len(p):]
				break
			}
		}
		out = append(out, translitCased(w))
	}
	return strings.Join(out, " ")
}

var dropApostrophes = strings.NewReplacer("'", "", "`", "")

// translitCased applies the word-final transliteration rules of translit
// to a capitalised word, keeping its case.
func translitCased(w string) string {
	if len(w) < 4 || strings.ToUpper(w) == w {
		return w
	}
	lw := strings.ToLower(w)
	switch {
	case strings.HasSuffix(lw, "iy"):
		return w[:len(w)-2] + "y"
	case strings.HasSuffix(lw, "ei"):
		return w[:len(w)-2] + "ey"
	case strings.HasSuffix(lw, "i") && !isVowel(lw[len(lw)-2]) && russianGiven[lw]:
		return w[:len(w)-1] + "y"
	}
	return w
}

// russianGiven lists given names whose final -i is a transliteration of
// -ий (Dmitri -> Dmitry); most names ending in -i (Ali, Hariri) are not.
var russianGiven = map[string]bool{"dmitri": true, "yuri": true, "valeri": true, "vasili": true,
	"anatoli": true, "gennadi": true, "arkadi": true, "grigori": true, "evgeni": true, "yevgeni": true}

// Alias is one entry of an alias table.
type Alias struct {
	Canonical string
	Type      string // PERSON, ORG, LOC, MISC or "" when any
}

// Table maps name keys to canonical names.
type Table struct {
	byKey map[string]Alias
	forms []Form
}

// Form is a name as written in an alias table, with its entity's type.
type Form struct {
	Name string
	Type string
}

// Forms returns every name of the table as written, canonical names and
// aliases, in the order they were added.
func (t *Table) Forms() []Form { return t.forms }

// NewTable returns an empty table.
func NewTable() *Table { return &Table{byKey: map[string]Alias{}} }

// Add records canonical and its aliases (the canonical name is an alias of
// itself). A later Add for the same key replaces the earlier one, so user
// aliases override built-in ones.
func (t *Table) Add(typ, canonical string, aliases ...string) {
	a := Alias{Canonical: canonical, Type: typ}
	t.byKey[Key(canonical)] = a
	t.forms = append(t.forms, Form{canonical, typ})
	for _, s := range aliases {
		if k := Key(s); k != "" {
			t.byKey[k] = a
			t.forms = append(t.forms, Form{s, typ})
		}
	}
}

// Lookup returns the alias entry for name, if any.
func (t *Table) Lookup(name string) (Alias, bool) {
	if t == nil {
		return Alias{}, false
	}
	return t.lookupKey(Key(name))
}

// lookupKey returns the alias entry for a key made by Key.
func (t *Table) lookupKey(k string) (Alias, bool) {
	if t == nil {
		return Alias{}, false
	}
	a, ok := t.byKey[k]
	return a, ok
}

// Canonical returns the canonical name of name: the alias table's when it
// knows the name, Display(name) otherwise.
func (t *Table) Canonical(name string) string {
	if a, ok := t.Lookup(name); ok {
		return a.Canonical
	}
	return Display(name)
}

// Len is the number of keys in t.
func (t *Table) Len() int { return len(t.byKey) }

// Clone returns a copy of t that can be extended without changing t.
func (t *Table) Clone() *Table {
	c := NewTable()
	for k, v := range t.byKey {
		c.byKey[k] = v
	}
	c.forms = append(c.forms, t.forms...)
	return c
}

// ReadAliases adds the entries of an alias file to t. Each non-blank line
// that does not start with "#" names one entity: its canonical name, then
// its aliases, separated by "|"; the canonical name may be preceded by a
// type and a colon:
//
//	Sergey Lavrov | Sergei Lavrov | Lavrov
//	ORG: Hayat Tahrir al-Sham | HTS | Tahrir al-Sham
func (t *Table) ReadAliases(r io.Reader) error {
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		parts := strings.Split(s, "|")
		canon := strings.TrimSpace(parts[0])
		typ := ""
		if i := strings.Index(canon, ":"); i > 0 {
			switch p := strings.ToUpper(strings.TrimSpace(canon[:i])); p {
			case "PERSON", "PER", "ORG", "LOC", "MISC":
				if p == "PER" {
					p = "PERSON"
				}
				typ, canon = p, strings.TrimSpace(canon[i+1:])
			}
		}
		if Key(canon) == "" {
			return fmt.Errorf("line %d: no canonical name", line)
		}
		var aliases []string
		for _, p := range parts[1:] {
			if p = strings.TrimSpace(p); p != "" {
				aliases = append(aliases, p)
			}
		}
		t.Add(typ, canon, aliases...)
	}
	return sc.Err()
}

// LoadAliases adds the entries of the alias file at path to t.
func (t *Table) LoadAliases(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("reading aliases: %w", err)
	}
	defer f.Close()
	if err := t.ReadAliases(f); err != nil {
		return fmt.Errorf("reading aliases %s: %w", path, err)
	}
	return nil
}

// AliasesEnv names the environment variable holding the path of a user
// alias file.
const AliasesEnv = "SIFT_ALIASES"

// Default returns the built-in table extended with the alias file named by
// $SIFT_ALIASES, if set.
func Default() (*Table, error) {
	t := Builtin()
	if p := os.Getenv(AliasesEnv); p != "" {
		t = t.Clone()
		if err := t.LoadAliases(p); err != nil {
			return Builtin(), err
		}
	}
	return t, nil
}

// Digest is a short digest of the table's entries, for stage versions.
func (t *Table) Digest() string {
	keys := make([]string, 0, len(t.byKey))
	for k := range t.byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	h := sha256.New()
	for _, k := range keys {
		a := t.byKey[k]
		fmt.Fprintf(h, "%s\x00%s\x00%s\n", k, a.Canonical, a.Type)
	}
	return hex.EncodeToString(h.Sum(nil)[:4])
}

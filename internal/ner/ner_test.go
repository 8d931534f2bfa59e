package ner

import (
	"encoding/csv"
	"github.com/sift-news/sift/internal/cputime"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/dataset"
	"github.com/sift-news/sift/internal/entity"
	"golang.org/x/text/encoding/charmap"
)

// checkOffsets fails unless every entity's offsets select its text.
func checkOffsets(t *testing.T, text string, ents []sift.Entity) {
	t.Helper()
	runes := []rune(text)
	last := -1
	for _, e := range ents {
		if e.Start < last {
			t.Errorf("entities not sorted by start at %+v", e)
		}
		last = e.Start
		if e.Start < 0 || e.End > len(runes) || e.Start >= e.End || string(runes[e.Start:e.End]) != e.Text {
			t.Errorf("entity %+v does not line up with the text", e)
		}
	}
}

// find returns the first entity whose text is s.
func find(ents []sift.Entity, s string) *sift.Entity {
	for i := range ents {
		if ents[i].Text == s {
			return &ents[i]
		}
	}
	return nil
}

// Text written for this test, not taken from any corpus.
const sample = `MOSCOW — Russian Foreign Minister Sergei Lavrov said on Tuesday that talks on Idlib would go on.

“We are ready to work with Ankara,” Lavrov told reporters after meeting Turkish officials in Moscow. Fighters of Hay’at Tahrir al-Sham (HTS) and al-Nusra remain in the province, according to TASS.

The Russian Defence Ministry spokesman, Major General Igor Konashenkov, said 20-30,000 militants were near Aleppo and Manbij, as reported by PressTV and Sputnik.`

func TestStageSample(t *testing.T) {
	s := NewStageWith(mustModel(t), entity.Builtin())
	a := &sift.Article{Text: sample, Analyzer: map[string]string{}}
	s.Apply(a)
	checkOffsets(t, sample, a.Entities)
	want := map[string]string{
		"Russian": sift.MISC, "Sergei Lavrov": sift.PERSON, "Idlib": sift.LOC, "Lavrov": sift.PERSON,
		"Ankara": sift.LOC, "Moscow": sift.LOC, "Hay’at Tahrir al-Sham": sift.ORG, "HTS": sift.ORG,
		"al-Nusra": sift.ORG, "TASS": sift.ORG, "Igor Konashenkov": sift.PERSON, "Aleppo": sift.LOC,
		"Manbij": sift.LOC, "PressTV": sift.ORG, "Sputnik": sift.ORG,
	}
	for text, typ := range want {
		e := find(a.Entities, text)
		if e == nil {
			t.Errorf("%q not found in %+v", text, a.Entities)
			continue
		}
		if e.Type != typ {
			t.Errorf("%q: type %s, want %s", text, e.Type, typ)
		}
	}
	for _, e := range a.Entities {
		if strings.Contains(e.Text, "Minister") || strings.Contains(e.Text, "General") {
			t.Errorf("title kept in name %q", e.Text)
		}
	}
	canon := map[string]string{
		"Sergei Lavrov": "Sergey Lavrov", "Lavrov": "Sergey Lavrov",
		"Hay’at Tahrir al-Sham": "Hayat Tahrir al-Sham", "HTS": "Hayat Tahrir al-Sham", "al-Nusra": "Jabhat al-Nusra",
	}
	for text, c := range canon {
		if e := find(a.Entities, text); e != nil && e.Canonical != c {
			t.Errorf("%q: canonical %q, want %q", text, e.Canonical, c)
		}
	}
	if e := find(a.Entities, "Sergei Lavrov"); e != nil && e.Role != "foreign minister" {
		t.Errorf("Lavrov's role = %q, want foreign minister", e.Role)
	}
	if e := find(a.Entities, "Lavrov"); e != nil && e.Role != "foreign minister" {
		t.Errorf("later Lavrov's role = %q, want it copied from the first mention", e.Role)
	}
	if e := find(a.Entities, "Igor Konashenkov"); e != nil && e.Role != "major general" {
		t.Errorf("Konashenkov's role = %q, want major general", e.Role)
	}
}

func TestHeadlineInCapitals(t *testing.T) {
	m := mustModel(t)
	text := "LAVROV: US PROPOSALS ON IDLIB UNACCEPTABLE\n\nForeign Minister Sergey Lavrov said the proposals on Idlib were unacceptable."
	ents := NewStageWith(m, entity.Builtin()).Entities(text)
	checkOffsets(t, text, ents)
	if e := find(ents, "LAVROV"); e == nil || e.Type != sift.PERSON || e.Canonical != "Sergey Lavrov" {
		t.Errorf("LAVROV = %+v, want PERSON Sergey Lavrov; all: %+v", e, ents)
	}
	if e := find(ents, "PROPOSALS"); e != nil {
		t.Errorf("common word in a headline tagged: %+v", e)
	}
}

func TestUserAliasesChangeCanonical(t *testing.T) {
	tab := entity.Builtin().Clone()
	if err := tab.ReadAliases(strings.NewReader("Abu Example al-Testi | Testi\n")); err != nil {
		t.Fatal(err)
	}
	text := "Fighters loyal to Abu Example al-Testi held the town, said John Smith. Testi denied it."
	ents := NewStageWith(mustModel(t), tab).Entities(text)
	for _, e := range ents {
		if (e.Text == "Testi" || strings.HasSuffix(e.Text, "al-Testi")) && e.Canonical != "Abu Example al-Testi" {
			t.Errorf("%q: canonical %q, want the user alias", e.Text, e.Canonical)
		}
	}
}

func mustModel(t testing.TB) *Model {
	t.Helper()
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// seeds returns the scraped seed articles beside the data directory.
func seeds(t *testing.T) map[string]string {
	dir := filepath.Join(filepath.Dir(dataset.Require(t, "conll2003")), "..", "samples", "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skipf("no seed articles in %s", dir)
	}
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = string(b)
	}
	return out
}

var seedNames = map[string]string{
	"TASS": sift.ORG, "PressTV": sift.ORG, "Sputnik": sift.ORG, "RT": sift.ORG,
	"Hayat Tahrir al-Sham": sift.ORG, "al-Nusra": sift.ORG, "HTS": sift.ORG,
	"Idlib": sift.LOC, "Aleppo": sift.LOC, "Manbij": sift.LOC,
}

func TestSeeds(t *testing.T) {
	st := NewStageWith(mustModel(t), entity.Builtin())
	lavrovs := 0
	for name, text := range seeds(t) {
		ents := st.Entities(text)
		checkOffsets(t, text, ents)
		byStart := map[int]sift.Entity{}
		for _, e := range ents {
			byStart[e.Start] = e
		}
		off := sift.NewOffsets(text)
		for word, typ := range seedNames {
			re := regexp.MustCompile(`\b` + regexp.QuoteMeta(word) + `\b`)
			for _, loc := range re.FindAllStringIndex(text, -1) {
				start := off.Rune(loc[0])
				found := false
				for _, e := range ents {
					if e.Start <= start && off.Rune(loc[1]) <= e.End && e.Type == typ {
						found = true
					}
				}
				if !found {
					t.Errorf("%s: %q at %d not tagged %s", name, word, start, typ)
				}
			}
		}
		for _, e := range ents {
			if strings.EqualFold(e.Text, "Lavrov") || strings.HasSuffix(e.Text, " Lavrov") {
				lavrovs++
				if e.Type != sift.PERSON || e.Canonical != "Sergey Lavrov" {
					t.Errorf("%s: %+v, want PERSON Sergey Lavrov", name, e)
				}
			}
		}
		if i := strings.Index(text, "Russian Foreign Minister Sergei Lavrov"); i >= 0 {
			r := off.Rune(i)
			if e, ok := byStart[r]; !ok || e.Text != "Russian" || e.Type != sift.MISC {
				t.Errorf("%s: want MISC Russian at %d, got %+v", name, r, e)
			}
			p, ok := byStart[r+len("Russian Foreign Minister ")]
			if !ok || p.Text != "Sergei Lavrov" || p.Type != sift.PERSON || p.Role != "foreign minister" {
				t.Errorf("%s: want PERSON Sergei Lavrov (foreign minister), got %+v", name, p)
			}
		}
	}
	if lavrovs == 0 {
		t.Error("no mention of Lavrov found in the seeds")
	}
}

func TestModelRoundTrip(t *testing.T) {
	m := mustModel(t)
	if m.size == 0 {
		t.Fatal("embedded model has no features")
	}
	if _, err := decodeModel([]byte("not a model")); err == nil {
		t.Error("decoding garbage succeeded")
	}
}

// benchText is an article of about 500 words written for the benchmarks.
var benchText = strings.Repeat(sample+"\n\n", 4)

// reportPerCore adds throughput per processor second, which stays
// meaningful when other processes share the machine.
func reportPerCore(b *testing.B, cpu0 float64, tokens int) {
	if cpu := cputime.Seconds() - cpu0; cpu > 0 {
		b.ReportMetric(float64(b.N*tokens)/cpu, "tokens/cpu-s")
		b.ReportMetric(float64(b.N)/cpu, "articles/cpu-s")
	}
}

func BenchmarkStage(b *testing.B) {
	st := NewStageWith(mustModel(b), entity.Builtin())
	st.Entities("warm up")
	tokens := len(Tokenize(benchText))
	b.SetBytes(int64(len(benchText)))
	cpu0 := cputime.Seconds()
	b.ResetTimer()
	for b.Loop() {
		a := &sift.Article{Text: benchText}
		st.Apply(a)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(b.N*tokens)/b.Elapsed().Seconds(), "tokens/s")
	reportPerCore(b, cpu0, tokens)
}

func BenchmarkTagger(b *testing.B) {
	m := mustModel(b)
	tokens := len(Tokenize(benchText))
	cpu0 := cputime.Seconds()
	b.ResetTimer()
	for b.Loop() {
		m.Entities(benchText)
	}
	b.ReportMetric(float64(b.N*tokens)/b.Elapsed().Seconds(), "tokens/s")
	reportPerCore(b, cpu0, tokens)
}

func TestTitleUsesText(t *testing.T) {
	st := NewStageWith(mustModel(t), entity.Builtin())
	title := "LAVROV: US Proposals To Start Dialogue With Militants In Idlib Unacceptable"
	text := "Foreign Minister Sergey Lavrov said US proposals to start a dialogue with militants in Idlib were unacceptable."
	ents := st.Title(title, text)
	checkOffsets(t, title, ents)
	if e := find(ents, "LAVROV"); e == nil || e.Type != sift.PERSON || e.Canonical != "Sergey Lavrov" {
		t.Errorf("LAVROV = %+v; all: %+v", e, ents)
	}
	if e := find(ents, "Idlib"); e == nil || e.Type != sift.LOC {
		t.Errorf("Idlib = %+v; all: %+v", e, ents)
	}
	for _, e := range ents {
		if strings.Contains(e.Text, "Proposals") || strings.Contains(e.Text, "Dialogue") || strings.Contains(e.Text, "Start") {
			t.Errorf("title-case words tagged: %+v", e)
		}
	}
}

func TestStageConcurrent(t *testing.T) {
	st := NewStage()
	want := st.Entities(sample)
	done := make(chan []sift.Entity)
	for range 4 {
		go func() {
			a := &sift.Article{Text: sample}
			st.Apply(a)
			done <- a.Entities
		}()
	}
	for range 4 {
		got := <-done
		if len(got) != len(want) {
			t.Fatalf("concurrent Apply found %d entities, alone %d", len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("concurrent Apply: %+v, alone %+v", got[i], want[i])
			}
		}
	}
	if v := st.Version(); !strings.HasPrefix(v, Version+"-") {
		t.Errorf("Version() = %q, want %s-<model digest>", v, Version)
	}
}

// BenchmarkStageFAKES runs the stage over the 804 articles of FA-KES
// (Syrian war news from 15 outlets), when the data set is there.
func BenchmarkStageFAKES(b *testing.B) {
	f, err := os.Open(dataset.Require(b, "fa-kes/FA-KES-Dataset.csv"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(charmap.ISO8859_1.NewDecoder().Reader(f)).ReadAll()
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	tokens := 0
	for _, r := range recs[1:] {
		texts = append(texts, r[2])
		tokens += len(Tokenize(r[2]))
	}
	st := NewStageWith(mustModel(b), entity.Builtin())
	cpu0 := cputime.Seconds()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		st.Apply(&sift.Article{Text: texts[n%len(texts)]})
		n++
	}
	perArticle := float64(tokens) / float64(len(texts))
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	if cpu := cputime.Seconds() - cpu0; cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu, "articles/cpu-s")
		b.ReportMetric(float64(b.N)*perArticle/cpu, "tokens/cpu-s")
	}
}

func TestRoles(t *testing.T) {
	text := "US Special Envoy for Syria James Jeffrey met Russian Ambassador to the US Anatoly Antonov. " +
		"Pentagon spokesman Eric Pahon denied it. Sergey Lavrov, the Russian foreign minister, said talks would go on. " +
		"Chief of the General Staff Valery Gerasimov spoke, and President Bashar al-Assad agreed."
	ents := NewStageWith(mustModel(t), entity.Builtin()).Entities(text)
	checkOffsets(t, text, ents)
	want := map[string]string{
		"James Jeffrey":    "special envoy for syria",
		"Anatoly Antonov":  "ambassador to the us",
		"Eric Pahon":       "spokesman",
		"Sergey Lavrov":    "foreign minister",
		"Valery Gerasimov": "chief of the general staff",
		"Bashar al-Assad":  "president",
	}
	for name, role := range want {
		e := find(ents, name)
		if e == nil || e.Type != sift.PERSON {
			t.Errorf("%s: %+v, want a PERSON", name, e)
			continue
		}
		if e.Role != role {
			t.Errorf("%s: role %q, want %q", name, e.Role, role)
		}
	}
}

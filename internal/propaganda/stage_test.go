package propaganda

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/cputime"
)

// loadedArticle is a short article written for these tests, full of
// loaded language and name calling.
const loadedArticle = `Thugs Unleash Brutal Massacre

The corrupt regime and its bloodthirsty thugs unleashed a brutal, barbaric massacre on innocent villagers!

These cowardly terrorists and their globalist puppets will stop at nothing to destroy our great nation.

Officials said the talks would resume on Monday in Geneva.`

// checkTechniques fails t unless every technique of a is well formed.
func checkTechniques(t testing.TB, a *sift.Article) {
	t.Helper()
	runes := []rune(a.Text)
	for i, x := range a.Techniques {
		if x.Start < 0 || x.End > len(runes) || x.Start >= x.End {
			t.Fatalf("technique %d: bad offsets [%d,%d) in %d code points", i, x.Start, x.End, len(runes))
		}
		if got := string(runes[x.Start:x.End]); got != x.Text {
			t.Fatalf("technique %d: text %q, but text[%d:%d] is %q", i, x.Text, x.Start, x.End, got)
		}
		if !IsTechnique(x.Technique) {
			t.Fatalf("technique %d: %q is not one of the 18 names", i, x.Technique)
		}
		if !(x.Score >= 0 && x.Score <= 1) {
			t.Fatalf("technique %d: score %v outside [0,1]", i, x.Score)
		}
		if i > 0 && a.Techniques[i-1].Start > x.Start {
			t.Fatalf("techniques not sorted by start at %d", i)
		}
	}
	for i, s := range a.Signals {
		if s.Start < 0 || s.End > len(runes) || s.Start > s.End {
			t.Fatalf("signal %d: bad offsets [%d,%d)", i, s.Start, s.End)
		}
		if s.End > s.Start && string(runes[s.Start:s.End]) != s.Text {
			t.Fatalf("signal %d: text %q does not match its offsets", i, s.Text)
		}
		if !(s.Score >= 0 && s.Score <= 1) {
			t.Fatalf("signal %d: score %v outside [0,1]", i, s.Score)
		}
	}
}

func TestStageFindsLoadedLanguageWithEvidence(t *testing.T) {
	a := &sift.Article{Title: "Senator Caught Taking Bribes From Lobbyists", Text: loadedArticle}
	NewStage().Apply(a)
	NewStage().Apply(a) // applying twice must not duplicate signals
	checkTechniques(t, a)
	if len(a.Signals) != 1 || a.Signals[0].Kind != HeadlineMismatch {
		t.Fatalf("signals: got %+v, want one headline mismatch", a.Signals)
	}
	found := false
	for _, x := range a.Techniques {
		loaded := x.Technique == "Loaded_Language" || x.Technique == "Name_Calling,Labeling"
		lower := strings.ToLower(x.Text)
		hit := strings.Contains(lower, "thugs") || strings.Contains(lower, "brutal") || strings.Contains(lower, "terrorists")
		if loaded && hit {
			if len(x.Evidence) == 0 {
				t.Fatalf("technique %q on %q has no evidence", x.Technique, x.Text)
			}
			found = true
		}
	}
	if !found {
		t.Fatalf("no loaded language or name calling found in a text full of it: %+v", a.Techniques)
	}
	// The neutral last sentence should be left alone.
	neutral := strings.Index(loadedArticle, "Officials said")
	neutral = utf8.RuneCountInString(loadedArticle[:neutral])
	for _, x := range a.Techniques {
		if x.Start >= neutral && (x.Technique == "Loaded_Language" || x.Technique == "Name_Calling,Labeling") {
			t.Errorf("neutral sentence flagged: %+v", x)
		}
	}
}

func TestStageOnEmptyAndNeutralText(t *testing.T) {
	s := NewStage()
	for _, text := range []string{"", " ", "\n\n", "The committee met on Tuesday."} {
		a := &sift.Article{Text: text}
		s.Apply(a)
		checkTechniques(t, a)
		if a.Techniques == nil {
			t.Fatalf("%q: Techniques is nil, want an empty list", text)
		}
	}
	if s.Name() != "techniques" || s.Version() == "" {
		t.Fatalf("name %q version %q", s.Name(), s.Version())
	}
}

func TestStageConcurrentUse(t *testing.T) {
	s := NewStage()
	want := &sift.Article{Text: loadedArticle}
	s.Apply(want)
	done := make(chan []sift.Technique)
	for i := 0; i < 4; i++ {
		go func() {
			a := &sift.Article{Text: loadedArticle}
			s.Apply(a)
			done <- a.Techniques
		}()
	}
	for i := 0; i < 4; i++ {
		got := <-done
		if len(got) != len(want.Techniques) {
			t.Fatalf("concurrent run found %d techniques, want %d", len(got), len(want.Techniques))
		}
	}
}

func TestAnonymousSourcing(t *testing.T) {
	a := &sift.Article{Text: "Sources say the minister will resign. An unnamed official confirmed the plan.\n\nThe minister said she would stay."}
	sigs := Signals(a)
	n := 0
	for _, s := range sigs {
		if s.Kind == AnonymousSource {
			n++
			if s.Evidence == "" {
				t.Errorf("signal without evidence: %+v", s)
			}
		}
	}
	if n != 2 {
		t.Fatalf("got %d anonymous-source signals, want 2: %+v", n, sigs)
	}
	checkTechniques(t, &sift.Article{Text: a.Text, Signals: sigs})
}

func TestUnattributedClaim(t *testing.T) {
	a := &sift.Article{Text: "It is clear that the election was stolen.\n\nThe mayor said it is clear that the road is closed."}
	var got []sift.Signal
	for _, s := range Signals(a) {
		if s.Kind == UnattributedClaim {
			got = append(got, s)
		}
	}
	if len(got) != 1 || !strings.HasPrefix(got[0].Text, "It is clear") {
		t.Fatalf("got %+v, want the first sentence only (the second is attributed)", got)
	}
}

func TestHeadlineMismatch(t *testing.T) {
	body := "Heavy rain flooded the valley on Sunday and farmers moved their cattle to higher ground.\n\n" +
		"The weather service expects the rain to stop by Wednesday."
	a := &sift.Article{Title: "Senator Johnson Caught Taking Secret Bribes From Lobbyists", Text: body}
	var got *sift.Signal
	for _, s := range Signals(a) {
		if s.Kind == HeadlineMismatch {
			got = &s
		}
	}
	if got == nil || got.Score < 0.6 || !strings.Contains(got.Evidence, "bribes") {
		t.Fatalf("unsupported headline: got %+v", got)
	}
	// A repeated headline in the body does not count as support.
	a.Text = a.Title + "\n\n" + body
	found := false
	for _, s := range Signals(a) {
		found = found || s.Kind == HeadlineMismatch
	}
	if !found {
		t.Fatal("a headline repeated in the body hid the mismatch")
	}
	a = &sift.Article{Title: "Heavy Rain Floods Valley Farms", Text: body}
	for _, s := range Signals(a) {
		if s.Kind == HeadlineMismatch {
			t.Fatalf("supported headline flagged: %+v", s)
		}
	}
	// Hyphenated body words count by their parts, and a headline word
	// that is all possessive marks ("’s's", an empty stem) does not stop
	// the others being found.
	a = &sift.Article{Title: "Valley ’s's Farmers Cattle Weather", Text: "Rain-soaked valley-farmers moved cattle as weather turned."}
	for _, s := range Signals(a) {
		if s.Kind == HeadlineMismatch {
			t.Fatalf("headline supported through hyphenated words flagged: %+v", s)
		}
	}
}

func TestModelEncodingIsStable(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	var a, b strings.Builder
	if err := m.Encode(&a); err != nil {
		t.Fatal(err)
	}
	m2, err := decodeModel(strings.NewReader(a.String()))
	if err != nil {
		t.Fatal(err)
	}
	if err := m2.Encode(&b); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Fatal("decoding and re-encoding the model changed its bytes")
	}
	if a.String() != string(modelData) {
		t.Fatal("re-encoding the embedded model changed its bytes")
	}
	if _, err := decodeModel(strings.NewReader("not a model")); err == nil {
		t.Fatal("decoding garbage succeeded")
	}
}

func FuzzStage(f *testing.F) {
	f.Add(loadedArticle)
	f.Add("Sources say \"it is clear that\" the 'so-called' experts lied!!\n\n\n")
	f.Add("“Quoted” — dash… and émigré naïve façade. ¿Qué? 日本語のテキスト。")
	f.Add("a\u0301\u0301 Mr. U.S. far-right don't\r\n\t.")
	s := NewStage()
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		a := &sift.Article{Title: text, Text: text}
		s.Apply(a)
		checkTechniques(t, a)
	})
}

// benchArticle builds a news-like article of about 600 words from sentences
// written for this benchmark.
func benchArticle() string {
	sentences := []string{
		"The ministry announced on Tuesday that the new rules would take effect next month.",
		"Critics called the plan a disgraceful betrayal of ordinary families.",
		"According to the statistics office, prices rose by 3 percent in the year to March.",
		"Sources say the deal was agreed behind closed doors.",
		"Opposition leaders described the government as a corrupt and arrogant clique.",
		"Farmers in the north said the drought had cut their harvest by a third.",
		"It is clear that nobody in the capital cares about the victims.",
		"The talks will continue in Vienna, a spokesman for the delegation said.",
		"Why are the so-called experts silent about this scandal?",
		"Our great nation will never surrender to these radical extremists!",
	}
	var b strings.Builder
	b.WriteString("Ministry Announces New Rules\n\n")
	for i := 0; b.Len() < 3600; i++ {
		b.WriteString(sentences[i%len(sentences)])
		if i%3 == 2 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func BenchmarkStage(b *testing.B) {
	s := NewStage()
	text := benchArticle()
	// Decode the embedded model (once per process) outside the timing.
	s.Apply(&sift.Article{Title: "Warm-up", Text: text})
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	cpu0 := cputime.Seconds()
	for i := 0; i < b.N; i++ {
		a := &sift.Article{Title: "Ministry Announces New Rules", Text: text}
		s.Apply(a)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	// Processor time: the rate per core, whatever else the machine runs.
	if cpu := cputime.Seconds() - cpu0; cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu, "articles/cpu-s")
	}
}

// A stage reuses its buffers from article to article: an article analysed
// after a longer and a shorter one gets what a fresh stage gives it.
func TestStageReusesBuffersCleanly(t *testing.T) {
	fresh := func(text string) *sift.Article {
		a := &sift.Article{Title: "Ministry Announces New Rules", Text: text}
		(&Stage{model: NewStage().model}).Apply(a)
		return a
	}
	long, short := benchArticle(), loadedArticle
	s := NewStage()
	for _, text := range []string{long, short, long, "Quiet day.", short} {
		a := &sift.Article{Title: "Ministry Announces New Rules", Text: text}
		s.Apply(a)
		if want := fresh(text); !reflect.DeepEqual(a, want) {
			t.Fatalf("after reuse, article of %d bytes: techniques %v, signals %v; fresh stage: %v, %v",
				len(text), a.Techniques, a.Signals, want.Techniques, want.Signals)
		}
	}
}

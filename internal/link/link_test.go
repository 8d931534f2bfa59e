package link

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sift-news/sift"
)

// Texts written for these tests.
const (
	para1 = "The ministry of defence announced on Tuesday that its engineers had finished clearing the old river bridge near the northern town, allowing the first convoy of trucks with flour and medicine to cross since the spring floods cut the road."
	para2 = "Local officials said the convoy of forty vehicles reached the market square by noon and that volunteers began unloading sacks while a crowd of residents waited behind a rope line set up by the police."
	para3 = "A spokesman for the regional governor told reporters that Russia would send a second convoy next week if the weather held, and that Russia had also offered to repair the damaged water station on the eastern bank."
	para4 = "Farmers in the valley complained that the closure had kept their harvest from buyers for nearly two months and asked the council for compensation, a request the council promised to consider at its next session."
)

func article(id, outlet, published, title string, paras ...string) *sift.Article {
	return &sift.Article{ID: id, Source: id + ".txt", Outlet: outlet, Published: published, Title: title,
		Text: strings.Join(paras, "\n\n")}
}

func add(t *testing.T, l *Linker, a *sift.Article) Update {
	t.Helper()
	up, err := l.Add(a)
	if err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, up.Reuse, map[string]*sift.Article{a.ID: a})
	return up
}

// checkOffsets asserts that every link's spans fall inside the texts.
func checkOffsets(t *testing.T, links []sift.Reuse, arts map[string]*sift.Article) {
	t.Helper()
	for _, r := range links {
		for _, side := range []struct {
			id         string
			start, end int
		}{{r.A, r.AStart, r.AEnd}, {r.B, r.BStart, r.BEnd}} {
			a, ok := arts[side.id]
			if !ok {
				continue
			}
			if n := utf8.RuneCountInString(a.Text); side.start < 0 || side.end > n || side.start > side.end {
				t.Errorf("%s link span [%d,%d) outside %s (%d code points)", r.Kind, side.start, side.end, side.id, n)
			}
		}
	}
}

func kinds(links []sift.Reuse) map[string]int {
	m := make(map[string]int)
	for _, r := range links {
		m[r.Kind]++
	}
	return m
}

func TestExactDuplicate(t *testing.T) {
	l := NewLinker()
	add(t, l, article("a1", "Outlet One", "2024-05-01", "Bridge reopens", para1, para2))
	// Same words, different punctuation and case: still exact.
	up := add(t, l, article("a2", "Outlet Two", "2024-05-02", "Bridge reopens", strings.ToUpper(para1), para2+"!!"))
	if k := kinds(up.Reuse); k[sift.ReuseExact] != 1 || len(up.Reuse) != 1 {
		t.Fatalf("links = %+v, want one exact link", up.Reuse)
	}
	r := up.Reuse[0]
	if r.A != "a2" || r.B != "a1" {
		t.Errorf("exact link %s -> %s, want the later a2 copying a1", r.A, r.B)
	}
}

func TestNearDuplicateAndPassage(t *testing.T) {
	l := NewLinker()
	src := article("b1", "Wire", "2024-05-01", "Bridge reopens", para1, para2, para4)
	add(t, l, src)
	// A copy that drops the last paragraph and adds a sentence.
	cp := article("b2", "Portal", "2024-05-02", "Bridge open again", para1, para2, "Our correspondent saw the trucks.")
	up := add(t, l, cp)
	k := kinds(up.Reuse)
	if k[sift.ReuseNear] != 1 {
		t.Errorf("links %v, want a near-duplicate link", k)
	}
	if k[sift.ReusePassage] != 1 {
		t.Fatalf("links %v, want one shared passage", k)
	}
	for _, r := range up.Reuse {
		if r.Kind != sift.ReusePassage {
			continue
		}
		a := []rune(cp.Text)[r.AStart:r.AEnd]
		b := []rune(src.Text)[r.BStart:r.BEnd]
		if sift.Normalize(string(a)) != sift.Normalize(string(b)) {
			t.Errorf("passage sides differ:\n%s\n%s", string(a), string(b))
		}
		if !strings.HasPrefix(string(a), "The ministry") || !strings.HasSuffix(string(a), "rope line set up by the police") {
			t.Errorf("passage %q does not span the two shared paragraphs", string(a))
		}
	}
}

func TestSpunCopy(t *testing.T) {
	l := NewLinker()
	add(t, l, article("c1", "Wire", "2024-05-01", "Convoy", para3, para4))
	spun := strings.ReplaceAll(para3, "Russia", "the Russian Federation")
	spun = strings.ReplaceAll(spun, "damaged", "destroyed")
	up := add(t, l, article("c2", "Spinner", "2024-05-03", "Convoy", spun, para4))
	var found bool
	for _, r := range up.Reuse {
		if r.Kind != sift.ReuseSpun {
			continue
		}
		found = true
		if r.A != "c2" || r.B != "c1" {
			t.Errorf("spun link %s -> %s, want c2 copying c1", r.A, r.B)
		}
		got := fmt.Sprint(r.Substitutions)
		for _, want := range []string{"{Russia the Russian Federation}", "{damaged destroyed}"} {
			if !strings.Contains(got, want) {
				t.Errorf("substitutions %s lack %s", got, want)
			}
		}
	}
	if !found {
		t.Fatalf("no spun link among %+v", up.Reuse)
	}
}

func TestPatchwork(t *testing.T) {
	l := NewLinker()
	arts := map[string]*sift.Article{}
	var links []sift.Reuse // every link, as a store would keep them
	for _, a := range []*sift.Article{
		article("d1", "Wire", "2024-05-01", "Bridge", para1, "Unrelated closing words about the weather in the capital and the price of bread today."),
		article("d2", "Agency", "2024-05-02", "Harvest", para4, "Another different ending that talks about football results from the weekend league games."),
		article("d3", "Portal", "2024-05-04", "Round-up", "Our round-up of the day.", para1, para4),
	} {
		arts[a.ID] = a
		links = append(links, add(t, l, a).Reuse...)
	}
	checkOffsets(t, links, arts)
	pw := FindPatchwork("d3", utf8.RuneCountInString(arts["d3"].Text), links, l.Earlier)
	if pw == nil {
		t.Fatalf("d3 not recognised as patchwork; links %+v", links)
	}
	if strings.Join(pw.Sources, ",") != "d1,d2" || len(pw.Passages) != 2 {
		t.Errorf("patchwork sources %v, %d passages; want d1,d2 and 2", pw.Sources, len(pw.Passages))
	}
	for _, p := range pw.Passages {
		if p.First == "d3" {
			t.Errorf("passage [%d,%d) credited to the patchwork itself", p.Start, p.End)
		}
	}
	// A plain copy of one article is not a patchwork.
	if FindPatchwork("d1", 10, links, l.Earlier) != nil {
		t.Error("d1, copied once, reported as patchwork")
	}
}

func TestSameKindEventsKeptApart(t *testing.T) {
	l := NewLinker()
	quakeA := []*sift.Article{
		article("q1", "Wire", "2023-02-06", "Earthquake of magnitude 6.1 strikes Kordavan province",
			"An earthquake of magnitude 6.1 struck Kordavan province before dawn, collapsing houses in the mountain villages of Tessel and Varn, the national seismology centre said.",
			"Rescue teams from Kordavan city dug through rubble in Tessel, where at least twelve people died; the governor of Kordavan declared three days of mourning."),
		article("q2", "Daily", "2023-02-06", "Kordavan quake kills twelve in Tessel",
			"Twelve people were killed when a magnitude 6.1 earthquake hit Kordavan province, flattening homes in Tessel and Varn.",
			"The Kordavan governor said rescue teams were still searching the rubble in Tessel and declared mourning."),
		article("q3", "Portal", "2023-02-07", "Aftershocks rattle Tessel after Kordavan earthquake",
			"Aftershocks shook Tessel and Varn a day after the deadly earthquake in Kordavan province, as rescue teams ended their search of the rubble.",
			"The death toll in Kordavan rose to fourteen, the governor said."),
	}
	quakeB := []*sift.Article{
		article("q4", "Wire", "2023-09-20", "Earthquake of magnitude 5.8 hits Lumera coast",
			"An earthquake of magnitude 5.8 hit the Lumera coast on Wednesday, damaging the harbour at Port Ossian and cracking walls in the fishing town of Meril, the seismology institute said.",
			"No deaths were reported in Lumera; the harbour master of Port Ossian closed the docks for inspection."),
		article("q5", "Daily", "2023-09-21", "Lumera quake damages Port Ossian harbour",
			"A magnitude 5.8 earthquake on the Lumera coast damaged the harbour of Port Ossian and houses in Meril.",
			"Officials in Lumera said nobody died and the Port Ossian docks were closed for inspection."),
	}
	story := map[string]string{}
	for _, a := range append(quakeA, quakeB...) {
		story[a.ID] = add(t, l, a).Story.ID
	}
	if story["q1"] != story["q2"] || story["q1"] != story["q3"] {
		t.Errorf("Kordavan earthquake articles split: %v", story)
	}
	if story["q4"] != story["q5"] {
		t.Errorf("Lumera earthquake articles split: %v", story)
	}
	if story["q1"] == story["q4"] {
		t.Errorf("two different earthquakes merged into one story: %v", story)
	}
	st := l.Clusterer().Story(story["q1"])
	if st.Size != 3 || st.First != "2023-02-06" || st.Last != "2023-02-07" || !strings.Contains(st.Title, "Kordavan") {
		t.Errorf("Kordavan story = size %d, %s..%s, title %q", st.Size, st.First, st.Last, st.Title)
	}
}

func TestBCubed(t *testing.T) {
	gold := map[string]string{"a": "X", "b": "X", "c": "X", "d": "Y", "e": "Y"}
	cases := []struct {
		name    string
		pred    map[string]string
		p, r, f float64
	}{
		{"perfect", map[string]string{"a": "1", "b": "1", "c": "1", "d": "2", "e": "2"}, 1, 1, 1},
		{"all in one", map[string]string{"a": "1", "b": "1", "c": "1", "d": "1", "e": "1"},
			(3*3.0/5 + 2*2.0/5) / 5, 1, 0},
		{"singletons", map[string]string{"a": "1", "b": "2", "c": "3", "d": "4", "e": "5"},
			1, (3*1.0/3 + 2*1.0/2) / 5, 0},
	}
	for _, c := range cases {
		p, r, f := BCubed(c.pred, gold)
		if c.f == 0 {
			c.f = 2 * c.p * c.r / (c.p + c.r)
		}
		if abs(p-c.p) > 1e-9 || abs(r-c.r) > 1e-9 || abs(f-c.f) > 1e-9 {
			t.Errorf("%s: P=%.4f R=%.4f F=%.4f, want %.4f %.4f %.4f", c.name, p, r, f, c.p, c.r, c.f)
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestRestoreContinues(t *testing.T) {
	arts := []*sift.Article{
		article("r1", "Wire", "2024-05-01", "Bridge reopens", para1, para2),
		article("r2", "Daily", "2024-05-01", "Bridge reopens to trucks", para1, para4),
	}
	l := NewLinker()
	var ups []Update
	for _, a := range arts {
		ups = append(ups, add(t, l, a))
	}
	// A new linker restored from the records and stories continues where
	// the first left off.
	r := NewLinker()
	r.Fetch = func(id string) (*sift.Article, error) {
		for _, a := range arts {
			if a.ID == id {
				return a, nil
			}
		}
		return nil, sift.ErrNotFound
	}
	n, df := l.Clusterer().DF()
	dfc := make(map[string]int, len(df))
	for k, v := range df {
		dfc[k] = v
	}
	r.Clusterer().RestoreDF(n, dfc)
	for _, st := range l.Clusterer().Stories() {
		cp := *st
		r.Clusterer().Restore(&cp)
	}
	for _, up := range ups {
		r.Restore(up.Record)
	}
	up := add(t, r, article("r3", "Portal", "2024-05-02", "Bridge reopens", strings.ToUpper(para1), para2))
	if k := kinds(up.Reuse); k[sift.ReuseExact] != 1 {
		t.Errorf("restored linker found %v, want the exact copy of r1", k)
	}
	if up.Story.ID != ups[0].Story.ID {
		t.Errorf("copy opened story %s, want r1's %s", up.Story.ID, ups[0].Story.ID)
	}
}

func FuzzTokenizeAlign(f *testing.F) {
	f.Add(para1, para3)
	f.Add("Hay’at Tahrir al-Sham — “quoted” 2024-05-01", "héllo wörld ünïcode text here and more words")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		// Make overlap likely: b copies a with a word swapped.
		b = a + " " + b + " " + strings.Replace(a, " ", " zz ", 1)
		for _, s := range []string{a, b} {
			n := utf8.RuneCountInString(s)
			prev := 0
			for _, tok := range Tokenize(s) {
				if tok.Start < prev || tok.End <= tok.Start || tok.End > n || tok.Norm == "" {
					t.Fatalf("bad token %+v in %q", tok, s)
				}
				prev = tok.End
			}
		}
		da, db := NewDoc(a), NewDoc(b)
		ra, rb := []rune(a), []rune(b)
		for _, p := range Align(da, db) {
			if p.AStart < 0 || p.AEnd > len(ra) || p.AStart >= p.AEnd || p.BStart < 0 || p.BEnd > len(rb) || p.BStart >= p.BEnd {
				t.Fatalf("bad passage %+v", p)
			}
			if p.Matched < MinPassageWords || p.Similarity <= 0 || p.Similarity > 1 {
				t.Fatalf("bad passage %+v", p)
			}
		}
		_ = Winnow(da.Shingles)
		_ = MinHash(da.Shingles)
	})
}

func TestTextsWithoutWordsAreNotLinked(t *testing.T) {
	l := NewLinker()
	for i, text := range []string{"— … —", "!!!", "   "} {
		up := add(t, l, article(fmt.Sprint("e", i), "Outlet", "", "Title", text))
		if len(up.Reuse) > 0 {
			t.Errorf("text %q without words linked: %+v", text, up.Reuse)
		}
	}
}

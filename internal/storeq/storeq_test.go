package storeq

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/copies"
	"github.com/sift-news/sift/internal/link"
)

// fakeRows is a result set held in memory.
type fakeRows struct {
	rows [][]any
	i    int
	err  error
}

func (r *fakeRows) Next() bool { r.i++; return r.i <= len(r.rows) }
func (r *fakeRows) Err() error { return r.err }

// Scan copies the row's values into dest, as the drivers do for the types
// used here (a nil value leaves a **int64 nil).
func (r *fakeRows) Scan(dest ...any) error {
	row := r.rows[r.i-1]
	if len(dest) != len(row) {
		return errors.New("wrong number of columns")
	}
	for i, d := range dest {
		switch d := d.(type) {
		case *string:
			*d = row[i].(string)
		case *int:
			*d = row[i].(int)
		case *int64:
			*d = int64(row[i].(int))
		case **int64:
			if row[i] != nil {
				v := int64(row[i].(int))
				*d = &v
			}
		default:
			return errors.New("unexpected destination")
		}
	}
	return nil
}

// fakeQuerier answers each statement with the rows held for it.
type fakeQuerier map[string][][]any

func (f fakeQuerier) Each(_ context.Context, query string, _ []any, fn func(Row) error) error {
	rows, ok := f[query]
	if !ok {
		return errors.New("unexpected statement " + query)
	}
	r := &fakeRows{rows: rows}
	for r.Next() {
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

func (f fakeQuerier) One(_ context.Context, query string, _ []any, dest ...any) error {
	rows, ok := f[query]
	if !ok {
		return errors.New("unexpected statement " + query)
	}
	if len(rows) == 0 {
		return ErrNoRows
	}
	r := &fakeRows{rows: rows, i: 1}
	return r.Scan(dest...)
}

func TestFiltersNumberPlaceholdersAfterEarlierArguments(t *testing.T) {
	q := sift.Query{Outlet: "Varno Daily", Until: "2024-03-31", Entity: "Kessel", Story: "s1"}
	a := Args{Numbered: true}
	text := a.Add("kessel & talks") // a statement's own argument comes first
	where := Filters(q, Exists, a.Add)
	if text != "$1" {
		t.Fatalf("first placeholder %q, want $1", text)
	}
	want := []string{
		`a.outlet = $2`,
		`a.published != '' AND a.published <= $3`,
		`EXISTS (SELECT 1 FROM entities e WHERE e.article_id = a.id AND e.canonical = $4)`,
		`EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id AND sa.story_id = $5)`,
	}
	if !reflect.DeepEqual(where, want) {
		t.Errorf("Filters = %q, want %q", where, want)
	}
	if args := []any{"kessel & talks", "Varno Daily", "2024-03-31", "Kessel", "s1"}; !reflect.DeepEqual(a.List, args) {
		t.Errorf("arguments %v, want %v: each placeholder must name its own value", a.List, args)
	}
}

func TestFiltersInFormForSQLite(t *testing.T) {
	var a Args
	where := Filters(sift.Query{Speaker: "Ana Brenko", Technique: "Doubt", Since: "2024-01-01"}, In, a.Add)
	want := []string{
		`a.published >= ?`,
		`a.id IN (SELECT article_id FROM quotes WHERE speaker_canonical = ?)`,
		`a.id IN (SELECT article_id FROM techniques WHERE technique = ?)`,
	}
	if !reflect.DeepEqual(where, want) || !reflect.DeepEqual(a.List, []any{"2024-01-01", "Ana Brenko", "Doubt"}) {
		t.Errorf("Filters = %q with %v", where, a.List)
	}
	if got := Filters(sift.Query{Text: "convoy", Limit: 5}, In, a.Add); len(got) != 0 {
		t.Errorf("a query with text only has no filters, got %q", got)
	}
}

func TestFacetsCountUnknownOutletsAndDatesAndSortMonths(t *testing.T) {
	q := fakeQuerier{"facets": {
		{"Varno Daily", "2024-04", "Doubt\x01Loaded_Language"},
		{"", "2024-03", "Doubt"},
		{"Varno Daily", "", ""},
		{"Ulmet Post", "2024-03", ""},
	}}
	f, err := Facets(context.Background(), q, false, "facets")
	if err != nil {
		t.Fatal(err)
	}
	if f.NoOutlet != 1 || f.Undated != 1 || f.Sampled != 0 {
		t.Errorf("no outlet %d, undated %d, sampled %d; want 1, 1, 0", f.NoOutlet, f.Undated, f.Sampled)
	}
	if want := []sift.Count{{Key: "2024-03", N: 2}, {Key: "2024-04", N: 1}}; !reflect.DeepEqual(f.Months, want) {
		t.Errorf("months %v, want %v (by month, not by count)", f.Months, want)
	}
	if want := []sift.Count{{Key: "Varno Daily", N: 2}, {Key: "", N: 1}, {Key: "Ulmet Post", N: 1}}; !reflect.DeepEqual(f.Outlets, want) {
		t.Errorf("outlets %v, want %v", f.Outlets, want)
	}
	if want := []sift.Count{{Key: "Doubt", N: 2}, {Key: "Loaded_Language", N: 1}}; !reflect.DeepEqual(f.Techniques, want) {
		t.Errorf("techniques %v, want %v", f.Techniques, want)
	}
}

func TestFacetsReportAFullSample(t *testing.T) {
	old := sift.FacetSample
	sift.FacetSample = 2
	defer func() { sift.FacetSample = old }()
	q := fakeQuerier{"facets": {{"Varno Daily", "2024-04", ""}, {"Ulmet Post", "2024-04", ""}}}
	if f, _ := Facets(context.Background(), q, true, "facets"); f.Sampled != 2 {
		t.Errorf("a full sample: Sampled = %d, want 2", f.Sampled)
	}
	if f, _ := Facets(context.Background(), q, false, "facets"); f.Sampled != 0 {
		t.Errorf("every match counted: Sampled = %d, want 0", f.Sampled)
	}
}

func TestScanQuoteWithoutSpeakerOrVia(t *testing.T) {
	rows := &fakeRows{rows: [][]any{
		{0, 12, "we will stay", "direct", "", "", nil, nil, "", nil, nil, "null", "a1"},
		{20, 30, "talks failed", "indirect", "Ödön", "Ödön Varga", 40, 44, "said", 45, 49,
			`[{"start":50,"end":54,"text":"TASS","canonical":"TASS"}]`, "a2"},
	}}
	var ids []string
	qs, err := Collect(rows, func(r Row) (sift.Quote, error) {
		var id string
		q, err := ScanQuote(r, &id)
		ids = append(ids, id)
		return q, err
	})
	if err != nil {
		t.Fatal(err)
	}
	if qs[0].Speaker != nil || qs[0].Cue != nil || qs[0].Via == nil || len(qs[0].Via) != 0 {
		t.Errorf("quote with NULL offsets: speaker %v, cue %v, via %#v; want none, none, []", qs[0].Speaker, qs[0].Cue, qs[0].Via)
	}
	q := qs[1]
	if q.Speaker == nil || q.Speaker.Canonical != "Ödön Varga" || q.Speaker.Start != 40 || q.Cue == nil || q.Cue.Text != "said" ||
		len(q.Via) != 1 || q.Via[0].Text != "TASS" {
		t.Errorf("quote = %+v", q)
	}
	if !reflect.DeepEqual(ids, []string{"a1", "a2"}) {
		t.Errorf("extra columns %v, want the article ids", ids)
	}
	if _, err := ScanQuote(&fakeRows{rows: [][]any{{0, 1, "x", "direct", "", "", nil, nil, "", nil, nil, "{broken"}}, i: 1}); err == nil {
		t.Error("a via that is not JSON must be an error")
	}
}

func TestTechniqueRatesPerThousandWords(t *testing.T) {
	p := &sift.OutletProfile{Words: 2000}
	TechniqueRates(p, 10000, []sift.Count{{Key: "Doubt", N: 10}, {Key: "Flag-Waving", N: 5}}, []sift.Count{{Key: "Doubt", N: 4}})
	want := []sift.TechniqueRate{{Technique: "Doubt", Spans: 4, Rate: 2, StoreRate: 1}, {Technique: "Flag-Waving", Spans: 0, Rate: 0, StoreRate: 0.5}}
	if !reflect.DeepEqual(p.Techniques, want) {
		t.Errorf("rates %+v, want %+v", p.Techniques, want)
	}
	empty := &sift.OutletProfile{}
	if TechniqueRates(empty, 0, nil, nil); empty.Techniques == nil {
		t.Error("a store without techniques lists none, not null")
	}
}

func TestArticleTechniquesLeaveOutUnknownArticlesAndEmptyKinds(t *testing.T) {
	q := fakeQuerier{
		"articles":   {{"a1", "Varno Daily", 120}, {"a2", "", 80}},
		"techniques": {{"a1", "Doubt", 2}, {"gone", "Doubt", 9}},
		"signals":    {{"a2", "headline_mismatch", 1}, {"a2", "", 3}},
	}
	got, err := ArticleTechniques(context.Background(), q, TechniqueSQL{Articles: "articles", Techniques: "techniques", Signals: "signals"})
	if err != nil {
		t.Fatal(err)
	}
	want := []sift.ArticleTechniques{
		{ID: "a1", Outlet: "Varno Daily", Words: 120, Techniques: map[string]int{"Doubt": 2}, Signals: map[string]int{}},
		{ID: "a2", Words: 80, Techniques: map[string]int{}, Signals: map[string]int{"headline_mismatch": 1}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ArticleTechniques = %+v, want %+v", got, want)
	}
}

func TestOutletProfileOfAnUnknownOutletIsNotFound(t *testing.T) {
	q := fakeQuerier{"summary": {{0, 0, "", ""}}}
	_, err := OutletProfile(context.Background(), q, OutletSQL{Summary: "summary"}, "Nowhere Post")
	if !errors.Is(err, sift.ErrNotFound) {
		t.Errorf("unknown outlet: %v, want sift.ErrNotFound", err)
	}
}

func TestStoryOfAnUnlinkedArticleIsNone(t *testing.T) {
	q := fakeQuerier{"of": nil}
	if id, err := StoryOf(context.Background(), q, StorySQL{Of: "of"}, "a1"); id != "" || err != nil {
		t.Errorf("StoryOf = %q, %v; want no story and no error", id, err)
	}
	if _, err := StoryOf(context.Background(), fakeQuerier{}, StorySQL{Of: "of"}, "a1"); err == nil {
		t.Error("a failing statement must be an error, not no story")
	}
}

func TestSpeakerStatementsListTheirCopies(t *testing.T) {
	quote := func(start int, id string) []any {
		return []any{start, start + 10, "we stay", "direct", "Ana", "Ana Brenko", 0, 3, "said", 4, 8, "[]", id, "title " + id, "Varno Daily", "2024-03-02"}
	}
	q := fakeQuerier{
		"count":  {{2}},
		"page":   {quote(10, "a1"), quote(50, "a2")},
		"copies": {{"c1", "copy", "Ulmet Post", "2024-03-03", 12, 22, "we stay"}},
	}
	st, total, err := SpeakerStatements(context.Background(), q, SpeakerSQL{Count: "count", Page: "page", Copies: "copies"}, "Ana Brenko", 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	if total != 2 || len(st) != 2 || st[0].ArticleID != "a1" || st[1].Start != 50 || st[0].Speaker.Canonical != "Ana Brenko" {
		t.Fatalf("statements %+v, total %d", st, total)
	}
	if len(st[0].Copies) != 1 || st[0].Copies[0].Outlet != "Ulmet Post" {
		t.Errorf("copies %+v, want the Ulmet Post copy", st[0].Copies)
	}
}

func TestCollectStopsAtAScanError(t *testing.T) {
	rows := &fakeRows{rows: [][]any{{"a", 1}, {"b"}}}
	if _, err := Collect(rows, Count); err == nil {
		t.Error("a row that does not scan must fail the whole read")
	}
	if got, err := Collect(&fakeRows{}, Count); err != nil || got == nil || len(got) != 0 {
		t.Errorf("no rows: %v, %v; want an empty list", got, err)
	}
	if _, err := Collect(&fakeRows{err: errors.New("connection lost")}, Count); err == nil {
		t.Error("an error after the rows must be returned")
	}
}

// memTx is a store in memory for the copy rules.
type memTx struct {
	text     map[string]int            // article -> text length
	quotes   map[string][]copies.Quote // article -> quotes
	original map[string]string         // article copies
	quoteOf  map[[2]any][2]any         // (article, start) -> (original article, start)
	heads    map[string][]link.Headline
	titles   map[string]string
}

func (m *memTx) TextLen(_ context.Context, id string) (int, error) { return m.text[id], nil }
func (m *memTx) OriginalArticle(_ context.Context, id string) (string, error) {
	if o, ok := m.original[id]; ok {
		return o, nil
	}
	return id, nil
}
func (m *memTx) MarkArticleCopy(_ context.Context, id, original string) error {
	if _, ok := m.original[id]; !ok {
		m.original[id] = original
	}
	for a, o := range m.original {
		if o == id {
			m.original[a] = original
		}
	}
	return nil
}
func (m *memTx) OriginalQuote(_ context.Context, article string, start int) (string, int, error) {
	if o, ok := m.quoteOf[[2]any{article, start}]; ok {
		return o[0].(string), o[1].(int), nil
	}
	return article, start, nil
}
func (m *memTx) MarkQuoteCopy(_ context.Context, article string, start int, oa string, os int) error {
	k := [2]any{article, start}
	if _, ok := m.quoteOf[k]; !ok {
		m.quoteOf[k] = [2]any{oa, os}
	}
	for q, o := range m.quoteOf {
		if o == k {
			m.quoteOf[q] = [2]any{oa, os}
		}
	}
	return nil
}
func (m *memTx) Quotes(_ context.Context, article string) ([]copies.Quote, error) {
	return m.quotes[article], nil
}
func (m *memTx) Headlines(_ context.Context, story string, limit int) ([]link.Headline, error) {
	h := m.heads[story]
	return h[:min(limit, len(h))], nil
}
func (m *memTx) SetTitle(_ context.Context, story, title string) error {
	m.titles[story] = title
	return nil
}

func TestMarkCopiesPointsACopyOfACopyAtTheOriginal(t *testing.T) {
	said := copies.Quote{Start: 10, End: 40, Text: "the convoy will pass on Monday", Speaker: "Ana Brenko"}
	m := &memTx{
		text:     map[string]int{"first": 100, "second": 100, "third": 100},
		quotes:   map[string][]copies.Quote{"first": {said}, "second": {said}, "third": {said}},
		original: map[string]string{}, quoteOf: map[[2]any][2]any{},
	}
	exact := func(a, b string) sift.Reuse {
		return sift.Reuse{Kind: sift.ReuseExact, A: a, B: b, AStart: 0, AEnd: 100, BStart: 0, BEnd: 100}
	}
	// second copies first; third copies second, in a later batch.
	if err := MarkCopies(context.Background(), m, []link.Update{{Reuse: []sift.Reuse{exact("second", "first")}}}); err != nil {
		t.Fatal(err)
	}
	if err := MarkCopies(context.Background(), m, []link.Update{{Reuse: []sift.Reuse{exact("third", "second"), exact("third", "third")}}}); err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{"second": "first", "third": "first"}; !reflect.DeepEqual(m.original, want) {
		t.Errorf("article copies %v, want %v: a copy of a copy copies the first article", m.original, want)
	}
	want := map[[2]any][2]any{{"second", 10}: {"first", 10}, {"third", 10}: {"first", 10}}
	if !reflect.DeepEqual(m.quoteOf, want) {
		t.Errorf("quote copies %v, want %v: the statement is the first article's", m.quoteOf, want)
	}
}

func TestMarkCopiesLeavesAPassageAndItsSourceQuoteAlone(t *testing.T) {
	m := &memTx{
		text: map[string]int{"long": 1000, "src": 100},
		quotes: map[string][]copies.Quote{
			"long": {{Start: 5, End: 30, Text: "talks failed in Kessel", Speaker: "Ödön Varga"}},
			"src":  {{Start: 0, End: 25, Text: "talks failed in Kessel", Speaker: "Ödön Varga"}},
		},
		original: map[string]string{}, quoteOf: map[[2]any][2]any{},
	}
	// A passage covering a tenth of the longer article: no whole copy,
	// but the quote inside it repeats the source's.
	r := sift.Reuse{Kind: sift.ReusePassage, A: "long", B: "src", AStart: 0, AEnd: 100, BStart: 0, BEnd: 100}
	if err := MarkCopies(context.Background(), m, []link.Update{{Reuse: []sift.Reuse{r}}}); err != nil {
		t.Fatal(err)
	}
	if len(m.original) != 0 {
		t.Errorf("a passage is no whole copy: %v", m.original)
	}
	if got := m.quoteOf[[2]any{"long", 5}]; got != [2]any{"src", 0} {
		t.Errorf("quote copy %v, want the source's quote", got)
	}
	// The reverse link, where the source's quote already copies this one,
	// marks nothing more.
	back := sift.Reuse{Kind: sift.ReusePassage, A: "src", B: "long", AStart: 0, AEnd: 100, BStart: 0, BEnd: 100}
	if err := MarkCopies(context.Background(), m, []link.Update{{Reuse: []sift.Reuse{back}}}); err != nil {
		t.Fatal(err)
	}
	if len(m.quoteOf) != 1 {
		t.Errorf("quote copies %v, want only the first", m.quoteOf)
	}
}

func TestRetitleUsesTheNeutralTitle(t *testing.T) {
	heads := []link.Headline{
		{Title: "Kessel convoy halted at the border", Outlet: "Varno Daily", Published: "2024-03-02"},
		{Title: "Kessel convoy halted at the border crossing", Outlet: "Ulmet Post", Published: "2024-03-02"},
	}
	m := &memTx{heads: map[string][]link.Headline{"s1": heads, "s2": nil}, titles: map[string]string{}}
	if err := Retitle(context.Background(), m, []string{"s1", "s2"}); err != nil {
		t.Fatal(err)
	}
	if want := link.StoryTitle(heads); m.titles["s1"] != want || want == "" {
		t.Errorf("title %q, want link.StoryTitle's %q", m.titles["s1"], want)
	}
	if _, ok := m.titles["s2"]; ok {
		t.Error("a story without headlines keeps its title")
	}
	if !strings.Contains(m.titles["s1"], "Kessel") {
		t.Errorf("title %q does not name the story", m.titles["s1"])
	}
}

// fakeLookup types every entity PERSON and records the links asked for.
type fakeLookup struct{ asked [][]string }

func (f *fakeLookup) EntityTypes(_ context.Context, es []sift.EntitySummary) error {
	for i := range es {
		es[i].Type = sift.PERSON
	}
	return nil
}

func (f *fakeLookup) EntityLinks(_ context.Context, _ string, others []string) ([]sift.Count, error) {
	f.asked = append(f.asked, others)
	return []sift.Count{{Key: others[0] + "\x00" + others[1], N: 1}}, nil
}

func TestEntityProfileTypesItAndLinksItsCompanions(t *testing.T) {
	s := EntitySQL{Summary: "summary", Names: "names", Roles: "roles", Months: "months", Days: "days", Outlets: "outlets", Related: "related"}
	q := fakeQuerier{
		"summary": {{3, 2}}, "names": {{"Brenko", 2}}, "roles": {}, "months": {{"2024-03", 2}}, "days": {}, "outlets": {{"Varno Daily", 2}},
		"related": {{"Ana Kessel", "ORG", 2, 2}, {"Ulmet", "LOC", 1, 1}},
	}
	look := &fakeLookup{}
	p, err := EntityProfile(context.Background(), q, s, look, "Anatoly Brenko")
	if err != nil {
		t.Fatal(err)
	}
	if p.Canonical != "Anatoly Brenko" || p.Type != sift.PERSON || p.Mentions != 3 || p.Articles != 2 || len(p.Names) != 1 || p.Roles == nil {
		t.Errorf("profile %+v", p)
	}
	if len(p.Related) != 2 || p.Related[0].Type != sift.PERSON || p.Related[1].Canonical != "Ulmet" {
		t.Errorf("related %+v: want both, typed by the store's rule", p.Related)
	}
	if len(look.asked) != 1 || len(p.Links) != 1 {
		t.Errorf("links asked %v, got %v", look.asked, p.Links)
	}
	q["related"] = [][]any{{"Ulmet", "LOC", 1, 1}}
	look.asked = nil
	if p, err = EntityProfile(context.Background(), q, s, look, "Anatoly Brenko"); err != nil || len(look.asked) != 0 || p.Links != nil {
		t.Errorf("one companion: links asked %v, got %v (%v); a graph needs two", look.asked, p.Links, err)
	}
	q["summary"] = [][]any{{0, 0}}
	if _, err := EntityProfile(context.Background(), q, s, look, "Nobody"); !errors.Is(err, sift.ErrNotFound) {
		t.Errorf("unknown entity: %v, want sift.ErrNotFound", err)
	}
}

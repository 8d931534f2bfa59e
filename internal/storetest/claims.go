package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/sift-news/sift"
)

// ClaimStore is what the claims section of the suite exercises.
type ClaimStore interface {
	Store
	sift.ClaimStore
	sift.ClaimLinkStore
}

// span returns the span of the first sub in text, in code points.
func span(text, sub string) sift.Span {
	i := strings.Index(text, sub)
	if i < 0 {
		panic(fmt.Sprintf("%q not in %q", sub, text))
	}
	start := len([]rune(text[:i]))
	return sift.Span{Start: start, End: start + len([]rune(sub)), Text: sub}
}

// ref returns the reference to the first sub in text.
func ref(text, sub, canonical string) *sift.Ref {
	return &sift.Ref{Span: span(text, sub), Canonical: canonical}
}

// ownVoice is a claim stated in the article's own voice.
func ownVoice(text, sub, norm string) sift.Claim {
	return sift.Claim{Span: span(text, sub), Via: []sift.Ref{}, Norm: norm}
}

// ClaimArticles is the corpus of the claim tests, to be stored one at a
// time in this order (the order of arrival):
//
//	0 Varno Daily  2024-03-02  troops claim, attributed to officials via Dravia Radio; ministry claim, own voice
//	1 Dravia Today 2024-03-05  troops claim as fact (laundering)
//	2 Ulmet Post   undated     troops claim, attributed to Émile Várnö; curfew claim, own voice
//	3 Ulmet Post   2024-03-01  troops claim, attributed to doctors (the earliest date, stored late)
//	4 Varno Daily  2024-04-10  curfew claim, own voice
//
// ClaimLinks links them into three threads: the troops claim (four
// mentions), the curfew claim (two, first seen in article 2, which is
// undated) and the ministry claim (one).
func ClaimArticles() []*sift.Article {
	mk := func(outlet, title, text, published string, claims ...sift.Claim) *sift.Article {
		return &sift.Article{
			ID: sift.ArticleID(outlet, text), Source: strings.ToLower(strings.ReplaceAll(title, " ", "-")) + ".txt",
			Title: title, Text: text, Outlet: outlet, Published: published, Language: "en",
			Analyzer: map[string]string{"claims": "t1"},
			Claims:   claims,
		}
	}
	t0 := "Officials said 20,000 troops crossed the Kessel bridge, according to Dravia Radio. The ministry denied any shelling."
	t1 := "20,000 troops crossed the Kessel bridge on Sunday night."
	t2 := "Émile Várnö said Kessel bridge was crossed by 20,000 troops. Curfew begins at nine in Ulmet port."
	t3 := "Sefara doctors say 20,000 troops crossed the bridge at Kessel."
	t4 := "Curfew begins at nine in the Ulmet port, from Monday."
	return []*sift.Article{
		mk("Varno Daily", "Troops cross", t0, "2024-03-02",
			sift.Claim{Span: span(t0, "20,000 troops crossed the Kessel bridge"), Attributed: true,
				Speaker: ref(t0, "Officials", "Kessel Office"),
				Via:     []sift.Ref{*ref(t0, "Dravia Radio", "Dravia Radio")},
				Norm:    "20,000 troops crossed the Kessel bridge"},
			ownVoice(t0, "The ministry denied any shelling", "The Varno ministry denied any shelling")),
		mk("Dravia Today", "Bridge crossed", t1, "2024-03-05",
			ownVoice(t1, "20,000 troops crossed the Kessel bridge on Sunday night", "20,000 troops crossed the Kessel bridge on Sunday night")),
		mk("Ulmet Post", "Várnö on the bridge", t2, "",
			sift.Claim{Span: span(t2, "Kessel bridge was crossed by 20,000 troops"), Attributed: true,
				Speaker: ref(t2, "Émile Várnö", "Emile Varno"), Via: []sift.Ref{},
				Norm: "Kessel bridge was crossed by 20,000 troops"},
			ownVoice(t2, "Curfew begins at nine in Ulmet port", "Curfew begins at nine in Ulmet port")),
		mk("Ulmet Post", "Doctors count troops", t3, "2024-03-01",
			sift.Claim{Span: span(t3, "20,000 troops crossed the bridge at Kessel"), Attributed: true,
				Speaker: ref(t3, "Sefara doctors", "Sefara doctors"), Via: []sift.Ref{},
				Norm: "20,000 troops crossed the bridge at Kessel"}),
		mk("Varno Daily", "Curfew", t4, "2024-04-10",
			ownVoice(t4, "Curfew begins at nine in the Ulmet port", "Curfew begins at nine in the Ulmet port")),
	}
}

// ClaimLinks returns the links of the claims of ClaimArticles, in two
// rounds: the first makes threads of the claims of article 0, the second
// links every other claim. Every claim has the key "common".
func ClaimLinks(arts []*sift.Article) (first, second []sift.ClaimLink) {
	troops := sift.ClaimID(arts[0].ID, 0)
	ministry := sift.ClaimID(arts[0].ID, 1)
	curfew := sift.ClaimID(arts[2].ID, 1)
	first = []sift.ClaimLink{
		{Article: arts[0].ID, N: 0, Claim: troops, Score: 1, Keys: []string{"common", "kessel", "bridge", "troops", "20000"}},
		{Article: arts[0].ID, N: 1, Claim: ministry, Score: 1, Keys: []string{"common", "ministry", "denied", "shelling"}},
	}
	second = []sift.ClaimLink{
		{Article: arts[1].ID, N: 0, Claim: troops, Score: 0.8, Keys: []string{"common", "kessel", "bridge", "troops", "20000", "sunday"}},
		{Article: arts[2].ID, N: 0, Claim: troops, Score: 0.7, Keys: []string{"common", "kessel", "bridge", "troops", "20000"}},
		{Article: arts[2].ID, N: 1, Claim: curfew, Score: 1, Keys: []string{"common", "curfew", "ulmet", "port"}},
		{Article: arts[3].ID, N: 0, Claim: troops, Score: 0.9, Keys: []string{"common", "kessel", "bridge", "troops", "20000"}},
		{Article: arts[4].ID, N: 0, Claim: curfew, Score: 0.95, Keys: []string{"common", "curfew", "ulmet", "port"}},
	}
	return first, second
}

// PutClaimArticles stores arts one at a time, so that every store keeps
// them in the same order of arrival.
func PutClaimArticles(t testing.TB, s sift.ArticleStore, arts []*sift.Article) {
	t.Helper()
	for _, a := range arts {
		if _, err := s.PutArticles(context.Background(), []*sift.Article{a}); err != nil {
			t.Fatalf("storing %s: %v", a.Title, err)
		}
	}
}

func keyNames(ks []sift.ClaimKey) []string {
	out := []string{}
	for _, k := range ks {
		out = append(out, fmt.Sprintf("%s/%d", k.Article, k.N))
	}
	return out
}

func testClaims(t *testing.T, s ClaimStore) {
	ctx := context.Background()
	arts := ClaimArticles()
	PutClaimArticles(t, s, arts)
	name := func(i, n int) string { return fmt.Sprintf("%s/%d", arts[i].ID, n) }

	// Claims read back with their articles, exactly as stored.
	for _, a := range arts {
		got, err := s.Article(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Claims, a.Claims) {
			t.Errorf("%s: claims read back as\n%+v\nstored\n%+v", a.Title, got.Claims, a.Claims)
		}
	}
	// A claim without Norm is matched on its text.
	bare := &sift.Article{ID: "bare", Source: "bare.txt", Text: "Talks resumed.",
		Claims: []sift.Claim{{Span: sift.Span{Start: 0, End: 13, Text: "Talks resumed"}}}}
	mustPut(t, s, bare)
	if got, err := s.Article(ctx, "bare"); err != nil {
		t.Fatal(err)
	} else if len(got.Claims) != 1 || got.Claims[0].Norm != "Talks resumed" || got.Claims[0].Speaker != nil ||
		got.Claims[0].Via == nil || len(got.Claims[0].Via) != 0 || got.Claims[0].Attributed {
		t.Errorf("claim without norm read back as %+v", got.Claims)
	}

	// Pending claims, in order of arrival, then position in the article.
	pending, err := s.PendingClaims(ctx, 100)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{name(0, 0), name(0, 1), name(1, 0), name(2, 0), name(2, 1), name(3, 0), name(4, 0), "bare/0"}
	if got := keyNames(pending); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("PendingClaims = %q, want %q", got, want)
	}
	if k := pending[0]; k.Norm != "20,000 troops crossed the Kessel bridge" || k.Published != "2024-03-02" ||
		k.Speaker != "Kessel Office" || k.Claim != "" || k.Shared != 0 {
		t.Errorf("first pending claim: %+v", k)
	}
	if k := pending[1]; k.Norm != "The Varno ministry denied any shelling" || k.Speaker != "" {
		t.Errorf("second pending claim: %+v", k)
	}
	if k := pending[3]; k.Published != "" || k.Speaker != "Emile Varno" {
		t.Errorf("pending claim of the undated article: %+v", k)
	}
	if got, err := s.PendingClaims(ctx, 2); err != nil || fmt.Sprint(keyNames(got)) != fmt.Sprint(want[:2]) {
		t.Errorf("PendingClaims(2) = %q, %v; want %q", keyNames(got), err, want[:2])
	}

	// Nothing is linked yet: no candidates.
	if got, err := s.ClaimCandidates(ctx, []string{"kessel", "common"}, 10, 10); err != nil || len(got) != 0 {
		t.Errorf("candidates before linking: %+v, %v", got, err)
	}

	first, second := ClaimLinks(arts)
	if err := s.SaveClaimLinks(ctx, first); err != nil {
		t.Fatal(err)
	}
	if got, err := s.PendingClaims(ctx, 100); err != nil || fmt.Sprint(keyNames(got)) != fmt.Sprint(want[2:]) {
		t.Errorf("PendingClaims after linking = %q, %v; want %q", keyNames(got), err, want[2:])
	}
	troops, ministry, curfew := first[0].Claim, first[1].Claim, sift.ClaimID(arts[2].ID, 1)
	cand := []struct {
		keys         []string
		maxDF, limit int
		want         []string // article/n shared claim
	}{
		// "common" is held by two claims, more than maxDF: not looked up.
		{[]string{"common", "kessel", "bridge", "troops", "unknown"}, 1, 10, []string{name(0, 0) + " 3 " + troops}},
		{[]string{"common", "shelling"}, 1, 10, []string{name(0, 1) + " 1 " + ministry}},
		{[]string{"common"}, 1, 10, nil},
		{[]string{"unknown"}, 10, 10, nil},
		{nil, 10, 10, nil},
		// Within maxDF it is; equal counts in order of arrival.
		{[]string{"common"}, 2, 10, []string{name(0, 0) + " 1 " + troops, name(0, 1) + " 1 " + ministry}},
		{[]string{"common", "denied", "shelling", "kessel"}, 2, 10, []string{name(0, 1) + " 3 " + ministry, name(0, 0) + " 2 " + troops}},
		{[]string{"common", "denied", "shelling", "kessel"}, 2, 1, []string{name(0, 1) + " 3 " + ministry}},
	}
	for _, c := range cand {
		got, err := s.ClaimCandidates(ctx, c.keys, c.maxDF, c.limit)
		if err != nil {
			t.Errorf("ClaimCandidates(%q, %d, %d): %v", c.keys, c.maxDF, c.limit, err)
			continue
		}
		var have []string
		for _, k := range got {
			have = append(have, fmt.Sprintf("%s/%d %d %s", k.Article, k.N, k.Shared, k.Claim))
		}
		if fmt.Sprint(have) != fmt.Sprint(c.want) {
			t.Errorf("ClaimCandidates(%q, %d, %d) = %q, want %q", c.keys, c.maxDF, c.limit, have, c.want)
		}
	}
	if got, err := s.ClaimCandidates(ctx, []string{"troops"}, 1, 10); err != nil || len(got) != 1 ||
		got[0].Norm != "20,000 troops crossed the Kessel bridge" || got[0].Published != "2024-03-02" || got[0].Speaker != "Kessel Office" {
		t.Errorf("candidate: %+v, %v", got, err)
	}

	if err := s.SaveClaimLinks(ctx, second); err != nil {
		t.Fatal(err)
	}
	if got, err := s.PendingClaims(ctx, 100); err != nil || fmt.Sprint(keyNames(got)) != "[bare/0]" {
		t.Errorf("PendingClaims after linking all = %q, %v; want only bare/0", keyNames(got), err)
	}
	// Key counts add up over batches: "kessel" is now held by four claims.
	if got, err := s.ClaimCandidates(ctx, []string{"kessel"}, 3, 10); err != nil || len(got) != 0 {
		t.Errorf("kessel held by four claims, maxDF 3: %+v, %v", got, err)
	}
	if got, err := s.ClaimCandidates(ctx, []string{"kessel", "sunday"}, 4, 10); err != nil ||
		fmt.Sprint(keyNames(got)) != fmt.Sprint([]string{name(1, 0), name(0, 0), name(2, 0), name(3, 0)}) || got[0].Shared != 2 {
		t.Errorf("kessel and sunday, maxDF 4: %q, %v", keyNames(got), err)
	}
	// Saving the same links again (a rerun after a crash between saving
	// and reporting) counts no claim twice: "kessel" is still held by four.
	if err := s.SaveClaimLinks(ctx, second); err != nil {
		t.Fatal(err)
	}
	if got, err := s.ClaimCandidates(ctx, []string{"kessel"}, 4, 10); err != nil || len(got) != 4 {
		t.Errorf("kessel after saving the links twice, maxDF 4: %q, %v; want the four claims", keyNames(got), err)
	}

	// One thread with every mention: dated ones by date, then undated.
	th, err := s.Claim(ctx, troops)
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, m := range th.Mentions {
		order = append(order, fmt.Sprintf("%s %s %.2f", m.Outlet, m.Published, m.Score))
	}
	if want := []string{"Ulmet Post 2024-03-01 1.00", "Varno Daily 2024-03-02 1.00", "Dravia Today 2024-03-05 0.80", "Ulmet Post  0.70"}; fmt.Sprint(order) != fmt.Sprint(want) {
		t.Errorf("mentions of the troops claim: %q, want %q", order, want)
	}
	if th.ID != troops || th.Text != arts[3].Claims[0].Text ||
		th.FirstSeen != (sift.ClaimSeen{Article: arts[3].ID, Outlet: "Ulmet Post", Published: "2024-03-01"}) {
		t.Errorf("troops thread: id %s, text %q, first seen %+v", th.ID, th.Text, th.FirstSeen)
	}
	for i, m := range th.Mentions {
		if m.Changes == nil {
			t.Errorf("mention %d: nil changes", i)
		}
	}
	m := th.Mentions[1]
	if m.Article != arts[0].ID || m.Source != arts[0].Source || m.Title != arts[0].Title ||
		!reflect.DeepEqual(m.Claim, arts[0].Claims[0]) {
		t.Errorf("mention of article 0: %+v", m)
	}
	// The curfew thread was first stored with the undated article: it is
	// first seen where it is first dated.
	th, err = s.Claim(ctx, curfew)
	if err != nil {
		t.Fatal(err)
	}
	if th.FirstSeen != (sift.ClaimSeen{Article: arts[4].ID, Outlet: "Varno Daily", Published: "2024-04-10"}) ||
		th.Text != arts[4].Claims[0].Text || len(th.Mentions) != 2 || th.Mentions[1].Article != arts[2].ID || th.Mentions[0].Score != 1 {
		t.Errorf("curfew thread: %+v", th)
	}
	if _, err := s.Claim(ctx, "0123456789abcdef"); !errors.Is(err, sift.ErrNotFound) {
		t.Errorf("unknown claim: err = %v, want ErrNotFound", err)
	}
	if _, err := s.Claim(ctx, ""); !errors.Is(err, sift.ErrNotFound) {
		t.Errorf("claim with no ID: err = %v, want ErrNotFound", err)
	}

	// Claims, with each filter.
	ids := map[string]string{troops: "troops", ministry: "ministry", curfew: "curfew"}
	cases := []struct {
		q    sift.ClaimQuery
		want []string
	}{
		{sift.ClaimQuery{}, []string{"troops", "curfew", "ministry"}},
		{sift.ClaimQuery{Text: "kessel BRIDGE"}, []string{"troops"}},
		{sift.ClaimQuery{Text: "Curfew"}, []string{"curfew"}},
		{sift.ClaimQuery{Text: "denied shelling"}, []string{"ministry"}},
		{sift.ClaimQuery{Text: "sunday"}, []string{"troops"}},
		{sift.ClaimQuery{Text: "20,000"}, []string{"troops"}},
		{sift.ClaimQuery{Text: "curfew kessel"}, []string{}},
		// Every word in one mention: "sunday" and "by" are only in two
		// different mentions of the troops claim.
		{sift.ClaimQuery{Text: "sunday by"}, []string{}},
		{sift.ClaimQuery{Text: "night sunday"}, []string{"troops"}},
		{sift.ClaimQuery{Text: "%"}, []string{}},
		{sift.ClaimQuery{Text: "_"}, []string{}},
		{sift.ClaimQuery{Outlet: "Ulmet Post"}, []string{"troops", "curfew"}},
		{sift.ClaimQuery{Outlet: "ulmet post"}, []string{"troops", "curfew"}},
		{sift.ClaimQuery{Outlet: "Dravia Today"}, []string{"troops"}},
		{sift.ClaimQuery{Outlet: "Ulmet"}, []string{}},
		{sift.ClaimQuery{Since: "2024-03-04"}, []string{"troops", "curfew"}},
		{sift.ClaimQuery{Since: "2024-04-01"}, []string{"curfew"}},
		{sift.ClaimQuery{Since: "2025"}, []string{}},
		{sift.ClaimQuery{Speaker: "kessel office"}, []string{"troops"}},
		{sift.ClaimQuery{Speaker: "OFFICIALS"}, []string{"troops"}},
		{sift.ClaimQuery{Speaker: "varno"}, []string{"troops"}},
		{sift.ClaimQuery{Speaker: "doctors"}, []string{"troops"}},
		{sift.ClaimQuery{Speaker: "ministry"}, []string{}},
		{sift.ClaimQuery{Article: arts[0].ID}, []string{"troops", "ministry"}},
		{sift.ClaimQuery{Article: arts[4].ID}, []string{"curfew"}},
		{sift.ClaimQuery{Article: "bare"}, []string{}},
		{sift.ClaimQuery{Laundered: true}, []string{"troops"}},
		{sift.ClaimQuery{Laundered: true, Outlet: "dravia today"}, []string{"troops"}},
		{sift.ClaimQuery{Laundered: true, Outlet: "Varno Daily"}, []string{}},
		{sift.ClaimQuery{MinMentions: 2}, []string{"troops", "curfew"}},
		{sift.ClaimQuery{MinMentions: 4}, []string{"troops"}},
		{sift.ClaimQuery{MinMentions: 5}, []string{}},
		{sift.ClaimQuery{Limit: 1}, []string{"troops"}},
		{sift.ClaimQuery{Limit: 2}, []string{"troops", "curfew"}},
		{sift.ClaimQuery{Limit: 1, Offset: 1}, []string{"curfew"}},
		{sift.ClaimQuery{Limit: 5, Offset: 3}, []string{}},
		{sift.ClaimQuery{Offset: 1}, []string{"curfew", "ministry"}},
		{sift.ClaimQuery{Text: "troops", Outlet: "Varno Daily", Since: "2024-03-01", MinMentions: 2}, []string{"troops"}},
	}
	for _, c := range cases {
		got, err := s.Claims(ctx, c.q)
		if err != nil {
			t.Errorf("Claims(%+v): %v", c.q, err)
			continue
		}
		have := []string{}
		for _, th := range got {
			have = append(have, ids[th.ID])
			// Every listed thread is the whole thread.
			one, err := s.Claim(ctx, th.ID)
			if err != nil {
				t.Errorf("Claim(%s): %v", th.ID, err)
			} else if asJSON(t, one) != asJSON(t, th) {
				t.Errorf("Claims(%+v) lists %s as\n%s\nClaim reads\n%s", c.q, th.ID, asJSON(t, th), asJSON(t, one))
			}
		}
		if fmt.Sprint(have) != fmt.Sprint(c.want) {
			t.Errorf("Claims(%+v) = %q, want %q", c.q, have, c.want)
		}
	}
}

package sift

import (
	"fmt"
	"math/rand"
	"slices"
	"testing"
)

func TestLookupKeysTakesTheRarest(t *testing.T) {
	counts := map[string]int{"said": ClaimKeyCap + 1, "kessel": 4, "bridge": 9, "troops": 4, "20,000": 1, "often": 40}
	keys := []string{"said", "troops", "kessel", "bridge", "unknown", "20,000", "troops", "often"}
	if got := fmt.Sprint(LookupKeys(keys, counts, 10)); got != "[20,000 kessel troops bridge]" {
		t.Errorf("LookupKeys(maxDF 10) = %s: want the keys held by at most 10 claims, fewest first, ties in byte order, once each", got)
	}
	// A maxDF past the cap is the cap: "said" is never looked up.
	if got := fmt.Sprint(LookupKeys(keys, counts, 10*ClaimKeyCap)); got != "[20,000 kessel troops bridge often]" {
		t.Errorf("LookupKeys(maxDF past the cap) = %s", got)
	}
	var many []string
	for i := range MaxLookup + 5 {
		k := fmt.Sprintf("k%02d", i)
		many = append(many, k)
		counts[k] = 2
	}
	if got := LookupKeys(many, counts, 10); len(got) != MaxLookup || got[0] != "k00" || got[MaxLookup-1] != fmt.Sprintf("k%02d", MaxLookup-1) {
		t.Errorf("LookupKeys of %d keys = %v, want the first %d", len(many), got, MaxLookup)
	}
}

func TestRankPostingsMostSharedFirst(t *testing.T) {
	p := func(seq int64, n int) ClaimPosting { return ClaimPosting{Seq: seq, N: n} }
	postings := map[string][]ClaimPosting{
		"a": {p(1, 0), p(2, 0), p(5, 1)},
		"b": {p(2, 0), p(5, 1), p(7, 0)},
		"c": {p(5, 1), p(7, 0), p(9, 3)},
		"d": {p(1, 0)}, // not looked up
	}
	look := []string{"a", "b", "c"}
	show := func(ps []SharedPosting) string {
		s := ""
		for _, x := range ps {
			s += fmt.Sprintf("%d/%d:%d ", x.Seq, x.N, x.Shared)
		}
		return s
	}
	if got := show(RankPostings(look, postings, 1, -1)); got != "5/1:3 2/0:2 7/0:2 1/0:1 9/3:1 " {
		t.Errorf("RankPostings(min 1, all) = %s", got)
	}
	if got := show(RankPostings(look, postings, 2, -1)); got != "5/1:3 2/0:2 7/0:2 " {
		t.Errorf("RankPostings(min 2) = %s: want only claims sharing two keys", got)
	}
	if got := show(RankPostings(look, postings, 1, 2)); got != "5/1:3 2/0:2 " {
		t.Errorf("RankPostings(limit 2) = %s: equal shares keep the earliest", got)
	}
	if got := RankPostings(look, postings, 1, 0); len(got) != 0 {
		t.Errorf("RankPostings(limit 0) = %v", got)
	}
}

// TestRankPostingsInAnyOrder checks that postings ranked from lists in
// order of arrival (merged side by side) rank as the same lists shuffled
// (counted in a map), text keys included.
func TestRankPostingsInAnyOrder(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	for round := range 200 {
		inOrder, shuffled := map[string][]ClaimPosting{}, map[string][]ClaimPosting{}
		var look []string
		for k := range 1 + r.Intn(13) {
			key := fmt.Sprintf("k%d", k)
			if k == 0 && round%2 == 0 {
				key = ClaimTextKey("the same words")
			}
			look = append(look, key)
			var ps []ClaimPosting
			for seq := int64(0); seq < 60; seq++ {
				if r.Intn(3) == 0 {
					ps = append(ps, ClaimPosting{Seq: seq, N: r.Intn(2)})
				}
			}
			slices.SortFunc(ps, comparePostings)
			ps = slices.Compact(ps)
			inOrder[key] = ps
			mixed := slices.Clone(ps)
			r.Shuffle(len(mixed), func(i, j int) { mixed[i], mixed[j] = mixed[j], mixed[i] })
			if len(mixed) > 1 && slices.IsSortedFunc(mixed, comparePostings) {
				mixed[0], mixed[1] = mixed[1], mixed[0]
			}
			shuffled[key] = mixed
		}
		for _, minShared := range []int{1, 2, 3} {
			want := RankPostings(look, shuffled, minShared, -1)
			if got := RankPostings(look, inOrder, minShared, -1); !slices.Equal(got, want) {
				t.Fatalf("round %d, min %d: merged %v, counted %v", round, minShared, got, want)
			}
		}
	}
}

// BenchmarkRankPostings ranks the postings of MaxLookup keys of
// ClaimKeyCap postings each, drawn from 3,000 claims: the most a claim's
// lookup can bring. "counted" gives the same lists out of order.
func BenchmarkRankPostings(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	inOrder, shuffled := map[string][]ClaimPosting{}, map[string][]ClaimPosting{}
	var look []string
	for k := range MaxLookup {
		key := fmt.Sprintf("k%d", k)
		look = append(look, key)
		var ps []ClaimPosting
		for _, i := range r.Perm(3000)[:ClaimKeyCap] {
			ps = append(ps, ClaimPosting{Seq: int64(i / 10), N: i % 10})
		}
		slices.SortFunc(ps, comparePostings)
		inOrder[key] = ps
		mixed := slices.Clone(ps)
		r.Shuffle(len(mixed), func(i, j int) { mixed[i], mixed[j] = mixed[j], mixed[i] })
		shuffled[key] = mixed
	}
	for name, postings := range map[string]map[string][]ClaimPosting{"merged": inOrder, "counted": shuffled} {
		b.Run(name, func(b *testing.B) {
			for range b.N {
				RankPostings(look, postings, 2, 40)
			}
		})
	}
}

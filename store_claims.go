package sift

import (
	"cmp"
	"context"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
)

// Claim change kinds: what changed between a claim's first mention and a
// later one.
const (
	ChangeFigure             = "figure"              // a number differs ("20-30,000" → "10,000")
	ChangeHedgeDropped       = "hedge_dropped"       // "alleged", "reportedly" … gone
	ChangeHedgeAdded         = "hedge_added"         // a hedge that the first mention lacked
	ChangeAttributionDropped = "attribution_dropped" // an attributed claim restated as fact (laundering)
	ChangeAttributionAdded   = "attribution_added"   // a bare claim later attributed to someone
	ChangeSpeaker            = "speaker"             // attributed to someone else
	ChangeActor              = "actor_renamed"       // a name replaced by another ("terrorists" → "rebels")
)

// ClaimChange is one difference between a mention of a claim and its first
// mention. From is in the first mention (offsets into that article's Text),
// To in this one (offsets into this article's Text); either may be empty for
// something added or dropped, its offsets then both 0.
type ClaimChange struct {
	Kind      string `json:"kind"`
	From      string `json:"from"`
	To        string `json:"to"`
	FromStart int    `json:"from_start"`
	FromEnd   int    `json:"from_end"`
	ToStart   int    `json:"to_start"`
	ToEnd     int    `json:"to_end"`
}

// ClaimSeen is where a claim first appeared.
type ClaimSeen struct {
	Article   string `json:"article"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
}

// ClaimMention is one article's statement of a claim.
type ClaimMention struct {
	Article   string `json:"article"`
	Source    string `json:"source"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	Title     string `json:"title,omitempty"`
	Claim
	// Score is how close the mention is to the claim's first mention (1
	// for the first mention itself).
	Score   float64       `json:"score"`
	Changes []ClaimChange `json:"changes"`
}

// ClaimThread is one claim across the store: the same statement in every
// article that makes it, first mention first, then in date order.
type ClaimThread struct {
	ID        string         `json:"id"`
	Text      string         `json:"text"`
	FirstSeen ClaimSeen      `json:"first_seen"`
	Mentions  []ClaimMention `json:"mentions"`
}

// Outlets returns the distinct outlets of t's mentions in mention order.
func (t *ClaimThread) Outlets() []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range t.Mentions {
		if !seen[m.Outlet] {
			seen[m.Outlet] = true
			out = append(out, m.Outlet)
		}
	}
	return out
}

// OrderMentions sets t's text and first sighting from its first mention,
// and gives every mention a non-nil Changes. Stores call it on mentions
// already in order: dated ones by date, then undated, each in order of
// arrival.
func OrderMentions(t *ClaimThread) {
	if len(t.Mentions) == 0 {
		return
	}
	f := t.Mentions[0]
	t.Text = f.Text
	t.FirstSeen = ClaimSeen{Article: f.Article, Outlet: f.Outlet, Published: f.Published}
	for i := range t.Mentions {
		if t.Mentions[i].Changes == nil {
			t.Mentions[i].Changes = []ClaimChange{}
		}
	}
	t.Mentions[0].Score = 1
}

// ClaimQuery selects stored claims. Empty fields match everything.
type ClaimQuery struct {
	// Text keeps claims with a mention containing every word of it
	// (case-insensitive).
	Text string
	// Outlet keeps claims mentioned by this outlet.
	Outlet string
	// Since keeps claims with a mention published on or after this date.
	Since string
	// Speaker keeps claims attributed (in some mention) to a speaker whose
	// canonical name or text contains this, case-insensitively.
	Speaker string
	// Article keeps claims mentioned in this article; Story those
	// mentioned in one of the story's articles.
	Article string
	Story   string
	// Laundered keeps claims attributed in one mention and stated as fact
	// in a later one (by Outlet, if set).
	Laundered bool
	// MinMentions keeps claims with at least this many mentions.
	MinMentions int
	Limit       int // 0 for all
	Offset      int
}

// ClaimStore answers "where did this statement go" across stored articles.
type ClaimStore interface {
	// Claims returns the claims matching q, those with most mentions
	// first, each with every mention in order (first seen first).
	Claims(ctx context.Context, q ClaimQuery) ([]ClaimThread, error)
	// Claim returns one claim with all its mentions, or ErrNotFound.
	Claim(ctx context.Context, id string) (*ClaimThread, error)
}

// ClaimKey is a stored article claim waiting to be linked, or a candidate
// for linking, with what the matcher needs to compare it.
type ClaimKey struct {
	Article   string
	N         int    // index of the claim in its article's Claims
	Norm      string // the claim's text with names replaced by their canonical forms
	Published string
	Speaker   string // canonical name of the speaker, if attributed to one
	Claim     string // the claim (thread) it belongs to, once linked
	Shared    int    // keys shared with the looked-up claim (candidates only)
}

// ClaimLink assigns an article's claim to a claim thread.
type ClaimLink struct {
	Article string
	N       int
	Claim   string  // thread ID; a new thread when it equals ClaimID(Article, N)
	Score   float64 // similarity to the thread's mention it matched
	Keys    []string
}

// ClaimID is the ID of the claim thread first seen as claim n of an article.
func ClaimID(article string, n int) string {
	return ArticleID("claim", article+" "+strconv.Itoa(n))
}

// ClaimKeyCap is the most linked claims a key may be held by and still be
// looked up in a store's claim index: commoner keys ("said", "Syria" in a
// store about Syria) find too much to tell anything. Stores count a key's
// claims up to the cap and keep its postings only while it is within it;
// ClaimCandidates never looks up a commoner key, whatever its maxDF. The
// stores' migrations drop the postings of keys past it, so raising it
// needs a new migration that rebuilds the index.
const ClaimKeyCap = 300

// ClaimPosting is a linked claim as a store's key index lists it: claim N
// of the article stored Seq-th (stores number articles in order of
// arrival, so that postings sort in that order).
type ClaimPosting struct {
	Seq int64
	N   int
}

// ClaimLinkStore is the state the claim linker keeps in the store: an index
// from keys (content words, names, numbers) to the claims holding them, so
// that a new article is matched against every stored claim without a scan.
type ClaimLinkStore interface {
	// PendingClaims returns up to limit stored article claims not linked
	// yet, in order of arrival.
	PendingClaims(ctx context.Context, limit int) ([]ClaimKey, error)
	// ClaimCandidates returns up to limit linked claims sharing the most of
	// keys (rarest keys first; keys held by more than maxDF claims, or
	// more than ClaimKeyCap, are not looked up), with their counts of
	// shared keys: FindClaimCandidates over the three methods below, for
	// one claim.
	ClaimCandidates(ctx context.Context, keys []string, maxDF, limit int) ([]ClaimKey, error)
	// ClaimKeyCounts returns how many linked claims hold each of keys;
	// keys no claim holds are left out. A count past ClaimKeyCap is only
	// said to be past it (stores stop counting there: such a key is never
	// looked up).
	ClaimKeyCounts(ctx context.Context, keys []string) (map[string]int, error)
	// ClaimPostings returns the linked claims holding each of keys, in
	// order of arrival; a key held by more than ClaimKeyCap claims has
	// none.
	ClaimPostings(ctx context.Context, keys []string) (map[string][]ClaimPosting, error)
	// ClaimsAt returns the linked claims at, with what the matcher needs
	// (Shared left 0); postings naming no claim are left out.
	ClaimsAt(ctx context.Context, at []ClaimPosting) (map[ClaimPosting]ClaimKey, error)
	// SaveClaimLinks records links in one transaction, and indexes the
	// keys of the claims linked for the first time: a claim linked again
	// (the same links saved twice) is not counted twice.
	SaveClaimLinks(ctx context.Context, links []ClaimLink) error
}

// MaxLookup is the most keys of one claim looked up in the index.
const MaxLookup = 12

// LookupKeys returns the keys of a claim to look up in the index, given
// how many linked claims hold each (counts): the rarest held by at most
// maxDF claims (and ClaimKeyCap), fewest holders first and then in byte
// order, at most MaxLookup of them. Keys no claim holds are passed over.
func LookupKeys(keys []string, counts map[string]int, maxDF int) []string {
	maxDF = min(maxDF, ClaimKeyCap)
	var look []string
	for _, k := range keys {
		if n, ok := counts[k]; ok && n <= maxDF && !slices.Contains(look, k) {
			look = append(look, k)
		}
	}
	slices.SortFunc(look, func(a, b string) int { return cmp.Or(cmp.Compare(counts[a], counts[b]), strings.Compare(a, b)) })
	return look[:min(len(look), MaxLookup)]
}

// TextKeyPrefix begins a claim's text key (ClaimTextKey), which no word
// key begins with.
const TextKeyPrefix = "="

// ClaimTextKey is the key of a claim's whole normalised text: only claims
// of the same text hold it. It finds a repeated statement whose word keys
// are all too common to be looked up (past ClaimKeyCap), and counts in
// RankPostings as the fewest shared keys a candidate needs.
func ClaimTextKey(norm string) string {
	h := fnv.New64a()
	h.Write([]byte(norm))
	return TextKeyPrefix + strconv.FormatUint(h.Sum64(), 36)
}

// SharedPosting is a linked claim holding Shared of the keys looked up.
type SharedPosting struct {
	ClaimPosting
	Shared int
}

// RankPostings returns the linked claims holding at least minShared of
// look (postings gives the claims holding each key; a text key,
// ClaimTextKey, counts as minShared keys), those sharing most first and
// then in order of arrival, at most limit of them (all when limit is
// negative).
func RankPostings(look []string, postings map[string][]ClaimPosting, minShared, limit int) []SharedPosting {
	lists := make([][]ClaimPosting, 0, len(look))
	weights := make([]int, 0, len(look))
	sorted := true
	for _, k := range look {
		ps := postings[k]
		if len(ps) == 0 {
			continue
		}
		w := 1
		if strings.HasPrefix(k, TextKeyPrefix) {
			w = max(minShared, 1)
		}
		lists, weights = append(lists, ps), append(weights, w)
		sorted = sorted && slices.IsSortedFunc(ps, comparePostings)
	}
	var arrived []SharedPosting // in order of arrival
	if sorted {
		arrived = mergePostings(lists, weights, minShared)
	} else {
		arrived = countPostings(lists, weights, minShared)
		slices.SortFunc(arrived, func(a, b SharedPosting) int { return comparePostings(a.ClaimPosting, b.ClaimPosting) })
	}
	if limit < 0 || limit > len(arrived) {
		limit = len(arrived)
	}
	// Most shared first, each share in order of arrival: a counting sort,
	// shares being at most the sum of the weights.
	most := 0
	for _, p := range arrived {
		most = max(most, p.Shared)
	}
	out := make([]SharedPosting, 0, limit)
	for n := most; n >= max(minShared, 1) && len(out) < limit; n-- {
		for _, p := range arrived {
			if p.Shared == n {
				out = append(out, p)
				if len(out) == limit {
					break
				}
			}
		}
	}
	return out
}

// comparePostings orders postings by arrival.
func comparePostings(a, b ClaimPosting) int {
	return cmp.Or(cmp.Compare(a.Seq, b.Seq), cmp.Compare(a.N, b.N))
}

// mergePostings counts the weight of the lists holding each posting, for
// lists in order of arrival (as stores give them), by walking them side by
// side: a dozen lists of up to ClaimKeyCap postings each, with no map.
func mergePostings(lists [][]ClaimPosting, weights []int, minShared int) []SharedPosting {
	longest := 0
	for _, l := range lists {
		longest = max(longest, len(l))
	}
	out := make([]SharedPosting, 0, longest)
	for {
		var low ClaimPosting
		found := false
		for _, l := range lists {
			if len(l) > 0 && (!found || l[0].Seq < low.Seq || l[0].Seq == low.Seq && l[0].N < low.N) {
				low, found = l[0], true
			}
		}
		if !found {
			return out
		}
		n := 0
		for i := range lists {
			for len(lists[i]) > 0 && lists[i][0] == low {
				n += weights[i]
				lists[i] = lists[i][1:]
			}
		}
		if n >= minShared {
			out = append(out, SharedPosting{low, n})
		}
	}
}

// countPostings is mergePostings for lists in any order.
func countPostings(lists [][]ClaimPosting, weights []int, minShared int) []SharedPosting {
	shared := map[ClaimPosting]int{}
	for i, l := range lists {
		for _, p := range l {
			shared[p] += weights[i]
		}
	}
	out := make([]SharedPosting, 0, len(shared))
	for p, n := range shared {
		if n >= minShared {
			out = append(out, SharedPosting{p, n})
		}
	}
	return out
}

// FindClaimCandidates is ClaimCandidates through a store's index methods:
// the linked claims sharing the most of the rarest keys (LookupKeys),
// at most limit (all when negative), most shared first and then in order
// of arrival.
func FindClaimCandidates(ctx context.Context, st ClaimLinkStore, keys []string, maxDF, limit int) ([]ClaimKey, error) {
	if len(keys) == 0 || limit == 0 {
		return nil, nil
	}
	counts, err := st.ClaimKeyCounts(ctx, keys)
	if err != nil {
		return nil, err
	}
	look := LookupKeys(keys, counts, maxDF)
	if len(look) == 0 {
		return nil, nil
	}
	postings, err := st.ClaimPostings(ctx, look)
	if err != nil {
		return nil, err
	}
	ranked := RankPostings(look, postings, 1, limit)
	at := make([]ClaimPosting, len(ranked))
	for i, p := range ranked {
		at[i] = p.ClaimPosting
	}
	rows, err := st.ClaimsAt(ctx, at)
	if err != nil {
		return nil, err
	}
	var out []ClaimKey
	for _, p := range ranked {
		if k, ok := rows[p.ClaimPosting]; ok {
			k.Shared = p.Shared
			out = append(out, k)
		}
	}
	return out, nil
}

package claim

import (
	"context"
	"fmt"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/claim/match"
)

// Limits on the work of linking one claim.
const (
	// MaxDF is the most linked claims a key may be held by and still be
	// looked up: commoner keys ("said", "Syria" in a store about Syria)
	// find too much to tell anything.
	MaxDF = 300
	// Candidates is how many stored claims sharing keys are scored.
	Candidates = 40
	// pendingBatch is how many unlinked claims are read at a time.
	pendingBatch = 500
	// sameSpeaker is added to the score of two claims attributed to the
	// same speaker.
	sameSpeaker = 0.1
)

// Similarity is how likely two claims make the same statement, in [0,1]:
// the matcher's score of their normalised texts, raised a little when both
// are attributed to the same speaker. It is what the store links with.
func Similarity(a, b sift.ClaimKey) float64 {
	s := match.Score(a.Norm, b.Norm)
	if a.Speaker != "" && a.Speaker == b.Speaker {
		s = min(1, s+sameSpeaker)
	}
	return s
}

// Threshold is the least Similarity of two claims that make the same
// statement.
func Threshold() float64 { return match.Threshold }

// LinkPending links every stored claim not linked yet to the claim thread
// of the most similar earlier claim (when similar enough), or opens a new
// thread, and indexes it. Claims are linked in order of arrival, a batch
// per transaction, so a run that stops halfway is resumed by the next. It
// returns how many claims it linked.
func LinkPending(ctx context.Context, st sift.ClaimLinkStore) (int, error) {
	total := 0
	for {
		pend, err := st.PendingClaims(ctx, pendingBatch)
		if err != nil {
			return total, err
		}
		if len(pend) == 0 {
			return total, nil
		}
		links, err := linkBatch(ctx, st, pend)
		if err != nil {
			return total, err
		}
		if err := st.SaveClaimLinks(ctx, links); err != nil {
			return total, err
		}
		total += len(links)
		if len(pend) < pendingBatch {
			return total, nil
		}
	}
}

// linked is a claim linked in the current batch, not yet in the store.
type linked struct {
	key  sift.ClaimKey
	keys map[string]bool
}

// linkBatch links pend, each against the store and against the claims of
// the batch before it. A claim of the batch is a candidate when it shares
// a key, as the store's candidates are (ClaimCandidates), so that a
// document linked in a batch of many links as it would alone.
func linkBatch(ctx context.Context, st sift.ClaimLinkStore, pend []sift.ClaimKey) ([]sift.ClaimLink, error) {
	links := make([]sift.ClaimLink, 0, len(pend))
	var batch []linked
	for _, p := range pend {
		keys := match.Keys(p.Norm)
		cands, err := st.ClaimCandidates(ctx, keys, MaxDF, Candidates)
		if err != nil {
			return nil, fmt.Errorf("linking claim %d of %s: %w", p.N, p.Article, err)
		}
		for _, b := range batch {
			if shared(b.keys, keys) >= 1 {
				cands = append(cands, b.key)
			}
		}
		thread, score := sift.ClaimID(p.Article, p.N), 1.0
		best := 0.0
		for _, c := range cands {
			if c.Article == p.Article || c.Claim == "" {
				continue
			}
			if s := Similarity(p, c); s > best {
				best = s
				if s >= Threshold() {
					thread, score = c.Claim, s
				}
			}
		}
		links = append(links, sift.ClaimLink{Article: p.Article, N: p.N, Claim: thread, Score: score, Keys: keys})
		p.Claim = thread
		set := make(map[string]bool, len(keys))
		for _, k := range keys {
			set[k] = true
		}
		batch = append(batch, linked{key: p, keys: set})
	}
	return links, nil
}

func shared(set map[string]bool, keys []string) int {
	n := 0
	for _, k := range keys {
		if set[k] {
			n++
		}
	}
	return n
}

// Trace fills in what changed in each mention of t since its first
// mention. Stores return threads without changes; every reader calls this.
func Trace(t *sift.ClaimThread) {
	if len(t.Mentions) == 0 {
		return
	}
	first := t.Mentions[0].Claim
	t.Mentions[0].Changes = []sift.ClaimChange{}
	for i := 1; i < len(t.Mentions); i++ {
		t.Mentions[i].Changes = Changes(first, t.Mentions[i].Claim)
	}
}

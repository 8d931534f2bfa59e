package claim

import (
	"context"
	"fmt"
	"hash/maphash"
	"sync"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/claim/match"
)

// Scores holds similarities of claim pairs computed ahead of linking, so
// that a worker can do the costly part of claim linking (scoring each new
// claim against its candidates) before it takes the store's link lock, and
// the lock holder only scores the pairs no one scored before: candidates
// linked since, and claims of other batches pending with it.
//
// A similarity depends only on the two claims' texts, dates and speakers,
// never on the state of the store, so a pair's cached score is the score
// linking would compute: linking with Scores gives exactly the links
// linking without them gives. Each entry keeps a 64-bit hash of the inputs
// it was computed from (not the inputs: a pair costs the same whatever the
// length of its claims) and is used only when it matches. Scores is safe
// for concurrent use; entries are dropped once their claim is linked, and
// all of them when the cache is full (claims another worker linked).
type Scores struct {
	mu sync.Mutex
	m  map[claimRef]*scored
	n  int // pairs held
	// hits and misses count the pairs linking took from the cache and
	// those it scored itself.
	hits, misses int
}

// maxScored bounds the pairs Scores holds (about 50 bytes each in the
// maps): beyond it, the cache starts empty again (linking rescores).
const maxScored = 1 << 20

// claimRef names a claim by article and place.
type claimRef struct {
	article string
	n       int
}

// scoreInputs is a hash of what similarity reads of a claim: its
// normalised text, date and speaker. Two claims of other inputs share a
// hash with a chance of one in 2^64.
type scoreInputs uint64

// inputsSeed seeds the hash: entries never outlive the process.
var inputsSeed = maphash.MakeSeed()

func inputsOf(k sift.ClaimKey) scoreInputs {
	var h maphash.Hash
	h.SetSeed(inputsSeed)
	h.WriteString(k.Norm)
	h.WriteByte(0)
	h.WriteString(k.Published)
	h.WriteByte(0)
	h.WriteString(k.Speaker)
	return scoreInputs(h.Sum64())
}

// scored holds one claim's scores against its candidates.
type scored struct {
	in    scoreInputs
	cands map[claimRef]pairScore
}

type pairScore struct {
	in scoreInputs
	s  float64
}

// NewScores returns an empty cache.
func NewScores() *Scores { return &Scores{m: map[claimRef]*scored{}} }

// lookup returns the cached similarity of p and c.
func (s *Scores) lookup(p, c sift.ClaimKey) (float64, bool) {
	if s == nil {
		return 0, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.m[claimRef{p.Article, p.N}]
	if e == nil || e.in != inputsOf(p) {
		s.misses++
		return 0, false
	}
	x, ok := e.cands[claimRef{c.Article, c.N}]
	if !ok || x.in != inputsOf(c) {
		s.misses++
		return 0, false
	}
	s.hits++
	return x.s, true
}

// put adds the scores of p against its candidates.
func (s *Scores) put(p sift.ClaimKey, cands map[claimRef]pairScore) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.n+len(cands) > maxScored {
		clear(s.m)
		s.n = 0
	}
	ref := claimRef{p.Article, p.N}
	if old := s.m[ref]; old != nil {
		s.n -= len(old.cands)
	}
	s.m[ref] = &scored{in: inputsOf(p), cands: cands}
	s.n += len(cands)
}

// forget drops the entries of linked claims.
func (s *Scores) forget(links []sift.ClaimLink) {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, l := range links {
		ref := claimRef{l.Article, l.N}
		if e := s.m[ref]; e != nil {
			s.n -= len(e.cands)
			delete(s.m, ref)
		}
	}
}

// Len returns the number of claim pairs held.
func (s *Scores) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.n
}

// Taken returns how many pairs linking took from s, and how many it
// scored itself (not in s: candidates linked after their claim was
// scored, claims of other batches linked with it).
func (s *Scores) Taken() (hits, misses int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits, s.misses
}

// KeysOf returns the claims of as as the stores list them pending: the
// article's ID and date, the claim's place, its normalised text (its text
// when it has none) and its speaker's canonical name.
func KeysOf(as []*sift.Article) []sift.ClaimKey {
	var out []sift.ClaimKey
	for _, a := range as {
		for n, c := range a.Claims {
			k := sift.ClaimKey{Article: a.ID, N: n, Norm: c.Norm, Published: a.Published}
			if k.Norm == "" {
				k.Norm = c.Text
			}
			if c.Speaker != nil {
				k.Speaker = c.Speaker.Canonical
			}
			out = append(out, k)
		}
	}
	return out
}

// Prescore scores claims (just stored, not linked yet, in order of
// arrival) against the candidates linking would give them if it ran now:
// the linked claims of the store and the claims before each in claims,
// found as linking finds them (passIndex). It needs no lock and writes
// nothing to the store; the pairs go to s for LinkPendingScored.
func (s *Scores) Prescore(ctx context.Context, st sift.ClaimLinkStore, claims []sift.ClaimKey) error {
	prepared := preparedTexts{m: match.Default(), texts: map[string]*match.Prepared{}}
	err := walkPass(ctx, st, claims, func(p sift.ClaimKey, _ []string, found []sift.ClaimKey) string {
		cands := map[claimRef]pairScore{}
		var sc *match.Scorer
		for _, c := range found {
			ref := claimRef{c.Article, c.N}
			if _, ok := cands[ref]; ok {
				continue
			}
			if sc == nil {
				sc = match.Default().Scorer(p.Norm)
			}
			cands[ref] = pairScore{in: inputsOf(c), s: similarity(p, c, func(text string) float64 { return prepared.score(sc, text) })}
		}
		if sc != nil {
			sc.Close()
		}
		s.put(p, cands)
		// Its thread is not known here; any name marks it linked, as
		// it will be when a claim after it is.
		return sift.ClaimID(p.Article, p.N)
	})
	if err != nil {
		return fmt.Errorf("scoring claims: %w", err)
	}
	return nil
}

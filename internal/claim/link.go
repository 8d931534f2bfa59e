package claim

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/claim/match"
	"github.com/sift-news/sift/internal/parallel"
)

// LinkVersion is the version of claim linking (which thread a claim
// joins); it changes whenever the threads of the same claims may change.
// Version 2 finds the candidates of a pass's claims among the claims
// before them in the pass as it finds stored ones, so that threads do not
// depend on where passes start and end. Version 3 files each claim under
// its whole text as well (linkKeys), so that a statement repeated word for
// word is found however common its words are.
const LinkVersion = "3"

// Limits on the work of linking one claim.
const (
	// MaxDF is the most linked claims a key may be held by and still be
	// looked up: commoner keys ("said", "Syria" in a store about Syria)
	// find too much to tell anything. It is the stores' cap on postings.
	MaxDF = sift.ClaimKeyCap
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
//
// One speaker's statement is often quoted whole by one outlet and in part,
// or paraphrased around the same words, by another, so that the two texts
// differ more than a paraphrase of one sentence would. When both claims are
// attributed to the same speaker and at least half of the keys of the
// shorter's words other than names (and four or more) are in the other,
// the score is at least 0.5 + half that share.
//
// Two claims whose figures differ, published more than FigureWindow apart,
// are reports of two events told in the same words ("at least 15 people
// were killed"), not one claim whose figure changed on its way: their
// similarity is 0.
func Similarity(a, b sift.ClaimKey) float64 {
	return similarity(a, b, func(text string) float64 { return match.Score(a.Norm, text) })
}

// similarity is Similarity with score, the matcher's score of a's text
// against another, given: the linker reads a claim's text once for all
// its candidates (match.Scorer).
func similarity(a, b sift.ClaimKey, score func(string) float64) float64 {
	if otherEvent(a, b) {
		return 0
	}
	s := score(b.Norm)
	if a.Speaker == "" || a.Speaker != b.Speaker {
		return s
	}
	s = min(1, s+sameSpeaker)
	if c := containment(contentKeys(a.Norm), contentKeys(b.Norm)); c >= 0.5 {
		s = max(s, 0.5+c/2)
	}
	return s
}

// FigureWindow is how far apart in time two mentions of one claim may be
// published when their figures differ. A claim's figure changes as it
// travels over days; on FA-KES most links between sentences with other
// figures weeks apart joined two events of one kind.
const FigureWindow = 7 * 24 * time.Hour

// otherEvent reports whether a and b are both dated, published more than
// FigureWindow apart, and hold different figures.
func otherEvent(a, b sift.ClaimKey) bool {
	da, erra := time.Parse("2006-01-02", prefix(a.Published, 10))
	db, errb := time.Parse("2006-01-02", prefix(b.Published, 10))
	if erra != nil || errb != nil {
		return false
	}
	if d := da.Sub(db); d <= FigureWindow && d >= -FigureWindow {
		return false
	}
	fa, fb := figures(a.Norm), figures(b.Norm)
	if len(fa) != len(fb) {
		return true
	}
	for f := range fa {
		if !fb[f] {
			return true
		}
	}
	return false
}

// figures returns the set of figures in text, as figure gives them.
func figures(text string) map[string]bool {
	out := map[string]bool{}
	for _, w := range claimWords(sift.Claim{Span: sift.Span{Text: text}}) {
		if f, ok := figure(w); ok {
			out[f] = true
		}
	}
	return out
}

func prefix(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// contentKeys are the keys of a claim's words other than names (words
// written with a capital): what a speaker says, not whom and where, which
// every statement of one speaker on one conflict shares.
func contentKeys(norm string) []string {
	ws := strings.Fields(norm)
	kept := ws[:0:0]
	for _, w := range ws {
		if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "\"“‘'([")); !unicode.IsUpper(r) {
			kept = append(kept, w)
		}
	}
	return match.Keys(strings.Join(kept, " "))
}

// minContained is the fewest content keys two claims of one speaker share
// to be taken for one statement by containment: three lower-case words are
// often a set phrase ("joint coordination centre") that many statements of
// one spokesman hold.
const minContained = 4

// containment is the share of the keys of the shorter of a and b found in
// the other, or 0 when they share fewer than minContained.
func containment(a, b []string) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	in := make(map[string]bool, len(b))
	for _, k := range b {
		in[k] = true
	}
	n := 0
	for _, k := range a {
		if in[k] {
			n++
		}
	}
	if n < minContained {
		return 0
	}
	return float64(n) / float64(len(a))
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
	return LinkPendingScored(ctx, st, nil)
}

// LinkPendingScored is LinkPending taking the similarities of pairs that
// scores holds (computed by Scores.Prescore, outside the link lock) from
// it instead of computing them again, and dropping the entries of the
// claims it links. The links are the same as LinkPending's; scores may be
// nil.
func LinkPendingScored(ctx context.Context, st sift.ClaimLinkStore, scores *Scores) (int, error) {
	return NewLinker().LinkPending(ctx, st, scores)
}

// A Linker links pending claims as LinkPendingScored does, keeping the
// candidate texts it has read between calls: the claims of one event are
// candidates of every later batch that tells it, so a process that links
// batch after batch (sift ingest, sift worker) reads most candidates once.
// What it keeps is bounded (two generations of maxPrepared texts) and does
// not change any score. A Linker is not safe for concurrent use.
type Linker struct {
	prepared preparedTexts
}

// NewLinker returns a Linker that has read no text yet.
func NewLinker() *Linker {
	return &Linker{prepared: preparedTexts{m: match.Default(), texts: map[string]*match.Prepared{}}}
}

// LinkPending links every stored claim not linked yet, as the function
// LinkPendingScored does; scores may be nil.
func (l *Linker) LinkPending(ctx context.Context, st sift.ClaimLinkStore, scores *Scores) (int, error) {
	total := 0
	for {
		pend, err := st.PendingClaims(ctx, pendingBatch)
		if err != nil {
			return total, err
		}
		if len(pend) == 0 {
			return total, nil
		}
		links, err := linkBatch(ctx, st, pend, scores, &l.prepared)
		if err != nil {
			return total, err
		}
		if err := st.SaveClaimLinks(ctx, links); err != nil {
			return total, err
		}
		scores.forget(links)
		total += len(links)
		if len(pend) < pendingBatch {
			return total, nil
		}
	}
}

// linkBatch links pend in order, each against the store as it would be
// with the claims of pend before it linked (passIndex), so that the
// threads do not depend on where a pass starts and ends: claims linked
// one article at a time, in passes of many, or by several workers taking
// turns get the same threads.
func linkBatch(ctx context.Context, st sift.ClaimLinkStore, pend []sift.ClaimKey, scores *Scores, prepared *preparedTexts) ([]sift.ClaimLink, error) {
	// Which claims are candidates of which does not depend on the threads
	// chosen (a claim of the pass is a candidate once it is linked, to
	// whatever thread), so the pass is walked first, its pairs scored on
	// every core, and the threads chosen in order after.
	keys := make([][]string, 0, len(pend))
	cands := make([][]sift.ClaimKey, 0, len(pend))
	err := walkPass(ctx, st, pend, func(p sift.ClaimKey, ks []string, cs []sift.ClaimKey) string {
		keys, cands = append(keys, ks), append(cands, cs)
		return sift.ClaimID(p.Article, p.N) // stands in for its thread until chosen
	})
	if err != nil {
		return nil, fmt.Errorf("linking claims: %w", err)
	}
	sims := make([][]float64, len(pend))
	parallel.Each(len(pend), runtime.GOMAXPROCS(0), func(i int) {
		p := pend[i]
		var sc *match.Scorer // made when a pair is not in scores
		scoreText := func(text string) float64 {
			if sc == nil {
				sc = match.Default().Scorer(p.Norm)
			}
			return prepared.score(sc, text)
		}
		sims[i] = make([]float64, len(cands[i]))
		for j, c := range cands[i] {
			s, ok := scores.lookup(p, c)
			if !ok {
				s = similarity(p, c, scoreText)
			}
			sims[i][j] = s
		}
		if sc != nil {
			sc.Close()
		}
	})
	// A candidate of the pass joins the thread chosen for it.
	inPass := make(map[claimRef]int, len(pend))
	links := make([]sift.ClaimLink, len(pend))
	for i, p := range pend {
		thread, score := sift.ClaimID(p.Article, p.N), 1.0
		best := 0.0
		for j, c := range cands[i] {
			if s := sims[i][j]; s > best {
				best = s
				if s >= Threshold() {
					thread, score = c.Claim, s
					if k, ok := inPass[claimRef{c.Article, c.N}]; ok {
						thread = links[k].Claim
					}
				}
			}
		}
		links[i] = sift.ClaimLink{Article: p.Article, N: p.N, Claim: thread, Score: score, Keys: keys[i]}
		inPass[claimRef{p.Article, p.N}] = i
	}
	return links, nil
}

// walkPass gives each claim of pass, in order, its candidates as linking
// finds them (passIndex), leaving out the claims of its own article, and
// then files it under the thread visit returns, so that the claims after
// it find it as they would find it stored.
func walkPass(ctx context.Context, st sift.ClaimLinkStore, pass []sift.ClaimKey, visit func(p sift.ClaimKey, keys []string, cands []sift.ClaimKey) string) error {
	if len(pass) == 0 {
		return nil
	}
	keys := make([][]string, len(pass))
	for i, p := range pass {
		keys[i] = linkKeys(p.Norm)
	}
	x, err := newPassIndex(ctx, st, keys)
	if err != nil {
		return fmt.Errorf("reading the index for %s: %w", pass[0].Article, err)
	}
	for i, p := range pass {
		found, err := x.candidates(ctx, keys[i])
		if err != nil {
			return fmt.Errorf("candidates of %s: %w", p.Article, err)
		}
		cands := found[:0]
		for _, c := range found {
			if c.Article != p.Article && c.Claim != "" {
				cands = append(cands, c)
			}
		}
		p.Claim = visit(p, keys[i], cands)
		x.add(p, keys[i])
	}
	return nil
}

// linkKeys are the keys a claim of normalised text norm is looked up and
// filed under: those of its words (match.Keys) and of its whole text
// (sift.ClaimTextKey). Without the text key, a statement whose words are
// all held by more than sift.ClaimKeyCap claims (a stock sentence repeated
// by many outlets) would find none of its repeats.
func linkKeys(norm string) []string {
	keys := match.Keys(norm)
	if len(keys) == 0 {
		return keys
	}
	return append(keys, sift.ClaimTextKey(norm))
}

// minShared is the fewest rare keys a candidate shares with a claim. A
// stored claim sharing one rare key is passed over: on FA-KES most such
// links joined short stock phrases of different events ("dozens of people
// had been killed").
const minShared = 2

// passSeq numbers the claims of a pass in the postings of a passIndex:
// after every stored article, in their order.
const passSeq = 1 << 62

// A passIndex gives the claims of one pass, in order, the candidates the
// store would give each if the claims before it in the pass were linked
// and stored already: the store's key counts and postings plus those of
// the pass's claims added so far, under the store's rules (the rarest
// keys looked up, sift.LookupKeys; a key past sift.ClaimKeyCap holds no
// postings; the best Candidates sharing minShared keys, sift.RankPostings).
// The store does not change during the pass: its links are saved after.
// What the store holds is read with three queries for the whole pass (key
// counts, the postings of the keys each claim would look up in the store
// as it is, the candidates' rows), and again only for keys and candidates
// that the pass's own claims bring in.
type passIndex struct {
	st sift.ClaimLinkStore
	// counts holds the store's count of every key of the pass (absent:
	// no stored claim holds it).
	counts map[string]int
	// stored holds the store's postings of the keys read so far.
	stored map[string][]sift.ClaimPosting
	// added holds the postings of the pass's claims added so far.
	added map[string][]sift.ClaimPosting
	// rows holds the claims of postings read so far, the pass's included.
	rows map[sift.ClaimPosting]sift.ClaimKey
	n    int // claims of the pass added
}

func newPassIndex(ctx context.Context, st sift.ClaimLinkStore, keys [][]string) (*passIndex, error) {
	x := &passIndex{st: st, stored: map[string][]sift.ClaimPosting{}, added: map[string][]sift.ClaimPosting{},
		rows: map[sift.ClaimPosting]sift.ClaimKey{}}
	var all []string
	seen := map[string]bool{}
	for _, ks := range keys {
		for _, k := range ks {
			if !seen[k] {
				seen[k] = true
				all = append(all, k)
			}
		}
	}
	var err error
	if x.counts, err = st.ClaimKeyCounts(ctx, all); err != nil {
		return nil, err
	}
	// Read ahead what the claims would find in the store as it is: most
	// claims of a pass share no key with an earlier one.
	looks := make([][]string, len(keys))
	var union []string
	clear(seen)
	for i, ks := range keys {
		looks[i] = sift.LookupKeys(ks, x.counts, MaxDF)
		for _, k := range looks[i] {
			if !seen[k] {
				seen[k] = true
				union = append(union, k)
			}
		}
	}
	if err := x.readPostings(ctx, union); err != nil {
		return nil, err
	}
	var at []sift.ClaimPosting
	want := map[sift.ClaimPosting]bool{}
	for _, look := range looks {
		for _, p := range sift.RankPostings(look, x.stored, minShared, Candidates) {
			if !want[p.ClaimPosting] {
				want[p.ClaimPosting] = true
				at = append(at, p.ClaimPosting)
			}
		}
	}
	return x, x.readRows(ctx, at)
}

// readPostings reads the stored postings of keys.
func (x *passIndex) readPostings(ctx context.Context, keys []string) error {
	if len(keys) == 0 {
		return nil
	}
	ps, err := x.st.ClaimPostings(ctx, keys)
	if err != nil {
		return err
	}
	for _, k := range keys {
		x.stored[k] = ps[k] // nil when none: read all the same
	}
	return nil
}

// readRows reads the stored claims at.
func (x *passIndex) readRows(ctx context.Context, at []sift.ClaimPosting) error {
	if len(at) == 0 {
		return nil
	}
	rows, err := x.st.ClaimsAt(ctx, at)
	if err != nil {
		return err
	}
	for p, k := range rows {
		x.rows[p] = k
	}
	return nil
}

// candidates returns the candidates of a claim of keys: the linked
// claims, stored or of the pass, sharing most of its rarest keys.
func (x *passIndex) candidates(ctx context.Context, keys []string) ([]sift.ClaimKey, error) {
	counts := make(map[string]int, len(keys))
	for _, k := range keys {
		if n := x.counts[k] + len(x.added[k]); n > 0 {
			counts[k] = n
		}
	}
	look := sift.LookupKeys(keys, counts, MaxDF)
	var unread []string
	for _, k := range look {
		if _, ok := x.stored[k]; !ok && x.counts[k] > 0 {
			unread = append(unread, k)
		}
	}
	if err := x.readPostings(ctx, unread); err != nil {
		return nil, err
	}
	postings := make(map[string][]sift.ClaimPosting, len(look))
	for _, k := range look {
		if len(x.added[k]) == 0 {
			postings[k] = x.stored[k]
		} else {
			postings[k] = append(slices.Clip(x.stored[k]), x.added[k]...)
		}
	}
	ranked := sift.RankPostings(look, postings, minShared, Candidates)
	var at []sift.ClaimPosting
	for _, p := range ranked {
		if _, ok := x.rows[p.ClaimPosting]; !ok && p.Seq < passSeq {
			at = append(at, p.ClaimPosting)
		}
	}
	if err := x.readRows(ctx, at); err != nil {
		return nil, err
	}
	out := make([]sift.ClaimKey, 0, len(ranked))
	for _, p := range ranked {
		if k, ok := x.rows[p.ClaimPosting]; ok {
			k.Shared = p.Shared
			out = append(out, k)
		}
	}
	return out, nil
}

// add files claim k of the pass, linked (k.Claim set), under its keys, as
// the store will.
func (x *passIndex) add(k sift.ClaimKey, keys []string) {
	p := sift.ClaimPosting{Seq: passSeq + int64(x.n), N: k.N}
	x.n++
	k.Shared = 0
	x.rows[p] = k
	for i, key := range keys {
		if !slices.Contains(keys[:i], key) {
			x.added[key] = append(x.added[key], p)
		}
	}
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

// maxPrepared bounds the candidate texts a generation of preparedTexts
// holds (a few KB each): most candidates of a batch are candidates of
// several of its claims (four in five on generated news), and of later
// batches.
const maxPrepared = 4096

// preparedTexts holds candidate texts as the matcher read them, so that a
// candidate shared by several claims, or by several batches, is read
// once. It keeps two generations: when the current one is full it becomes
// the old one, and a text found in the old one moves back to the current,
// so the texts still in use stay and the memory is bounded.
// It is safe for concurrent use; a prepared text is only read.
type preparedTexts struct {
	m          *match.Model
	mu         sync.Mutex
	texts, old map[string]*match.Prepared
}

// score is sc.Score(text), reading text only when it is not held.
func (p *preparedTexts) score(sc *match.Scorer, text string) float64 {
	p.mu.Lock()
	pr := p.texts[text]
	if pr == nil {
		pr = p.old[text]
	}
	p.mu.Unlock()
	if pr == nil {
		pr = p.m.Prepare(text) // outside the lock: two may read one text, to the same result
	}
	p.mu.Lock()
	if p.texts[text] == nil {
		if len(p.texts) >= maxPrepared {
			p.old, p.texts = p.texts, make(map[string]*match.Prepared, maxPrepared)
		}
		p.texts[text] = pr
	}
	p.mu.Unlock()
	return sc.ScorePrepared(pr)
}

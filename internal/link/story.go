package link

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/sift-news/sift"
)

// StoryVersion is the version of the story clusterer; it changes whenever
// the stories it makes from the same articles may change (2: years as
// event evidence; 3: prominent people and places as event evidence; 4:
// dates and figures of the lead as event evidence; 5: a day that
// disagrees costs on its own, and the facts read round thousands, Title
// Case headlines and impossible days right).
const StoryVersion = "5"

// Clustering parameters: the join threshold and the year penalty were
// tuned on ECB+ topics 1-10 (topics 11-20 are never tuned on), the entity
// and title weights earlier on topics 1-20 (see docs/stories.md).
var (
	// JoinThreshold is the least score for an article to join a story.
	JoinThreshold = 0.22
	// entityShare is the weight of shared names in the score, the rest
	// going to content words, when both sides have names.
	entityShare = 0.4
	// timeSlack is how many days outside a story's span an article may be
	// published without penalty; beyond, the score halves every timeHalf
	// days.
	timeSlack = 1.0
	timeHalf  = 3.0
)

// Limits that keep the cost of one article independent of the store size.
const (
	maxStoryTerms = 300 // centroid terms kept per story
	queryTerms    = 24  // an article's terms used to find candidate stories
	indexTerms    = 12  // an article's terms under which its story is filed
	restoreTerms  = 48  // centroid terms under which a restored story is filed
	maxCandidates = 24  // stories scored in full per article
	scoreTerms    = 200 // an article's terms used in scoring
)

// storyPostingCap is how many stories are remembered per term (the most
// recent); a variable only so that tests can reach it.
var storyPostingCap = 256

// StoryPostingKeep is how many of the most recent stories a term's
// posting keeps when it is cut (Update.Cut).
func StoryPostingKeep() int { return storyPostingCap / 2 }

// StoryState is a story as the clusterer keeps it, and as a store persists
// it: enough to score new articles against it and to show it.
type StoryState struct {
	ID    string
	Title string // representative title
	// RepArticle is the article whose title is the story's title.
	RepArticle string
	// Terms sums the members' sublinear term frequencies (the centroid
	// before IDF weighting), pruned to the strongest terms.
	Terms map[string]float64
	// Names counts the members' entity names (canonical when known) and,
	// under keys starting with "#", the members naming each person, place
	// and year (the event evidence of event.go).
	Names map[string]float64
	// First and Last are the earliest and latest publication dates
	// (YYYY-MM-DD) of members with a date.
	First, Last string
	// Size is the number of member articles.
	Size int
	// Norm is the story's cached norms as the store saved them
	// (Update.Norms), set by a StoryLoader; nil when it has none. The
	// clusterer takes it over when it loads the story, and clears it.
	Norm *StoryNorm
}

// Clusterer assigns articles to stories online: each article joins the
// best-scoring story or opens a new one, and nothing is ever reclustered.
// Document frequencies are updated as articles arrive.
type Clusterer struct {
	n  int            // articles seen
	df map[string]int // document frequency of terms and names
	// With a DF loader, df holds only the keys read (or counted) since
	// the last rotation and dfOld those of the one before; a key in
	// neither is read with dfLoad before use (needDF). dfMiss is the
	// first key asked that was in neither: a bug, reported by AddContext.
	dfLoad DFLoader
	dfMax  int
	dfOld  map[string]int
	dfMiss string
	// stories holds the stories by internal index; with a loader, nil
	// for a story not resident (its state is in the store).
	stories []*StoryState
	ids     []string         // story IDs by index
	byID    map[string]int32 // story ID → index
	// postings maps a term to the stories filed under it; with a
	// posting loader, only the terms read or filed since the last
	// rotation, postOld those of the one before.
	postings  map[string][]int32
	postOld   map[string][]int32
	postLoad  PostingLoader
	filedLoad FiledLoader
	postMax   int
	cut       []string // terms whose postings this Add cut
	// filed holds per story the terms it is filed under; with a posting
	// loader, only for resident stories (the store has the others').
	filed map[int32]map[string]bool
	// norms holds the cached weighted norms of resident stories (all,
	// without a loader); a story without an entry has none yet (dirty).
	norms   map[int32]*storyNorm
	touched []int32 // stories whose norms changed in this Add

	// With a loader, at most maxResident stories are kept in memory
	// between batches (Saved); the others
	// are loaded when they become candidates.
	loader      StoryLoader
	maxResident int
	resident    int
	lastUse     []int // per story: article count at last use
}

// ResidentStories is how many stories a store's linker keeps in memory
// between batches (about 25 KB each on generated news).
const ResidentStories = 1024

// StoryLoader reads the persisted states of stories by ID, as a store
// saved them (link.Update.Story after each batch); stories it does not
// have are left out.
type StoryLoader func(ctx context.Context, ids []string) (map[string]*StoryState, error)

// SetLoader makes the clusterer keep at most max stories in memory
// between batches (Saved), loading the others with load when an article
// may join them. Stories restored with RestoreStoryID are loaded this way.
func (c *Clusterer) SetLoader(load StoryLoader, max int) {
	c.loader, c.maxResident = load, max
}

// SetResident changes how many stories a clusterer with a loader keeps
// in memory between batches.
func (c *Clusterer) SetResident(max int) { c.maxResident = max }

// ensure makes stories idxs resident, loading those that are not, and
// marks them used.
func (c *Clusterer) ensure(ctx context.Context, idxs []int32) error {
	var ask []string
	for _, i := range idxs {
		if c.stories[i] == nil {
			ask = append(ask, c.ids[i])
		}
		c.lastUse[i] = c.n
	}
	if len(ask) == 0 {
		return nil
	}
	if c.loader == nil {
		return fmt.Errorf("loading stories: no loader")
	}
	got, err := c.loader(ctx, ask)
	if err != nil {
		return fmt.Errorf("loading stories: %w", err)
	}
	for _, id := range ask {
		st := got[id]
		if st == nil {
			return fmt.Errorf("loading stories: story %s is not in the store", id)
		}
		if st.Terms == nil {
			st.Terms = make(map[string]float64)
		}
		if st.Names == nil {
			st.Names = make(map[string]float64)
		}
		i := c.byID[id]
		if c.stories[i] == nil {
			c.stories[i] = st
			c.takeNorm(i, st)
			c.resident++
		}
	}
	return nil
}

// Saved tells the clusterer that the store holds the current state of
// every story: with a loader, when more than the resident bound are in
// memory, the least recently used are let go, down to three quarters of
// the bound. Only Saved lets stories go, so the states an Update points
// to stay current until the store has them.
func (c *Clusterer) Saved() {
	c.dfRotate()
	if c.postLoad != nil && len(c.postings) > c.postMax {
		c.postOld, c.postings = c.postings, make(map[string][]int32, c.postMax)
	}
	if c.loader == nil {
		return
	}
	if c.resident <= c.maxResident {
		return
	}
	var res []int32
	for i, st := range c.stories {
		if st != nil {
			res = append(res, int32(i))
		}
	}
	sort.Slice(res, func(i, j int) bool {
		if c.lastUse[res[i]] != c.lastUse[res[j]] {
			return c.lastUse[res[i]] < c.lastUse[res[j]]
		}
		return res[i] < res[j]
	})
	for _, i := range res[:c.resident-c.maxResident*3/4] {
		c.stories[i] = nil
		delete(c.norms, i) // the store has them (Update.Norms)
		if c.postLoad != nil {
			delete(c.filed, i) // and these (Update.Filed)
		}
		c.resident--
	}
}

// DFLoader reads the document frequencies of keys as a store saved them
// (the sums of Update.DFKeys); a key it does not have counts 0 and may be
// left out.
type DFLoader func(ctx context.Context, keys []string) (map[string]int, error)

// ResidentDF is about how many document frequencies a store's clusterer
// keeps in memory between batches (two generations of at most this many
// keys, about 60 bytes each).
const ResidentDF = 1 << 16

// SetDFLoader makes the clusterer read document frequencies from a store
// as it needs them, rather than holding them all: n is the number of
// articles the store counted, and about max keys stay in memory between
// batches (Saved). Call it before any Add, instead of RestoreDF.
func (c *Clusterer) SetDFLoader(load DFLoader, n, max int) {
	c.n, c.dfLoad, c.dfMax = n, load, max
	c.df, c.dfOld = make(map[string]int), nil
}

// needDF makes the document frequencies of keys resident, reading those
// not in memory with the DF loader.
func (c *Clusterer) needDF(ctx context.Context, keys []string) error {
	if c.dfLoad == nil {
		return nil
	}
	var ask []string
	for _, k := range keys {
		ask = c.dfAsk(ask, k)
	}
	return c.dfRead(ctx, ask)
}

// dfAsk adds key to ask when its document frequency is not in memory,
// moving it to the current generation when it is in the old one.
func (c *Clusterer) dfAsk(ask []string, k string) []string {
	if _, ok := c.df[k]; ok {
		return ask
	}
	if v, ok := c.dfOld[k]; ok {
		c.df[k] = v
		return ask
	}
	c.df[k] = 0 // asked once; set by dfRead
	return append(ask, k)
}

// dfRead reads the document frequencies of the keys dfAsk collected.
func (c *Clusterer) dfRead(ctx context.Context, ask []string) error {
	if len(ask) == 0 {
		return nil
	}
	got, err := c.dfLoad(ctx, ask)
	if err != nil {
		for _, k := range ask {
			delete(c.df, k)
		}
		return fmt.Errorf("reading document frequencies: %w", err)
	}
	for _, k := range ask {
		c.df[k] = got[k]
	}
	return nil
}

// needStoryDF makes resident the document frequencies that scoring,
// joining and titling story idx may ask: its terms, its names (with the
// prefix of their DF keys) and the words of its title.
func (c *Clusterer) needStoryDF(ctx context.Context, idx int32) error {
	if c.dfLoad == nil {
		return nil
	}
	st := c.stories[idx]
	var ask []string
	for t := range st.Terms {
		ask = c.dfAsk(ask, t)
	}
	for k := range st.Names {
		if !isEventKey(k) {
			ask = c.dfAsk(ask, "@"+k)
		}
	}
	for t := range termCounts(st.Title, "") {
		ask = c.dfAsk(ask, t)
	}
	return c.dfRead(ctx, ask)
}

// PostingLoader reads the postings of terms as a store keeps them: for
// each term, the IDs of the stories filed under it, in the order they were
// filed (Update.Filed), after the cuts that Update.Cut reported; a term
// without stories may be left out.
type PostingLoader func(ctx context.Context, terms []string) (map[string][]string, error)

// ResidentPostings is about how many terms' story postings a store's
// clusterer keeps in memory between batches (two generations of at most
// this many, each at most storyPostingCap stories).
const ResidentPostings = 1 << 14

// FiledLoader reads the terms a story was ever filed under (the
// Update.Filed of its members), as a store saved them.
type FiledLoader func(ctx context.Context, story string) ([]string, error)

// SetPostingLoader makes the clusterer read the postings of terms from a
// store as it needs them, and with filed the terms a story was filed
// under when an article joins it, rather than holding them all; about max
// terms' postings stay in memory between batches (Saved). Call it before
// any Add, instead of replaying filings (RestoreFiling).
func (c *Clusterer) SetPostingLoader(load PostingLoader, filed FiledLoader, max int) {
	c.postLoad, c.filedLoad, c.postMax = load, filed, max
	c.postings, c.postOld = make(map[string][]int32), nil
}

// needPostings makes the postings of terms resident, reading those not in
// memory with the posting loader.
func (c *Clusterer) needPostings(ctx context.Context, terms []string) error {
	if c.postLoad == nil {
		return nil
	}
	var ask []string
	for _, t := range terms {
		if _, ok := c.postings[t]; ok {
			continue
		}
		if p, ok := c.postOld[t]; ok {
			c.postings[t] = p
			continue
		}
		ask = append(ask, t)
	}
	if len(ask) == 0 {
		return nil
	}
	got, err := c.postLoad(ctx, ask)
	if err != nil {
		return fmt.Errorf("reading story postings: %w", err)
	}
	for _, t := range ask {
		ids := got[t]
		p := make([]int32, 0, len(ids))
		for _, id := range ids {
			if i, ok := c.byID[id]; ok { // as RestoreFiling ignores unknown stories
				p = append(p, i)
			}
		}
		c.postings[t] = p
	}
	return nil
}

// dfRotate lets go of the document frequencies not used since the last
// rotation, when more than the bound are in memory. Call it only when the
// store holds every count (Saved).
func (c *Clusterer) dfRotate() {
	if c.dfLoad == nil || len(c.df) <= c.dfMax {
		return
	}
	c.dfOld, c.df = c.df, make(map[string]int, c.dfMax)
}

// StoryNorm is a story's cached norms as a store persists them.
type StoryNorm struct {
	Story        string
	Terms, Names float64
	At           int  // article count when computed
	Dirty        bool // to be recomputed at next use
}

// storyNorm caches a story's IDF-weighted norms, recomputed (summing in
// key order) when the story changed or the article count grew by a tenth.
// The cache is part of the clusterer's state: Assignment.Norms hands the
// entries an article changed to the store, and RestoreNorm puts them back,
// so that a restored clusterer scores exactly as the one that wrote them.
type storyNorm struct {
	terms, names float64
	at           int // article count when computed
	dirty        bool
	// termKeys and nameKeys are the story's keys in order, rebuilt when
	// the story changes.
	termKeys, nameKeys []string
}

// NewClusterer returns a clusterer with no stories.
func NewClusterer() *Clusterer {
	return &Clusterer{
		df:       make(map[string]int),
		norms:    make(map[int32]*storyNorm),
		filed:    make(map[int32]map[string]bool),
		byID:     make(map[string]int32),
		postings: make(map[string][]int32),
	}
}

// features are what the clusterer looks at in an article.
type features struct {
	terms map[string]float64 // sublinear tf
	names map[string]float64
	date  time.Time // zero when unknown
	ev    event     // people, places and years (see event.go)
}

// articleFeatures extracts an article's features: content words of title
// and text, entity names (canonical names of a.Entities, or guessed proper
// names when no tagger ran) and its publication date.
func articleFeatures(a *sift.Article) features {
	f := features{terms: termCounts(a.Title, a.Text)}
	for t, c := range f.terms {
		f.terms[t] = 1 + math.Log(c)
	}
	if len(a.Entities) > 0 {
		f.names = make(map[string]float64)
		for _, e := range a.Entities {
			n := e.Canonical
			if n == "" {
				n = e.Text
			}
			f.names[sift.Normalize(n)]++
		}
	} else {
		f.names = properNames(a.Text)
	}
	for n, c := range f.names {
		f.names[n] = 1 + math.Log(c)
	}
	f.date = parseDate(a.Published)
	f.ev = articleEvent(a)
	return f
}

// parseDate reads YYYY-MM-DD, giving the zero time otherwise.
func parseDate(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// idf is the smoothed inverse document frequency of key.
func (c *Clusterer) idf(key string) float64 {
	return math.Log(float64(c.n+1)/float64(c.docFreq(key)+1)) + 1
}

// docFreq is the document frequency of key.
func (c *Clusterer) docFreq(key string) int {
	v, ok := c.df[key]
	if ok || c.dfLoad == nil {
		return v
	}
	if v, ok := c.dfOld[key]; ok {
		return v
	}
	if c.dfMiss == "" {
		c.dfMiss = key
	}
	return 0
}

// observe updates document frequencies with one article's features.
func (c *Clusterer) observe(f features) {
	c.n++
	for t := range f.terms {
		c.df[t]++
	}
	for n := range f.names {
		c.df["@"+n]++
	}
}

// weighted is an article's bag with IDF applied: for each key, its weight
// times the key's IDF squared (ready to multiply with a story's raw
// value), and the norm of the IDF-weighted vector.
type weighted struct {
	w    []keyWeight // by key
	norm float64
}

// keyWeight is one key of a weighted bag.
type keyWeight struct {
	k string
	x float64
}

// weigh applies the current IDF to bag; prefix selects the DF keys. Only
// the scoreTerms strongest keys are kept for the dot product (the norm
// counts all), which bounds the cost of scoring one story.
func (c *Clusterer) weigh(bag map[string]float64, prefix string) weighted {
	var out weighted
	type kw struct {
		k    string
		x, w float64
	}
	all := make([]kw, 0, len(bag))
	for k, x := range bag {
		idf := c.idf(prefix + k)
		all = append(all, kw{k, x * idf * idf, x * idf})
	}
	// Sums run in key order: floating-point addition is not associative,
	// and map order would make equal inputs score a hair apart.
	sort.Slice(all, func(i, j int) bool { return all[i].k < all[j].k })
	for _, e := range all {
		out.norm += e.w * e.w
	}
	out.norm = math.Sqrt(out.norm)
	if len(all) > scoreTerms {
		sort.Slice(all, func(i, j int) bool {
			if all[i].w != all[j].w {
				return all[i].w > all[j].w
			}
			return all[i].k < all[j].k
		})
		all = all[:scoreTerms]
		sort.Slice(all, func(i, j int) bool { return all[i].k < all[j].k })
	}
	out.w = make([]keyWeight, len(all))
	for i, e := range all {
		out.w[i] = keyWeight{e.k, e.x}
	}
	return out
}

// storyNorms returns the IDF-weighted norms of story idx's terms and
// names. They are cached and recomputed when the story changed or the
// article count grew by a tenth since, as IDF drifts slowly.
func (c *Clusterer) storyNorms(idx int32) (terms, names float64) {
	n := c.norm(idx)
	if !n.dirty && float64(c.n) <= 1.1*float64(n.at) {
		return n.terms, n.names
	}
	c.touched = append(c.touched, idx)
	st := c.stories[idx]
	if n.dirty || n.termKeys == nil {
		n.termKeys, n.nameKeys = sortedKeys(st.Terms), sortedKeys(st.Names)
	}
	n.terms, n.names = 0, 0
	for _, t := range n.termKeys {
		w := st.Terms[t] * c.idf(t)
		n.terms += w * w
	}
	for _, k := range n.nameKeys {
		if isEventKey(k) {
			continue
		}
		w := st.Names[k] * c.idf("@"+k)
		n.names += w * w
	}
	n.terms, n.names = math.Sqrt(n.terms), math.Sqrt(n.names)
	n.at, n.dirty = c.n, false
	return n.terms, n.names
}

// norm returns the cached norms of story idx, made dirty when it has none.
func (c *Clusterer) norm(idx int32) *storyNorm {
	n := c.norms[idx]
	if n == nil {
		n = &storyNorm{dirty: true}
		c.norms[idx] = n
	}
	return n
}

// staleNorms reports whether the norms of story idx would be recomputed
// when it is scored now.
func (c *Clusterer) staleNorms(idx int32) bool {
	n := c.norms[idx]
	return n == nil || n.dirty || float64(c.n) > 1.1*float64(n.at)
}

// sortedKeys returns the keys of m in order.
func sortedKeys(m map[string]float64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// dot is the cosine of a weighted article bag with a story bag of norm
// norm.
func dot(a weighted, story map[string]float64, norm float64) float64 {
	if a.norm == 0 || norm == 0 {
		return 0
	}
	var d float64
	for _, e := range a.w {
		if y, ok := story[e.k]; ok {
			d += e.x * y
		}
	}
	return d / (a.norm * norm)
}

// score is how well an article (features f, weighted terms and names)
// fits story idx, in [0, 1].
func (c *Clusterer) score(f features, terms, names weighted, idx int32) float64 {
	s := c.stories[idx]
	tn, nn := c.storyNorms(idx)
	sim := dot(terms, s.Terms, tn)
	if len(f.names) > 0 && len(s.Names) > 0 {
		sim = (1-entityShare)*sim + entityShare*dot(names, s.Names, nn)
	}
	if !f.date.IsZero() && s.First != "" {
		gap := 0.0
		if first := parseDate(s.First); f.date.Before(first) {
			gap = first.Sub(f.date).Hours() / 24
		} else if last := parseDate(s.Last); f.date.After(last) {
			gap = f.date.Sub(last).Hours() / 24
		}
		if gap > timeSlack {
			sim *= math.Exp2(-(gap - timeSlack) / timeHalf)
		}
	}
	return sim * eventFactor(f.ev, s)
}

// topTerms returns up to n of f's terms, strongest (tf·idf) first.
func (c *Clusterer) topTerms(terms map[string]float64, n int) []string {
	type tw struct {
		t string
		w float64
	}
	all := make([]tw, 0, len(terms))
	for t, x := range terms {
		all = append(all, tw{t, x * c.idf(t)})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].w != all[j].w {
			return all[i].w > all[j].w
		}
		return all[i].t < all[j].t
	})
	if len(all) > n {
		all = all[:n]
	}
	out := make([]string, len(all))
	for i, x := range all {
		out[i] = x.t
	}
	return out
}

// Assignment is where the clusterer put an article.
type Assignment struct {
	Story *StoryState
	New   bool    // the article opened the story
	Score float64 // the joined story's score; 0 for a new story
	// Keys are the article's terms and names as counted in the document
	// frequencies, for a store that persists them as increments.
	Keys []string
	// Filed are the terms the story was newly filed under, in order, for
	// a store to replay with RestoreFiling.
	Filed []string
	// Norms are the cached norms the article changed, for a store to
	// restore with RestoreNorm.
	Norms []StoryNorm
	// Cut are the terms (among Filed) whose postings overflowed when the
	// story was filed under them: a store that keeps postings keeps only
	// the storyPostingCap/2 most recent of each.
	Cut []string
}

// Add assigns article a (whose ID must be set) to a story. hint lists
// stories that must be considered, e.g. those of articles a copies from.
// The returned story is the clusterer's own; callers must not change it.
// A clusterer with a loader (SetLoader) must be given AddContext.
func (c *Clusterer) Add(a *sift.Article, hint ...string) Assignment {
	as, _ := c.AddContext(context.Background(), a, hint...)
	return as
}

// AddContext is Add for a clusterer that may load stories (SetLoader).
func (c *Clusterer) AddContext(ctx context.Context, a *sift.Article, hint ...string) (Assignment, error) {
	c.touched, c.cut = c.touched[:0], nil
	f := articleFeatures(a)
	keys := dfKeys(f)
	if err := c.needDF(ctx, keys); err != nil {
		return Assignment{}, err
	}
	c.observe(f)
	top := c.topTerms(f.terms, queryTerms)
	if err := c.needPostings(ctx, top); err != nil {
		return Assignment{}, err
	}

	// Candidate stories: those filed under the article's strongest terms,
	// ranked by how many of those terms they share, plus the hints.
	votes := make(map[int32]float64)
	for _, t := range top {
		w := c.idf(t)
		for _, s := range c.postings[t] {
			votes[s] += w
		}
	}
	cands := make([]int32, 0, len(votes))
	for s := range votes {
		cands = append(cands, s)
	}
	sort.Slice(cands, func(i, j int) bool {
		if votes[cands[i]] != votes[cands[j]] {
			return votes[cands[i]] > votes[cands[j]]
		}
		return cands[i] < cands[j]
	})
	if len(cands) > maxCandidates {
		cands = cands[:maxCandidates]
	}
	for _, h := range hint {
		if s, ok := c.byID[h]; ok {
			cands = append(cands, s)
		}
	}
	if err := c.ensure(ctx, cands); err != nil {
		return Assignment{}, err // the clusterer has counted the article: discard it
	}
	for _, s := range cands {
		if c.staleNorms(s) {
			if err := c.needStoryDF(ctx, s); err != nil {
				return Assignment{}, err
			}
		}
	}
	terms, names := c.weigh(f.terms, ""), c.weigh(f.names, "@")
	best, bestScore := int32(-1), 0.0
	for _, s := range cands {
		if sc := c.score(f, terms, names, s); sc > bestScore || (sc == bestScore && best >= 0 && s < best) {
			best, bestScore = s, sc
		}
	}
	if best >= 0 && bestScore >= JoinThreshold {
		st := c.stories[best]
		if err := c.needStoryDF(ctx, best); err != nil {
			return Assignment{}, err
		}
		if err := c.needFiled(ctx, best); err != nil {
			return Assignment{}, err
		}
		c.join(best, a, f)
		filed := c.file(best, f, indexTerms)
		if err := c.dfMissed(); err != nil {
			return Assignment{}, err
		}
		return Assignment{Story: st, Score: bestScore, Keys: keys, Filed: filed, Norms: c.touchedNorms(), Cut: c.cut}, nil
	}
	st := &StoryState{
		ID:    "s" + a.ID,
		Terms: make(map[string]float64),
		Names: make(map[string]float64),
	}
	idx := c.insert(st)
	c.join(idx, a, f)
	filed := c.file(idx, f, indexTerms)
	if err := c.dfMissed(); err != nil {
		return Assignment{}, err
	}
	return Assignment{Story: st, New: true, Keys: keys, Filed: filed, Norms: c.touchedNorms(), Cut: c.cut}, nil
}

// dfMissed reports a document frequency that was asked without being
// read first (which would have scored with a count of 0).
func (c *Clusterer) dfMissed() error {
	if c.dfMiss == "" {
		return nil
	}
	k := c.dfMiss
	c.dfMiss = ""
	return fmt.Errorf("state %q used before it was read from the store", k)
}

// touchedNorms returns the cached norms of the stories this Add changed,
// each once, in order of story.
func (c *Clusterer) touchedNorms() []StoryNorm {
	sort.Slice(c.touched, func(i, j int) bool { return c.touched[i] < c.touched[j] })
	var out []StoryNorm
	for i, idx := range c.touched {
		if i > 0 && c.touched[i-1] == idx {
			continue
		}
		n := c.norm(idx)
		out = append(out, StoryNorm{Story: c.ids[idx], Terms: n.terms, Names: n.names, At: n.at, Dirty: n.dirty})
	}
	return out
}

// insert adds st to the clusterer's tables and returns its index.
func (c *Clusterer) insert(st *StoryState) int32 {
	idx := int32(len(c.stories))
	c.stories = append(c.stories, st)
	c.ids = append(c.ids, st.ID)
	c.lastUse = append(c.lastUse, c.n)
	c.byID[st.ID] = idx
	c.takeNorm(idx, st)
	c.resident++
	return idx
}

// needFiled makes resident the terms story idx was filed under, reading
// them with the filed loader when they are not in memory; only the story
// an article is filed under needs them.
func (c *Clusterer) needFiled(ctx context.Context, idx int32) error {
	if c.postLoad == nil || c.filed[idx] != nil {
		return nil
	}
	terms, err := c.filedLoad(ctx, c.ids[idx])
	if err != nil {
		return fmt.Errorf("reading the filings of story %s: %w", c.ids[idx], err)
	}
	m := make(map[string]bool, len(terms))
	for _, t := range terms {
		m[t] = true
	}
	c.filed[idx] = m
	return nil
}

// takeNorm takes over the norms a loader put in st (StoryState.Norm).
func (c *Clusterer) takeNorm(idx int32, st *StoryState) {
	if n := st.Norm; n != nil {
		c.norms[idx] = &storyNorm{terms: n.Terms, names: n.Names, at: n.At, dirty: n.Dirty}
		st.Norm = nil
	}
}

// RestoreStoryID registers a persisted story by ID only, for a clusterer
// with a loader: its state is loaded when an article may join it. Its
// filings and norms follow through RestoreFiling and RestoreNorm.
func (c *Clusterer) RestoreStoryID(id string) {
	c.insert(&StoryState{ID: id})
	i := len(c.stories) - 1
	c.stories[i] = nil
	c.resident--
}

// join adds an article's features to story idx.
func (c *Clusterer) join(idx int32, a *sift.Article, f features) {
	st := c.stories[idx]
	c.norm(idx).dirty = true
	c.touched = append(c.touched, idx)

	st.Size++
	for t, x := range f.terms {
		st.Terms[t] += x
	}
	for n, x := range f.names {
		st.Names[n] += x
	}
	joinEvent(st.Names, f.ev)
	c.prune(st)
	if a.Published != "" && !parseDate(a.Published).IsZero() {
		if st.First == "" || a.Published < st.First {
			st.First = a.Published
		}
		if a.Published > st.Last {
			st.Last = a.Published
		}
	}
	// Representative title: the member title closest to the centroid.
	if a.Title != "" {
		cand := c.titleScore(a.Title, idx)
		if st.Title == "" || cand > c.titleScore(st.Title, idx) {
			st.Title, st.RepArticle = a.Title, a.ID
		}
	}
}

// titleScore is how well a title sums up story idx.
func (c *Clusterer) titleScore(title string, idx int32) float64 {
	tn, _ := c.storyNorms(idx)
	return dot(c.weigh(termCounts(title, ""), ""), c.stories[idx].Terms, tn)
}

// prune keeps a story's strongest terms and names only.
func (c *Clusterer) prune(st *StoryState) {
	if len(st.Terms) > 2*maxStoryTerms {
		keep := make(map[string]float64, maxStoryTerms)
		for _, t := range c.topTerms(st.Terms, maxStoryTerms) {
			keep[t] = st.Terms[t]
		}
		st.Terms = keep
	}
	if len(st.Names) > 2*maxStoryTerms {
		keep := make(map[string]float64, maxStoryTerms)
		names := make([]string, 0, len(st.Names))
		for n := range st.Names {
			names = append(names, n)
		}
		sort.Slice(names, func(i, j int) bool {
			if st.Names[names[i]] != st.Names[names[j]] {
				return st.Names[names[i]] > st.Names[names[j]]
			}
			return names[i] < names[j]
		})
		for _, n := range names[:maxStoryTerms] {
			keep[n] = st.Names[n]
		}
		st.Names = keep
	}
}

// file adds story idx to the postings of the n strongest terms of f and
// returns the terms it was not filed under before.
func (c *Clusterer) file(idx int32, f features, n int) []string {
	var filed []string
	for _, t := range c.topTerms(f.terms, n) {
		if c.fileUnder(idx, t) {
			filed = append(filed, t)
		}
	}
	return filed
}

// fileUnder adds story idx to the postings of term t, keeping the most
// recent storyPostingCap/2 when they overflow; it reports false when the
// story was filed under t already.
func (c *Clusterer) fileUnder(idx int32, t string) bool {
	filed := c.filed[idx]
	if filed == nil {
		filed = make(map[string]bool)
		c.filed[idx] = filed
	}
	if filed[t] {
		return false
	}
	filed[t] = true
	p, ok := c.postings[t]
	if !ok && c.postLoad != nil && c.dfMiss == "" {
		c.dfMiss = "posting " + t // not read: the store's would be lost
	}
	p = append(p, idx)
	if len(p) > storyPostingCap {
		p = append([]int32(nil), p[len(p)-storyPostingCap/2:]...)
		c.cut = append(c.cut, t)
	}
	c.postings[t] = p
	return true
}

// RestoreContext is Restore for a clusterer that reads document
// frequencies from a store (SetDFLoader).
func (c *Clusterer) RestoreContext(ctx context.Context, st *StoryState) error {
	keys := make([]string, 0, len(st.Terms))
	for t := range st.Terms {
		keys = append(keys, t)
	}
	if err := c.needDF(ctx, keys); err != nil {
		return fmt.Errorf("restoring story %s: %w", st.ID, err)
	}
	c.Restore(st)
	if err := c.dfMissed(); err != nil {
		return fmt.Errorf("restoring story %s: %w", st.ID, err)
	}
	return nil
}

// Restore loads a persisted story and the document frequencies it was
// scored with. Call RestoreDF once, then Restore for each story.
func (c *Clusterer) Restore(st *StoryState) {
	if st.Terms == nil {
		st.Terms = make(map[string]float64)
	}
	if st.Names == nil {
		st.Names = make(map[string]float64)
	}
	idx := c.insert(st)
	// A live story was filed under the strongest terms of each member;
	// a restored one under the strongest of its centroid, more of them.
	c.file(idx, features{terms: st.Terms}, restoreTerms)
}

// FiledOnRestore reports whether any of the states, the stories of a store
// linked before it recorded filings, is filed under its centroid's terms
// when restored (Restore): then the clusterer must be restored whole
// (RestoreDF, Restore, RestoreFiling), as those filings come first and
// depend on the document frequencies of each start.
func FiledOnRestore(states map[string]*StoryState) bool {
	for _, st := range states {
		if len(st.Terms) > 0 {
			return true
		}
	}
	return false
}

// RestoreStory loads a persisted story without filing it anywhere: its
// filings follow through RestoreFiling, in the order Add made them.
func (c *Clusterer) RestoreStory(st *StoryState) {
	if st.Terms == nil {
		st.Terms = make(map[string]float64)
	}
	if st.Names == nil {
		st.Names = make(map[string]float64)
	}
	c.insert(st)
}

// RestoreFiling replays one filing of story id under term (an entry of
// Assignment.Filed); an unknown story is ignored.
func (c *Clusterer) RestoreFiling(id, term string) {
	if idx, ok := c.byID[id]; ok {
		c.fileUnder(idx, term)
	}
}

// RestoreNorm puts back a story's cached norms (an entry of
// Assignment.Norms); an unknown story is ignored.
func (c *Clusterer) RestoreNorm(n StoryNorm) {
	if idx, ok := c.byID[n.Story]; ok {
		c.norms[idx] = &storyNorm{terms: n.Terms, names: n.Names, at: n.At, dirty: n.Dirty}
	}
}

// RestoreDF sets the document frequencies and article count.
func (c *Clusterer) RestoreDF(n int, df map[string]int) {
	c.n = n
	c.df = df
}

// DF returns the article count and document frequencies (the clusterer's
// own map: callers must not change it).
func (c *Clusterer) DF() (int, map[string]int) { return c.n, c.df }

// dfKeys returns the keys under which features f count in the document
// frequencies: terms as they are, names prefixed with "@".
func dfKeys(f features) []string {
	keys := make([]string, 0, len(f.terms)+len(f.names))
	for t := range f.terms {
		keys = append(keys, t)
	}
	for n := range f.names {
		keys = append(keys, "@"+n)
	}
	sort.Strings(keys)
	return keys
}

// Stories returns every story, in order of creation; with a loader
// (SetLoader), only the resident ones.
func (c *Clusterer) Stories() []*StoryState {
	if c.loader == nil {
		return c.stories
	}
	var out []*StoryState
	for _, st := range c.stories {
		if st != nil {
			out = append(out, st)
		}
	}
	return out
}

// Story returns the story with the given ID, or nil (also when it is
// not resident).
func (c *Clusterer) Story(id string) *StoryState {
	if i, ok := c.byID[id]; ok {
		return c.stories[i]
	}
	return nil
}

// Outlets returns the distinct outlets of a story's members, sorted.
func Outlets(members []sift.StoryArticle) []string {
	seen := make(map[string]bool)
	var out []string
	for _, m := range members {
		o := strings.TrimSpace(m.Outlet)
		if o != "" && !seen[o] {
			seen[o] = true
			out = append(out, o)
		}
	}
	sort.Strings(out)
	return out
}

// Package gen writes realistic generated news for scale runs and
// benchmarks: articles of about 600 words from 30 invented outlets about
// invented events, several outlets covering each event over a few days,
// with exact copies, near copies and spun copies (names and loaded words
// substituted) of earlier articles in the shares of real scraped news,
// quotes with speakers, and figures. Everything comes from the package's
// own vocabulary and templates; no third-party text.
package gen

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/sift-news/sift"
)

// Kinds of generated article.
const (
	KindOriginal = "original" // written afresh about its story
	KindExact    = "exact"    // the text of an earlier article, republished by another outlet
	KindNear     = "near"     // an earlier article with a few sentences dropped, changed or added
	KindSpun     = "spun"     // an earlier article with names and loaded words substituted
)

// Options say how much to generate and in which shares.
type Options struct {
	Articles int    // how many articles
	Seed     uint64 // the same seed gives the same articles
	Outlets  int    // number of outlets (default 30)
	// Shares of copies among the articles (defaults 0.04, 0.04, 0.10):
	// the rest are originals.
	Exact, Near, Spun float64
	// PerStory is the mean number of original articles per story
	// (default 4).
	PerStory float64
}

// Article is one generated article, with what it is (its story, its kind
// and, for a copy, the index of the article it copies) so that linking can
// be checked against it.
type Article struct {
	Index     int    `json:"-"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	Story     int    `json:"gen_story"`
	Kind      string `json:"gen_kind"`
	Of        int    `json:"gen_of"` // index of the copied article; -1 for an original

	st   *story    // the story, for copies of this article
	outs *[]string // outlets that carry this original's exact text
}

// Generator yields articles one at a time, with bounded memory: copies are
// made of recent articles only.
type Generator struct {
	opt     Options
	r       *rand.Rand
	outlets []string
	next    int
	stories []*story // open stories, oldest first
	nStory  int
	recent  []Article // ring of recent articles, copy sources
}

// recentKept is how many recent articles copies may be made of.
const recentKept = 2000

// openStories is how many stories take new articles at a time.
const openStories = 300

// articlesPerDay spreads publication dates: the 30 outlets publish about
// this many articles a day between them.
const articlesPerDay = 400

// New returns a generator.
func New(opt Options) *Generator {
	if opt.Outlets <= 0 {
		opt.Outlets = 30
	}
	if opt.Exact == 0 && opt.Near == 0 && opt.Spun == 0 {
		opt.Exact, opt.Near, opt.Spun = 0.04, 0.04, 0.10
	}
	if opt.PerStory <= 0 {
		opt.PerStory = 4
	}
	g := &Generator{opt: opt, r: rand.New(rand.NewPCG(opt.Seed, 0x5eed))}
	seen := map[string]bool{}
	for len(g.outlets) < opt.Outlets {
		o := outletName(g.r)
		if !seen[o] {
			seen[o] = true
			g.outlets = append(g.outlets, o)
		}
	}
	return g
}

// Outlets returns the outlets' names.
func (g *Generator) Outlets() []string { return append([]string(nil), g.outlets...) }

// More reports whether Next has articles left to give.
func (g *Generator) More() bool { return g.next < g.opt.Articles }

// Next returns the next article.
func (g *Generator) Next() Article {
	i := g.next
	g.next++
	day := i / articlesPerDay
	var a Article
	x := g.r.Float64()
	switch {
	case len(g.recent) > 20 && x < g.opt.Exact:
		a = g.exact(g.pickOriginal())
	case len(g.recent) > 20 && x < g.opt.Exact+g.opt.Near:
		a = g.near(g.pick())
	case len(g.recent) > 20 && x < g.opt.Exact+g.opt.Near+g.opt.Spun:
		a = g.spun(g.pickOriginal())
	default:
		a = g.original(day)
	}
	a.Index = i
	a.URL = fmt.Sprintf("https://%s.example/%s/a%07d", slug(a.Outlet), a.Published, i)
	if len(g.recent) < recentKept {
		g.recent = append(g.recent, a)
	} else {
		g.recent[i%recentKept] = a
	}
	return a
}

// pick chooses a recent article to copy, more often the most recent.
func (g *Generator) pick() Article {
	n := len(g.recent)
	back := int(float64(n) * g.r.Float64() * g.r.Float64())
	last := (g.next - 2) % recentKept
	if n < recentKept {
		last = n - 1
	}
	return g.recent[((last-back)%n+n)%n]
}

// pickOriginal chooses a recent original article to copy.
func (g *Generator) pickOriginal() Article {
	for {
		if a := g.pick(); a.Kind == KindOriginal {
			return a
		}
	}
}

// otherOutlet returns an outlet other than o.
func (g *Generator) otherOutlet(o string) string {
	for {
		if p := g.outlets[g.r.IntN(len(g.outlets))]; p != o {
			return p
		}
	}
}

// later returns a date d or one or two days after it.
func (g *Generator) later(d string) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return d
	}
	return t.AddDate(0, 0, g.r.IntN(3)).Format("2006-01-02")
}

// exact republishes original a: same title and text, at an outlet that
// does not carry it yet (an outlet storing one text twice is the same
// article).
func (g *Generator) exact(a Article) Article {
	o := g.otherOutlet(a.Outlet)
	for tries := 0; slices.Contains(*a.outs, o) && tries < 100; tries++ {
		o = g.otherOutlet(a.Outlet)
	}
	*a.outs = append(*a.outs, o)
	return Article{Title: a.Title, Text: a.Text, Outlet: o, Published: g.later(a.Published),
		Story: a.Story, Kind: KindExact, Of: a.Index, st: a.st}
}

// near drops, rewrites or adds a few sentences of a.
func (g *Generator) near(a Article) Article {
	st := a.st
	paras := strings.Split(a.Text, "\n\n")
	for range 1 + g.r.IntN(3) {
		p := g.r.IntN(len(paras))
		sents := splitSentences(paras[p])
		if len(sents) > 1 && g.r.IntN(2) == 0 {
			k := g.r.IntN(len(sents))
			sents = append(sents[:k], sents[k+1:]...)
		} else {
			sents = append(sents, st.sentence(g.r))
		}
		paras[p] = strings.Join(sents, " ")
	}
	if g.r.IntN(3) == 0 || sift.Normalize(strings.Join(paras, " ")) == sift.Normalize(a.Text) {
		paras = append(paras, expand(g.r, pick(g.r, updateLines), st.slots))
	}
	title := a.Title
	if g.r.IntN(2) == 0 {
		title = st.title(g.r)
	}
	return Article{Title: title, Text: strings.Join(paras, "\n\n"), Outlet: g.otherOutlet(a.Outlet),
		Published: g.later(a.Published), Story: a.Story, Kind: KindNear, Of: a.Index, st: st}
}

// spun substitutes names and loaded words through a: the country by its
// long form, people by title and surname, neutral verbs by loaded ones.
func (g *Generator) spun(a Article) Article {
	st := a.st
	var pairs []string
	for _, s := range st.spins {
		if g.r.IntN(4) != 0 {
			pairs = append(pairs, s[0], s[1])
		}
	}
	for _, w := range spinWords {
		if g.r.IntN(2) == 0 {
			pairs = append(pairs, w[0], w[1])
		}
	}
	if len(pairs) == 0 {
		pairs = append(pairs, st.spins[0][0], st.spins[0][1])
	}
	rep := strings.NewReplacer(append(append([]string(nil), st.guard...), pairs...)...)
	if rep.Replace(a.Text) == a.Text { // none of the chosen words occur: spin every name
		for _, s := range st.spins {
			pairs = append(pairs, s[0], s[1])
		}
		rep = strings.NewReplacer(append(append([]string(nil), st.guard...), pairs...)...)
	}
	return Article{Title: capitalise(rep.Replace(a.Title)), Text: rep.Replace(a.Text), Outlet: g.otherOutlet(a.Outlet),
		Published: g.later(a.Published), Story: a.Story, Kind: KindSpun, Of: a.Index, st: st}
}

// original writes a new article about an open story or a new one.
func (g *Generator) original(day int) Article {
	var st *story
	if len(g.stories) == 0 || g.r.Float64() < 1/g.opt.PerStory {
		st = newStory(g.r, g.nStory, day)
		g.nStory++
		g.stories = append(g.stories, st)
		if len(g.stories) > openStories {
			g.stories = g.stories[1:]
		}
	} else {
		// Recent stories are covered more.
		n := len(g.stories)
		back := int(float64(n) * g.r.Float64() * g.r.Float64())
		st = g.stories[n-1-back]
	}
	outlet := g.outlets[g.r.IntN(len(g.outlets))]
	date := st.start.AddDate(0, 0, g.r.IntN(4)).Format("2006-01-02")
	return Article{Title: st.title(g.r), Text: vary(g.r, st.article(g.r, outlet, g.outlets)), Outlet: outlet,
		Published: date, Story: st.n, Kind: KindOriginal, Of: -1, st: st, outs: &[]string{outlet}}
}

// splitSentences splits a paragraph of generated text after each ". ".
func splitSentences(p string) []string {
	var out []string
	for {
		k := strings.Index(p, ". ")
		if k < 0 {
			if p != "" {
				out = append(out, p)
			}
			return out
		}
		out = append(out, p[:k+1])
		p = p[k+2:]
	}
}

// slug folds an outlet name into a host name.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

package link

import (
	"sort"

	"github.com/sift-news/sift"
)

// PatchSource is another article holding a passage of a patchwork article.
type PatchSource struct {
	Article    string  `json:"article"`
	Kind       string  `json:"kind"` // passage or spun
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Similarity float64 `json:"similarity"`
}

// PatchPassage is one stretch of a patchwork article found elsewhere.
type PatchPassage struct {
	Start   int           `json:"start"` // code points into the article
	End     int           `json:"end"`
	Sources []PatchSource `json:"sources"`
	// First is the article that published the passage first: the
	// article itself or one of Sources.
	First string `json:"first"`
}

// Patchwork describes an article assembled from passages of several
// others.
type Patchwork struct {
	Article  string         `json:"article"`
	Passages []PatchPassage `json:"passages"`
	Sources  []string       `json:"sources"`  // distinct other articles
	Coverage float64        `json:"coverage"` // share of the text in passages
}

// FindPatchwork looks at the reuse links of article id (whose text is
// textLen code points long) where it is the copying side (A) and reports it
// as a patchwork when at least two of its passages come from different
// earlier articles, that is when no single other article accounts for every
// passage. earlier orders two article IDs
// by publication (see Linker.Earlier). It returns nil otherwise.
func FindPatchwork(id string, textLen int, links []sift.Reuse, earlier func(x, y string) bool) *Patchwork {
	type piece struct {
		start, end int
		src        PatchSource
	}
	var pieces []piece
	for _, r := range links {
		if r.Kind != sift.ReusePassage && r.Kind != sift.ReuseSpun {
			continue
		}
		if r.A == id { // the article is the copying side
			pieces = append(pieces, piece{r.AStart, r.AEnd, PatchSource{r.B, r.Kind, r.BStart, r.BEnd, r.Similarity}})
		}
	}
	if len(pieces) < 2 {
		return nil
	}
	sort.Slice(pieces, func(i, j int) bool {
		if pieces[i].start != pieces[j].start {
			return pieces[i].start < pieces[j].start
		}
		return pieces[i].end > pieces[j].end
	})
	// Merge overlapping pieces into passages of the article.
	var ps []PatchPassage
	for _, p := range pieces {
		if n := len(ps); n > 0 && p.start < ps[n-1].End {
			ps[n-1].End = max(ps[n-1].End, p.end)
			ps[n-1].Sources = append(ps[n-1].Sources, p.src)
			continue
		}
		ps = append(ps, PatchPassage{Start: p.start, End: p.end, Sources: []PatchSource{p.src}})
	}
	if len(ps) < 2 {
		return nil
	}
	// A single article behind every passage makes a copy, not a patchwork.
	count := make(map[string]int)
	for _, p := range ps {
		seen := make(map[string]bool)
		for _, s := range p.Sources {
			if !seen[s.Article] {
				seen[s.Article] = true
				count[s.Article]++
			}
		}
	}
	pw := &Patchwork{Article: id}
	covered := 0
	for src, n := range count {
		if n == len(ps) {
			return nil
		}
		pw.Sources = append(pw.Sources, src)
	}
	sort.Strings(pw.Sources)
	for i := range ps {
		p := &ps[i]
		covered += p.End - p.Start
		p.First = id
		for _, s := range p.Sources {
			if earlier(s.Article, p.First) {
				p.First = s.Article
			}
		}
	}
	pw.Passages = ps
	if textLen > 0 {
		pw.Coverage = float64(covered) / float64(textLen)
	}
	return pw
}

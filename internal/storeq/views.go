package storeq

import (
	"sort"
	"strings"

	"github.com/sift-news/sift"
)

// FacetLimit bounds the values listed per facet.
const FacetLimit = 30

// Facets counts the articles of rows, each (outlet, month YYYY-MM or "",
// its distinct techniques joined by \x01), into search facets. sampled
// says the rows are the first sift.FacetSample matches only, so that a
// full sample is reported as such.
func Facets(rows Rows, sampled bool) (*sift.Facets, error) {
	outlets, months, techniques := map[string]int{}, map[string]int{}, map[string]int{}
	f := &sift.Facets{}
	n := 0
	for rows.Next() {
		var outlet, month, techs string
		if err := rows.Scan(&outlet, &month, &techs); err != nil {
			return nil, err
		}
		outlets[outlet]++
		if outlet == "" {
			f.NoOutlet++
		}
		if month != "" {
			months[month]++
		} else {
			f.Undated++
		}
		if techs != "" {
			for _, t := range strings.Split(techs, "\x01") {
				techniques[t]++
			}
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if sampled && n == sift.FacetSample {
		f.Sampled = n
	}
	f.Outlets = sift.TopCounts(outlets, FacetLimit)
	f.Months = sift.TopCounts(months, 0)
	sort.Slice(f.Months, func(i, j int) bool { return f.Months[i].Key < f.Months[j].Key })
	f.Techniques = sift.TopCounts(techniques, FacetLimit)
	return f, nil
}

// TechniqueRates sets p.Techniques from the span counts of every
// technique in the store (all, in the order to list them) and in the
// outlet's articles (mine), as rates per 1,000 words of the outlet
// (p.Words) and of the store (storeWords).
func TechniqueRates(p *sift.OutletProfile, storeWords int, all, mine []sift.Count) {
	own := map[string]int{}
	for _, c := range mine {
		own[c.Key] = c.N
	}
	p.Techniques = []sift.TechniqueRate{}
	for _, c := range all {
		r := sift.TechniqueRate{Technique: c.Key, Spans: own[c.Key]}
		if p.Words > 0 {
			r.Rate = 1000 * float64(r.Spans) / float64(p.Words)
		}
		if storeWords > 0 {
			r.StoreRate = 1000 * float64(c.N) / float64(storeWords)
		}
		p.Techniques = append(p.Techniques, r)
	}
}

// TechniqueTable gathers sift.OutletStore's ArticleTechniques: the
// articles first, then the counts of their techniques and signals.
type TechniqueTable struct {
	list  []sift.ArticleTechniques
	index map[string]int
}

// NewTechniqueTable reads the articles from rows of (id, outlet, words),
// in the order to list them.
func NewTechniqueTable(rows Rows) (*TechniqueTable, error) {
	t := &TechniqueTable{index: map[string]int{}}
	for rows.Next() {
		a := sift.ArticleTechniques{Techniques: map[string]int{}, Signals: map[string]int{}}
		if err := rows.Scan(&a.ID, &a.Outlet, &a.Words); err != nil {
			return nil, err
		}
		t.index[a.ID] = len(t.list)
		t.list = append(t.list, a)
	}
	return t, rows.Err()
}

// Techniques reads rows of (article id, technique, spans).
func (t *TechniqueTable) Techniques(rows Rows) error {
	return t.add(rows, func(a *sift.ArticleTechniques) map[string]int { return a.Techniques })
}

// Signals reads rows of (article id, signal kind, signals).
func (t *TechniqueTable) Signals(rows Rows) error {
	return t.add(rows, func(a *sift.ArticleTechniques) map[string]int { return a.Signals })
}

// add reads rows of (article id, key, n) into the field of each listed
// article; empty keys are left out.
func (t *TechniqueTable) add(rows Rows, field func(*sift.ArticleTechniques) map[string]int) error {
	for rows.Next() {
		var id, key string
		var n int
		if err := rows.Scan(&id, &key, &n); err != nil {
			return err
		}
		if i, ok := t.index[id]; ok && key != "" {
			field(&t.list[i])[key] = n
		}
	}
	return rows.Err()
}

// List returns the articles with their counts.
func (t *TechniqueTable) List() []sift.ArticleTechniques { return t.list }

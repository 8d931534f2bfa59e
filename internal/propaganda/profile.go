package propaganda

import (
	"sort"
	"strings"

	"github.com/sift-news/sift"
)

// TechniqueRate is how often one technique occurs in a group of articles,
// in spans per 1,000 words, and how that compares with all articles.
type TechniqueRate struct {
	Technique string  `json:"technique"`
	Spans     int     `json:"spans"`
	Rate      float64 `json:"per_1000_words"`
	// StoreRate is the rate over all articles profiled together; Relative
	// is Rate/StoreRate (2 means twice as often as average), 0 when the
	// technique does not occur elsewhere.
	StoreRate float64 `json:"store_per_1000_words"`
	Relative  float64 `json:"vs_store"`
}

// Profile summarises the techniques and signals of an article or of all
// articles of one outlet.
type Profile struct {
	Outlet   string `json:"outlet"`
	Articles int    `json:"articles"`
	Words    int    `json:"words"`
	Spans    int    `json:"spans"`
	// Rate is technique spans per 1,000 words; StoreRate the same over all
	// articles profiled together, Relative the ratio of the two.
	Rate      float64 `json:"per_1000_words"`
	StoreRate float64 `json:"store_per_1000_words"`
	Relative  float64 `json:"vs_store"`
	// Techniques lists the techniques found, most frequent first.
	Techniques []TechniqueRate `json:"techniques"`
	// Signals counts signals by kind.
	Signals map[string]int `json:"signals"`
}

// Stats reduces an analysed article to the counts profiles need.
func Stats(a *sift.Article) sift.ArticleTechniques {
	s := sift.ArticleTechniques{ID: a.ID, Outlet: a.Outlet, Words: len(strings.Fields(a.Text)),
		Techniques: map[string]int{}, Signals: map[string]int{}}
	for _, t := range a.Techniques {
		s.Techniques[t.Technique]++
	}
	for _, g := range a.Signals {
		s.Signals[g.Kind]++
	}
	return s
}

// ArticleProfile returns the profile of one article on its own.
func ArticleProfile(a *sift.Article) Profile {
	ps, _ := Profiles([]sift.ArticleTechniques{Stats(a)})
	return ps[0]
}

// Profiles groups articles by outlet and returns one profile per outlet,
// most articles first (then by name), each compared with the profile of
// all articles together, which it returns too. It does no I/O.
func Profiles(articles []sift.ArticleTechniques) (outlets []Profile, all Profile) {
	byOutlet := map[string]*Profile{}
	all = newProfile("")
	for _, a := range articles {
		p := byOutlet[a.Outlet]
		if p == nil {
			np := newProfile(a.Outlet)
			p = &np
			byOutlet[a.Outlet] = p
		}
		p.add(a)
		all.add(a)
	}
	all.finish(nil)
	for _, p := range byOutlet {
		p.finish(&all)
		outlets = append(outlets, *p)
	}
	sort.Slice(outlets, func(i, j int) bool {
		if outlets[i].Articles != outlets[j].Articles {
			return outlets[i].Articles > outlets[j].Articles
		}
		return outlets[i].Outlet < outlets[j].Outlet
	})
	return outlets, all
}

func newProfile(outlet string) Profile {
	return Profile{Outlet: outlet, Techniques: []TechniqueRate{}, Signals: map[string]int{}}
}

// add counts one article into p.
func (p *Profile) add(a sift.ArticleTechniques) {
	p.Articles++
	p.Words += a.Words
	for name, n := range a.Techniques {
		p.Spans += n
		found := false
		for i := range p.Techniques {
			if p.Techniques[i].Technique == name {
				p.Techniques[i].Spans += n
				found = true
				break
			}
		}
		if !found {
			p.Techniques = append(p.Techniques, TechniqueRate{Technique: name, Spans: n})
		}
	}
	for kind, n := range a.Signals {
		p.Signals[kind] += n
	}
}

// per1000 returns n per 1,000 of words (0 for no words).
func per1000(n, words int) float64 {
	if words == 0 {
		return 0
	}
	return 1000 * float64(n) / float64(words)
}

// ratio returns a/b, or 0 when b is 0.
func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// finish computes rates, compares them with all (when not nil), and sorts
// the techniques, most frequent first.
func (p *Profile) finish(all *Profile) {
	p.Rate = per1000(p.Spans, p.Words)
	for i := range p.Techniques {
		t := &p.Techniques[i]
		t.Rate = per1000(t.Spans, p.Words)
	}
	if all != nil {
		p.StoreRate = all.Rate
		p.Relative = ratio(p.Rate, all.Rate)
		for i := range p.Techniques {
			t := &p.Techniques[i]
			for _, s := range all.Techniques {
				if s.Technique == t.Technique {
					t.StoreRate = s.Rate
					t.Relative = ratio(t.Rate, s.Rate)
				}
			}
		}
	} else {
		p.StoreRate, p.Relative = p.Rate, ratio(p.Rate, p.Rate)
		for i := range p.Techniques {
			t := &p.Techniques[i]
			t.StoreRate, t.Relative = t.Rate, ratio(t.Rate, t.Rate)
		}
	}
	sort.Slice(p.Techniques, func(i, j int) bool {
		a, b := p.Techniques[i], p.Techniques[j]
		if a.Spans != b.Spans {
			return a.Spans > b.Spans
		}
		return a.Technique < b.Technique
	})
}

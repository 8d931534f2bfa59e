package sift

import "context"

// ArticleTechniques is what outlet profiles need of one article: its
// outlet, its length in words (white-space separated fields of Text) and
// how many spans of each technique and signals of each kind it holds.
type ArticleTechniques struct {
	ID         string         `json:"id"`
	Outlet     string         `json:"outlet"`
	Words      int            `json:"words"`
	Techniques map[string]int `json:"techniques"` // technique name -> spans
	Signals    map[string]int `json:"signals"`    // signal kind -> signals
}

// OutletCount is an outlet with the number of its stored articles.
type OutletCount struct {
	Outlet   string `json:"outlet"`
	Articles int    `json:"articles"`
}

// TechniqueRate is how often a technique occurs in an outlet's articles
// and in the whole store, in spans per 1,000 words.
type TechniqueRate struct {
	Technique string  `json:"technique"`
	Spans     int     `json:"spans"`
	Rate      float64 `json:"rate"`
	StoreRate float64 `json:"store_rate"`
}

// OutletProfile is what a store knows about one outlet.
type OutletProfile struct {
	Outlet     string          `json:"outlet"`
	Articles   int             `json:"articles"`
	Words      int             `json:"words"`
	First      string          `json:"first,omitempty"`
	Last       string          `json:"last,omitempty"`
	Techniques []TechniqueRate `json:"techniques"`
	// Speakers and Entities are those it quotes and names most.
	Speakers []Count `json:"speakers"`
	Entities []Count `json:"entities"`
}

// OutletStore reads what the store knows of outlets: the per-article
// technique counts behind outlet profiles (propaganda.Profiles and `sift
// outlets`), the outlets with their article counts, and one outlet's
// profile for the web UI.
type OutletStore interface {
	// ArticleTechniques returns the counts of every stored article, in a
	// stable order.
	ArticleTechniques(ctx context.Context) ([]ArticleTechniques, error)
	// Outlets returns every outlet with its article count, most articles
	// first, then by name.
	Outlets(ctx context.Context) ([]OutletCount, error)
	// OutletProfileOf returns the profile of an outlet, or ErrNotFound.
	OutletProfileOf(ctx context.Context, outlet string) (*OutletProfile, error)
}

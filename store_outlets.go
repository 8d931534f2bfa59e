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

// OutletStore reads the per-article technique counts behind outlet
// profiles (propaganda.Profiles and `sift outlets`).
type OutletStore interface {
	// ArticleTechniques returns the counts of every stored article, in a
	// stable order.
	ArticleTechniques(ctx context.Context) ([]ArticleTechniques, error)
}

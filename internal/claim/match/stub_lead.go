// TEMPORARY STUB written by the lead so that the tree compiles while the
// matcher is being built. The matcher's author: delete this file (stub_lead.go)
// when your match.go lands; nothing else depends on its internals.
package match

import "strings"

const Version = "0"

var Threshold = 0.5

func Keys(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }) {
		if len(w) > 3 && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

func Score(a, b string) float64 {
	ka, kb := Keys(a), Keys(b)
	if len(ka) == 0 || len(kb) == 0 {
		return 0
	}
	set := map[string]bool{}
	for _, k := range ka {
		set[k] = true
	}
	n := 0
	for _, k := range kb {
		if set[k] {
			n++
		}
	}
	return float64(n) / float64(len(ka)+len(kb)-n)
}

func Same(a, b string) (bool, float64) { s := Score(a, b); return s >= Threshold, s }

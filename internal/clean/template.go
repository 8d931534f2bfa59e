package clean

import (
	"hash/fnv"
	"strings"
)

// TemplateMaxWords is the longest line that can count as an outlet's
// template text (menus, prompts, footers); longer lines are prose even when
// an outlet repeats them.
const TemplateMaxWords = 20

// LineKey is the key under which a line is counted across an outlet's
// articles: a hash of its folded, white-space-collapsed text.
func LineKey(line string) int64 {
	h := fnv.New64a()
	h.Write([]byte(fold(Collapse(line))))
	return int64(h.Sum64() >> 1)
}

// TemplateCandidates returns the keys of the distinct short lines of a raw
// text, the ones that may turn out to be the outlet's template text.
func TemplateCandidates(raw string) []int64 {
	seen := map[int64]bool{}
	var out []int64
	for _, l := range strings.Split(raw, "\n") {
		l = Collapse(l)
		if n := CountWords(l); n == 0 || n > TemplateMaxWords {
			continue
		}
		k := LineKey(l)
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

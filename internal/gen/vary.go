package gen

import (
	"math/rand/v2"
	"strings"
)

// vary rewrites about half of the common words of a text with a synonym,
// as each outlet's writer words the same facts differently: without it two
// articles built from the same templates would share long runs of words,
// which read as copied passages. Names and figures are left alone.
func vary(r *rand.Rand, text string) string {
	var b strings.Builder
	b.Grow(len(text) + len(text)/8)
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && text[j] >= 'a' && text[j] <= 'z' {
			j++
		}
		if j == i {
			b.WriteByte(text[i])
			i++
			continue
		}
		w := text[i:j]
		if alts, ok := synonyms[w]; ok && r.IntN(2) == 0 && (i == 0 || text[i-1] != '-') {
			w = alts[r.IntN(len(alts))]
		}
		b.WriteString(w)
		i = j
	}
	return b.String()
}

// synonyms are interchangeable words of the templates, lower case.
var synonyms = map[string][]string{
	"said":       {"stated", "told reporters", "reported"},
	"killed":     {"left dead", "claimed the lives of"},
	"people":     {"persons", "civilians", "residents"},
	"officials":  {"authorities", "administrators"},
	"residents":  {"locals", "inhabitants", "people living there"},
	"fighting":   {"combat", "hostilities", "clashes"},
	"expected":   {"forecast", "likely", "anticipated"},
	"announced":  {"declared", "unveiled", "made public"},
	"week":       {"seven days"},
	"warned":     {"cautioned", "alerted"},
	"agreed":     {"accepted", "consented"},
	"talks":      {"negotiations", "discussions"},
	"deal":       {"agreement", "accord", "pact"},
	"prices":     {"costs"},
	"rose":       {"increased", "went up", "climbed"},
	"fell":       {"dropped", "declined", "went down"},
	"about":      {"around", "roughly", "some"},
	"despite":    {"in spite of", "notwithstanding"},
	"amid":       {"during", "in the middle of"},
	"after":      {"following", "in the wake of"},
	"police":     {"security forces", "officers"},
	"army":       {"military", "armed forces"},
	"attack":     {"assault", "offensive"},
	"damaged":    {"hit", "harmed"},
	"destroyed":  {"wrecked", "flattened", "levelled"},
	"aid":        {"assistance", "relief", "help"},
	"city":       {"town"},
	"region":     {"area", "province"},
	"government": {"cabinet", "administration", "authorities"},
	"statement":  {"communique", "press release"},
	"reported":   {"recorded", "noted"},
	"called":     {"described"},
	"more":       {"further", "additional"},
	"many":       {"numerous", "a number of"},
	"several":    {"a few", "various"},
	"new":        {"fresh", "latest"},
	"began":      {"started", "got under way"},
	"continued":  {"went on", "carried on"},
	"accused":    {"blamed", "charged"},
	"denied":     {"rejected", "dismissed"},
	"criticised": {"condemned", "faulted", "attacked"},
	"promised":   {"pledged", "vowed"},
	"urged":      {"called on", "pressed"},
	"large":      {"big", "major"},
	"main":       {"principal", "central"},
	"nearby":     {"neighbouring", "close by"},
	"local":      {"regional", "nearby"},
	"earlier":    {"previously", "before"},
	"because":    {"as", "since"},
	"month":      {"four weeks"},
	"night":      {"evening"},
	"capital":    {"seat of government"},
	"figures":    {"numbers", "statistics", "data"},
	"shortage":   {"lack", "scarcity"},
	"border":     {"frontier"},
	"hospital":   {"clinic", "medical centre"},
	"school":     {"college"},
	"number":     {"count", "total"},
	"support":    {"backing"},
	"plan":       {"proposal", "scheme"},
	"hours":      {"a number of hours"},
}

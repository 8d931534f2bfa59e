package quote

// Quantifiers ("Nobody", "Everyone in the region", "Many") as subjects.

// quantifierWords are the words of quantity that stand for people without
// naming anyone. A negative one ('n': "nobody", "none") denies that
// anyone said what follows; the others ('a' universal, 's' existential or
// vague) make a claim about unnamed people.
var quantifierWords = map[string]byte{
	"nobody": 'n', "none": 'n', "no-one": 'n', "noone": 'n',
	"everyone": 'a', "everybody": 'a', "all": 'a',
	"someone": 's', "somebody": 's', "anyone": 's', "anybody": 's',
	"many": 's', "few": 's', "some": 's', "most": 's',
}

// quantifierPlace are the prepositions after which a universal quantifier
// still names nobody in particular ("Everyone in the region").
var quantifierPlace = map[string]bool{"in": true, "across": true, "around": true, "throughout": true, "at": true}

// quantifier reports whether toks[s:e] is a quantifier on its own, never a
// speaker: "Nobody", "No one", "none of them" (any negative phrase),
// "Everyone", "Everyone in the region", "everybody here", "Someone else",
// "Many", "Some". A quantifier qualifying a noun or a group ("many
// Republicans", "some of his admirers", "Everyone I interviewed") is
// not. neg reports a negative quantifier.
func (x *extractor) quantifier(s, e int) (neg, ok bool) {
	for s < e && (!x.toks[s].word || leadingAdverbs[x.toks[s].lower]) {
		s++
	}
	for e > s && !x.toks[e-1].word {
		e--
	}
	if e <= s {
		return false, false
	}
	w := x.toks[s].lower
	k := s + 1
	kind := quantifierWords[w]
	if w == "no" && k < e && x.toks[k].lower == "one" {
		kind, k = 'n', k+1
	}
	switch {
	case kind == 0:
		return false, false
	case kind == 'n' || k >= e:
		return kind == 'n', true
	}
	next := x.toks[k].lower
	if next == "else" || next == "here" || next == "there" {
		return false, k+1 >= e
	}
	return false, kind == 'a' && w != "all" && quantifierPlace[next] && !x.toks[k].cap
}

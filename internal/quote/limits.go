package quote

// maxUnitTokens is the most tokens of one sentence-like unit. The cue
// rules look from each cue to the ends of its unit, so their work grows
// with the square of a unit's length; a unit longer than this (text
// without sentence punctuation, a run of cues) is analysed in pieces of
// this many tokens. Real sentences, quotes and all, stay far below it.
const maxUnitTokens = 400

// capUnits splits every unit of more than max tokens into pieces of at
// most max tokens, cutting before a word so that no piece opens on the
// punctuation that ended the previous word.
func capUnits(units [][2]int, toks []token, max int) [][2]int {
	long := false
	for _, u := range units {
		if u[1]-u[0] > max {
			long = true
			break
		}
	}
	if !long {
		return units
	}
	out := make([][2]int, 0, len(units)+len(toks)/max)
	for _, u := range units {
		a, b := u[0], u[1]
		for b-a > max {
			cut := a + max
			for k := cut; k > a+max/2; k-- {
				if toks[k].word {
					cut = k
					break
				}
			}
			out = append(out, [2]int{a, cut})
			a = cut
		}
		out = append(out, [2]int{a, b})
	}
	return out
}

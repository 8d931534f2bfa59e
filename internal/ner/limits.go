package ner

// maxSentenceTokens is the most tokens the tagger sees as one sentence. A
// longer run without a sentence end (text without punctuation) is tagged
// in pieces of this many tokens: the features and the lattice of a
// sentence are held whole in memory, so one sentence of millions of tokens
// took gigabytes. The longest CoNLL-2003 sentences have about 125 tokens.
const maxSentenceTokens = 300

// capSentences splits every sentence of more than max tokens into pieces
// of max tokens (the last one shorter); offsets are the tokens' own.
func capSentences(sents [][]Token, max int) [][]Token {
	long := 0
	for _, s := range sents {
		if len(s) > max {
			long += len(s) / max
		}
	}
	if long == 0 {
		return sents
	}
	out := make([][]Token, 0, len(sents)+long)
	for _, s := range sents {
		for len(s) > max {
			out = append(out, s[:max:max])
			s = s[max:]
		}
		out = append(out, s)
	}
	return out
}

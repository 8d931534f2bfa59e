package propaganda

import (
	"sort"
)

// The technique classifier names the technique of a span already found:
// a softmax regression over hashed features of the span's words, its
// context, its length, the lexicon classes inside and around it and how
// often its words recur in the article. It is what SemEval-2020 Task 11's
// technique-classification subtask measures (given the gold spans, name
// their techniques), and it gives a second opinion on every span the
// detector finds, in the span's evidence. It does not replace the
// detector's label: trained on annotators' spans, it names the detector's
// differently cut spans worse than the detector does.

// Classifier training settings, chosen by cross-validation on the PTC
// training articles (docs/techniques.md).
const (
	classEpochs = 12
	classRate   = 0.05
)

// Feature templates of the classifier.
var (
	tCBias    = hashString(fnvOffset, "cbias\x00")
	tCWord    = hashString(fnvOffset, "cword\x00")
	tCBigram  = hashString(fnvOffset, "cbigram\x00")
	tCFirst   = hashString(fnvOffset, "cfirst\x00")
	tCLast    = hashString(fnvOffset, "clast\x00")
	tCPrev    = hashString(fnvOffset, "cprev\x00")
	tCPrev2   = hashString(fnvOffset, "cprev2\x00")
	tCNext    = hashString(fnvOffset, "cnext\x00")
	tCLen     = hashString(fnvOffset, "clen\x00")
	tCLex     = hashString(fnvOffset, "clex\x00")
	tCLexOut  = hashString(fnvOffset, "clexout\x00")
	tCLoaded  = hashString(fnvOffset, "cloaded\x00")
	tCCover   = hashString(fnvOffset, "ccover\x00")
	tCRepeat  = hashString(fnvOffset, "crepeat\x00")
	tCWordRep = hashString(fnvOffset, "cwordrep\x00")
	tCQuoted  = hashString(fnvOffset, "cquoted\x00")
	tCTitle   = hashString(fnvOffset, "ctitle\x00")
	tCPunct   = hashString(fnvOffset, "cpunct\x00")
	tCShape   = hashString(fnvOffset, "cshape\x00")
	tCSWord   = hashString(fnvOffset, "csword\x00")
)

// lengthBucket groups a span's number of words.
func lengthBucket(n int) byte {
	switch {
	case n <= 4:
		return byte('0' + n)
	case n <= 6:
		return '5'
	case n <= 9:
		return '7'
	case n <= 14:
		return 'a'
	case n <= 24:
		return 'b'
	}
	return 'c'
}

// tokenRange returns the tokens [a, b) that overlap the code points
// [start, end) of d.
func tokenRange(d *document, start, end int) (int, int) {
	a := sort.Search(len(d.tokens), func(i int) bool { return d.tokens[i].end > start })
	b := a
	for b < len(d.tokens) && d.tokens[b].start < end {
		b++
	}
	return a, b
}

// sentenceOf returns the index of the sentence holding token i.
func sentenceOf(d *document, i int) int {
	return sort.Search(len(d.sentences), func(si int) bool { return d.sentences[si].last > i })
}

// occurrences counts where the words of tokens [a, b) recur, in order,
// elsewhere in d (punctuation skipped, case ignored), at most limit.
func occurrences(d *document, a, b, limit int) int {
	var words []uint32
	for i := a; i < b; i++ {
		if d.tokens[i].word {
			words = append(words, d.tokens[i].hash)
		}
	}
	if len(words) == 0 || len(words) > 6 {
		return 0
	}
	if len(d.tokens) > scanLimit {
		return occurrencesIndexed(d, a, words, limit)
	}
	return occurrencesScan(d, a, words, limit)
}

// occurrencesScan is occurrences by a scan of the whole document.
func occurrencesScan(d *document, a int, words []uint32, limit int) int {
	n := 0
	for i := range d.tokens {
		if i == a || d.tokens[i].hash != words[0] {
			continue
		}
		j, k := i, 0
		for j < len(d.tokens) && k < len(words) {
			if !d.tokens[j].word {
				j++
				continue
			}
			if d.tokens[j].hash != words[k] {
				break
			}
			j++
			k++
		}
		if k == len(words) {
			n++
			if n == limit {
				break
			}
		}
	}
	return n
}

// spanFeatures appends the classifier's features of tokens [a, b).
func (f *featurizer) spanFeatures(out []uint32, a, b int) []uint32 {
	d := f.d
	out = f.add(out, tCBias, "bias", "")
	si := sentenceOf(d, a)
	s := d.sentences[min(si, len(d.sentences)-1)]
	words, loaded := 0, 0
	var lexIn uint32
	var prev *token
	bang, ask, quoted, caps := false, false, false, 0
	for i := a; i < b; i++ {
		t := &d.tokens[i]
		lexIn |= f.masks[i]
		if f.masks[i]&(1<<lexLoaded|1<<lexLabel) != 0 {
			loaded++
		}
		quoted = quoted || t.quoted
		switch t.text {
		case "!":
			bang = true
		case "?":
			ask = true
		}
		if !t.word {
			continue
		}
		words++
		if sh := t.shape; sh == 'X' || sh == 'A' {
			caps++
		}
		out = f.add(out, mix(tCWord, t.hash), "span word", t.lower)
		if prev != nil {
			out = f.add2(out, mix(mix(tCBigram, prev.hash), t.hash), "span bigram", prev.lower, t.lower)
		}
		prev = t
	}
	if b < len(d.tokens) && d.tokens[b].text == "?" {
		ask = true
	}
	if a < b {
		out = f.add(out, mix(tCFirst, d.tokens[a].hash), "span starts with", d.tokens[a].lower)
		out = f.add(out, mix(tCLast, d.tokens[b-1].hash), "span ends with", d.tokens[b-1].lower)
	}
	word := func(i int) (uint32, string) {
		if i < 0 || i >= len(d.tokens) {
			return hashBOS, "<s>"
		}
		return d.tokens[i].hash, d.tokens[i].lower
	}
	h, w := word(a - 1)
	out = f.add(out, mix(tCPrev, h), "word before span", w)
	h, w = word(a - 2)
	out = f.add(out, mix(tCPrev2, h), "second word before span", w)
	h, w = word(b)
	out = f.add(out, mix(tCNext, h), "word after span", w)
	lb := lengthBucket(words)
	out = f.add(out, hashByte(tCLen, lb), "span length", byteString[lb])
	var lexOut uint32
	for i := s.first; i < s.last; i++ {
		if i < a || i >= b {
			lexOut |= f.masks[i]
		}
	}
	for c := 0; c < numLex; c++ {
		if lexIn&(1<<c) != 0 {
			out = f.add(out, hashByte(tCLex, byte(c)), "span has lexicon", lexNames[c])
		}
		if lexOut&(1<<c) != 0 {
			out = f.add(out, hashByte(tCLexOut, byte(c)), "sentence around span has lexicon", lexNames[c])
		}
	}
	lw := byte('0' + min(loaded, 3))
	out = f.add(out, hashByte(tCLoaded, lw), "loaded words in span", string(lw))
	// How much of its sentence the span covers.
	cover := byte('0' + 4*min(b-a, s.last-s.first)/max(1, s.last-s.first))
	out = f.add(out, hashByte(tCCover, cover), "share of sentence", string(cover))
	// Repetition: the same words elsewhere in the article.
	rep := byte('0' + occurrences(d, a, b, 3))
	out = f.add(out, hashByte(hashByte(tCRepeat, rep), min(lb, '3')), "span repeated", string(rep))
	maxCount := 0
	for i := a; i < b; i++ {
		maxCount = max(maxCount, int(d.tokens[i].count))
	}
	wr := byte('0' + min(maxCount, 5))
	out = f.add(out, hashByte(tCWordRep, wr), "span word repeated", string(wr))
	if quoted {
		out = f.add(out, tCQuoted, "span in quotes", "")
	}
	if si == 0 && isTitle(d, 0) {
		out = f.add(out, tCTitle, "span in headline", "")
	}
	if bang {
		out = f.add(out, hashByte(tCPunct, '!'), "span has", "!")
	}
	if ask {
		out = f.add(out, hashByte(tCPunct, '?'), "span has", "?")
	}
	if words > 0 {
		sh := byte('0' + 2*caps/words)
		out = f.add(out, hashByte(tCShape, sh), "capitalised words in span", byteString[sh])
	}
	for i := s.first; i < s.last; i++ {
		t := &d.tokens[i]
		if (i < a || i >= b) && t.word && t.info&stopBit == 0 {
			out = f.add(out, mix(tCSWord, t.hash), "sentence word", t.lower)
		}
	}
	return out
}

// softmax turns scores into probabilities.
func softmax(x [numTech]float32) [numTech]float32 {
	mx := x[0]
	for _, v := range x[1:] {
		mx = max(mx, v)
	}
	var sum float32
	for k, v := range x {
		x[k] = exp32(v - mx)
		sum += x[k]
	}
	for k := range x {
		x[k] /= sum
	}
	return x
}

// classify returns the techniques of tokens [a, b) of f's document ranked
// from most to least likely, with their probabilities, using the
// quantised classifier.
func (m *Model) classify(f *featurizer, a, b int, feats []uint32) ([numTech]int, [numTech]float32, []uint32) {
	feats = f.spanFeatures(feats[:0], a, b)
	var acc [numTech]int32
	addQRows(&acc, m.q.class, feats)
	var x [numTech]float32
	for k := range acc {
		x[k] = float32(acc[k]) * m.q.classScale[k]
	}
	p := softmax(x)
	// Insertion sort: stable, and without the reflection of sort.Slice,
	// since this runs for every span found.
	var rank [numTech]int
	for k := range rank {
		j := k
		for j > 0 && p[rank[j-1]] < p[k] {
			rank[j] = rank[j-1]
			j--
		}
		rank[j] = k
	}
	return rank, p, feats
}

package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Features are 64-bit FNV-1a hashes of a template number and its values, so
// that extraction allocates nothing per feature and the model needs no
// feature dictionary.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hs mixes s into hash h.
func hs(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	h ^= 0xff // separator, so ("ab","c") differs from ("a","bc")
	h *= fnvPrime
	return h
}

// hb mixes a byte into h.
func hb(h uint64, b byte) uint64 {
	h ^= uint64(b)
	h *= fnvPrime
	return h
}

// tpl starts the hash of template t.
func tpl(t byte) uint64 { return hb(fnvOffset, t) }

// word is what the feature extractor knows about one token.
type word struct {
	form  string // as written (normalised punctuation)
	lower string
	shape string // Xxxx, dd-dd, X.X.
	short string // Xx, d-d, X.X.
	cap   bool   // starts with an upper-case letter
	upper bool   // every letter upper case, at least two letters
	alpha bool   // has a letter
	gz    []gazMark
	// Hashes of lower, shape, short and form, and the prefix and suffix
	// features, computed once per word.
	hLower, hShape, hShort, hForm uint64
	affixes                       [8]uint64
	nAffixes                      int
}

// Hashes standing for the words beyond the sentence's edges.
var (
	edgeStart = hs(fnvOffset, "<s>")
	edgeEnd   = hs(fnvOffset, "</s>")
)

// mix combines hash a with value b (order matters).
func mix(a, b uint64) uint64 {
	h := (a ^ b) * 0x9e3779b97f4a7c15
	return h ^ h>>29
}

// document is the unit the tagger sees: sentences of words with
// document-wide statistics for the non-local features.
type document struct {
	sents [][]word
	// lowerSeen holds words that occur in lower case in the document.
	lowerSeen map[string]bool
	// capSeen holds words seen capitalised in the middle of a sentence
	// that is not written in capitals.
	capSeen map[string]string
	// capsSent flags sentences written in capitals (headlines).
	capsSent []bool
	// hist counts, for each capitalised word, the types (O, PER, ORG,
	// LOC, MISC) the tagger gave it in the sentences tagged so far.
	hist map[string]*[5]uint16
}

// newDocument analyses the words of sents (normalised token texts).
func newDocument(sents [][]string) *document {
	d := &document{
		sents:     make([][]word, len(sents)),
		lowerSeen: map[string]bool{},
		capSeen:   map[string]string{},
		capsSent:  make([]bool, len(sents)),
		hist:      map[string]*[5]uint16{},
	}
	cache := map[string]*word{}
	for si, s := range sents {
		ws := make([]word, len(s))
		upperN, alphaN := 0, 0
		for i, f := range s {
			c := cache[f]
			if c == nil {
				w := makeWord(f)
				c = &w
				cache[f] = c
			}
			ws[i] = *c
			if ws[i].alpha && len(f) > 1 {
				alphaN++
				if ws[i].upper {
					upperN++
				}
			}
		}
		markGazetteer(ws)
		d.sents[si] = ws
		caps := upperN >= 2 && upperN*10 >= alphaN*6
		d.capsSent[si] = caps
		for i := range ws {
			w := &ws[i]
			if !w.alpha {
				continue
			}
			if w.form == w.lower {
				d.lowerSeen[w.lower] = true
			} else if !caps && i > 0 && w.cap && !isQuoteOrOpen(s[i-1]) {
				if _, ok := d.capSeen[w.lower]; !ok {
					d.capSeen[w.lower] = w.form
				}
			}
		}
	}
	return d
}

func isQuoteOrOpen(s string) bool {
	return s == `"` || s == "'" || s == "(" || s == "-" || s == ":" || s == "--"
}

// makeWord computes the case and shape facts of form.
func makeWord(form string) word {
	w := word{form: form, lower: strings.ToLower(form)}
	var long, short []byte
	var last byte
	run := 0
	letters, uppers := 0, 0
	for i, r := range form {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			letters++
			uppers++
			if i == 0 {
				w.cap = true
			}
		case unicode.IsLetter(r):
			c = 'x'
			letters++
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '~'
		}
		if c == last {
			run++
		} else {
			run = 1
		}
		if run <= 4 {
			long = append(long, c)
		}
		if c != last {
			short = append(short, c)
		}
		last = c
	}
	w.shape = string(long)
	w.short = string(short)
	w.alpha = letters > 0
	w.upper = letters >= 2 && uppers == letters
	w.hLower = hs(fnvOffset, w.lower)
	w.hShape = hs(fnvOffset, w.shape)
	w.hShort = hs(fnvOffset, w.short)
	w.hForm = hs(fnvOffset, w.form)
	// Prefixes and suffixes of 1 to 4 runes of the lower-cased word, hashed
	// incrementally (suffixes from the end backwards).
	pre := tpl(fPre)
	runes := 0
	for k := 0; k < len(w.lower) && runes < 4; {
		_, sz := utf8.DecodeRuneInString(w.lower[k:])
		for _, c := range []byte(w.lower[k : k+sz]) {
			pre = hb(pre, c)
		}
		k += sz
		runes++
		w.affixes[w.nAffixes] = hb(pre, 0xff)
		w.nAffixes++
	}
	suf := tpl(fSuf)
	runes = 0
	for k := len(w.lower); k > 0 && runes < 4; {
		_, sz := utf8.DecodeLastRuneInString(w.lower[:k])
		for j := k - 1; j >= k-sz; j-- {
			suf = hb(suf, w.lower[j])
		}
		k -= sz
		runes++
		w.affixes[w.nAffixes] = hb(suf, 0xff)
		w.nAffixes++
	}
	return w
}

// Feature templates.
const (
	fBias byte = iota
	fWord
	fForm
	fPre
	fSuf
	fShape
	fShort
	fPrev
	fNext
	fPrev2
	fNext2
	fPrevShort
	fNextShort
	fPrevWord
	fWordNext
	fShapes
	fInitial
	fCaps
	fGaz
	fDocLower
	fTrueCase
	fTrueWord
	fLen
	fPrevShortWord
	fGazNeighbour
	fCapsPrev
	fNextShape
	fHist
	fHistShape
	fHistInitial
)

// sentenceFeatures appends the features of every token of sentence si of d
// to buf and returns the flat buffer and the end offset of each token's
// features in it.
// With history set, the features include the types given to the same
// words in earlier sentences (see record).
func (d *document) sentenceFeatures(si int, history bool, buf []uint64, ends []int) ([]uint64, []int) {
	ws := d.sents[si]
	caps := d.capsSent[si]
	n := len(ws)
	// Hashes of the lower-cased word and the short shape at i, with
	// sentence edges beyond.
	lowerAt := func(i int) uint64 {
		switch {
		case i < 0:
			return edgeStart
		case i >= n:
			return edgeEnd
		}
		return ws[i].hLower
	}
	shortAt := func(i int) uint64 {
		switch {
		case i < 0:
			return edgeStart
		case i >= n:
			return edgeEnd
		}
		return ws[i].hShort
	}
	for i := range ws {
		w := &ws[i]
		var p, nx *word
		if i > 0 {
			p = &ws[i-1]
		}
		if i+1 < n {
			nx = &ws[i+1]
		}
		pl, nl, ps, ns := lowerAt(i-1), lowerAt(i+1), shortAt(i-1), shortAt(i+1)
		buf = append(buf,
			tpl(fBias),
			mix(tpl(fWord), w.hLower),
			mix(tpl(fShape), w.hShape),
			mix(tpl(fPrev), pl),
			mix(tpl(fNext), nl),
			mix(tpl(fPrev2), lowerAt(i-2)),
			mix(tpl(fNext2), lowerAt(i+2)),
			mix(tpl(fPrevShort), ps),
			mix(tpl(fNextShort), ns),
			mix(mix(tpl(fPrevWord), pl), w.hLower),
			mix(mix(tpl(fWordNext), w.hLower), nl),
			mix(mix(mix(tpl(fShapes), ps), w.hShort), ns),
			mix(mix(tpl(fPrevShortWord), ps), w.hLower),
			mix(mix(tpl(fNextShape), w.hShort), nl),
		)
		if !caps {
			buf = append(buf, mix(tpl(fForm), w.hForm))
		}
		buf = append(buf, w.affixes[:w.nAffixes]...)
		l := utf8.RuneCountInString(w.form)
		if l > 8 {
			l = 8
		}
		buf = append(buf, hb(tpl(fLen), byte(l)))
		if i == 0 {
			buf = append(buf, mix(tpl(fInitial), w.hShort))
		}
		if caps {
			buf = append(buf,
				mix(tpl(fCaps), w.hLower),
				mix(mix(tpl(fCapsPrev), pl), w.hShort))
		}
		for _, g := range w.gz {
			buf = append(buf,
				hb(hb(tpl(fGaz), g.kind), g.pos),
				hb(hb(hb(tpl(fGaz), g.kind), g.pos), boolByte(w.cap)))
		}
		if p != nil {
			for _, g := range p.gz {
				buf = append(buf, hb(hb(hb(tpl(fGazNeighbour), g.kind), g.pos), 'p'))
			}
		}
		if nx != nil {
			for _, g := range nx.gz {
				buf = append(buf, hb(hb(hb(tpl(fGazNeighbour), g.kind), g.pos), 'n'))
			}
		}
		if w.alpha && w.form != w.lower {
			// Non-local evidence: the same word in lower case elsewhere in
			// the document, and its usual written form when this one is at
			// the start of a sentence or in a headline.
			buf = append(buf, hb(hb(tpl(fDocLower), boolByte(d.lowerSeen[w.lower])), boolByte(i == 0 || caps)))
			if i == 0 || caps {
				if tc, ok := d.capSeen[w.lower]; ok {
					tw := makeWord(tc)
					buf = append(buf, hs(tpl(fTrueCase), tw.short), hs(tpl(fTrueWord), tc))
				} else {
					buf = append(buf, hs(tpl(fTrueCase), "none"))
				}
			}
		}
		if history {
			buf = d.historyFeatures(w, i == 0 || caps, buf)
		}
		ends = append(ends, len(buf))
	}
	return buf, ends
}

// historyFeatures appends the type the tagger gave most often to w
// earlier in the document, if w is capitalised and was seen before.
func (d *document) historyFeatures(w *word, initial bool, buf []uint64) []uint64 {
	if !w.alpha || w.form == w.lower {
		return buf
	}
	h := d.hist[w.lower]
	if h == nil {
		return buf
	}
	best := 0
	for k := 1; k < 5; k++ {
		if h[k] > h[best] {
			best = k
		}
	}
	return append(buf, hb(tpl(fHist), byte(best)), mix(hb(tpl(fHistShape), byte(best)), w.hShort),
		hb(hb(tpl(fHistInitial), byte(best)), boolByte(initial)))
}

// record adds the tags of sentence si to the document's history.
func (d *document) record(si int, tags []int) {
	for i := range d.sents[si] {
		w := &d.sents[si][i]
		if !w.alpha || w.form == w.lower {
			continue
		}
		h := d.hist[w.lower]
		if h == nil {
			h = new([5]uint16)
			d.hist[w.lower] = h
		}
		k := 0
		if tags[i] != tagO {
			k = 1 + (tags[i]-1)/4
		}
		if h[k] < 1<<15 {
			h[k]++
		}
	}
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

package clean

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The line model is a second opinion on every line the rules kept in the
// body. The rules recognise noise by the kinds they were written for; on
// scrapes of other kinds they keep a masthead, a newsletter's sign-off, a
// disclosure or a "Related topics" line as if it were article text. The
// model judges a line by generic evidence only — its shape (length,
// sentence punctuation, stopword share, capitals, digits, link-like tokens,
// symbols, address to the reader), its place relative to the document's
// prose, and its neighbours — never by a list of phrases. It is a logistic
// regression trained by this package's own code (TrainLineModel) on the
// hand-labelled sets in testdata; the weights are generated into
// linemodel_weights.go by `sift eval clean --retrain`.

// NumLineFeatures is the length of a line's feature vector.
const NumLineFeatures = 45

// LineModel scores how unlike article text a body line is.
type LineModel struct {
	// Weights of the logistic regression, one per feature (see
	// lineFeatures); feature 0 is the bias.
	Weights [NumLineFeatures]float64
	// Threshold is the probability of noise above which a line the rules
	// kept is set aside; above 1 the model never overrides the rules.
	Threshold float64
}

// RulesOnly is a model that never overrides the rules: Options{Lines:
// RulesOnly} cleans as the rules alone would.
var RulesOnly = &LineModel{Threshold: 2}

// ReasonUnlike is the reason given for a line the line model set aside.
const ReasonUnlike = "line unlike the article's text"

// LineSample is one line of a document with its feature vector, for
// training the line model.
type LineSample struct {
	Text string // the line, white space collapsed
	X    [NumLineFeatures]float64
	// Kept reports that the rules kept the line in the body.
	Kept bool
}

// LineSamples cleans s with the rules alone and returns the features of
// every line they kept in the body or set aside as noise or caption
// (title, comment and joined lines are left out).
func LineSamples(s string) []LineSample {
	lines, r := Options{Lines: RulesOnly}.lines(s)
	d := newDocShape(lines, r.Outlet)
	var out []LineSample
	for i := range lines {
		l := &lines[i]
		if l.blank || l.kind != kBody && l.kind != kNoise && l.kind != kCaption {
			continue
		}
		out = append(out, LineSample{Text: l.text, X: lineFeatures(lines, i, d), Kept: l.kind == kBody})
	}
	return out
}

// docShape is what the features need to know about the whole document.
type docShape struct {
	firstProse, lastProse int // indices of the first and last prose lines, -1 if none
	nonBlank              int
	prose                 []bool // per line: reads as prose (isBodyLike)
	count                 map[string]int
	shapes, labels        map[string]int // counts of short lines' shapes and of "Label:" prefixes
	bodyShapes            map[string]int // counts of the shapes of short lines the rules kept
	proseYou              float64        // share of the prose lines that address the reader
	names                 []string       // the outlet's names: the site suffix, names in short noise lines
}

// furnitureNames collects the names the page's furniture uses: the outlet
// cut from the headline, and runs of two or more capitalised words in the
// short, mostly capitalised lines the rules set aside (mastheads,
// copyright footers). A body line that names them speaks about the outlet,
// not the news.
func furnitureNames(lines []line, outlet string) []string {
	var names []string
	if CountWords(outlet) >= 2 {
		names = append(names, fold(outlet))
	}
	for i := range lines {
		l := &lines[i]
		if l.kind != kNoise || l.words > 8 || l.words < 2 {
			continue
		}
		ws := strings.Fields(l.text)
		caps := 0
		for _, w := range ws {
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
				caps++
			}
		}
		if caps*2 < len(ws) {
			continue
		}
		for k := 0; k < len(ws); {
			j := k
			for j < len(ws) && isCapWord(ws[j]) {
				j++
			}
			if j-k >= 2 {
				names = append(names, fold(strings.TrimRight(strings.Join(ws[k:j], " "), ".,;:!?")))
			}
			k = j + 1
		}
		if len(names) > 8 {
			break
		}
	}
	return names
}

// isCapWord reports a capitalised word of letters (trailing punctuation
// apart): "Coastline", "Today.".
func isCapWord(w string) bool {
	w = strings.TrimRight(w, ".,;:!?")
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, c := range w {
		if !unicode.IsLetter(c) && c != '\'' && c != '’' && c != '&' {
			return false
		}
	}
	return true
}

// namesOutlet reports whether the folded line f contains one of the
// furniture's names, in any case ("PATRIOT PLAINS DISPATCH" masthead, "the
// Patriot Plains Dispatch" in a sentence).
func (d *docShape) namesOutlet(f string) bool {
	for _, n := range d.names {
		if strings.Contains(f, n) {
			return true
		}
	}
	return false
}

func newDocShape(lines []line, outlet string) *docShape {
	d := &docShape{firstProse: -1, lastProse: -1, prose: make([]bool, len(lines)), names: furnitureNames(lines, outlet)}
	n := 0
	for i := range lines {
		l := &lines[i]
		if l.blank {
			continue
		}
		d.nonBlank++
		if isBodyLike(l) && l.kind != kComment && l.kind != kTitle {
			if addressesYou(l.text) {
				d.proseYou++
			}
			d.prose[i] = true
			if d.firstProse < 0 {
				d.firstProse = i
			}
			d.lastProse = i
			n++
		}
	}
	if n > 0 {
		d.proseYou /= float64(n)
	}
	return d
}

// addressesYou reports a "you", "your" or "yours" in s.
func addressesYou(s string) bool {
	for i := 0; i+3 <= len(s); i++ {
		c := s[i]
		if c != 'y' && c != 'Y' || i > 0 && isWordByte(s[i-1]) || s[i+1]|0x20 != 'o' || s[i+2]|0x20 != 'u' {
			continue
		}
		rest := s[i+3:]
		if len(rest) > 0 && rest[0]|0x20 == 'r' {
			rest = rest[1:]
			if len(rest) > 0 && rest[0]|0x20 == 's' {
				rest = rest[1:]
			}
		}
		if rest == "" || !isWordByte(rest[0]) {
			return true
		}
	}
	return false
}

// nextField splits the first space-separated field off s (s is white
// space collapsed).
func nextField(s string) (field, rest string) {
	s = strings.TrimLeft(s, " ")
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i], s[i+1:]
	}
	return s, ""
}

// wordStats counts the words of a folded line, its stopwords, its words
// addressing the reader ("you", "your") and the writer's "we", and its
// link-like tokens (addresses, handles, arrows).
func wordStats(f string) (words, stops, you, we, links int) {
	for w := f; w != ""; {
		var tok string
		tok, w = nextField(w)
		lw := trimPunct(tok)
		if lw == "" {
			continue
		}
		words++
		if stopwords[lw] {
			stops++
		}
		switch lw {
		case "you", "your", "yours", "you're", "you'll":
			you++
		case "we", "us", "our", "we're":
			we++
		}
		if strings.IndexByte(tok, '@') >= 0 || strings.Contains(tok, "://") || strings.HasPrefix(lw, "www.") ||
			strings.IndexByte(lw, '.') > 0 && isDomain(lw) || tok == "→" || tok == "›" || tok == "»" || tok == ">>" {
			links++
		}
	}
	return
}

// shapeKey is the shape of a short line: a letter per word (A capitalised,
// a lower case, 0 a number) and its punctuation ("Nora Feld, Millbank" is
// "AA,A"); "" for lines over six words.
func shapeKey(s string, words int) string {
	if words == 0 || words > 6 {
		return ""
	}
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			b.WriteByte('A')
		case unicode.IsLower(r):
			b.WriteByte('a')
		case unicode.IsDigit(r):
			b.WriteByte('0')
		}
		for _, c := range w {
			if unicode.IsPunct(c) || unicode.IsSymbol(c) {
				b.WriteRune(c)
			}
		}
	}
	return b.String()
}

// labelKey is the label of a "Label: text" line (up to three words before
// the colon), or "".
func labelKey(s string) string {
	c := strings.IndexByte(s, ':')
	if c <= 0 || c+1 >= len(s) || CountWords(s[:c]) > 3 {
		return ""
	}
	return s[:c]
}

// shapeRepeats reports whether another line has the same short shape,
// whether another line the rules kept in the body has it, and whether
// another line opens with the same label.
func (d *docShape) shapeRepeats(lines []line, i int) (shape, bodyShape, label bool) {
	if d.shapes == nil {
		d.shapes, d.labels, d.bodyShapes = map[string]int{}, map[string]int{}, map[string]int{}
		for j := range lines {
			if lines[j].blank {
				continue
			}
			if k := shapeKey(lines[j].text, lines[j].words); k != "" {
				d.shapes[k]++
				if lines[j].kind == kBody {
					d.bodyShapes[k]++
				}
			}
			if k := labelKey(lines[j].text); k != "" {
				d.labels[k]++
			}
		}
	}
	k, lk := shapeKey(lines[i].text, lines[i].words), labelKey(lines[i].text)
	own := 0
	if lines[i].kind == kBody {
		own = 1
	}
	return k != "" && d.shapes[k] > 1, k != "" && d.bodyShapes[k] > own, lk != "" && d.labels[lk] > 1
}

// repeats reports whether line i's folded text occurs on another line.
func (d *docShape) repeats(lines []line, i int) bool {
	if lines[i].f == "" {
		return false
	}
	if d.count == nil {
		d.count = map[string]int{}
		for j := range lines {
			if !lines[j].blank && lines[j].f != "" {
				d.count[lines[j].f]++
			}
		}
	}
	return d.count[lines[i].f] > 1
}

// proseGap counts the non-blank lines between line i and the nearest prose
// line (0 when i is prose itself), searching up to 6 lines each way.
func (d *docShape) proseGap(lines []line, i int) int {
	if d.prose[i] {
		return 0
	}
	best := 6
	for dir := -1; dir <= 1; dir += 2 {
		n := 0
		for j := i + dir; j >= 0 && j < len(lines) && n < best; j += dir {
			if lines[j].blank {
				continue
			}
			n++
			if d.prose[j] {
				best = min(best, n)
				break
			}
		}
	}
	return best
}

// neighbour returns the index of the next non-blank line from i in
// direction dir, or -1.
func neighbour(lines []line, i, dir int) int {
	for j := i + dir; j >= 0 && j < len(lines); j += dir {
		if !lines[j].blank {
			return j
		}
	}
	return -1
}

// stopwords are the commonest English function words: running text is
// made of them, page furniture hardly uses them.
var stopwords = map[string]bool{"the": true, "a": true, "an": true, "and": true, "or": true, "but": true, "of": true,
	"to": true, "in": true, "on": true, "at": true, "for": true, "with": true, "by": true, "from": true, "as": true,
	"is": true, "was": true, "are": true, "were": true, "be": true, "been": true, "has": true, "had": true, "have": true,
	"it": true, "its": true, "he": true, "she": true, "they": true, "his": true, "her": true, "their": true, "that": true,
	"this": true, "which": true, "who": true, "not": true, "would": true, "will": true, "said": true, "after": true,
	"than": true, "into": true, "about": true, "when": true, "there": true, "if": true, "so": true}

// lineFeatures is the feature vector of line i. Every feature lies in
// [0, 1].
func lineFeatures(lines []line, i int, d *docShape) [NumLineFeatures]float64 {
	var x [NumLineFeatures]float64
	l := &lines[i]
	t := l.text
	cheapLineFeatures(l, &x)
	es := x[3] == 1
	f := l.f
	if f == "" {
		f = fold(t)
	}
	words, stops, you, we, links := wordStats(f)
	caps, lowerStart := 0, 0
	for k, w := 0, t; w != ""; k++ {
		var word string
		word, w = nextField(w)
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsUpper(r) {
			caps++
		}
		if k == 0 && unicode.IsLower(r) {
			lowerStart = 1
		}
	}
	if words > 0 {
		x[7] = float64(caps) / float64(words)
		x[8] = float64(stops) / float64(words)
	}
	x[9] = b2f(!hasLower(t) && hasLetter(t))
	var letters, digits, symbols, runes int
	for _, c := range t {
		runes++
		switch {
		case unicode.IsLetter(c):
			letters++
		case unicode.IsDigit(c):
			digits++
		case c == ' ' || strings.ContainsRune(".,;:!?'\"“”‘’()-–—", c):
		default:
			symbols++
		}
	}
	if runes > 0 {
		x[10] = math.Min(float64(digits)/float64(runes)*4, 1)
		x[11] = math.Min(float64(symbols)/float64(runes)*8, 1)
	}
	x[12] = b2f(links > 0)
	x[13] = b2f(you > 0 && d.proseYou < 0.2) // addresses a reader the article does not
	x[14] = b2f(we > 0)
	x[15] = b2f(strings.Contains(t, " | ") || strings.Contains(t, " · ") || strings.Contains(t, " • "))
	if c := strings.IndexByte(t, ':'); c > 0 && c+1 < len(t) {
		x[16] = b2f(CountWords(t[:c]) <= 3)
	}
	before := d.firstProse < 0 || i < d.firstProse
	after := d.lastProse >= 0 && i > d.lastProse
	x[17] = b2f(before)
	x[18] = b2f(after)
	x[19] = float64(d.proseGap(lines, i)) / 6
	x[20] = b2f(d.prose[i])
	p, n := neighbour(lines, i, -1), neighbour(lines, i, 1)
	x[21] = b2f(p >= 0 && d.prose[p])
	x[22] = b2f(n >= 0 && d.prose[n])
	x[23] = b2f(n < 0)
	x[24] = b2f(d.repeats(lines, i))
	x[25] = b2f(isListItem(t))
	x[26] = b2f(hasInnerSentence(t))
	x[27] = b2f(isNameLike(t))
	x[28] = b2f(hasQuote(t))
	x[29] = b2f(l.words <= 3)
	x[30] = float64(lowerStart)
	x[31] = b2f(hasDigit(t) && hasYear(l.f))
	x[32] = b2f(strings.HasSuffix(strings.TrimSpace(t), ","))
	x[33] = b2f(l.words >= 3 && l.words <= 12 && !es)
	inside := !before && !after && !d.prose[i]
	x[34] = b2f(inside && l.words <= 8)
	x[35] = b2f(inside && x[21] == 1 && x[22] == 1)
	x[36] = b2f(inside && x[16] == 1)
	shape, bodyShape, label := d.shapeRepeats(lines, i)
	x[37] = b2f(shape)
	x[38] = b2f(label)
	x[43] = b2f(bodyShape)
	x[44] = b2f(bodyShape && after)
	x[39] = b2f(you > 0 && d.proseYou >= 0.2)
	x[40] = b2f(d.namesOutlet(f))
	x[41] = b2f(n >= 0 && lines[n].kind == kNoise)
	x[42] = b2f(p >= 0 && lines[p].kind == kNoise)
	return x
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// prob is the model's probability that a line with features x is not
// article text.
func (m *LineModel) prob(x *[NumLineFeatures]float64) float64 {
	z := 0.0
	for k, w := range m.Weights {
		z += w * x[k]
	}
	return 1 / (1 + math.Exp(-z))
}

// reviewBody sets aside the body lines the model is confident are not
// article text. Lines of 25 words or more are prose whatever their words
// (see isBodyLike) and are left to the rules, as are lines a rule kept on
// its own evidence and paragraphs cut by a truncation marker.
func (m *LineModel) reviewBody(lines []line, outlet string) {
	if m.Threshold > 1 {
		return
	}
	var d *docShape
	bound := m.restBound()
	for i := range lines {
		l := &lines[i]
		if l.kind != kBody || l.sure || l.words >= 25 || strings.HasSuffix(l.text, "]") {
			continue
		}
		if m.cannotReach(l, bound) {
			continue // the line's length and ending alone keep it under the threshold
		}
		if d == nil {
			d = newDocShape(lines, outlet)
		}
		x := lineFeatures(lines, i, d)
		if m.prob(&x) > m.Threshold {
			l.kind, l.reason = kNoise, ReasonUnlike
		}
	}
}

// cheapFeatures are the features 0 to cheapFeatures-1, computed from a
// line's length and last character alone.
const cheapFeatures = 7

// restBound is the most the features from cheapFeatures on can add to the
// logit: each lies in [0, 1], so the sum of their positive weights.
func (m *LineModel) restBound() float64 {
	b := 0.0
	for _, w := range m.Weights[cheapFeatures:] {
		b += math.Max(w, 0)
	}
	return b
}

// cannotReach reports whether line l stays under the threshold whatever
// its other features: the logit of its cheap features plus bound is at
// most the threshold's. It gives the same decisions as computing every
// feature, at a fraction of the cost for ordinary sentences.
func (m *LineModel) cannotReach(l *line, bound float64) bool {
	var x [NumLineFeatures]float64
	cheapLineFeatures(l, &x)
	z := bound
	for k := 0; k < cheapFeatures; k++ {
		z += m.Weights[k] * x[k]
	}
	return 1/(1+math.Exp(-z)) <= m.Threshold
}

// cheapLineFeatures sets the features 0 to cheapFeatures-1 of line l.
func cheapLineFeatures(l *line, x *[NumLineFeatures]float64) {
	t := l.text
	x[0] = 1
	x[1] = math.Min(math.Log1p(float64(l.words))/4, 1.5)
	es := endsSentence(t)
	x[2] = b2f(l.words >= 8 && es)
	x[3] = b2f(es)
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(t, "\"'”’) "))
	x[4] = b2f(last == '.')
	x[5] = b2f(last == ':' || last == ',')
	x[6] = b2f(last == '?' || last == '!')
}

// TrainLineModel fits the line model to labelled samples (label true: the
// line is not article text) by full-batch gradient descent on the
// L2-regularised log loss, from zero weights, in a fixed order: the same
// samples give the same weights, byte for byte.
func TrainLineModel(xs [][NumLineFeatures]float64, noise []bool, threshold float64) LineModel {
	m := LineModel{Threshold: threshold}
	if len(xs) == 0 {
		return m
	}
	// Weigh the classes equally: noise lines are fewer than body lines.
	pos := 0
	for _, y := range noise {
		if y {
			pos++
		}
	}
	wPos, wNeg := 0.5/math.Max(float64(pos), 1), 0.5/math.Max(float64(len(xs)-pos), 1)
	const rate, l2, rounds = 2.0, 1e-3, 3000
	var g [NumLineFeatures]float64
	for it := 0; it < rounds; it++ {
		g = [NumLineFeatures]float64{}
		for k := range xs {
			p := m.prob(&xs[k])
			y, w := 0.0, wNeg
			if noise[k] {
				y, w = 1, wPos
			}
			e := w * (p - y)
			for f, v := range xs[k] {
				g[f] += e * v
			}
		}
		for f := range m.Weights {
			reg := l2 * m.Weights[f]
			if f == 0 {
				reg = 0
			}
			m.Weights[f] -= rate * (g[f] + reg)
		}
	}
	return m
}

// trimPunct trims ASCII punctuation of sentences and quotes off both ends
// of a word.
func trimPunct(w string) string {
	punct := func(c byte) bool {
		switch c {
		case '.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '<', '>':
			return true
		}
		return false
	}
	for w != "" && punct(w[0]) {
		w = w[1:]
	}
	for w != "" && punct(w[len(w)-1]) {
		w = w[:len(w)-1]
	}
	return w
}

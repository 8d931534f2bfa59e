// Package clean recovers the article from scraped plain text: the title,
// the body paragraphs, a dateline and date, photo captions and credits, and
// reader comments, setting aside every piece of scraping noise with the
// reason it was removed.
//
// It decides from structure and language rather than from a list of known
// strings: where a line stands (before the headline, inside the body, after
// the last sentence), its shape (length, terminal punctuation, digits only,
// bullets, indentation), calls to action addressed to the reader, repetition
// of the headline, and the shape of comment threads (author, timestamp,
// text, "Reply"). Lines an outlet repeats across its articles can be passed
// in Options.Repeated.
package clean

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sift-news/sift"
)

// Version of the cleaner; it changes whenever its output may change.
const Version = "8"

// Result is what the cleaner (or the HTML extractor) recovered.
type Result struct {
	Title       string
	Paragraphs  []string
	Boilerplate []sift.Boilerplate
	Comments    []sift.Comment
	Captions    []string
	Dateline    string
	Published   string // YYYY-MM-DD
	Author      string
	Outlet      string
	Language    string
}

// Options tune the cleaner.
type Options struct {
	// Repeated reports whether a line (whitespace-collapsed) was seen in
	// several earlier articles of the same outlet; such lines are template
	// text, not article text. Nil means no knowledge of the outlet.
	Repeated func(line string) bool
	// Lines is the line model that reviews the body lines the rules kept
	// (see LineModel); nil means the trained model embedded in the
	// package, RulesOnly the rules alone.
	Lines *LineModel
}

// Reasons given for removed text.
const (
	ReasonWidget     = "donation widget"
	ReasonHeadline   = "repeated headline"
	ReasonAd         = "ad marker"
	ReasonNewsletter = "newsletter prompt"
	ReasonDonation   = "donation appeal"
	ReasonComments   = "comment widget"
	ReasonRelated    = "related links"
	ReasonServer     = "server error"
	ReasonShare      = "share bar"
	ReasonCookie     = "cookie notice"
	ReasonSocial     = "social media prompt"
	ReasonReadMore   = "read-more link"
	ReasonTags       = "tag list"
	ReasonCopyright  = "copyright footer"
	ReasonNav        = "navigation menu"
	ReasonByline     = "byline"
	ReasonDate       = "date line"
	ReasonCaption    = "photo caption or credit"
	ReasonTemplate   = "repeated across the outlet's articles"
	ReasonFragment   = "fragment outside the article"
	ReasonAuthorBox  = "author box"
	ReasonContact    = "contact prompt"
	ReasonDisclaimer = "editorial notice"
	ReasonTechnical  = "player or browser notice"
	ReasonPullQuote  = "pull quote repeating the body"
	ReasonQuote      = "quotation of another comment"
	ReasonPage       = "page counter, print footer or bare link"
	ReasonApp        = "app prompt"
	ReasonPaywall    = "paywall notice"
	ReasonSignOff    = "sign-off"
	ReasonAboutBox   = "organisation's standing description"
	ReasonEndNotes   = "notes under the end marker"
)

// Text cleans scraped plain text with no knowledge of its outlet.
func Text(s string) Result { return Options{}.Text(s) }

// line is one line of input with what the cleaner learnt about it.
type line struct {
	text   string // trimmed, white space collapsed
	f      string // text folded for comparison (see fold); "" for lines over longLine words
	indent int    // leading white space, tabs counted as 4
	words  int
	blank  bool
	kind   kind
	reason string
	// sure marks a body line kept by a rule's own evidence (a letter's
	// signature, a closing sentence), which the line model leaves alone.
	sure bool
}

type kind uint8

const (
	kUnknown kind = iota
	kTitle
	kBody
	kNoise
	kCaption
	kComment
	kJoined // the rest of a paragraph, joined to the line where it began
)

// Text cleans scraped plain text.
func (o Options) Text(s string) Result {
	lines, r := o.lines(s)
	m := o.Lines
	if m == nil {
		m = &trainedLines
	}
	m.reviewBody(lines, r.Outlet)
	markBoxHeadings(lines)
	return assemble(lines, r)
}

// lines runs the rules over s and returns its lines, each with its kind,
// and what was recovered on the way (title, author, comments, …).
func (o Options) lines(s string) ([]line, Result) {
	lines := joinWrapped(splitLines(s))
	var r Result
	markNoise(lines, &r, o.Repeated)
	bodyStart := findTitle(lines, &r)
	commentStart, loose := findComments(lines, bodyStart), false
	if commentStart < 0 {
		commentStart = headedThread(lines, bodyStart)
		loose = commentStart >= 0
	}
	var before []line
	if commentStart >= 0 {
		before = append(before, lines...)
	}
	markBody(lines, bodyStart, commentStart)
	if commentStart >= 0 {
		saved := r
		if r.Comments = parseComments(lines[commentStart:], &r, loose); len(r.Comments) == 0 {
			// No comment has any text ("Agnes Wittmer, midwife, born 3 March
			// 1927" over "Share"): there is no thread, and its lines are
			// the article's or its noise, not lost.
			copy(lines, before)
			r = saved
			markBody(lines, bodyStart, -1)
		}
	}
	markAuthorBio(lines, r.Author)
	markNamedBio(lines, &r)
	markOutletNotes(lines, r.Outlet)
	markClosings(lines)
	markPullQuotes(lines)
	joinPageBreaks(lines)
	return lines, r
}

// assemble builds the result from the classified lines.
func assemble(lines []line, r Result) Result {
	for i := range lines {
		l := &lines[i]
		switch l.kind {
		case kBody:
			text := l.text
			if body, marker := truncationMarker(text); marker != "" {
				text = body
				r.Boilerplate = append(r.Boilerplate, sift.Boilerplate{Text: marker, Reason: ReasonPage})
			}
			if body, tail, reason := chromeTail(text); tail != "" {
				text = body
				r.Boilerplate = append(r.Boilerplate, sift.Boilerplate{Text: tail, Reason: reason})
			}
			r.Paragraphs = append(r.Paragraphs, text)
		case kJoined:
		case kNoise:
			r.Boilerplate = append(r.Boilerplate, sift.Boilerplate{Text: l.text, Reason: l.reason})
		case kCaption:
			r.Captions = append(r.Captions, l.text)
		}
	}
	if len(r.Paragraphs) > 0 {
		r.Dateline = dateline(r.Paragraphs[0])
	}
	if r.Published == "" {
		r.Published = dateInText(r.Paragraphs)
	}
	return r
}

// truncationMarker splits off the count of characters left out that news
// APIs and feeds put after a truncated paragraph ("… [+1834 chars]").
func truncationMarker(p string) (body, marker string) {
	if !strings.HasSuffix(p, "]") {
		return p, ""
	}
	i := strings.LastIndex(p, "[+")
	if i < 0 {
		return p, ""
	}
	n, unit, ok := strings.Cut(p[i+2:len(p)-1], " ")
	if !ok || !isNumber(n) || unit != "chars" && unit != "characters" && unit != "char" {
		return p, ""
	}
	return strings.TrimSpace(p[:i]), p[i:]
}

// chromeTail splits off the page furniture that a flattened page (the whole
// page scraped into one line, as in CSV exports) carries after the
// article's last sentence: a view counter, "Related" headlines, "Tags …",
// "Topic …" and the comment widget's labels ("Community standards",
// "Discussion", "Comment via Facebook"). The tail is cut only when it holds
// no sentence end and names one of those headings; it returns the body, the
// tail and the reason, or the paragraph and "".
func chromeTail(p string) (body, tail, reason string) {
	end := -1
	for i := len(p) - 1; i > 0; i-- {
		c := p[i]
		if c == '.' || c == '!' || c == '?' {
			if i+1 == len(p) {
				return p, "", "" // the paragraph ends with its sentence
			}
			if p[i+1] == ' ' || p[i+1] == '"' || p[i+1] == ')' {
				end = i + 1
				break
			}
		}
		if (c == 0x9d || c == 0xa6) && i >= 2 && p[i-1] == 0x80 && p[i-2] == 0xe2 {
			if i+1 == len(p) {
				return p, "", ""
			}
			end = i + 1 // after ” or …
			break
		}
	}
	if end < 0 {
		return p, "", ""
	}
	for end < len(p) && (p[end] == '"' || p[end] == ')') {
		end++
	}
	t := strings.TrimSpace(p[end:])
	ws := strings.Fields(t)
	if len(ws) < 3 || CountWords(p[:end]) < 8 {
		return p, "", ""
	}
	counter := isNumber(strings.Trim(ws[0], ".,"))
	for k, w := range ws {
		heading := ""
		switch {
		case w == "Tags":
			heading = ReasonTags
		case w == "Related" || w == "Topic" && k+1 < len(ws) && isCapitalised(ws[k+1]):
			heading = ReasonRelated
		case strings.HasPrefix(w, "standards") && k > 0 && ws[k-1] == "Community", w == "Comment" && k+1 < len(ws) && ws[k+1] == "via":
			heading = ReasonComments // the widget's labels are telling wherever they stand
		}
		// Other headings count where the tail opens with them or with a
		// counter ("11 Tags …", "43 Related …"), as such pages print them.
		if heading != "" && (k == 0 || counter || heading == ReasonComments) {
			reason = heading
			break
		}
	}
	if reason == "" {
		return p, "", ""
	}
	return strings.TrimSpace(p[:end]), t, reason
}

// markAuthorBio sets aside the author's biography closing the article
// ("Leonie Marsh is a retired teacher …"): a body line after the last
// paragraph of the article proper that opens with the writer's full name
// (the byline's, or a bare name line above the body) and a verb. A news
// article rarely ends on a sentence about its own writer.
func markAuthorBio(lines []line, author string) {
	names := []string{}
	if CountWords(author) >= 2 {
		names = append(names, author)
	}
	for i := range lines {
		l := &lines[i]
		if l.kind == kBody {
			break
		}
		if l.kind == kNoise && isNameLike(l.text) {
			names = append(names, l.text)
		}
	}
	if len(names) == 0 {
		return
	}
	for i := len(lines) - 1; i >= 0; i-- {
		l := &lines[i]
		if l.blank || l.kind == kNoise || l.kind == kCaption || l.kind == kComment {
			continue
		}
		if l.kind != kBody || l.words > 45 || !opensWithName(l.text, names) {
			return
		}
		for j := i - 1; j >= 0; j-- {
			if lines[j].kind == kBody {
				l.kind, l.reason = kNoise, ReasonAuthorBox // the article has other paragraphs
				return
			}
		}
		return
	}
}

// opensWithName reports whether s opens with one of names followed by a
// verb of a biography ("Ben Carrick played …", "Leonie Marsh is …"), not
// of a report ("Felix Orme spent the night …").
func opensWithName(s string, names []string) bool {
	for _, n := range names {
		if !strings.HasPrefix(s, n+" ") {
			continue
		}
		next, _, _ := strings.Cut(s[len(n)+1:], " ")
		if bioVerbs[next] {
			return true
		}
	}
	return false
}

// bioVerbs open the sentence of an author's biography after the name.
var bioVerbs = map[string]bool{"is": true, "was": true, "has": true, "writes": true, "wrote": true, "covers": true,
	"teaches": true, "taught": true, "lives": true, "works": true, "worked": true, "chairs": true, "played": true,
	"leads": true, "runs": true, "edits": true, "reports": true, "hosts": true, "coaches": true, "founded": true,
	"directs": true, "sits": true, "serves": true, "served": true, "studies": true, "researches": true}

// splitLines splits s into lines, normalising line ends, non-breaking and
// zero-width spaces, and collapsing runs of white space.
func splitLines(s string) []line {
	raw := strings.Split(s, "\n")
	out := make([]line, 0, len(raw))
	for _, t := range raw {
		indent := 0
	lead:
		for _, c := range t {
			switch c {
			case ' ', '\u00a0':
				indent++
			case '\t':
				indent += 4
			default:
				break lead
			}
		}
		text := Collapse(t)
		l := line{text: text, indent: indent, blank: text == "", words: CountWords(text)}
		l.f = foldShort(text, l.words)
		out = append(out, l)
	}
	return out
}

// joinWrapped rejoins paragraphs that were hard-wrapped at a fixed width:
// runs of adjacent lines whose every line but the last fills most of the
// run's width, where a line runs on into the next (no sentence end, or the
// next starts in lower case).
func joinWrapped(lines []line) []line {
	out := lines[:0:0]
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && !lines[j].blank {
			if isPrintFurniture(lines[j].text, lines[j].f, lines[j].words) || isPrintNote(lines[j].f, lines[j].words) ||
				isRule(lines[j].text) || isFramed(lines[j].text) {
				if j == i {
					j++ // a printed page's header or footer, or a rule ("----- End of forwarded text -----"), stands alone
				}
				break // and is not part of the paragraph it interrupts
			}
			j++
		}
		if j-i < 2 || !isWrapped(lines[i:j]) {
			if j == i {
				j++
			}
			out = append(out, lines[i:j]...)
			i = j
			continue
		}
		joined := lines[i]
		for k := i + 1; k < j; k++ {
			joined.text += " " + lines[k].text
			joined.words += lines[k].words
		}
		joined.f = foldShort(joined.text, joined.words)
		out = append(out, joined)
		i = j
	}
	return out
}

// isFramed reports a line set between runs of three or more dashes,
// equals signs or underscores ("----- Forwarded text -----", "=== Notices
// ==="): a separator of an e-mail or a bulletin, never part of a
// paragraph.
func isFramed(s string) bool {
	if len(s) < 8 {
		return false
	}
	c := s[0]
	if c != '-' && c != '=' && c != '_' {
		return false
	}
	return strings.HasPrefix(s, strings.Repeat(string(c), 3)) && strings.HasSuffix(s, strings.Repeat(string(c), 3))
}

// isListItem reports bulleted and numbered list items ("• …", "1. …", "2) …").
func isListItem(s string) bool {
	if bullet(s) != "" {
		return true
	}
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' '
}

func isWrapped(block []line) bool {
	width := 0
	for _, l := range block {
		width = max(width, utf8.RuneCountInString(l.text))
	}
	if width < 45 || width > 110 {
		return false
	}
	runOn := false
	for k, l := range block[:len(block)-1] {
		if n := utf8.RuneCountInString(l.text); n*10 < width*6 || isListItem(l.text) || isListItem(block[k+1].text) {
			return false
		}
		next := block[k+1].text
		if r, _ := utf8.DecodeRuneInString(next); unicode.IsLower(r) {
			if k+2 == len(block) && endsSentence(l.text) {
				if _, ok := authorStamp(next); ok {
					return false // "ward9_hca, 2 hours ago" signs the comment above
				}
			}
			runOn = true
		}
	}
	return runOn
}

// longLine is the length in words from which a line is prose whatever its
// words; such lines are not folded up front (see line.f).
const longLine = 45

// foldShort folds lines up to longLine words and leaves longer ones empty:
// only short lines are compared with noise vocabulary and headlines.
func foldShort(text string, words int) string {
	if words > longLine {
		return ""
	}
	return fold(text)
}

// Collapse trims s and folds every run of white space (including
// non-breaking and zero-width spaces and carriage returns) to one space,
// as the cleaner does to every paragraph it returns.
func Collapse(s string) string {
	simple := true
	for i := 0; i < len(s) && simple; i++ {
		c := s[i]
		switch {
		case c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f':
			simple = false
		case c == ' ':
			simple = i > 0 && i < len(s)-1 && s[i+1] != ' '
		case c >= 0x80:
			r, n := utf8.DecodeRuneInString(s[i:])
			simple = !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' && r != '\u200e' && r != '\u200f' && r != utf8.RuneError
			i += n - 1
		}
	}
	if simple {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, c := range s {
		switch c {
		case '\u200b', '\ufeff', '\u200e', '\u200f':
			continue
		}
		if unicode.IsSpace(c) || c == '\u00a0' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(c)
	}
	return b.String()
}

// CountWords returns the number of words of s: runs of letters and digits
// separated by spaces.
func CountWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x80 {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				if !in {
					n++
				}
				in = true
			} else if c == ' ' {
				in = false
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size - 1
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !in {
				n++
			}
			in = true
		} else if c == ' ' {
			in = false
		}
	}
	return n
}

// endsSentence reports whether s ends like a sentence: terminal
// punctuation, possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return r == '"' || r == '\'' || r == '”' || r == '“' || r == '’' || r == ')' || r == ']' || r == '»' || r == '«' || r == ' '
	})
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…' || r == ':' || r == ';'
}

// fold lower-cases s and straightens quotes and dashes for comparison.
func fold(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	buf := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch r {
		case '’', '‘':
			buf = append(buf, '\'')
		case '“', '”':
			buf = append(buf, '"')
		case '–', '—':
			buf = append(buf, '-')
		case '\u00a0':
			buf = append(buf, ' ')
		default:
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	return string(buf)
}

// findTitle picks the headline among the lines before the body, marks its
// repetitions, and returns the index where the body may start.
//
// Every headline-like line above the first prose line is a candidate. A
// headline is about what the body says, so candidates are scored by the
// share of their content words found in the first paragraphs; lines
// repeated further down (scrapers duplicate headlines), lines of headline
// length and lines close to the body score higher, and metadata-like lines
// (dates, times, counters) lower. A long line right under a shorter
// candidate about the same thing is a standfirst, and the shorter one the
// title.
func findTitle(lines []line, r *Result) int {
	var cands []int
	firstProse := len(lines)
	for i := 0; i < len(lines) && i < 60; i++ {
		l := &lines[i]
		if l.blank || l.kind != kUnknown {
			continue
		}
		if isBodyLike(l) && !isHeadlineLike(l) {
			firstProse = i
			break // the body began
		}
		if isHeadlineLike(l) && l.words >= 2 && !isLabel(l.text) && !isInterviewTurn(l.text) {
			cands = append(cands, i)
		}
	}
	// A headline whose words a widget also uses ("… draws thousands of
	// replies") was set aside for its vocabulary; one of headline length
	// that does not address the reader and shares the body's words is
	// still a candidate.
	var rescued []int
	if firstProse < len(lines) {
		var prose map[string]bool
		for i := 0; i < firstProse; i++ {
			if l := &lines[i]; l.kind == kNoise && vocabularyReason(l.reason) && l.words >= 6 && isHeadlineLike(l) &&
				!endsSentence(l.text) && !addressesReader(l.f) {
				if prose == nil {
					prose = proseWords(lines, firstProse, 3)
				}
				if overlap(contentWords(headKey(l.text)), prose) >= 0.3 {
					rescued = append(rescued, i)
				}
			}
		}
	}
	if firstProse == len(lines) {
		// A video or audio page with no text: its headline is printed
		// behind the player's label ("Watch: Floodwater pours through the
		// square"), which elsewhere opens a link to another clip.
		for i := 0; i < len(lines) && i < 60; i++ {
			if l := &lines[i]; l.kind == kNoise && l.reason == ReasonReadMore && l.words >= 5 && isHeadlineLike(l) &&
				hasPrefixAny(l.f, []string{"watch:", "listen:", "video:"}) {
				rescued = append(rescued, i)
				break
			}
		}
	}
	if len(rescued) > 0 {
		for _, i := range rescued {
			lines[i].kind, lines[i].reason = kUnknown, ""
		}
		cands = append(cands, rescued...)
		sort.Ints(cands)
	}
	masthead := len(cands) > 0
	for _, c := range cands {
		masthead = masthead && isNameLike(lines[c].text)
	}
	if len(cands) == 0 || masthead && firstProse == len(lines) {
		// No headline outside the noise (or only a masthead) and no prose:
		// a headline-only item under a "Top stories" heading, its line
		// taken for one of the list's links. The first such link of
		// headline length is the title.
		for i := 0; i < len(lines) && i < 60 && firstProse == len(lines); i++ {
			if l := &lines[i]; l.kind == kNoise && l.reason == ReasonRelated && l.words >= 4 && isHeadlineLike(l) {
				l.kind, l.reason = kUnknown, ""
				cands = append(cands, i)
				break
			}
		}
		if len(cands) == 0 {
			return 0
		}
	}
	title, best := cands[0], -1.0
	var body map[string]bool
	if !sameHeadline(lines, cands) {
		body = proseWords(lines, firstProse, 3)
	}
	mixed := false     // a candidate in ordinary case, of headline length
	unstopped := false // such a candidate not ending with a full stop, nor a name
	for _, c := range cands {
		if l := &lines[c]; l.words >= 4 && !isShouted(l.text) {
			mixed = true
			unstopped = unstopped || !strings.HasSuffix(l.text, ".") && !isNameLike(l.text)
		}
	}
	var sites map[string]bool // the site names cut from candidates ("… | The Redwell Wick Herald")
	var keys []string         // the candidates' folded text without a site suffix
	if body != nil {
		keys = make([]string, len(cands))
		for k, c := range cands {
			var cr Result
			keys[k] = lines[c].f
			if t := stripSiteName(lines[c].text, &cr); cr.Outlet != "" {
				keys[k] = fold(t)
				if sites == nil {
					sites = map[string]bool{}
				}
				sites[strings.TrimPrefix(fold(cr.Outlet), "the ")] = true
			}
		}
	}
	for k, c := range cands {
		if body == nil {
			break // one headline, perhaps repeated: nothing to choose between
		}
		l := &lines[c]
		// The words of the headline without its site suffix, which says
		// nothing of the article.
		score := overlap(contentWords(keys[k]), body) * 3
		site := sites[strings.TrimPrefix(l.f, "the ")]
		if repeatedBelow(lines, c) || !site && echoedElsewhere(lines, c) {
			score += 1.5
		}
		if site {
			score -= 2 // the masthead: the site another candidate's suffix names
		}
		if isCreditLine(l.text) {
			score -= 2 // "Words: Name · Photographs: Name" credits the article's makers
		}
		switch {
		case l.words >= 4 && l.words <= 25:
			score += 0.6
		case l.words == 3:
			score += 0.2
		}
		if hasClockOrDate(l.f) {
			score -= 1
		}
		if mixed && isShouted(l.text) {
			score -= 1.5 // a masthead or programme name in capitals over the headline
		}
		if unstopped && strings.HasSuffix(l.text, ".") {
			// A sentence of the standfirst under a headline without a full
			// stop, or the first of the body's sentences printed one to a
			// line ("Linden Street is closed." / "A gas main burst …").
			if j := nextNonBlank(lines, c); isBodyLike(l) || j >= 0 && endsSentence(lines[j].text) && lines[j].words >= 4 {
				score--
			}
		}
		if addressesYou(l.text) && overlap(contentWords(l.f), body) < 0.25 {
			// A tagline or prompt ("NewsPile — your headlines, one place"),
			// which says nothing of the article. A headline that speaks to
			// the reader about the article's subject ("What you need to
			// know about the new bins") shares its words.
			score--
		}
		if isNameLike(l.text) {
			// A byline or a masthead ("Ray Moffat", "Valley Chronicle"):
			// the body may name it, but it says nothing happened.
			score -= 2
		}
		if firstProse == len(lines) {
			// No line of prose: a headline and a short paragraph (or two).
			// The headline comes first and seldom ends with a full stop.
			if strings.HasSuffix(l.text, ".") {
				score--
			}
			score += 0.1 * float64(len(cands)-k) / float64(len(cands))
		} else {
			score += 0.1 * float64(k+1) / float64(len(cands)) // nearer the body
		}
		if score > best {
			title, best = c, score
		}
	}
	// A standfirst under the title: prefer the shorter line above it.
	for k := 1; k < len(cands) && body != nil; k++ {
		if cands[k] == title && lines[title].words >= 14 && lines[cands[k-1]].words < lines[title].words &&
			nextNonBlank(lines, cands[k-1]) == title && overlap(contentWords(lines[cands[k-1]].f), body) > 0 &&
			!isNameLike(lines[cands[k-1]].text) { // a masthead or byline over a long headline is not its title
			title = cands[k-1]
		}
	}
	t := &lines[title]
	t.kind = kTitle
	r.Title = stripSiteName(t.text, r)
	key := headKey(t.text)
	for i := range lines {
		l := &lines[i]
		if i == title || l.blank || l.kind != kUnknown || len(l.f) < len(key) || len(l.f) > len(key)+80 ||
			!strings.HasPrefix(l.f, key[:min(len(key), 12)]) {
			continue // cannot be the headline again
		}
		if headKey(l.text) == key {
			lines[i].kind, lines[i].reason = kNoise, ReasonHeadline
		}
	}
	// Unclassified lines above the title are menus, tickers and labels.
	for i := 0; i < title; i++ {
		if l := &lines[i]; !l.blank && l.kind == kUnknown {
			l.kind, l.reason = kNoise, ReasonNav
		}
	}
	// Short lines between the title and the body that are not prose are
	// header furniture (section names, reading times, gallery counters).
	for i := title + 1; i < firstProse && i < len(lines); i++ {
		if l := &lines[i]; !l.blank && l.kind == kUnknown && l.words <= 5 && !endsSentence(l.text) {
			l.kind, l.reason = kNoise, ReasonFragment
		}
	}
	return title + 1
}

// sameHeadline reports whether every candidate is the same headline.
func sameHeadline(lines []line, cands []int) bool {
	for _, c := range cands[1:] {
		if lines[c].f != lines[cands[0]].f && headKey(lines[c].text) != headKey(lines[cands[0]].text) {
			return false
		}
	}
	return true
}

// headKey is a headline folded for comparison, without a site-name suffix.
func headKey(text string) string {
	var r Result
	return fold(stripSiteName(text, &r))
}

// proseWords returns the content words of the first n prose lines from
// index start.
func proseWords(lines []line, start, n int) map[string]bool {
	out := map[string]bool{}
	for i := start; i < len(lines) && n > 0; i++ {
		l := &lines[i]
		if l.blank || l.kind != kUnknown || !isBodyLike(l) {
			continue
		}
		f := l.f
		if f == "" {
			f = fold(l.text)
		}
		for w := range contentWords(f) {
			out[w] = true
		}
		n--
	}
	return out
}

// contentWords returns the stems (first five letters) of the words of four
// letters or more of a folded text, minus the commonest function words.
func contentWords(f string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(w) < 4 || functionWords[w] {
			continue
		}
		if r := []rune(w); len(r) > 5 {
			w = string(r[:5])
		}
		out[w] = true
	}
	return out
}

var functionWords = map[string]bool{"that": true, "with": true, "from": true, "this": true, "have": true, "will": true,
	"their": true, "they": true, "were": true, "been": true, "said": true, "says": true, "after": true, "over": true,
	"into": true, "about": true, "than": true, "more": true, "what": true, "when": true, "which": true, "would": true,
	"pour": true, "dans": true, "avec": true, "sont": true, "nach": true, "eine": true, "einen": true, "sich": true,
	"para": true, "como": true, "desde": true}

// overlap is the share of a's words found in b.
func overlap(a, b map[string]bool) float64 {
	if len(a) == 0 {
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// hasClockOrDate reports a time of day or a date in a folded line.
func hasClockOrDate(f string) bool {
	if _, ok := parseDateLine(f); ok {
		return true
	}
	for _, t := range strings.Fields(f) {
		if isClock(strings.Trim(t, ",.;()")) {
			return true
		}
	}
	return false
}

// isLabel reports short all-capital lines such as "BREAKING NEWS" or "FOR
// IMMEDIATE RELEASE": labels above a headline, not headlines.
func isLabel(s string) bool {
	return CountWords(s) <= 3 && strings.ToUpper(s) == s && hasLetter(s)
}

func hasLetter(s string) bool {
	for _, c := range s {
		if unicode.IsLetter(c) {
			return true
		}
	}
	return false
}

// echoedElsewhere reports whether line i, of four words or more, is the
// end of another line at the top of the page: an e-mail's subject or a browser's
// title bar printed the headline after the publication's name ("Subject:
// The Quarry Lines #58: the ferry that nobody wanted to lose").
func echoedElsewhere(lines []line, i int) bool {
	key := lines[i].f
	if lines[i].words < 4 || key == "" {
		return false
	}
	for j := range lines[:min(len(lines), 60)] {
		if l := &lines[j]; j != i && !l.blank && len(l.f) > len(key) && strings.HasSuffix(l.f, key) {
			if c := l.f[len(l.f)-len(key)-1]; c == ' ' || c == ':' {
				return true
			}
		}
	}
	return false
}

// isCreditLine reports a line of "Role: Name" credits, one or several
// separated by a middle dot or a bar ("Words: Sunniva Hart · Photographs:
// Emil Graaf"), which names who made the article, not what happened.
func isCreditLine(s string) bool {
	parts := strings.Split(s, " · ")
	if len(parts) == 1 {
		parts = strings.Split(s, " | ")
	}
	for _, p := range parts {
		i := strings.Index(p, ": ")
		if i <= 0 || CountWords(p[:i]) > 3 {
			return false
		}
		if name := strings.TrimSpace(p[i+2:]); !isNameLike(name) {
			return false
		}
	}
	return len(parts) >= 2
}

// repeatedBelow reports whether line i occurs again later in the text.
func repeatedBelow(lines []line, i int) bool {
	key := lines[i].f
	for j := i + 1; j < len(lines); j++ {
		if !lines[j].blank && lines[j].f == key {
			return true
		}
	}
	return false
}

// isInterviewTurn reports a question or answer of an interview printed
// "Q. …", "Q: …", "A: …": the article's text, never its headline.
func isInterviewTurn(s string) bool {
	return len(s) > 3 && (s[0] == 'Q' || s[0] == 'A') && (s[1] == '.' || s[1] == ':') && s[2] == ' '
}

// isShouted reports a line most of whose words are written in capitals
// ("THE LONG TABLE — transcript").
func isShouted(s string) bool {
	caps, n := 0, 0
	for _, w := range strings.Fields(s) {
		if !hasLetter(w) {
			continue
		}
		n++
		if strings.ToUpper(w) == w {
			caps++
		}
	}
	return n > 0 && caps*2 > n
}

// isNameLike reports a line of two or three capitalised words with no
// digit and no punctuation of a sentence: a person's or an outlet's name.
func isNameLike(s string) bool {
	n := CountWords(s)
	return n >= 2 && n <= 3 && isCapitalisedName(s) && !hasDigit(s) && !strings.ContainsAny(s, ":?!\"“”‘’'")
}

// stripSiteName removes a " | Site Name" or " - Site Name" suffix from a
// headline, recording the site as the outlet. A suffix after a dash that
// says who made the statement in the headline ("… – France's Le Drian",
// "… - Finance Ministry", "… — interior minister") is the headline's own
// attribution and stays.
//
// A site may follow a section ("… | News | Kelby Courier"): the suffixes
// after the same separator are cut one by one, and the last is the outlet.
func stripSiteName(t string, r *Result) string {
	for _, sep := range []string{" | ", " – ", " — ", " - ", " : ", " · ", " :: ", " » ", " // "} {
		cut := false
		for {
			i := strings.LastIndex(t, sep)
			if i <= 0 {
				break
			}
			site := strings.TrimSpace(t[i+len(sep):])
			n := CountWords(site)
			if n < 1 || n > 4 || CountWords(t[:i]) < 4 || !isCapitalisedName(site) && !isDomain(site) {
				break
			}
			if sep != " | " && sep != " · " && sep != " :: " && sep != " » " && sep != " // " && isAttribution(site) {
				break
			}
			if !cut {
				r.Outlet = site
			}
			t, cut = strings.TrimSpace(t[:i]), true
		}
		if cut {
			if sep == " | " {
				t = stripSection(t)
			}
			return t
		}
	}
	return t
}

// stripSection removes the section name that sits between a headline and
// its site ("… — Culture | The Marrow Review"): once the site is cut, a
// suffix of one or two capitalised words after a dash that names no
// speaker.
func stripSection(t string) string {
	for _, sep := range []string{" – ", " — ", " - "} {
		i := strings.LastIndex(t, sep)
		if i <= 0 {
			continue
		}
		sec := strings.TrimSpace(t[i+len(sep):])
		if n := CountWords(sec); n >= 1 && n <= 2 && CountWords(t[:i]) >= 4 && isCapitalised(sec) && !isAttribution(sec) &&
			!strings.Contains(sec, "'") && !strings.Contains(sec, "’") {
			return strings.TrimSpace(t[:i])
		}
	}
	return t
}

// isDomain reports a site's address used as its name ("kelbycourier.example",
// "www.example.org").
func isDomain(s string) bool {
	if strings.ContainsAny(s, " /@") || !strings.Contains(s, ".") || strings.HasPrefix(s, ".") || strings.HasSuffix(s, ".") {
		return false
	}
	for _, c := range s {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != '.' && c != '-' {
			return false
		}
	}
	return true
}

// isAttribution reports a headline suffix that names a source rather than
// a site: a possessive ("EU's Tusk", "Kessark's Oduya") or an office or
// body that speaks ("Finance Ministry", "Police", "UN envoy").
func isAttribution(suffix string) bool {
	f := fold(suffix)
	if strings.Contains(f, "'s ") {
		return true
	}
	for _, w := range strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if speakerRoles[w] {
			return true
		}
	}
	return false
}

// speakerRoles are the offices and bodies a headline's attribution names.
var speakerRoles = map[string]bool{"minister": true, "ministry": true, "president": true, "premier": true, "pm": true,
	"chancellor": true, "mayor": true, "governor": true, "police": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "official": true, "officials": true, "envoy": true, "ambassador": true, "chief": true,
	"army": true, "military": true, "court": true, "judge": true, "prosecutor": true, "prosecutors": true, "sources": true,
	"source": true, "report": true, "study": true, "survey": true, "government": true, "commission": true,
	"commissioner": true, "secretary": true, "senator": true, "spokesmen": true, "minister's": true, "cabinet": true,
	"kremlin": true, "pentagon": true, "un": true, "nato": true, "who": true, "imf": true, "says": true, "say": true,
	"warns": true, "claims": true, "officer": true, "leader": true, "boss": true, "ceo": true, "coach": true,
	"manager": true, "experts": true, "scientists": true, "analysts": true, "residents": true, "union": true}

// isCapitalisedName is isCapitalised for a name that may join its words
// with an ampersand ("Vine & Table").
func isCapitalisedName(s string) bool {
	return isCapitalised(strings.ReplaceAll(s, " & ", " and "))
}

// isCapitalised reports whether every word of s starts with an upper-case
// letter or digit (short function words excepted).
func isCapitalised(s string) bool {
	for _, w := range strings.Fields(s) {
		switch strings.ToLower(w) {
		case "the", "of", "and", "for", "de", "al", "a", "in", "on", "del", "della", "delle", "dei", "di", "da", "do", "dos", "das",
			"des", "du", "la", "le", "les", "el", "los", "las", "der", "die", "den", "von", "van", "y", "e", "et", "und":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// isHeadlineLike: a line of 1–30 words that does not end with a full stop
// (headlines rarely do), or a short one that does.
func isHeadlineLike(l *line) bool {
	if l.words == 0 || l.words > 30 {
		return false
	}
	t := strings.TrimSpace(l.text)
	if strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "...") {
		return l.words <= 12 && !strings.Contains(strings.TrimSuffix(t, "."), ". ")
	}
	return true
}

// isBodyLike: a line that reads as prose: a sentence of some length, or a
// line of some length holding a whole sentence and the start of the next
// (a paragraph cut short by a paywall or a truncating feed).
func isBodyLike(l *line) bool {
	return (l.words >= 8 && endsSentence(l.text)) || l.words >= 25 || l.words >= 12 && hasInnerSentence(l.text)
}

// hasInnerSentence reports a sentence end inside s: a lower-case word of
// three letters or more, a full stop, question or exclamation mark, a
// space and a capital ("… before experimenting. Councillor …"). Initials
// and abbreviations ("Mr. Smith", "U.S. Army") do not count.
func hasInnerSentence(s string) bool {
	for i := 3; i+2 < len(s); i++ {
		c := s[i]
		if c != '.' && c != '?' && c != '!' || s[i+1] != ' ' {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[i+2:]); !unicode.IsUpper(r) {
			continue
		}
		n := 0
		for j := i - 1; j >= 0 && s[j] >= 'a' && s[j] <= 'z'; j-- {
			n++
			if j == 0 || s[j-1] == ' ' {
				if n >= 3 {
					return true
				}
				break
			}
		}
	}
	return false
}

// vocabularyReason reports the reasons that a line's vocabulary alone can
// give (calls to action), as against its shape or place.
func vocabularyReason(r string) bool {
	switch r {
	case ReasonNewsletter, ReasonDonation, ReasonComments, ReasonSocial, ReasonReadMore, ReasonShare:
		return true
	}
	return false
}

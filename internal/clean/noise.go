package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// markNoise classifies every line that is noise by its own shape and
// language, whatever its position: widgets, ad markers, calls to action,
// server errors, captions, bylines, date lines, menus. Metadata found on
// the way (author, date) goes into r.
func markNoise(lines []line, r *Result, repeated func(string) bool) {
	related, authorBox := false, false
	seen := 0 // lines with text so far
	for i := range lines {
		l := &lines[i]
		if l.blank {
			continue
		}
		seen++
		if authorBox {
			authorBox = false
			if l.words <= 80 {
				l.kind, l.reason = kNoise, ReasonAuthorBox
				continue
			}
		}
		reason := lineNoise(l.text, l.f, l.words)
		if related && reason == "" {
			// Items under a "Related news" heading: headlines, not prose.
			if !isBodyLike(l) {
				l.kind, l.reason = kNoise, ReasonRelated
				continue
			}
			related = false
		}
		switch reason {
		case "":
			if repeated != nil && l.words <= 40 && repeated(l.text) {
				l.kind, l.reason = kNoise, ReasonTemplate
			}
			continue
		case ReasonCaption:
			l.kind = kCaption
			// A short line right above a credit line is the picture's caption
			// (not above a bare "(Agency)", which may close a paragraph).
			bare := strings.HasPrefix(l.text, "(") && l.words <= 5
			if i > 0 && !lines[i-1].blank && lines[i-1].kind == kUnknown && lines[i-1].words <= 25 && !bare &&
				!(seen <= 4 && lines[i-1].words >= 4 && !endsSentence(lines[i-1].text)) { // the headline over a credit at the top
				lines[i-1].kind = kCaption
			}
			continue
		case ReasonByline:
			if author, date, ok := metaLine(l.text); ok {
				if r.Author == "" {
					r.Author = author
				}
				if r.Published == "" {
					r.Published = date
				}
			} else if r.Author == "" {
				r.Author = bylineName(l.text)
			}
		case ReasonDate:
			if r.Published == "" {
				r.Published, _ = parseDateLine(l.text)
			}
		case ReasonRelated:
			related = true
		case ReasonAuthorBox:
			authorBox = true
		}
		l.kind, l.reason = kNoise, reason
	}
	markShareButtons(lines)
	markGalleryCaptions(lines)
}

// markGalleryCaptions keeps as captions the lines of a photo gallery: the
// line under each counter of a gallery ("1 of 4", "Image 2/5"), when the
// page has two counters or more, or the counter names a picture.
func markGalleryCaptions(lines []line) {
	var counters []int
	named := false
	for i := range lines {
		l := &lines[i]
		if l.blank || l.words > 4 {
			continue
		}
		f := l.f
		picture := hasPrefixAny(f, []string{"image ", "photo ", "picture ", "slide ", "foto ", "bild ", "imagen "})
		if picture {
			f = f[strings.IndexByte(f, ' ')+1:]
		}
		ws := strings.Fields(f)
		for len(ws) > 1 && !hasLetterOrDigit(ws[len(ws)-1]) {
			ws = ws[:len(ws)-1] // the gallery's arrows ("Picture 2/5 ‹ ›")
		}
		counter := len(ws) == 3 && isNumber(ws[0]) && isNumber(ws[2]) && (ws[1] == "of" || ws[1] == "/" || ws[1] == "von" || ws[1] == "de" || ws[1] == "di") ||
			len(ws) == 1 && strings.Count(ws[0], "/") == 1 && isNumber(strings.Replace(ws[0], "/", "", 1))
		if counter {
			counters = append(counters, i)
			named = named || picture
		}
	}
	if len(counters) < 2 && !named {
		return
	}
	for _, c := range counters {
		l := &lines[c]
		if l.kind == kUnknown || l.kind == kCaption {
			l.kind, l.reason = kNoise, ReasonPage // a counter is not a caption, even above a credit
		}
		if j := nextNonBlank(lines, c); j >= 0 && j == c+1 && lines[j].kind == kUnknown && lines[j].words <= 40 {
			lines[j].kind = kCaption
		}
	}
}

// hasLetterOrDigit reports a letter or digit in s.
func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// markShareButtons sets aside share buttons printed one to a line ("Share"
// / "Print" / "Email"): a line of one to three button labels next to a
// share bar, or a run of three or more such lines.
func markShareButtons(lines []line) {
	button := func(i int) bool {
		l := &lines[i]
		if l.kind != kUnknown && l.reason != ReasonComments || l.blank || l.words == 0 || l.words > 3 {
			return false
		}
		for _, w := range strings.Fields(l.f) {
			if !shareWords[strings.Trim(w, ",.:")] {
				return false
			}
		}
		return true
	}
	for i := range lines {
		if !button(i) {
			continue
		}
		// The run of button lines around i, and what stands either side.
		lo, hi := i, i
		for lo > 0 && (lines[lo-1].blank || button(lo-1)) {
			lo--
		}
		for hi+1 < len(lines) && (lines[hi+1].blank || button(hi+1)) {
			hi++
		}
		n := 0
		for k := lo; k <= hi; k++ {
			if !lines[k].blank {
				n++
			}
		}
		bar := n >= 3 || lo > 0 && lines[lo-1].reason == ReasonShare || hi+1 < len(lines) && lines[hi+1].reason == ReasonShare
		if !bar {
			continue
		}
		for k := lo; k <= hi; k++ {
			if !lines[k].blank {
				lines[k].kind, lines[k].reason = kNoise, ReasonShare
			}
		}
	}
}

// lineNoise returns why a line is noise, or "" if its shape and words do
// not say.
func lineNoise(text, f string, words int) string {
	if words > 12 && words <= 100 {
		// Cookie banners address the reader at length.
		ff := f
		if ff == "" {
			ff = fold(text)
		}
		if (strings.Contains(ff, "cookie") || strings.Contains(ff, "privacy")) && addressesReader(ff) &&
			containsAny(ff, []string{"partners", "consent", "accept", "personal data", "store and", "your choices", "your device"}) {
			return ReasonCookie
		}
		if strings.Contains(ff, "cookie") && addressesReaderIn(ff, readerWordsAbroad) && containsAny(ff, consentWords) {
			return ReasonCookie // "Wir verwenden Cookies …", "Nous utilisons des cookies …"
		}
	}
	if words > longLine {
		// Noise is short; long lines are prose (or comments, found by
		// structure).
		return ""
	}
	mark := markers.find(f) // phrases that give a line away wherever they stand
	letters := ""
	if words <= 8 {
		letters = lettersOnly(f)
	}
	if words <= 12 {
		if _, ok := parseFoldedDate(f); ok {
			return ReasonDate
		}
	}
	switch {
	case words <= 8 && (isAmount(text) || isCounter(text)):
		return ReasonWidget
	case words <= 25 && mark == ReasonTechnical:
		return ReasonTechnical
	case words <= 30 && mark == ReasonPaywall:
		return ReasonPaywall
	case words <= 30 && mark == ReasonDisclaimer && (hasPrefixAny(f, []string{"this ", "the above ", "parts of this "}) || speaksOfItself(f)):
		return ReasonDisclaimer
	case words <= 8 && isFollowUpNote(f):
		return ReasonDisclaimer
	case words <= 6 && hasPrefixAny(letters, []string{"advertisement", "anzeige", "werbung", "publicité", "publicite", "publicidad", "sponsored", "reklame"}):
		return ReasonAd
	case adMarkers[letters]:
		return ReasonAd
	case words <= 4 && isPlayer(f, letters):
		return ReasonTechnical
	case words <= 8 && letters == "loading" || letters == "pleasewait" || isReadingTime(f) || strings.HasPrefix(f, "font size") ||
		strings.HasPrefix(f, "text size") || letters == "listentothisarticle" || letters == "printfriendly":
		return ReasonWidget
	case hasPrefixAny(f, []string{"skip to ", "jump to ", "back to top", "menu", "search…", "search..."}) && words <= 5:
		return ReasonNav
	case hasPrefixAny(f, []string{"related:", "read more:", "see also:", "also read:", "read also:", "more:", "watch:", "recommended:",
		"further reading:", "à lire aussi", "a lire aussi", "lire aussi", "voir aussi", "lesen sie auch", "mehr zum thema", "auch interessant",
		"lee también", "lea también", "leer más", "ver también", "te puede interesar", "leggi anche", "leggi pure", "potrebbe interessarti",
		"leia também", "leia mais", "veja também", "saiba mais:", "lees ook", "lees meer", "läs även", "läs också", "les også", "læs også",
		"czytaj też", "czytaj także", "čtěte také", "citește și", "читайте также", "diğer haberler"}) && words <= 25:
		if strings.HasSuffix(strings.TrimSpace(f), ":") || words <= 8 && relatedHeadings[strings.ReplaceAll(letters, " ", "")] {
			return ReasonRelated // "Read more:" or "Mehr zum Thema" alone heads a list of links
		}
		return ReasonReadMore // one link
	case isServerError(f, mark):
		return ReasonServer
	case words <= 40 && isNav(text), words <= 8 && isPager(f):
		return ReasonNav
	case words <= 30 && mark == ReasonComments:
		return ReasonComments
	}
	if words <= 6 && isTimestamp(f) {
		return ReasonDate
	}
	if words <= 6 && isPageCounter(f) || isBareLink(text) || isPrintFurniture(text, f, words) || isPrintNote(f, words) {
		return ReasonPage
	}
	if words <= 14 && hasPrefixAny(f, tagPrefixes) || isTagRun(text, f, words) || isHashtags(f) {
		return ReasonTags
	}
	if isCopyright(f, mark) {
		return ReasonCopyright
	}
	if words <= 40 && isRepublishNote(f) {
		return ReasonDisclaimer
	}
	if isCaption(text, f, mark, words) {
		return ReasonCaption
	}
	if words <= 20 {
		if isByline(text, f, words) || isWriterByline(text) {
			return ReasonByline
		}
		if _, _, ok := metaLine(text); ok {
			return ReasonByline
		}
		if isCommentCount(f, words) {
			return ReasonComments
		}
	}
	if words <= 8 && (relatedHeadings[strings.ReplaceAll(letters, " ", "")] || relatedOnTopic(f)) {
		return ReasonRelated
	}
	if hasPrefixAny(f, []string{"about the author", "the author is ", "author bio"}) {
		return ReasonAuthorBox
	}
	if words <= 6 && commentWidgetLabels[strings.ReplaceAll(letters, " ", "")] {
		return ReasonComments
	}
	if hasQuote(text) && !strings.Contains(f, "thoughts on") {
		return "" // quoted speech is article text, even when it says "subscribe"
	}
	if words <= 14 && isShareBar(f, words) || words <= 6 && isLikeWidget(f) || words <= 30 && isSharePrompt(f) {
		return ReasonShare
	}
	if words <= 16 && isNewsletterOffer(f) {
		return ReasonNewsletter
	}
	if words > 30 {
		return ""
	}
	if reason := labelledPrompt(f); reason != "" {
		return reason
	}
	cta := words <= 12 || addressesReader(f)
	if !cta {
		return ""
	}
	reason := callToAction.find(strings.TrimRight(f, ".!?…") + " ")
	if (reason == ReasonComments || reason == ReasonReadMore) && words >= 12 && opensWithReport(f) {
		// "The council will decide in June. Here is a selection of the
		// comments left under our story.": a sentence of the article
		// first, then one that mentions a word of the comment widget or
		// of a link, words news uses too ("declined to comment").
		return ""
	}
	if reason == ReasonReadMore && words >= 20 && endsSentence(text) && strings.Count(f, ", ") >= 2 {
		// "Read more about the project, and add your name to the list,
		// at the club's stand …": a sentence of the article, not a link.
		return ""
	}
	return reason
}

// labelledPrompt reports a prompt printed under a label of its own kind
// ("Privacy notice: Newsletters may contain …", "Newsletter: …",
// "Subscribe: …"): a label of at most three words before a colon that is
// itself a call to action. Comment and social labels are left out, as
// opinion headlines open with "Comment:" and news with "Twitter:".
func labelledPrompt(f string) string {
	i := strings.IndexByte(f, ':')
	if i <= 0 || CountWords(f[:i]) > 3 || CountWords(f[i+1:]) < 2 {
		return ""
	}
	switch reason := callToAction.find(f[:i] + " "); reason {
	case ReasonCookie, ReasonNewsletter, ReasonDonation, ReasonPaywall, ReasonApp:
		return reason
	}
	return ""
}

// opensWithReport reports a line whose first sentence, of five words or
// more, reads as the article's own: no call to action in it, and not
// addressed to the reader.
func opensWithReport(f string) bool {
	end := -1
	for i := 0; i+1 < len(f); i++ {
		if (f[i] == '.' || f[i] == '!' || f[i] == '?') && f[i+1] == ' ' {
			end = i
			break
		}
	}
	if end < 0 {
		return false
	}
	first := f[:end]
	return CountWords(first) >= 5 && !addressesReader(first) && callToAction.find(first+" ") == "" && !strings.HasSuffix(first, "?")
}

// readerWordsAbroad are the pronouns with which a site addresses its
// readers in other languages than English (German, French, Spanish,
// Italian, Portuguese, Dutch).
var readerWordsAbroad = []string{"sie", "ihre", "ihrer", "ihren", "wir", "uns", "unsere", "vous", "votre", "vos", "nous", "notre",
	"nos", "usted", "nosotros", "nuestro", "nuestra", "utilizamos", "usamos", "noi", "nostro", "nostri", "utilizziamo", "você",
	"nós", "nosso", "nossos", "wij", "onze", "u", "uw"}

// consentWords are what a cookie banner asks for, in several languages.
var consentWords = []string{"accept", "akzept", "zustimm", "einwillig", "consent", "partner", "personal data", "données",
	"daten", "datos", "dati", "dados", "acept", "aceit", "toestemming", "navigation", "navigazione", "navegación", "navegação",
	"publicit", "pubblicit", "werbung", "personnalis", "personalis", "personaliz", "advertis"}

// addressesReaderIn reports whether f holds one of the given words.
func addressesReaderIn(f string, ws []string) bool {
	for _, w := range ws {
		if containsWord(f, w) {
			return true
		}
	}
	return false
}

// phraseIndex finds which group of phrases occurs in a text, looking the
// phrases up by their first three bytes at each word start instead of
// searching the text once per phrase.
type phraseIndex struct {
	byPrefix map[string][]phraseRef
	reasons  []string
}

type phraseRef struct {
	phrase string
	group  int
}

func newPhraseIndex(groups []struct {
	reason string
	words  []string
}) *phraseIndex {
	x := &phraseIndex{byPrefix: map[string][]phraseRef{}}
	for g, grp := range groups {
		x.reasons = append(x.reasons, grp.reason)
		for _, w := range grp.words {
			k := w[:min(3, len(w))]
			x.byPrefix[k] = append(x.byPrefix[k], phraseRef{w, g})
		}
	}
	return x
}

// find returns the reason of the earliest-listed group with a phrase that
// starts at a word start (or a punctuation mark) of f, or "".
func (x *phraseIndex) find(f string) string {
	return x.first(x.groups(f))
}

// groups returns the set of groups with a phrase in f, one bit a group.
func (x *phraseIndex) groups(f string) uint64 {
	var set uint64
	for i := 0; i < len(f); i++ {
		if i > 0 && isWordByte(f[i-1]) && isWordByte(f[i]) {
			continue // inside a word
		}
		for _, ref := range x.byPrefix[f[i:min(i+3, len(f))]] {
			if set&(1<<ref.group) == 0 && strings.HasPrefix(f[i:], ref.phrase) {
				set |= 1 << ref.group
			}
		}
	}
	return set
}

// first returns the reason of the earliest-listed group in set, or "".
func (x *phraseIndex) first(set uint64) string {
	for g := range x.reasons {
		if set&(1<<g) != 0 {
			return x.reasons[g]
		}
	}
	return ""
}

// callsToAction are the words of prompts addressed to the reader, grouped by
// the reason reported. They only count in short lines or lines that address
// the reader ("you", "us", an imperative), never in quoted speech.
var callToAction = newPhraseIndex(callsToAction)

var callsToAction = []struct {
	reason string
	words  []string
}{
	{ReasonCookie, []string{"cookie", "privacy notice", "privacy policy", "we value your privacy"}},
	{ReasonNewsletter, []string{"newsletter", "subscribe", "sign up", "signup", "inbox", "mailing list", "subscription",
		"never miss", "daily digest", "weekly digest", "enter your email", "your email address", "unsubscribe",
		"receiving this email", "receiving this because", "received this email", "forwarded this email"}},
	{ReasonDonation, []string{"donate", "donation", "support us", "support our", "helping us", "help us", "patreon", "paypal",
		"contribute", "chip in", "become a member", "like this content", "consider helping", "independent journalism", "keep us",
		"support independent", "enjoy our", "if you value", "if you enjoy", "if you like", "subscriber-supported", "reader-funded",
		"every dollar", "every euro", "every pound", "support alternative", "support real", "support free", "tip jar", "give monthly",
		"needs you", "buy us a coffee"}},
	{ReasonContact, []string{"got a story", "contact the newsroom", "contact us", "get in touch", "send us", "tip us", "tips@",
		"news tip", "write to us", "letters to the editor", "contact the news", "have a story", "contact our", "have your say",
		"email us", "considered for publication", "send your letter", "write to the editor", "hear from you",
		"form below", "share your experience", "share your story", "share your views"}},
	{ReasonPaywall, []string{"free articles", "free article", "articles remaining", "to keep reading", "to continue reading",
		"already a subscriber", "subscribers only", "subscriber-only", "for subscribers"}},
	{ReasonDisclaimer, []string{"this article is more than", "this article is over", "this story is more than",
		"this article was published more than", "views expressed", "author's own", "do not necessarily reflect", "appears in print", "print edition",
		"was this article helpful", "rate this article", "report an error", "spotted an error", "this article was amended",
		"this story will be updated", "this article will be updated", "this page will be updated", "update this story",
		"update this article", "this is a developing story", "this story is developing"}},
	{ReasonComments, []string{"notify of", "inline feedback", "view all comments", "comment", "leave a reply", "log in to",
		"login to", "email address will not be published", "required fields", "your thoughts", "join the discussion",
		"be the first to", "cancel reply", "load more", "sort by", "sorted by", "view all", "replies", "show more", "newest first",
		"oldest first", "most relevant", "permalink", "antworten", "répondre", "responder", "turn on notifications",
		"join the debate", "join the conversation", "debate below", "comments below", "in the comments", "save my name",
		"required fields", "are marked *"}},
	// App phrases end with a space: lineNoise matches them against the
	// line with one appended, so that "our app" is not "our appointment".
	{ReasonApp, []string{"in the app ", "our app ", "get the app ", "open in app ", "download the app ", "news alerts ",
		"notifications ", "app store ", "google play "}},
	{ReasonSocial, []string{"follow us", "join us on", "telegram", "twitter", "instagram", "youtube", "t.me/", "facebook", "tiktok", "whatsapp"}},
	{ReasonReadMore, []string{"read more", "continue reading", "read also", "see also", "click here", "read the full", "tap here",
		"full story", "read next", "also read", "watch:", "listen:", "more on this"}},
	{ReasonShare, []string{"share this", "share on", "share:", "print this", "email this"}},
}

var adMarkers = map[string]bool{
	"advertisement": true, "advertisements": true, "ad": true, "ads": true, "advert": true, "sponsored": true,
	"sponsoredcontent": true, "promoted": true, "promotedcontent": true, "paidcontent": true, "partnercontent": true,
	"continuereadingbelow": true, "storycontinuesbelowadvertisement": true, "scrolltocontinue": true,
	"advertisementscrolltocontinuewithcontent": true, "articlecontinuesbelow": true, "adclosex": true,
	"skipadvert": true, "reklama": true, "anzeige": true, "publicite": true, "publicidad": true,
}

// relatedHeadings are compared with their spaces removed (see lettersOnly).
var relatedHeadings = spaceless(map[string]bool{
	"related": true, "related news": true, "related articles": true, "related stories": true, "related posts": true,
	"related content": true, "related coverage": true, "you may also like": true, "you might also like": true,
	"more from": true, "recommended": true, "recommended for you": true, "most read": true, "most popular": true,
	"trending": true, "trending now": true, "more stories": true, "read next": true, "latest news": true, "also read": true,
	"more news": true, "more on this": true, "more on this story": true, "popular": true, "editor s picks": true, "top stories": true,
	"read more": true, "see also": true, "more in this category": true, "other news": true, "most viewed": true, "most shared": true,
	"related topics": true, "more on this topic": true,
	// Other languages.
	"mehr zum thema": true, "weitere artikel": true, "das könnte sie auch interessieren": true, "auch interessant": true,
	"à lire aussi": true, "a lire aussi": true, "sur le même sujet": true, "articles liés": true, "les plus lus": true,
	"noticias relacionadas": true, "te puede interesar": true, "lo más leído": true, "leggi anche": true,
	"articoli correlati": true, "i più letti": true, "notícias relacionadas": true, "leia também": true, "veja também": true,
	"mais lidas": true, "gerelateerd": true, "lees ook": true, "meest gelezen": true,
})

// relatedOnTopic reports a related-links heading narrowed to a topic
// ("Related coverage on the bridge", "See also on this story", "More
// stories about the strike"): a heading of relatedHeadings, then "on" or
// "about" and the topic, with no sentence end. f is the folded line.
func relatedOnTopic(f string) bool {
	if endsSentence(f) || !strings.Contains(f, " on ") && !strings.Contains(f, " about ") {
		return false
	}
	ws := strings.Fields(f)
	for k := 1; k+1 < len(ws); k++ {
		if ws[k] == "on" || ws[k] == "about" {
			return relatedHeadings[lettersOnly(strings.Join(ws[:k], " "))]
		}
	}
	return false
}

func spaceless(m map[string]bool) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[strings.ReplaceAll(k, " ", "")] = true
	}
	return out
}

var tagPrefixes = []string{"tags:", "tag:", "tagged:", "tagged with", "topics:", "filed under", "categories:", "category:",
	"keywords:", "posted in", "more about:", "subjects:"}

// isTagRun reports a tag list without a colon: "Tags Syria Hassakeh Kurds",
// a tag word followed by capitalised names and no sentence.
func isTagRun(text, f string, words int) bool {
	if words < 3 || words > 25 || endsSentence(text) {
		return false
	}
	first, _, ok := strings.Cut(f, " ")
	if !ok || (first != "tags" && first != "tagged" && first != "topics" && first != "keywords") {
		return false
	}
	_, orig, _ := strings.Cut(text, " ")
	return isCapitalised(orig)
}

// isHashtags reports a line of two or more hashtags and nothing else
// ("#Wendle #swimming #council").
func isHashtags(f string) bool {
	if f == "" || f[0] != '#' {
		return false
	}
	ws := strings.Fields(f)
	if len(ws) < 2 || len(ws) > 20 {
		return false
	}
	for _, w := range ws {
		if len(w) < 2 || w[0] != '#' || CountWords(w) != 1 {
			return false
		}
	}
	return true
}

// lettersOnly keeps the letters of a folded string, with single spaces
// between words.
func lettersOnly(f string) string {
	var b strings.Builder
	space := false
	for _, c := range f {
		if unicode.IsLetter(c) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(c)
		} else if c == ' ' {
			space = true
		}
	}
	s := b.String()
	// Ad markers are compared without spaces.
	if len(s) <= 60 {
		return strings.ReplaceAll(s, " ", "")
	}
	return s
}

// technicalNotices are the words of player, script and browser notices.
var technicalNotices = []string{"javascript", "your browser", "cannot be played", "can't be played", "ad blocker", "adblock",
	"enable cookies", "video player", "loading video", "media playback", "autoplay",
	// The placeholder of a post embedded from another site, shown until the reader consents.
	"embedded content", "external content", "hosted by a third party", "cookies to view"}

// isCounter reports lines of reaction counts and icons only ("❤️ 1.2K 💬 84",
// "👍 48 👎 6"): no word of three letters or more.
func isCounter(s string) bool {
	digits := false
	run := 0 // letters in the current word
	for _, c := range s {
		switch {
		case unicode.IsLetter(c):
			if run++; run >= 2 {
				return false
			}
		case unicode.IsDigit(c):
			digits = true
		case c == ' ':
			run = 0
		}
	}
	return digits
}

// isPlayer reports a media player's buttons and durations: "Play video",
// "Video: 1:42", "Listen (3:05)".
func isPlayer(f, letters string) bool {
	switch letters {
	case "playvideo", "watchvideo", "playaudio", "watchnow", "listennow", "play", "pause", "mute", "unmute", "fullscreen":
		return true
	}
	for _, w := range []string{"video", "audio", "listen", "watch", "duration"} {
		if strings.HasPrefix(f, w) {
			rest := strings.Trim(f[len(w):], " :()[]-–")
			return rest != "" && isClock(rest)
		}
	}
	return false
}

// isRepublishNote reports a syndication note: "This article first
// appeared on … and is republished with permission", "This story was
// originally published by …".
func isRepublishNote(f string) bool {
	if !strings.Contains(f, "publi") && !strings.Contains(f, "appear") && !strings.Contains(f, "print") && !strings.Contains(f, "erschien") {
		return false // a cheap test first: every note below has one of these
	}
	if strings.Contains(f, "republish") {
		return true
	}
	if hasPrefixAny(f, []string{"originally appeared", "originally published", "first appeared", "this article originally",
		"this story originally", "this article first", "this story first", "this article was originally", "this story was originally",
		"publicado originalmente", "originalmente publicado", "pubblicato originariamente", "pubblicato originalmente",
		"ursprünglich erschienen", "zuerst erschienen", "initialement publié", "publié initialement", "publié à l'origine"}) {
		return true
	}
	about := containsAny(f, []string{"this article", "this story", "this piece", "this post", "this interview", "this report",
		"this column", "version of this"})
	return about && containsAny(f, []string{"first appeared on", "first appeared in", "originally appeared", "originally published",
		"first published", "appears in print", "appeared in print", "print edition", "in print on"})
}

// isPageCounter reports the page numbers of a paginated or printed
// article: "Page 1 of 2", "1 of 3", "Seite 2 von 3".
func isPageCounter(f string) bool {
	ws := strings.Fields(strings.Trim(f, "()[]-–— "))
	if len(ws) == 4 && (ws[0] == "page" || ws[0] == "seite" || ws[0] == "pagina" || ws[0] == "página") {
		ws = ws[1:]
	}
	return len(ws) == 3 && isNumber(ws[0]) && isNumber(ws[2]) && (ws[1] == "of" || ws[1] == "von" || ws[1] == "de" || ws[1] == "di" || ws[1] == "sur" || ws[1] == "/")
}

// isPrintFurniture reports the header and footer a browser prints on every
// page of a saved article: the date and time followed by the page's title
// ("3/14/25, 9:02 AM Harbour dredging … | The Selby Tide"), and the page's
// address followed by a page counter ("https://…/story 1/2").
func isPrintFurniture(text, f string, words int) bool {
	if f == "" || (f[0] < '0' || f[0] > '9') && f[0] != 'h' && f[0] != 'w' {
		return false
	}
	toks := strings.Fields(f)
	if len(toks) < 2 || words > 40 {
		return false
	}
	if isBareLink(toks[0]) {
		rest := strings.Join(toks[1:], " ")
		return isPageCounter(rest) || len(toks) == 2 && strings.Count(rest, "/") == 1 && isNumericDate(rest)
	}
	d := strings.TrimRight(toks[0], ",")
	if strings.Count(d, "/") != 2 && strings.Count(d, "-") != 2 && strings.Count(d, ".") != 2 || !isNumericDate(d) {
		return false
	}
	for _, p := range strings.FieldsFunc(d, func(r rune) bool { return r == '/' || r == '-' || r == '.' }) {
		if len(p) > 4 {
			return false
		}
	}
	if len(toks) < 3 || !isClock(strings.TrimRight(toks[1], ",")) && !isClock(toks[1]+toks[2]) {
		return false
	}
	return !endsSentence(text)
}

// isPrintNote reports a printed page's note of where and when it was
// printed ("Printed from example.org on 05/03/2025 at 08:12").
func isPrintNote(f string, words int) bool {
	return words <= 20 && hasPrefixAny(f, []string{"printed from ", "printed on ", "printed at ", "print date", "this copy is for your personal"})
}

// isBareLink reports a line that is one web address and nothing else.
func isBareLink(text string) bool {
	if strings.ContainsAny(text, " \t") || len(text) < 8 {
		return false
	}
	f := strings.ToLower(text)
	return strings.HasPrefix(f, "http://") || strings.HasPrefix(f, "https://") || strings.HasPrefix(f, "www.")
}

// isReadingTime reports "4 min read", "5-minute read".
func isReadingTime(f string) bool {
	return (strings.HasSuffix(f, " min read") || strings.HasSuffix(f, " minute read") || strings.HasSuffix(f, "-minute read") ||
		strings.HasSuffix(f, " mins read") || strings.HasSuffix(f, " minutes read")) && len(f) < 24
}

// isAmount reports lines holding only numbers and currency signs, such as
// the amount buttons of a donation widget ("2,500 $").
func isAmount(s string) bool {
	digits := false
	for _, c := range s {
		switch {
		case unicode.IsDigit(c):
			digits = true
		case c == ',' || c == '.' || c == ' ' || c == '+' || c == '%' || unicode.Is(unicode.Sc, c):
		default:
			return false
		}
	}
	return digits
}

func isServerError(f, mark string) bool {
	if strings.HasPrefix(f, "[") && strings.HasSuffix(f, "]") && strings.Contains(f, "error") {
		return true
	}
	if hasPrefixAny(f, []string{"warning:", "fatal error:", "notice:", "parse error:", "deprecated:", "error:"}) &&
		(strings.Contains(f, " on line ") || strings.Contains(f, ".php")) {
		return true
	}
	return mark == ReasonServer
}

// markers are phrases that give a line away wherever they stand in it.
var markers = newPhraseIndex([]struct {
	reason string
	words  []string
}{
	{ReasonServer, []string{"an error occurred while processing", "internal server error", "404 not found",
		"503 service unavailable", "502 bad gateway", "<?php", "stack trace:", "mysql_", "undefined index:"}},
	{ReasonTechnical, technicalNotices},
	{ReasonComments, []string{"save my name, email", "email address will not be published", "e-mail address will not be published"}},
	// Notes about how the text itself was made, when the line speaks of
	// itself ("This transcript was produced by an automated service …").
	{ReasonDisclaimer, []string{"may contain errors", "automated service", "automatically transcribed", "transcribed automatically",
		"automatically generated", "machine translation", "machine-translated", "automatically translated", "translated automatically",
		// The outlet's distance from an opinion it prints. (Phrases are
		// looked up by their first three bytes at every word: each opens
		// with a rare word, not "is", "do" or "not".)
		"necessarily reflect", "author's own",
		// A live or developing page about itself, a market data notice.
		"being updated", "refresh the page", "refresh this page", "investment advice"}},
	{ReasonPaywall, []string{"cancel anytime", "cancel any time", "cancel at any time"}}, // a subscription offer
	{ReasonCopyright, []string{"all rights reserved", "may not be reproduced", "without permission", "reproduction in whole"}},
	{ReasonCaption, []string{". photo:", " photo: ", "photo credit:", "(photo:", "(photo by ", "(photograph by ", "(picture by ",
		"(image by ", "(photo courtesy", "photo/", ". photograph:",
		" photograph: ", ". image:", " picture: ", " foto: "}},
})

// isNav reports a menu or breadcrumb line: three or more short items
// separated by bars, bullets, slashes or arrows.
func isNav(s string) bool {
	if !strings.ContainsAny(s, "|•·/>»›") {
		return false
	}
	for _, sep := range []string{" | ", " • ", " · ", " / ", " > ", " » ", " › "} {
		if strings.Count(s, sep) < 2 {
			continue
		}
		parts := strings.Split(s, sep)
		if len(parts) < 3 {
			continue
		}
		ok := true
		for _, p := range parts {
			if n := CountWords(p); n > 4 || endsSentence(p) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// isPager reports a blog's links to the posts before and after ("Newer
// Post Older Post Home", "« Previous entry", "Next post »").
func isPager(f string) bool {
	post := false
	for _, w := range strings.Fields(f) {
		switch strings.Trim(w, "«»‹›<>←→") {
		case "post", "posts", "entry", "entries", "article", "story":
			post = true
		case "newer", "older", "previous", "next", "home", "prev", "":
		default:
			return false
		}
	}
	return post && containsAny(f, []string{"newer", "older", "previous", "next", "prev"})
}

func isCopyright(f, mark string) bool {
	if mark == ReasonCopyright {
		return true
	}
	if hasCopyrightSign(f) || strings.HasPrefix(f, "copyright") || strings.Contains(f, "(c) 19") || strings.Contains(f, "(c) 20") {
		return hasYear(f)
	}
	return false
}

func hasYear(f string) bool {
	run := 0
	for i := 0; i < len(f); i++ {
		if f[i] >= '0' && f[i] <= '9' {
			run++
			if run == 4 && (f[i-3] == '1' || f[i-3] == '2') && (i+1 == len(f) || f[i+1] < '0' || f[i+1] > '9') {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// hasCopyrightSign reports a © that is a copyright sign: not one glued to a
// letter, as in "cafÃ©", UTF-8 "é" misread as Windows-1252.
func hasCopyrightSign(f string) bool {
	for i := strings.Index(f, "©"); i >= 0; {
		before, _ := utf8.DecodeLastRuneInString(f[:i])
		if i == 0 || !unicode.IsLetter(before) {
			return true
		}
		j := strings.Index(f[i+len("©"):], "©")
		if j < 0 {
			break
		}
		i += len("©") + j
	}
	return false
}

// isCaption reports photo captions and credits: "© Name/Agency",
// "Photo: …", "Name/AGENCY", or a picture description ending in
// "(Agency)".
func isCaption(text, f, mark string, words int) bool {
	if strings.HasPrefix(f, "©") || strings.HasPrefix(f, "(c) ") {
		return words <= 10
	}
	if words <= 40 && hasCopyrightSign(f) {
		return true // "The doors on display. © Saskia Renn/Museum"
	}
	if words <= 5 && strings.HasPrefix(text, "(") && strings.HasSuffix(text, ")") && strings.Count(text, "(") == 1 {
		inside := text[1 : len(text)-1]
		if isCapitalised(strings.ReplaceAll(inside, "/", " ")) && !mediaTags[fold(inside)] && !endsSentence(inside) {
			return true // "(Getty Images)" on a line of its own, under the picture
		}
	}
	if words <= 40 && mark == ReasonCaption {
		return true
	}
	for _, p := range []string{"image caption,", "image source,", "media caption,", "picture caption,", "photo caption,",
		"photo:", "photo by", "photo credit", "photos:", "image:", "image credit", "picture:",
		"credit:", "photograph:", "file photo", "pictured:", "(photo", "foto:", "illustration:", "caption:", "video:"} {
		if !strings.HasPrefix(f, p) {
			continue
		}
		// A credit names someone ("Photo: Ada Kerr", "Photos: AP"); a
		// headline of a gallery goes on in lower case ("Photos: the night
		// the river froze") and a player shows a duration ("Video: 1:42").
		rest := strings.TrimLeft(text[min(len(p), len(text)):], " :")
		r, _ := utf8.DecodeRuneInString(rest)
		if unicode.IsLower(r) || unicode.IsDigit(r) {
			return false
		}
		return words <= 60
	}
	if words <= 6 && strings.Count(text, "/") == 1 && !endsSentence(text) && !strings.Contains(f, "http") &&
		!strings.Contains(f, "://") && isCapitalised(strings.ReplaceAll(text, "/", " ")) {
		return true // "Alexandr Sherbak/TASS"
	}
	if words <= 45 && strings.HasSuffix(text, ")") && !isInterviewTurn(text) {
		open := strings.LastIndex(text, "(")
		if open > 0 {
			inside := text[open+1 : len(text)-1]
			n := CountWords(inside)
			before := strings.TrimSpace(text[:open])
			agency := n <= 3
			if n >= 1 && n <= 5 && hasLetter(inside) && isCapitalised(strings.ReplaceAll(inside, "/", " ")) && !mediaTags[fold(inside)] &&
				(!strings.HasSuffix(before, ".") || agency) {
				return true // "Turkish forces are seen … on August 29, 2018. (AFP)"
			}
		}
	}
	return false
}

// mediaTags are the labels a headline carries in brackets ("… (VIDEO)",
// "(PHOTOS)", "(UPDATED)"), which are not a picture agency's credit.
var mediaTags = map[string]bool{"video": true, "videos": true, "vídeo": true, "photos": true, "photo": true, "fotos": true,
	"foto": true, "pictures": true, "gallery": true, "live": true, "en direct": true, "en vivo": true, "ao vivo": true,
	"watch": true, "listen": true, "audio": true, "podcast": true, "update": true, "updated": true, "updates": true,
	"exclusive": true, "opinion": true, "analysis": true, "map": true, "maps": true, "graphic": true, "interactive": true,
	"poll": true, "quiz": true, "explainer": true, "breaking": true, "+video": true, "+photos": true, "bilder": true}

// isByline reports "By Jane Doe", "Written by …", "Reporting by …".
func isByline(text, f string, words int) bool {
	if words > 12 || words < 2 {
		return false
	}
	for _, p := range bylinePrefixes {
		if strings.HasPrefix(f, p) {
			rest := text[len(p):]
			if p == "interview: " {
				return isNameLike(rest) // "Interview: Linus Farr", not "Interview: the potter who …"
			}
			r, _ := utf8.DecodeRuneInString(rest)
			return unicode.IsUpper(r) && !strings.HasSuffix(strings.TrimSpace(rest), ".") || strings.HasPrefix(f, "(reporting")
		}
	}
	return false
}

// bylinePrefixes open lines that credit an author or a source.
var bylinePrefixes = []string{"written by ", "words by ", "author: ", "reporting by ", "(reporting by ", "report by ",
	"story by ", "posted by ", "originally published by ", "first published by ", "republished from ", "source: ",
	"via ", "interview by ", "interviewed by ", "interview: ", "by "}

// metaLine reads a line of metadata fields separated by bars or dots
// ("Posted by Yusuf Darwish | April 4, 2025", "Report HCM-14 | Published 6
// March 2025"): every field is a byline, a date or a short code, and at
// least one is a byline or a date.
func metaLine(text string) (author, date string, ok bool) {
	var parts []string
	for _, sep := range []string{" | ", " · ", " • ", " - ", " – ", " — "} {
		if strings.Contains(text, sep) {
			parts = strings.Split(text, sep)
			break
		}
	}
	if len(parts) == 0 {
		// "Nils Årdal, 12 April 2024": a name and a date.
		if i := strings.Index(text, ", "); i > 0 {
			if d, ok := parseDateLine(text[i+2:]); ok && CountWords(text[:i]) <= 4 && isCapitalised(text[:i]) {
				return strings.TrimSpace(text[:i]), d, true
			}
		}
		return "", "", false
	}
	if len(parts) > 5 {
		return "", "", false
	}
	labels, roled := 0, false
	for _, p := range parts {
		p = strings.TrimSpace(p)
		pf := fold(p)
		n := CountWords(p)
		if d, ok := parseDateLine(p); ok {
			if date == "" {
				date = d // "Published 3 July | Last updated 4 July": the first is the article's
			}
		} else if isByline(p, pf, n) {
			author = bylineName(p)
		} else if name, ok := nameWithRole(p); ok && author == "" {
			author, roled = name, true // "Mabli Rhyce, health reporter"
		} else if isReadingTime(pf) || isTimestamp(pf) || n <= 3 && strings.ContainsAny(p, "0123456789") {
		} else if n <= 4 && !endsSentence(p) && (isCapitalised(p) || n <= 3) {
			labels++ // a section, outlet or column name ("Science", "Highland Line News", "Editor's column")
		} else {
			return "", "", false
		}
	}
	if (labels > 0 || roled) && date == "" {
		return "", "", false
	}
	return author, date, author != "" || date != ""
}

// nameWithRole splits a byline's field of a name and the writer's role
// after a comma ("Mabli Rhyce, health reporter", "Tom Ure, Political
// Editor"): two or three capitalised words, then one to four words that
// end no sentence.
func nameWithRole(p string) (string, bool) {
	i := strings.Index(p, ", ")
	if i <= 0 {
		return "", false
	}
	name, role := p[:i], p[i+2:]
	if len(role) > 48 || len(name) > 48 || !isNameLike(name) || CountWords(role) > 4 || strings.ContainsAny(role, ",.:;?!\"0123456789") {
		return "", false
	}
	return name, true
}

// bylineName extracts the author's name from a byline.
func bylineName(text string) string {
	f := fold(text)
	for _, p := range bylinePrefixes {
		if strings.HasPrefix(f, p) {
			text = text[len(p):]
			break
		}
	}
	for _, sep := range []string{",", " | ", " - ", " – ", ";", "(", " and "} {
		if i := strings.Index(text, sep); i > 0 {
			text = text[:i]
		}
	}
	return strings.TrimSpace(strings.TrimRight(text, ")."))
}

func isCommentCount(f string, words int) bool {
	if words > 12 {
		return false
	}
	if strings.Contains(f, "thoughts on") || strings.Contains(f, "responses to") || strings.Contains(f, "replies to") {
		return true
	}
	ws := strings.Fields(strings.Trim(f, "()[]"))
	if len(ws) == 1 && (ws[0] == "comments" || ws[0] == "comment" || ws[0] == "reply" || ws[0] == "replies" || ws[0] == "like" ||
		ws[0] == "likes" || ws[0] == "report" || ws[0] == "discussion") {
		return true
	}
	if len(ws) == 2 && isNumber(ws[0]) && hasPrefixAny(ws[1], []string{"comment", "response", "repl", "reaction", "thought", "post"}) || len(ws) == 2 && strings.HasPrefix(ws[0], "comment") && isNumber(strings.Trim(ws[1], "()")) {
		return true
	}
	return false
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

var shareWords = map[string]bool{"share": true, "share:": true, "tweet": true, "facebook": true, "twitter": true, "whatsapp": true,
	"telegram": true, "email": true, "e-mail": true, "print": true, "linkedin": true, "pinterest": true, "reddit": true, "vk": true,
	"copy": true, "link": true, "messenger": true, "x": true, "pin": true, "save": true, "mail": true, "sms": true, "this:": true,
	"this": true, "on": true, "|": true, "•": true, "·": true, "tumblr": true, "flipboard": true, "viber": true}

// commentWidgetLabels are the headings, links and sort orders of a comment
// widget that stand on a line of their own ("Community standards", "Sort by
// Oldest", "Most recent"), compared without spaces (see lettersOnly).
var commentWidgetLabels = spaceless(map[string]bool{
	"community standards": true, "community guidelines": true, "community rules": true, "house rules": true,
	"commenting guidelines": true, "comment policy": true, "comments policy": true, "most recent": true, "newest": true,
	"oldest": true, "most recommended": true, "most liked": true, "top comments": true, "all comments": true,
	"join the conversation": true, "conversation": true, "sign in to comment": true, "log in to comment": true,
	"comments are closed": true, "comments": true, "show comments": true, "hide comments": true, "add a comment": true,
	"post a comment": true, "write a comment": true, "reader comments": true, "your comment": true,
	"what you think": true, "what you said": true, "your views": true, "your comments": true, "what readers think": true,
	"what readers say": true, "what our readers say": true, "reader reactions": true, "readers respond": true,
	// The fields and button of a comment form.
	"name": true, "email": true, "e mail": true, "website": true, "post comment": true, "submit comment": true,
	"submit": true, "leave a comment": true, "comment": true,
})

// shareVerbs open a request to pass the article on.
var shareVerbs = []string{"share ", "sharing ", "forward ", "forwarding ", "pass ", "passing ", "send ", "sending ",
	"hand ", "handing ", "recommend ", "recommending ", "tell ", "spread the word"}

// shareOpeners may come before the verb of a share prompt ("Why not share
// it …", "Consider sharing this post …", "Feel free to pass it on").
var shareOpeners = []string{"why not ", "consider ", "feel free to ", "you can ", "you could ", "don't forget to ",
	"do not forget to ", "remember to ", "be sure to ", "make sure to ", "go ahead and "}

// shareObjects are what a share prompt asks to pass on: the article itself.
var shareObjects = []string{"it", "this", "them", "these", "the article", "the story", "this article", "this story", "this piece",
	"our", "it with", "the link", "the word", "with", "your friends", "a friend", "friends", "others", "your family"}

// isSharePrompt reports a request to the reader to pass the article on,
// however polite and whole-sentence ("Enjoyed this article? Please share it
// with your friends.", "Found this useful? Forward it to a colleague."): a
// clause that opens (at the start of the line or after a question or
// sentence) with an imperative verb of sharing, optionally after "please",
// and names the article ("it", "this", "this story") as what to share.
// Reported requests ("Police asked residents to share their footage.") do
// not open a clause with the verb.
func isSharePrompt(f string) bool {
	for i := 0; i < len(f); {
		clause := f[i:]
		clause = strings.TrimLeft(clause, " \"'¡¿*_-–—")
		clause = strings.TrimPrefix(clause, "so ")
		clause = strings.TrimPrefix(clause, "then ")
		please := strings.HasPrefix(clause, "please ")
		clause = strings.TrimPrefix(clause, "please ")
		for _, o := range shareOpeners {
			clause = strings.TrimPrefix(clause, o)
		}
		if please && strings.HasPrefix(clause, "share") && strings.Trim(clause[len("share"):], "!. ") == "" {
			return true // "Thank you for reading. Please share!"
		}
		if clause == f[i:] && i > 0 && f[i-1] == ',' {
			// After a comma only "please" opens a request: "If you found
			// this useful, please share it", not "…, share prices fell".
			clause = ""
		}
		clause = strings.TrimPrefix(clause, "do ")
		for _, v := range shareVerbs {
			if !strings.HasPrefix(clause, v) {
				continue
			}
			if v == "spread the word" {
				return true
			}
			rest := strings.TrimLeft(clause[len(v):], " ")
			for _, o := range shareObjects {
				if strings.HasPrefix(rest, o) && (len(rest) == len(o) || !isWordByte(rest[len(o)])) &&
					(v != "tell " || tellsOfArticle(o, rest[len(o):])) {
					return true
				}
			}
		}
		if pressesButton(clause) {
			return true // "Smash that SHARE button before …"
		}
		j := strings.IndexAny(f[i:], ".?!:;,")
		if j < 0 {
			return false
		}
		i += j + 1
	}
	return false
}

// tellsOfArticle reports whether "tell" with the object o and what
// follows (rest) asks to pass the article on ("Tell your friends", "Tell
// them about this story"), not to tell someone one's own view ("Tell them
// what kind of town you want.").
func tellsOfArticle(o, rest string) bool {
	switch o {
	case "your friends", "a friend", "friends", "others", "your family":
		return true
	}
	rest = strings.TrimLeft(rest, " ")
	return rest == "" || strings.HasPrefix(rest, "about ") || rest[0] == '.' || rest[0] == '!'
}

// pressesButton reports a clause that asks the reader to press a share or
// like button: a verb and "that", "the", "this" or "our" before "share
// button" or "like button" ("Hit the share button", "smash that like
// button").
func pressesButton(clause string) bool {
	_, rest := nextField(clause)
	det, rest := nextField(rest)
	if det != "that" && det != "the" && det != "this" && det != "our" {
		return false
	}
	what, rest := nextField(rest)
	button, _ := nextField(rest)
	return (what == "share" || what == "like") && strings.HasPrefix(button, "button")
}

// isNewsletterOffer reports a newsletter box's heading or pitch that does
// not say "newsletter": an offer to get or receive a briefing, digest or
// the day's stories, or stories every morning ("Get the City Ledger
// morning briefing", "Get the day's top stories every weekday morning.").
func isNewsletterOffer(f string) bool {
	if !hasPrefixAny(f, []string{"get ", "receive ", "start your day", "sign up"}) {
		return false
	}
	return containsAny(f, []string{"briefing", "digest", "top stories", "headlines", "every morning", "every weekday",
		"each morning", "every week", "every friday", "every day", "daily"})
}

// isLikeWidget reports the like button and its counter ("Like this:",
// "Liked by 4 people", "Like Loading...", "12 people like this").
func isLikeWidget(f string) bool {
	ws := strings.Fields(strings.Trim(f, ".:…!"))
	like := false
	for _, w := range ws {
		w = strings.Trim(w, ".:…,!")
		switch {
		case w == "like" || w == "liked" || w == "likes":
			like = true
		case w == "this" || w == "by" || w == "people" || w == "person" || w == "others" || w == "and" || w == "loading" ||
			w == "other" || w == "" || isNumber(w):
		default:
			return false
		}
	}
	return like && len(ws) >= 2
}

// isShareBar reports a line made mostly of share-button labels.
func isShareBar(f string, words int) bool {
	if words == 0 || words > 14 {
		return false
	}
	var ws []string
	for _, w := range strings.Fields(f) {
		if CountWords(w) > 0 {
			ws = append(ws, w)
		}
	}
	hit := 0
	for _, w := range ws {
		if shareWords[strings.Trim(w, ",.")] {
			hit++
		}
	}
	return hit*3 >= len(ws)*2 && (strings.Contains(f, "share") || hit >= 3)
}

// addressesReader reports lines that speak to the reader: second person,
// first person plural, or an imperative opening one of its sentences.
func addressesReader(f string) bool {
	for _, w := range []string{"you", "your", "us", "our", "we"} {
		if containsWord(f, w) {
			return true
		}
	}
	if imperativeOpens(f) {
		return true
	}
	// An appeal whose imperative opens its second sentence ("Independent
	// journalism costs money. Chip in $10 today …").
	for i := strings.Index(f, ". "); i >= 0; {
		if imperativeOpens(f[i+2:]) {
			return true
		}
		j := strings.Index(f[i+2:], ". ")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	return false
}

// imperativeOpens reports a text whose first word is an imperative verb of
// a call to action ("Subscribe …", "Chip in …") or a prompt's opening.
func imperativeOpens(f string) bool {
	first := f
	if i := strings.IndexByte(first, ' '); i > 0 {
		first = first[:i]
	}
	first = strings.TrimLeftFunc(first, func(r rune) bool { return !unicode.IsLetter(r) })
	switch first {
	case "subscribe", "sign", "donate", "support", "follow", "share", "click", "read", "join", "like", "help", "consider",
		"get", "download", "watch", "listen", "tap", "leave", "log", "accept", "continue", "register", "become", "enter", "see",
		"be", "don't", "never", "stay", "keep", "tell", "send", "give", "find", "discover", "try", "start", "make", "check",
		"visit", "explore", "view", "show", "load", "add", "post", "write", "comment", "email", "call", "text", "enjoy",
		"thank", "thanks", "why", "want", "looking", "interested", "sorry", "please", "chip", "pitch":
		return true
	}
	return false
}

func containsWord(f, w string) bool {
	for i := 0; ; {
		j := strings.Index(f[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || !isWordByte(f[j-1])
		after := j+len(w) == len(f) || !isWordByte(f[j+len(w)])
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}

func hasQuote(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			return true
		case 0xe2: // “ ” are E2 80 9C / E2 80 9D
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x9c || s[i+2] == 0x9d) {
				return true
			}
		case 0xc2: // « » are C2 AB / C2 BB
			if i+1 < len(s) && (s[i+1] == 0xab || s[i+1] == 0xbb) {
				return true
			}
		}
	}
	return false
}

func hasPrefixAny(s string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func containsAny(s string, ws []string) bool {
	for _, w := range ws {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// speaksOfItself reports a line that is about the text it stands in: a
// sentence of it opens with "This …", "Transcripts …" or a verbless "Not
// …" ("Not investment advice."), or it names
// "this column", "this page", "the transcript below" …, so that a note's
// phrase ("may contain errors", "do not necessarily reflect") in it is the
// outlet's note and not the article's statement about something else.
func speaksOfItself(f string) bool {
	for _, p := range []string{". this ", ". these ", ". transcripts ", ". the transcript ", ". not "} {
		if strings.Contains(f, p) {
			return true
		}
	}
	return hasPrefixAny(f, []string{"transcripts ", "the transcript ", "data ", "not "}) ||
		containsAny(f, []string{"this column", "this article", "this story", "this page", "this episode", "this transcript",
			"this podcast", "this programme", "this newsletter", "transcript below", "coverage below", "the page"})
}

// isFollowUpNote reports a short line promising the rest of a story that
// is still being written: "More to follow.", "Full report and player
// ratings to follow.", "Details to come."
func isFollowUpNote(f string) bool {
	t := strings.TrimRight(f, ".…! ")
	return !strings.ContainsAny(f, "\"'?") && (strings.HasSuffix(t, " to follow") || strings.HasSuffix(t, " to come") ||
		strings.HasSuffix(t, " to follow shortly") || strings.HasSuffix(t, " to follow soon"))
}

package clean

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sift-news/sift"
)

// markBody decides the unclassified lines between the title and the
// comment thread (or the end). Prose is body; short lines that are not
// sentences are body only when they stand inside the article (a subheading,
// a list item) and are fragments outside it (leftover widgets, link text).
func markBody(lines []line, start, end int) {
	if end < 0 {
		end = len(lines)
	}
	first, last := -1, -1
	for i := start; i < end; i++ {
		l := &lines[i]
		if l.kind == kUnknown && !l.blank && isBodyLike(l) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		// No prose at all: keep every unclassified line rather than nothing.
		for i := start; i < end; i++ {
			if l := &lines[i]; l.kind == kUnknown && !l.blank {
				l.kind = kBody
			}
		}
		return
	}
	// Short closing sentences right after the last prose line belong to it
	// ("He declined to comment."), up to the first line that is not one.
	for i := last + 1; i < end; i++ {
		l := &lines[i]
		if l.blank {
			continue
		}
		if proseWithWidgetWord(l) {
			l.kind, l.reason = kUnknown, "" // "She declined to comment."
			last = i
			continue
		}
		if l.kind == kUnknown && isSignOff(l.text) && signedInside(lines, first, last) {
			l.sure = true
			last = i // the last letter's "Name, Place", like the letters above it
			continue
		}
		if l.kind == kUnknown && l.words <= 6 && !endsSentence(l.text) {
			// A subheading or a name over a closing sentence ("Leo Gant" /
			// "6 – Quiet until the final ten minutes.").
			if j := nextNonBlank(lines, i); j >= 0 && j < end && lines[j].kind == kUnknown && lines[j].words >= 3 &&
				endsSentence(lines[j].text) && hasLower(lines[j].text) {
				last = j
				i = j
				continue
			}
		}
		if l.kind != kUnknown || l.words < 3 || !endsSentence(l.text) || !hasLower(l.text) {
			break
		}
		last = i
	}
	// A standfirst between the title and the first prose line.
	for i := first - 1; i >= start; i-- {
		l := &lines[i]
		if l.blank {
			continue
		}
		if l.kind != kUnknown || l.words < 6 {
			break
		}
		first = i
	}
	for i := start; i < end; i++ {
		l := &lines[i]
		if l.kind != kUnknown || l.blank {
			continue
		}
		if i >= first && i <= last {
			l.kind = kBody
		} else {
			l.kind, l.reason = kNoise, ReasonFragment
		}
	}
	// Noise between body lines that is only noise by its wording but reads
	// as a sentence of the article is kept: a call to action inside prose
	// ("Residents were asked to sign up for evacuation buses.") is news.
	for i := first; i <= last; i++ {
		l := &lines[i]
		if l.kind == kNoise && (l.reason == ReasonNewsletter || l.reason == ReasonDonation || l.reason == ReasonSocial ||
			l.reason == ReasonComments || l.reason == ReasonReadMore) && l.words >= 10 && endsSentence(l.text) &&
			!addressesReader(l.f) || proseWithWidgetWord(l) {
			l.kind, l.reason = kBody, ""
		}
	}
}

// proseWithWidgetWord reports a short sentence of the article that was set
// aside only for a word that prompts also use: "She declined to comment.",
// "The weather contributed to the crash.", "It was her first visit to
// Facebook's office." It is a statement of four words or more, ending with
// a full stop, that does not speak to the reader and does not open with
// the prompt's word ("Comments are closed for this article.").
func proseWithWidgetWord(l *line) bool {
	if l.kind != kNoise || l.words < 4 || l.words > 30 || !strings.HasSuffix(strings.TrimRight(l.text, "\"'”’»)"), ".") {
		return false
	}
	switch l.reason {
	case ReasonNewsletter, ReasonDonation, ReasonSocial, ReasonComments, ReasonReadMore:
	default:
		return false
	}
	if r, _ := utf8.DecodeRuneInString(l.text); !unicode.IsUpper(r) || addressesReader(l.f) {
		return false
	}
	if strings.ContainsAny(l.text, "?!") {
		return false // "Got a view? Join the debate below."
	}
	first, _, _ := strings.Cut(l.f, " ")
	first = strings.Trim(first, "\"'“‘«(")
	switch first {
	case "there", "no", "this", "these", "be":
		return false // "There are no comments yet.", "This article is for subscribers."
	}
	return callToAction.find(first+" ") == "" && !strings.HasSuffix(first, ":")
}

// isSignOff reports a letter writer's signature: "Ada Lindqvist, Cooper's
// Row", a short capitalised name and place.
func isSignOff(s string) bool {
	i := strings.Index(s, ", ")
	return i > 0 && CountWords(s) <= 7 && !endsSentence(s) && isCapitalised(s[:i]) && isCapitalised(s[i+2:])
}

// signedInside reports whether a body line between first and last is
// signed as a letter and followed by more prose: a page of letters.
func signedInside(lines []line, first, last int) bool {
	for i := first + 1; i < last; i++ {
		if l := &lines[i]; l.kind == kUnknown && !l.blank && l.words <= 7 && isSignOff(l.text) {
			return true
		}
	}
	return false
}

func hasLower(s string) bool {
	for _, c := range s {
		if c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}

// findComments returns the index of the line that opens a reader-comment
// thread after the article, or -1. A thread opens with an author line: a
// bulleted short name followed by indented text, or a short name followed
// by a timestamp.
func findComments(lines []line, start int) int {
	prose := false
	for i := start; i < len(lines); i++ {
		l := &lines[i]
		if l.blank {
			continue
		}
		if !prose {
			prose = l.kind == kUnknown && isBodyLike(l)
			continue
		}
		// Every signature is an author line; only dated sign-offs need
		// their second.
		author := isAuthorLine(lines, i) && !isWriterByline(l.text)
		if author && !isSignature(lines, i) {
			if hasAtHandle(l.text) && !strings.HasPrefix(l.text, "@") && !widgetBelow(lines, i) {
				continue // "Dan Hale @danhale · 2h": a post embedded in the article
			}
			return i
		}
		if author || signedTwice(lines, i) {
			// A thread has a second signature, or a heading above its only
			// comment; a lone "Posted by Jane at 10:14" signs the article.
			start, headed := signedCommentStart(lines, i)
			if more, lone := threadFollows(lines, i); more || lone && headed {
				return start
			}
		}
	}
	return -1
}

// hasAtHandle reports a social network handle ("@danhale") in s.
func hasAtHandle(s string) bool {
	for _, w := range strings.Fields(s) {
		if len(w) > 2 && w[0] == '@' && isWordByte(w[1]|0x20) {
			return true
		}
	}
	return false
}

// widgetBelow reports whether the page shows a comment widget from line i
// on: a comment heading or label, or the buttons under a comment.
func widgetBelow(lines []line, i int) bool {
	for j := i; j < len(lines); j++ {
		l := &lines[j]
		if l.kind == kNoise && l.reason == ReasonComments || !l.blank && (isActionLine(l.f) || replyMarker(l.f, l.words)) {
			return true
		}
	}
	return false
}

// headedThread finds a thread printed without times or buttons: under a
// comment heading after the article ("Reader comments", "3 comments"),
// short name lines each over a sentence ("Harriet Vane" / "The winter
// timetable was a disgrace."), twice or more. It returns the index of the
// first name line, or -1.
func headedThread(lines []line, start int) int {
	prose := false
	for i := start; i < len(lines); i++ {
		l := &lines[i]
		if l.blank {
			continue
		}
		if !prose {
			prose = l.kind == kUnknown && isBodyLike(l)
			continue
		}
		if l.kind != kNoise || l.reason != ReasonComments || !isCommentHeading(l) {
			continue
		}
		first, n := -1, 0
		for j := i + 1; j < len(lines); j++ {
			m := &lines[j]
			if m.blank || m.kind == kNoise {
				continue
			}
			if isLooseAuthor(lines, j) {
				if first < 0 {
					first = j
				}
				n++
				j = nextNonBlank(lines, j)
				continue
			}
			if first < 0 {
				break // the heading is not over a thread
			}
		}
		if n >= 2 {
			return first
		}
	}
	return -1
}

// isCommentHeading reports the heading of a comment section: "Comments",
// "Reader comments", "3 comments", "Comments (3)".
func isCommentHeading(l *line) bool {
	if l.words > 4 {
		return false
	}
	if isCommentCount(l.f, l.words) {
		return true
	}
	letters := strings.ReplaceAll(lettersOnly(l.f), " ", "")
	if l.words <= 5 && strings.HasPrefix(letters, "comments") && (strings.HasSuffix(l.text, ")") || strings.HasPrefix(letters, "commentsfrom")) {
		return true // "Comments from readers (2)"
	}
	return l.words <= 4 && strings.HasSuffix(letters, "comments") || letters == "leserkommentare" || letters == "commentaires" ||
		letters == "comentarios" || letters == "commenti" || letters == "comentários" || letters == "reacties" || letters == "kommentare"
}

// isLooseAuthor reports a name line over a comment in a thread found by
// its heading: one to three words, the first capitalised, no sentence end,
// and under it (perhaps after a place line, see loosePlace) a sentence of
// three words or more.
func isLooseAuthor(lines []line, i int) bool {
	if !isShortName(lines, i) {
		return false
	}
	next := nextNonBlank(lines, i)
	if p := loosePlace(lines, i); p >= 0 {
		next = nextNonBlank(lines, p)
	}
	return next >= 0 && (lines[next].kind == kUnknown || lines[next].kind == kComment) && lines[next].words >= 3 &&
		endsSentence(lines[next].text)
}

// isShortName reports a line of one to three words, the first capitalised
// (or a handle), with no sentence end and no quotation marks.
func isShortName(lines []line, i int) bool {
	l := &lines[i]
	if l.kind != kUnknown && l.kind != kComment || l.words == 0 || l.words > 3 || endsSentence(l.text) || strings.ContainsAny(l.text, "\"“”") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(l.text)
	return unicode.IsUpper(r) || isHandle(l.text)
}

// loosePlace returns the index of the place line under a comment's name
// line ("Harriet Vane" / "Kelby" / the comment), or -1.
func loosePlace(lines []line, i int) int {
	p := nextNonBlank(lines, i)
	if p < 0 || p != i+1 || !isShortName(lines, p) || !isCapitalised(lines[p].text) {
		return -1
	}
	if t := nextNonBlank(lines, p); t >= 0 && lines[t].words >= 3 && endsSentence(lines[t].text) {
		return p
	}
	return -1
}

// isAuthorLine reports whether line i names the author of a comment.
func isAuthorLine(lines []line, i int) bool {
	l := &lines[i]
	if l.blank || l.kind == kTitle {
		return false
	}
	if _, ok := authorStamp(l.text); ok {
		return true // "Anonymous · 5 days ago", "Klaus M. schrieb am 03.04.2024 um 10:12 Uhr:"
	}
	next := nextNonBlank(lines, i)
	handle := isHandle(l.text)
	if next >= 0 && l.words <= 5 && !endsSentence(l.text) && (isCapitalised(l.text) || handle) && !isActionLine(l.f) {
		// "Name", the comment, then "Like · Reply · 4h".
		if after := nextNonBlank(lines, next); after >= 0 && isActionLine(lines[after].f) && !isActionLine(lines[next].f) {
			return true
		}
	}
	if bullet(l.text) != "" {
		name := bullet(l.text)
		if CountWords(name) > 6 || endsSentence(name) && !endsWithInitial(name) {
			return false
		}
		return next >= 0 && lines[next].indent > l.indent
	}
	if l.words == 0 || l.words > 6 || (endsSentence(l.text) && !isSaysLine(l.text) && !endsWithInitial(l.text)) {
		return false
	}
	if next < 0 {
		return false
	}
	if isTimestamp(lines[next].f) || isDateStamp(lines[next].text) ||
		isTimeLine(lines[next].f) && (isCapitalised(l.text) || !strings.ContainsRune(l.text, ' ')) {
		return true // "marketgoer" over "1h", "u/harbourlights" over "· 10h" or "OP · 9h"
	}
	return isSaysLine(l.text) && lines[next].words > 0
}

// isWriterByline reports the article's byline of a name and a newsroom
// role ("Marcus Tilney, Courts Reporter", "Ana Roe, political
// correspondent"): over a time line it looks like a comment's author line,
// but commenters do not sign with a newsroom's job.
func isWriterByline(s string) bool {
	if _, ok := nameWithRole(s); !ok {
		return false
	}
	role := fold(s[strings.Index(s, ", ")+2:])
	ws := strings.Fields(role)
	return newsroomRoles[strings.TrimSuffix(ws[len(ws)-1], "s")]
}

// newsroomRoles are the jobs a byline gives its writer.
var newsroomRoles = map[string]bool{"reporter": true, "correspondent": true, "editor": true, "writer": true, "columnist": true,
	"journalist": true, "contributor": true, "photographer": true, "critic": true, "producer": true, "presenter": true}

// isHandle reports a user name as comment widgets print it: one token of
// letters and digits joined by "_" or "." or with digits in it
// ("towpath_tim", "sal.k", "reader1972"), or behind a forum's "u/" or an
// "@" ("u/MarrowMum", "@kelbyfan"), which prose never is.
func isHandle(s string) bool {
	if strings.ContainsRune(s, ' ') || CountWords(s) == 0 {
		return false
	}
	joined, digit, letter, prefixed := false, false, false, false
	if t, ok := strings.CutPrefix(s, "u/"); ok && t != "" {
		s, prefixed = t, true // a forum's "u/name"
	} else if t, ok := strings.CutPrefix(s, "@"); ok && t != "" {
		s, prefixed = t, true
	}
	for _, c := range s {
		switch {
		case c == '_' || c == '.':
			joined = true
		case c >= '0' && c <= '9':
			digit = true
		case unicode.IsLetter(c):
			letter = true
		default:
			return false
		}
	}
	return letter && (joined || digit || prefixed) && !strings.HasSuffix(s, ".")
}

// isDateStamp reports a date with a time of day, as comment widgets print
// them ("March 4, 2024 at 9:14 am").
func isDateStamp(s string) bool {
	_, ok := parseDateLine(s)
	return ok && strings.Contains(s, ":")
}

// actionWords are the buttons under a comment.
var actionWords = map[string]bool{"reply": true, "like": true, "likes": true, "share": true, "report": true, "edited": true,
	"antworten": true, "répondre": true, "responder": true, "permalink": true, "save": true, "flag": true, "quote": true,
	"melden": true, "signaler": true, "upvote": true, "downvote": true, "delete": true, "löschen": true, "supprimer": true,
	"↑": true, "↓": true, "▲": true, "▼": true}

// isActionLine reports a line of comment buttons and times ("Like · Reply · 4h",
// "permalink save report reply").
func isActionLine(f string) bool {
	ws := strings.Fields(f)
	if len(ws) == 0 || len(ws) > 8 {
		return false
	}
	action, other := 0, 0
	for _, w := range ws {
		w = strings.Trim(w, "·•|,.:()[]")
		switch {
		case w == "":
		case actionWords[w]:
			action++
		case isRelativeTime(w) || isClock(w) || isNumber(w) || w == "ago":
		default:
			other++
		}
	}
	return action > 0 && other <= 1
}

// isTimeLine reports a line of a compact relative time, perhaps behind a
// bullet and a short label of the commenter's standing: "1h", "· 10h",
// "OP · 9h", "mod · 2d".
func isTimeLine(f string) bool {
	if len(f) < 2 || len(f) > 16 || !strings.ContainsRune("hdmwy", rune(f[len(f)-1])) {
		return false
	}
	ws := strings.FieldsFunc(f, func(r rune) bool { return r == ' ' || r == '·' || r == '•' || r == '|' })
	if len(ws) == 0 || len(ws) > 2 || !isRelativeTime(ws[len(ws)-1]) {
		return false
	}
	return len(ws) == 1 || len(ws[0]) <= 4 && !isNumber(ws[0])
}

// isRelativeTime reports compact relative times: "4h", "3d", "12m", "2w", "1y".
func isRelativeTime(w string) bool {
	if len(w) < 2 {
		return false
	}
	u := w[len(w)-1]
	return (u == 'h' || u == 'd' || u == 'm' || u == 'w' || u == 'y') && isNumber(w[:len(w)-1])
}

var timeUnits = map[string]bool{"sec": true, "secs": true, "second": true, "seconds": true, "min": true, "mins": true,
	"minute": true, "minutes": true, "hr": true, "hrs": true, "hour": true, "hours": true, "day": true, "days": true,
	"week": true, "weeks": true, "month": true, "months": true, "year": true, "years": true}

var authorVerbs = map[string]bool{"schrieb": true, "wrote": true, "says": true, "said": true, "commented": true,
	"écrit": true, "escribió": true, "replied": true, "posted": true}

// authorStamp reads a comment's author line that carries its time:
// "Kofi Brandt · 5h", "[–] stargazer_ute 31 points 4 hours ago",
// "Berit L. (Tallow Bridge) — 5 April, 09:14", "Klaus M. schrieb am
// 03.04.2024 um 10:12 Uhr:". It returns the name.
func authorStamp(text string) (string, bool) { return stamp(text, true) }

// stamp reads an author line with its time (see authorStamp). A dash or
// "by" before a name also signs quotations, essays and articles, so when
// strict such a line counts only with a widget's time ("3 hours ago",
// "09:14"), not with a bare date.
func stamp(text string, strict bool) (string, bool) {
	if endsSentence(text) && !strings.HasSuffix(text, ":") || CountWords(text) > 14 {
		return "", false
	}
	// A sign-off under the comment: "— maria_k, 3 hours ago", "posted by
	// x | 2 days ago"; a reply: "↳ Tom replying to Moira · 7h".
	signed := false
	if t := strings.TrimLeft(text, "—–-―~↳↪⤷ "); t != text {
		if strings.Contains(t, "(@") {
			return "", false // "— Ardley Bugle (@ardleybugle) June 2": a post embedded in the article
		}
		text, signed = t, true
	}
	for _, p := range []string{"posted by ", "post by ", "by "} {
		if len(text) > len(p) && strings.EqualFold(text[:len(p)], p) {
			text, signed = text[len(p):], true
			break
		}
	}
	toks := strings.Fields(text)
	k := -1
	for j, t := range toks {
		f := strings.Trim(fold(t), ",.;:()[]")
		next := ""
		if j+1 < len(toks) {
			next = strings.Trim(fold(toks[j+1]), ",.;:()[]")
		}
		prev := ""
		if j > 0 {
			prev = strings.Trim(fold(toks[j-1]), ",.;:()[]")
		}
		_, month := months[f]
		month = month && (isNumber(strings.TrimRight(next, "stndrh")) || isNumber(prev)) // "May" alone is a verb
		_, nextMonth := months[next]
		if isClock(f) || isRelativeTime(f) || month || authorVerbs[f] || f == "yesterday" || f == "today" ||
			isNumber(f) && (timeUnits[next] || nextMonth) || strings.ContainsAny(f, "./-") && isNumericDate(f) && strings.Count(f, ".")+strings.Count(f, "/")+strings.Count(f, "-") == 2 {
			k = j
			break
		}
	}
	if k <= 0 || len(toks)-k > 9 || strict && signed && !widgetTime(toks[k:]) {
		return "", false
	}
	// A verb of saying with no time after it ("Marta Ossel, director of the
	// fish programme, commented," / "Pensioner Vell, a voter in Kelm,
	// said:") is how news introduces a quotation: it signs a comment only
	// after a bare name ("Jill Harker says:"), never after an apposition
	// or when the sentence goes on.
	if verb := strings.Trim(fold(toks[k]), ",.;:()[]"); authorVerbs[verb] && k == len(toks)-1 {
		if strings.Contains(strings.Join(toks[:k], " "), ",") || strings.HasSuffix(toks[k], ",") {
			return "", false
		}
	} else if authorVerbs[verb] && !hasDigit(strings.Join(toks[k+1:], " ")) && !widgetTime(toks[k+1:]) {
		// "Mayor Colm Reddaway wrote on Monday evening:": the verb is
		// followed by a time of the news, not by a widget's date and time
		// ("wrote on 03.04.2024, 10:12", "wrote 2 hours ago").
		return "", false
	}
	// "Posted by ursula.b at 09:14", "dunlin » Sat May 10": drop the
	// connective or weekday before the time.
	for k > 1 && dateFiller[strings.Trim(fold(toks[k-1]), ",.")] {
		k--
	}
	name := strings.Join(toks[:k], " ")
	// "1. Moira Baird", "#2 Ken O.": drop a comment's number.
	if ws := strings.Fields(name); len(ws) >= 2 && isNumber(strings.TrimRight(strings.TrimLeft(ws[0], "#"), ".)")) {
		name = strings.Join(ws[1:], " ")
	}
	name = strings.TrimLeft(name, "[]–-+ ")
	separated := strings.ContainsAny(toks[k-1], "·•|—–»") // "Weiden parent · 4 days ago"
	// "Jenna Cole (Brindle)", "Annika Holt, Kelby", "Sophie Marr > davidkeel":
	// the name comes before a place or the name replied to.
	for _, sep := range []string{"(", ", ", " > ", " ▸ ", " replying to ", " in reply to ", " replied to "} {
		if i := strings.Index(name, sep); i > 0 {
			name = name[:i]
		}
	}
	name = strings.TrimRight(name, " ·•|—–-,:»")
	// "stargazer_ute 31 points": drop a vote count.
	if ws := strings.Fields(name); len(ws) >= 3 && isNumber(ws[len(ws)-2]) {
		switch ws[len(ws)-1] {
		case "points", "point", "likes", "votes":
			name = strings.Join(ws[:len(ws)-2], " ")
		}
	}
	name = strings.TrimSpace(name)
	n := CountWords(name)
	if n == 0 || n > 5 || isActionLine(fold(name)) {
		return "", false
	}
	if _, isMonth := months[fold(name)]; isMonth || dateFiller[fold(name)] {
		return "", false // "Monday 5 April" is a date, not a name
	}
	if !separated && !isCapitalised(name) && strings.ContainsRune(name, ' ') {
		return "", false
	}
	return name, true
}

// widgetTime reports whether the tokens from a stamp on carry the time a
// comment widget prints: a relative time ("3 hours ago", "4h",
// "yesterday") or a time of day.
func widgetTime(toks []string) bool {
	for _, t := range toks {
		f := strings.Trim(fold(t), ",.;:()[]|·•")
		if f == "ago" || f == "yesterday" || f == "today" || isRelativeTime(f) || isClock(f) {
			return true
		}
	}
	return false
}

// endsWithInitial reports names such as "Marek D." whose full stop is an
// initial's, not a sentence's.
func endsWithInitial(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 {
		return false
	}
	last := ws[len(ws)-1]
	r := []rune(last)
	return len(r) == 2 && r[1] == '.' && unicode.IsUpper(r[0])
}

// isSaysLine: "Jill Harker says:" / "Jill wrote:" / "Jill said..." (as
// blog platforms print it).
func isSaysLine(s string) bool {
	f := fold(s)
	for _, suf := range saysSuffixes {
		if strings.HasSuffix(f, suf) {
			return CountWords(f) <= 6
		}
	}
	return false
}

// saysSuffixes close the author line of a comment headed "Name says:".
var saysSuffixes = []string{" says:", " wrote:", " said:", " said...", " said…", " says...", " wrote...", " schrieb:",
	" schrieb...", " a dit :", " a dit…", " a dit...", " dijo:", " dijo...", " disse:", " disse...", " ha detto:"}

// bullet returns the text after a leading bullet mark, or "".
func bullet(s string) string {
	for _, b := range []string{"• ", "· ", "- ", "* ", "– ", "— ", "▪ ", "► "} {
		if strings.HasPrefix(s, b) {
			return strings.TrimSpace(s[len(b):])
		}
	}
	return ""
}

// nextNonBlank returns the index of the next line with words, skipping
// blank lines and lone punctuation ("•"), or -1.
func nextNonBlank(lines []line, i int) int {
	for j := i + 1; j < len(lines); j++ {
		if !lines[j].blank && lines[j].words > 0 {
			return j
		}
	}
	return -1
}

// isSignature reports whether author line i signs the comment above it
// ("— maria_k, 3 hours ago") rather than heading the one below: it opens
// with a dash or "posted by", or it sits right under text (no blank line
// between) with nothing but a blank line or comment buttons after it.
func isSignature(lines []line, i int) bool {
	l := &lines[i]
	_, end, ok := signatureAt(lines, i, true)
	if !ok {
		return false
	}
	if dashLed(l.text) {
		return true
	}
	if i == 0 || lines[i-1].blank || lines[i-1].kind != kUnknown || isActionLine(lines[i-1].f) {
		return false
	}
	if _, ok := authorStamp(lines[i-1].text); ok {
		return false
	}
	return end == len(lines) || lines[end].blank || isActionLine(lines[end].f)
}

// dashLed reports a line opening with a dash, as sign-offs do.
func dashLed(s string) bool {
	return strings.TrimLeft(s, "—–-―~ ") != s
}

// signatureAt reads the author line at i of a comment signed below its
// text: a name with its time on one line, or a short name with the time on
// the next line ("Ben Okafor" / "5 hours ago"). It returns the name and the
// index after the signature. Strict is as for stamp.
func signatureAt(lines []line, i int, strict bool) (name string, end int, ok bool) {
	l := &lines[i]
	if name, ok := stamp(l.text, strict); ok {
		return name, i + 1, true
	}
	if i+1 >= len(lines) || lines[i+1].blank || l.words == 0 || l.words > 4 || endsSentence(l.text) ||
		!isCapitalised(l.text) && strings.ContainsRune(l.text, ' ') || isActionLine(l.f) || isCommentCount(l.f, l.words) {
		return "", 0, false
	}
	if next := &lines[i+1]; isTimestamp(next.f) || isDateStamp(next.text) {
		return l.text, i + 2, true
	}
	return "", 0, false
}

// signedTwice reports whether the line at i signs a comment with a dash
// and a date ("— Agnes Pollard, 14 May 2025") and another line further on
// does too: one such line signs an essay, two sign a thread.
func signedTwice(lines []line, i int) bool {
	if !dashLed(lines[i].text) {
		return false
	}
	if _, ok := stamp(lines[i].text, false); !ok {
		return false
	}
	for j := i + 1; j < len(lines); j++ {
		if t := lines[j].text; t != "" && dashLed(t) {
			if _, ok := stamp(t, false); ok {
				return true
			}
		}
	}
	return false
}

// threadFollows reports whether another signature follows the one at i
// within three paragraphs (more), or nothing but widgets does (lone). A
// post embedded in an article and signed "— Name, 6:42 PM" is followed by
// more of the article.
func threadFollows(lines []line, i int) (more, lone bool) {
	paragraphs := 0
	for j := i + 1; j < len(lines); j++ {
		l := &lines[j]
		if l.blank || l.words == 0 || l.kind != kUnknown && l.kind != kNoise {
			continue
		}
		// A signature may have been taken for a byline or a date line.
		if _, _, ok := signatureAt(lines, j, false); ok && !lines[j-1].blank {
			return true, false
		}
		if _, ok := authorStamp(l.text); ok && dashLed(l.text) {
			return true, false // "— Bea Marsh, 6 hours ago" a blank line under its comment
		}
		if l.kind != kUnknown {
			continue
		}
		if j == 0 || lines[j-1].blank {
			paragraphs++
		}
		if paragraphs > 3 {
			return false, false
		}
	}
	return false, paragraphs == 0
}

// signedCommentStart returns where the first comment of a thread signed
// below its text begins: the paragraph above the signature, or every
// paragraph up to a comment heading ("4 responses") when one stands at most
// three paragraphs above (headed).
func signedCommentStart(lines []line, sig int) (start int, headed bool) {
	start = sig
	if dashLed(lines[sig].text) {
		for start > 0 && lines[start-1].blank {
			start-- // "— name, 3 hours ago" set apart from its text
		}
	}
	for start > 0 && !lines[start-1].blank {
		start--
	}
	j := start
	for range 3 {
		p := j - 1
		for p >= 0 && lines[p].blank {
			p--
		}
		if p < 0 {
			break
		}
		if l := &lines[p]; l.kind == kNoise && l.reason == ReasonComments || isCommentCount(l.f, l.words) {
			return j, true
		}
		if lines[p].kind != kUnknown || lines[p].words >= 25 {
			break
		}
		for p > 0 && !lines[p-1].blank {
			p--
		}
		j = p
	}
	return start, false
}

// replyMarker reports the lines that say whom a comment answers or quote
// ("↳ replying to @x", "In reply to Pim:", "Quote from Tom:", "Originally
// posted by x:").
func replyMarker(f string, words int) bool {
	if words > 8 {
		return false
	}
	f = strings.TrimLeft(f, "↳↪⤷›>»@ ")
	return hasPrefixAny(f, []string{"replying to ", "in reply to ", "reply to ", "in response to ", "quote from ", "quoting ",
		"originally posted by ", "quote originally posted by "})
}

// isQuoteHeader reports a line that introduces a quotation from an earlier
// comment inside a reply ("Tom wrote:"): it ends with a verb of saying and
// a colon, and the line under it is quote-marked or repeats an earlier
// comment.
func isQuoteHeader(lines []line, i int, out []sift.Comment) bool {
	l := &lines[i]
	if len(out) == 0 || !strings.HasSuffix(l.f, ":") || !isSaysLine(l.f) {
		return false
	}
	next := nextNonBlank(lines, i)
	return next >= 0 && (isQuoteMarked(lines[next].text) || quotesEarlier(lines[next].text, out))
}

// isQuoteMarked reports a line quoted with a mail-style mark ("> …", "» …").
func isQuoteMarked(s string) bool {
	return strings.HasPrefix(s, ">") || strings.HasPrefix(s, "»") && !strings.HasPrefix(s, "»»")
}

// quotesEarlier reports whether a line repeats (part of) an earlier
// comment: a reply quoting what it answers.
func quotesEarlier(text string, out []sift.Comment) bool {
	n := sift.Normalize(text)
	if strings.Count(n, " ") < 2 {
		return false
	}
	for _, c := range out {
		if c.Text != "" && strings.Contains(sift.Normalize(c.Text), n) {
			return true
		}
	}
	return false
}

// parseComments splits a comment thread into comments with author, text
// and nesting depth; widget lines (timestamps, "Reply") become noise.
//
// When loose, the thread was found under its heading (see headedThread)
// and a short name line over a sentence is an author line too.
func parseComments(lines []line, r *Result, loose bool) []sift.Comment {
	var out []sift.Comment
	var indents []int
	var replies []bool // the comment says it answers another
	cur := -1
	// Threads are signed below the text or headed above it; the first
	// author line tells which.
	signed := false
	for i := range lines {
		if lines[i].blank {
			continue
		}
		if author := isAuthorLine(lines, i); author || signedTwice(lines, i) {
			signed = !author || isSignature(lines, i)
			break
		}
	}
	open := false    // signed layout: the current comment still awaits its signature
	quoting := false // the lines under a quote header are the quotation
	reply := false   // a reply marker came before the comment's text
	for i := range lines {
		l := &lines[i]
		if l.blank {
			continue
		}
		f := l.f
		if signed && l.reason != ReasonComments {
			if name, _, ok := signatureAt(lines, i, false); ok && open && (isSignature(lines, i) || i > 0 && !lines[i-1].blank) {
				if l.kind == kNoise && l.reason == ReasonByline && strings.HasPrefix(r.Author, name) {
					r.Author = "" // a comment's signature, not the article's byline
				}
				l.kind, l.reason = kComment, ""
				if cur >= 0 && open {
					out[cur].Author = name
				}
				open = false
				continue
			}
		}
		if l.kind != kNoise && (replyMarker(f, l.words) || quoting && (isQuoteMarked(l.text) || quotesEarlier(l.text, out)) ||
			isQuoteMarked(l.text) || isQuoteHeader(lines, i, out)) {
			l.kind, l.reason = kNoise, ReasonQuote
			quoting = true
			if t := strings.TrimLeft(f, "↳↪⤷›>»@ "); strings.HasPrefix(t, "repl") || strings.HasPrefix(t, "in re") {
				l.reason, reply = ReasonComments, true
			}
			continue
		}
		quoting = false
		if strings.HasPrefix(f, "re: ") && !endsSentence(f) {
			l.kind, l.reason = kNoise, ReasonComments // a forum post's subject, "Re: <headline>"
			continue
		}
		if l.kind == kNoise || isTimestamp(f) || isCommentCount(f, l.words) {
			if l.kind != kNoise {
				l.kind, l.reason = kNoise, ReasonComments
			}
			continue
		}
		if _, ok := parseDateLine(l.text); ok {
			l.kind, l.reason = kNoise, ReasonComments
			continue
		}
		if l.words == 0 || isActionLine(f) || isCounter(l.text) {
			l.kind, l.reason = kNoise, ReasonComments
			continue
		}
		l.kind = kComment
		if signed {
			if !open {
				out = append(out, sift.Comment{Depth: l.indent})
				indents = append(indents, l.indent)
				replies = append(replies, reply)
				cur, open, reply = len(out)-1, true, false
				out[cur].Text = l.text
			} else {
				out[cur].Text += "\n\n" + l.text
			}
			continue
		}
		if cur >= 0 && out[cur].Text == "" && out[cur].Author != "" && isTimeLine(f) {
			continue // "OP · 9h" under "u/ferngully_dad": the time of the comment just headed, not its author
		}
		if isAuthorLine(lines, i) || loose && isLooseAuthor(lines, i) {
			if p := loosePlace(lines, i); loose && p >= 0 {
				lines[p].kind, lines[p].reason = kNoise, ReasonComments // "Kelby" under "Harriet Vane"
			}
			name := l.text
			if n, ok := authorStamp(name); ok {
				name = n
			}
			if b := bullet(name); b != "" {
				name = b
			}
			for _, suf := range saysSuffixes {
				if strings.HasSuffix(fold(name), suf) {
					name = name[:len(name)-len(suf)]
					break
				}
			}
			name = strings.TrimSuffix(name, ":")
			out = append(out, sift.Comment{Author: name, Depth: l.indent})
			indents = append(indents, l.indent)
			// "↳ Tom replying to Moira · 7h" answers another comment.
			replies = append(replies, strings.ContainsAny(l.text[:min(len(l.text), 4)], "↳↪⤷") || strings.Contains(f, " replying to "))
			cur, reply = len(out)-1, false
			continue
		}
		text := l.text
		if b := bullet(text); b != "" && cur >= 0 && out[cur].Text != "" {
			// A bulleted line with no author line of its own: an anonymous reply.
			out = append(out, sift.Comment{Depth: l.indent})
			indents = append(indents, l.indent)
			replies = append(replies, false)
			cur = len(out) - 1
			text = b
		} else if b != "" && cur < 0 {
			text = b
		}
		if cur < 0 {
			out = append(out, sift.Comment{Depth: l.indent})
			indents = append(indents, l.indent)
			replies = append(replies, false)
			cur = 0
		}
		if reply {
			replies[cur], reply = true, false
		}
		if out[cur].Text == "" {
			out[cur].Text = text
		} else {
			out[cur].Text += "\n\n" + text
		}
	}
	// Depth: the rank of each comment's indentation among the thread's.
	sort.Ints(indents)
	rank := map[int]int{}
	for _, in := range indents {
		if _, ok := rank[in]; !ok {
			rank[in] = len(rank)
		}
	}
	kept := out[:0]
	for k, c := range out {
		c.Depth = rank[c.Depth]
		if replies[k] && c.Depth == 0 {
			c.Depth = 1 // "↳ replying to …" in a flat list
		}
		if c.Text != "" {
			kept = append(kept, c) // an author line with nothing under it is not a comment
		}
	}
	return kept
}

package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// markClosings sets aside what closes a page after the article's last
// paragraph and was kept as body for its shape: the notes under an end
// marker ("— ENDS —" over "Notes to editors"), the footer under a rule
// line ("-----" over "Bulletin items to the office by noon."), a letter's
// or newsletter's sign-off ("Until next time," over "Suki") and an
// organisation's standing boilerplate under an "About <Name>" heading, as
// press releases print it.
func markClosings(lines []line) {
	markEndMarker(lines)
	markBoxHeadings(lines)
	markRuledFooter(lines)
	markSignOff(lines)
	markAboutBox(lines)
}

// isRule reports a horizontal rule drawn with characters: five or more
// dashes, underscores, equals signs or tildes and nothing else. Starred
// breaks ("* * *") separate the sections of an article and are left out.
func isRule(s string) bool {
	if len(s) < 5 {
		return false
	}
	c := s[0]
	if c != '-' && c != '_' && c != '=' && c != '~' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] != c && s[i] != ' ' {
			return false
		}
	}
	return true
}

// markRuledFooter sets aside a rule line under the article and the short
// lines under it when no paragraph of prose (twenty words or more)
// follows: an e-mail's or a bulletin's footer, set off by the rule.
func markRuledFooter(lines []line) {
	rule := -1
	for i := len(lines) - 1; i >= 0; i-- {
		if l := &lines[i]; !l.blank && isRule(l.text) {
			rule = i
			break
		}
	}
	if rule < 0 || !bodyAbove(lines, rule) {
		return
	}
	n := 0
	for i := rule + 1; i < len(lines); i++ {
		l := &lines[i]
		if l.blank {
			continue
		}
		n++
		if l.kind == kBody && (l.words >= 20 || l.sure) || l.kind == kComment || n > 6 {
			return
		}
	}
	for i := rule; i < len(lines); i++ {
		if l := &lines[i]; !l.blank && (l.kind == kBody || l.kind == kUnknown || i == rule && l.kind != kNoise) {
			l.kind, l.reason = kNoise, ReasonFragment
		}
	}
}

// markSignOff sets aside a sign-off closing the article: a short line
// ending with a comma ("Until next time,", "Best wishes,") over a bare
// name of one to three capitalised words, perhaps with the signer's office
// after a comma ("Ravi Dhillon, Secretary"), with no body line after them
// (lines with no letter, a footer's short rule, do not count).
func markSignOff(lines []line) {
	name := -1
	for i := len(lines) - 1; i >= 0; i-- {
		l := &lines[i]
		if l.blank || l.kind == kNoise || l.kind == kCaption || l.kind == kComment || l.kind == kJoined || !hasLetter(l.text) {
			continue // a short rule ("~~") under the name is the footer's
		}
		if l.kind != kBody || l.sure {
			return
		}
		name = i
		break
	}
	if name < 0 {
		return
	}
	n := &lines[name]
	signer := n.text
	if i := strings.Index(signer, ", "); i > 0 && CountWords(signer[i+2:]) <= 3 && !strings.ContainsAny(signer[i+2:], ".,:;?!\"“”") {
		signer = signer[:i] // "Ravi Dhillon, Secretary": a name and the signer's office
	}
	if w := CountWords(signer); w < 1 || w > 3 || !isCapitalised(signer) || hasDigit(n.text) || strings.ContainsAny(signer, ".,:;?!\"“”") {
		return
	}
	greet := -1
	for i := name - 1; i >= 0; i-- {
		if !lines[i].blank {
			greet = i
			break
		}
	}
	if greet < 0 {
		return
	}
	g := &lines[greet]
	if g.kind != kBody || g.sure || g.words < 1 || g.words > 4 || !strings.HasSuffix(g.text, ",") || !bodyAbove(lines, greet) {
		return
	}
	g.kind, g.reason = kNoise, ReasonSignOff
	n.kind, n.reason = kNoise, ReasonSignOff
}

// markAboutBox sets aside an organisation's standing description under
// the article: an "About <Name>" heading and the body lines under it that
// open with the name ("About Orrin Labs" / "Orrin Labs is an independent
// …"), as press releases close.
func markAboutBox(lines []line) {
	for i := range lines {
		h := &lines[i]
		if h.kind != kBody || h.words < 2 || h.words > 6 || !strings.HasPrefix(h.text, "About ") || endsSentence(h.text) {
			continue
		}
		name := h.text[len("About "):]
		if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) || !isCapitalised(name) || !bodyAbove(lines, i) {
			continue
		}
		var box []int
		for j := i + 1; j < len(lines); j++ {
			l := &lines[j]
			if l.blank {
				continue
			}
			if l.kind != kBody || !strings.HasPrefix(l.text, name+" ") && !strings.HasPrefix(l.text, name+"'s ") {
				break
			}
			box = append(box, j)
		}
		if len(box) == 0 {
			continue
		}
		h.kind, h.reason = kNoise, ReasonAboutBox
		for _, j := range box {
			lines[j].kind, lines[j].reason = kNoise, ReasonAboutBox
		}
	}
}

// isEndMarker reports the line with which a press release or wire copy
// marks the end of its text: "ENDS", "— ENDS —", "-end-", "###", "-30-".
func isEndMarker(s string) bool {
	if len(s) > 20 || !strings.Contains(s, "#") && !strings.Contains(s, "30") && !strings.Contains(s, "ND") && !strings.Contains(s, "nd") {
		return false
	}
	switch strings.Trim(s, "-–—*=_ ") {
	case "###", "30", "# # #":
		return true
	}
	f := strings.ToLower(strings.Trim(s, "-–—*=_#[]() "))
	return (f == "ends" || f == "end") && s != "End" && s != "end"
}

// markEndMarker sets aside an end marker under the article and everything
// under it but comments: a press release's notes to editors, contacts and
// boilerplate follow the marker, the article does not.
func markEndMarker(lines []line) {
	end := -1
	for i := len(lines) - 1; i >= 0; i-- {
		if l := &lines[i]; !l.blank && l.words <= 3 && isEndMarker(l.text) {
			end = i
			break
		}
	}
	if end < 0 || !bodyAbove(lines, end) {
		return
	}
	for i := end; i < len(lines); i++ {
		if l := &lines[i]; !l.blank && l.kind != kNoise && l.kind != kComment && l.kind != kCaption {
			l.kind, l.reason, l.sure = kNoise, ReasonEndNotes, false
		}
	}
}

// markBoxHeadings sets aside the heading of a box inserted into the
// article: a short line with no sentence end right over a call to action
// and another line set aside ("✉️ The Chronicle Morning Brief" over a
// newsletter's offer and its address field) takes the call's reason. A
// subheading of the article is followed by its text, not by a widget. It
// runs again after the line model, whose verdicts may close the box.
func markBoxHeadings(lines []line) {
	for i := range lines {
		h := &lines[i]
		if h.kind != kBody || h.sure || h.words == 0 || h.words > 6 || endsSentence(h.text) || strings.HasSuffix(h.text, ":") {
			continue
		}
		a := nextNonBlank(lines, i)
		if a < 0 || a != i+1 || lines[a].kind != kNoise || !vocabularyReason(lines[a].reason) {
			continue
		}
		b := nextNonBlank(lines, a)
		if b < 0 || b != a+1 || lines[b].kind != kNoise {
			continue
		}
		h.kind, h.reason = kNoise, lines[a].reason
	}
}

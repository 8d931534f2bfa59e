package clean

import "strings"

// markOutletNotes sets aside the outlet's statements about itself that
// close an article: a disclosure of its funding, its membership of a
// network, its charity number, the editor's biography naming it ("The
// Ormbridge Lantern is a member of …", "Buck Harlan is the founder and
// editor of the Patriot Plains Dispatch."). They are the last body lines,
// name the outlet (as its masthead, footer or headline suffix names it)
// and describe it in the present tense; a closing paragraph that reports
// ("Brackwell told Plainside Now on Thursday …") stays.
func markOutletNotes(lines []line, outlet string) {
	var names []string
	for i := len(lines) - 1; i >= 0; i-- {
		l := &lines[i]
		if l.blank || l.kind == kNoise || l.kind == kCaption || l.kind == kComment || l.kind == kJoined {
			continue
		}
		if l.kind != kBody || l.words > longLine || l.sure {
			return
		}
		f := l.f
		if !describesInPresent(f) {
			return
		}
		if names == nil {
			names = furnitureNames(lines, outlet)
			if len(names) == 0 {
				return
			}
		}
		named := false
		for _, n := range names {
			named = named || strings.Contains(f, n)
		}
		if !named || !bodyAbove(lines, i) {
			return
		}
		l.kind, l.reason = kNoise, ReasonDisclaimer
	}
}

// describesInPresent reports a present-tense copula ("is", "are") among
// the first twelve words of a folded line: a description, not a report.
func describesInPresent(f string) bool {
	for k, w := 0, f; w != "" && k < 12; k++ {
		var tok string
		tok, w = nextField(w)
		if tok == "is" || tok == "are" {
			return true
		}
	}
	return false
}

// bodyAbove reports a body line above line i.
func bodyAbove(lines []line, i int) bool {
	for j := i - 1; j >= 0; j-- {
		if lines[j].kind == kBody {
			return true
		}
	}
	return false
}

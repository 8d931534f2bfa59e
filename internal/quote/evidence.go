package quote

import "strings"

// evidenceCues are verbs that pictures do as much as people: "the video
// shows", "the images indicate".
var evidenceCues = fieldSet(`show shows showed shown showing indicate indicates indicated indicating`)

// depictionNouns are things that show by depicting: a subject with one of
// them is no one speaking ("This May 2017 video shows …", "Satellite
// images taken on 15 March show …"), whoever made them. Polls, studies,
// reports and figures are left to speak, as PolNeAR annotates them
// ("The poll indicates a tightening race").
var depictionNouns = fieldSet(`video videos footage image images imagery photo photos photograph photographs
	picture pictures clip clips film films recording recordings screenshot screenshots snapshot
	livestream map maps`)

// notASource reports whether the cue at c is an evidence cue whose
// subject s..e is a thing that depicts, showing what it depicts rather
// than a statement: "the video shows the mayor receiving a medal". With
// a that-clause ("Video shows that …") it reports what the picture is
// taken to prove, an attribution as PolNeAR annotates it, and is kept.
func (x *extractor) notASource(c, s, e int, hasThat bool) bool {
	if hasThat || !evidenceCues[x.toks[c].lower] || e <= s {
		return false
	}
	for k := s; k < e; k++ {
		if t := &x.toks[k]; t.word && depictionNouns[t.lower] {
			return true
		}
	}
	return false
}

// fieldSet makes a set of the white-space separated words of s.
func fieldSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

package link

import (
	"strings"

	"github.com/sift-news/sift"
)

// Who and where: two events of one kind are told in the same words, but
// name different people and places in their headlines and leads (an
// earthquake in one province and another, the arrest of one man and of
// another). An article's prominent names are the people and places (the
// entity tagger's PERSON and LOC: its ORG and MISC types are the ones it
// confuses most) named in its headline or lead. A story keeps, under
// evPlayer keys, the words of its members' prominent names. The two
// disagree when each side names its own prominently and neither names the
// other's anywhere: two-sided evidence, never one side's silence.

// evPlayer prefixes, after eventPrefix, the words of the prominent names of
// a story's members.
const evPlayer = "p:"

// leadRunes is how much of an article's text counts as its lead.
const leadRunes = 320

// playerConflict is the factor by which an article's score against a story
// falls when their prominent people and places disagree (tuned on ECB+
// topics 1-10 and generated news of seed 1; see docs/stories.md).
var playerConflict = 0.6

// players are an article's evidence of who and where: the words of its
// prominent names, and the words of every name it mentions.
type players struct {
	prominent map[string]bool // words of names in the headline or lead
	full      []string        // the prominent names themselves
	words     map[string]bool // words of every name
}

// articlePlayers extracts who and where from article a's entities.
func articlePlayers(a *sift.Article) players {
	var p players
	if len(a.Entities) == 0 {
		return p
	}
	p.prominent, p.words = map[string]bool{}, map[string]bool{}
	seen := map[string]bool{}
	mentions := map[string]int{}
	for _, e := range a.Entities {
		mentions[entityKey(e)]++
	}
	for _, e := range a.Entities {
		key := entityKey(e)
		ws := nameWords(key, e.Type)
		for _, w := range ws {
			p.words[w] = true
		}
		if e.Type != sift.PERSON && e.Type != sift.LOC || len(ws) == 0 || mentions[key] < minMentions {
			continue
		}
		if e.Start >= leadRunes && !strings.Contains(a.Title, e.Text) {
			continue
		}
		for _, w := range ws {
			p.prominent[w] = true
		}
		if !seen[key] {
			seen[key] = true
			p.full = append(p.full, key)
		}
	}
	return p
}

// minMentions is how many times an article must mention a name in its
// headline or lead for the name to be prominent.
var minMentions = 2

// entityKey is the folded canonical name of e.
func entityKey(e sift.Entity) string {
	n := e.Canonical
	if n == "" {
		n = e.Text
	}
	return sift.Normalize(n)
}

// nameWords returns the words of a folded name of entity type typ worth
// matching on: three letters or more, not function words, and of a
// person's name only the surname (two people often share a given name).
func nameWords(name, typ string) []string {
	ws := strings.Fields(name)
	if typ == sift.PERSON && len(ws) > 1 {
		ws = ws[len(ws)-1:]
	}
	var out []string
	for _, w := range ws {
		if len(w) >= 3 && !stopwords[w] {
			out = append(out, w)
		}
	}
	return out
}

// joinPlayers adds an article's prominent name words to a story's names.
func joinPlayers(names map[string]float64, p players) {
	if len(p.prominent) == 0 {
		return
	}
	names[eventPrefix+evPlayer]++
	for w := range p.prominent {
		names[eventPrefix+evPlayer+w]++
	}
}

// playersConflict reports whether article p and story st name different
// people and places: both name some prominently, no name of the article
// shares a word with the story's prominent names, and no prominent name of
// the article was named by any member of the story.
func playersConflict(p players, st *StoryState) bool {
	prefix := eventPrefix + evPlayer
	if len(p.prominent) == 0 || st.Names[prefix] == 0 {
		return false
	}
	for w := range p.words {
		if st.Names[prefix+w] > 0 {
			return false
		}
	}
	for _, n := range p.full {
		if st.Names[n] > 0 {
			return false
		}
	}
	for w := range p.prominent {
		if st.Names[w] > 0 {
			return false
		}
	}
	return true
}

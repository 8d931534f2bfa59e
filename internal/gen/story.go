package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// story is one invented event: its kind, the names and figures every
// article about it shares, and the substitutions its spun copies make.
type story struct {
	n     int
	topic *topic
	start time.Time
	slots map[string]string
	spins [][2]string // name → spun name
	guard []string    // pairs that keep longer names whole in a spin
}

// epoch is the first day of generated news.
var epoch = time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC)

// newStory invents event n, starting on day day.
func newStory(r *rand.Rand, n, day int) *story {
	t := topics[r.IntN(len(topics))]
	country := placeName(r)
	adj := adjective(country)
	city, region := placeName(r), placeName(r)
	p1, p2, p3 := personName(r), personName(r), personName(r)
	org := "the " + placeName(r) + " " + pick(r, orgKinds)
	s := &story{n: n, topic: t, start: epoch.AddDate(0, 0, day), slots: map[string]string{
		"COUNTRY": country, "ADJ": adj, "CITY": city, "REGION": region,
		"P1": p1, "P1LAST": last(p1), "ROLE1": pick(r, roles),
		"P2": p2, "P2LAST": last(p2), "ROLE2": pick(r, roles),
		"P3": p3, "P3LAST": last(p3), "ROLE3": pick(r, roles),
		"ORG":   org,
		"N1":    figures(r, func() string { return fmt.Sprint(3 + r.IntN(40)) }),
		"N2":    figures(r, func() string { return fmt.Sprint(100 + r.IntN(900)) }),
		"N3":    figures(r, func() string { return thousands(1000 + r.IntN(90000)) }),
		"MONEY": figures(r, func() string { return fmt.Sprintf("%d.%d million", 1+r.IntN(400), r.IntN(10)) }),
		"PCT":   figures(r, func() string { return fmt.Sprint(2 + r.IntN(60)) }),
		"THING": pick(r, things), "THING2": pick(r, things),
		"DAY": pick(r, weekdays),
	}}
	s.spins = [][2]string{
		{country, "the " + adj + " Federation"},
		{city, respell(city)},
		{p1, "Mr " + last(p1)},
		{org, org + " militants"},
	}
	s.guard = []string{adj, adj}
	return s
}

// figures returns three figures of one kind for a story, as alternatives
// of a slot.
func figures(r *rand.Rand, f func() string) string { return f() + "|" + f() + "|" + f() }

// title writes a headline for the story.
func (s *story) title(r *rand.Rand) string {
	return capitalise(expand(r, pick(r, s.topic.titles), s.slots))
}

// sentence writes one sentence of the story's body.
func (s *story) sentence(r *rand.Rand) string {
	return capitalise(expand(r, pick(r, s.topic.body), s.slots))
}

// article writes a body of about 600 words, in 12 paragraphs: a lead, the
// story's own sentences, quotes of its people and background, with one
// claim attributed to another outlet.
func (s *story) article(r *rand.Rand, outlet string, outlets []string) string {
	slots := s.slots
	other := outlets[r.IntN(len(outlets))]
	if other == outlet {
		other = outlets[(r.IntN(len(outlets)-1)+1+indexOf(outlets, outlet))%len(outlets)]
	}
	body := shuffled(r, len(s.topic.body))
	quotes := shuffled(r, len(quoteLines))
	back := shuffled(r, len(background))
	var paras []string
	var b strings.Builder
	sent := func(tmpl string) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		x := capitalise(expand(r, tmpl, slots))
		// Most sentences of a story's body and background get a clause
		// of their own, as writers at different outlets would add, so
		// that two outlets seldom write the same sentence.
		if strings.HasSuffix(x, ".") && !strings.Contains(x, "\"") && r.IntN(6) != 0 {
			x = strings.TrimSuffix(x, ".") + expand(r, pick(r, clauses), slots) + "."
		}
		b.WriteString(x)
	}
	sent(pick(r, s.topic.leads))
	for p := 0; p < 12; p++ {
		n := 2 + r.IntN(3)
		for k := 0; k < n; k++ {
			switch x := r.IntN(10); {
			case x < 5 && len(body) > 0:
				sent(s.topic.body[body[0]])
				body = body[1:]
			case x < 7 && len(quotes) > 0:
				sent(quoteLines[quotes[0]])
				quotes = quotes[1:]
			case x == 7 && p == 3:
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(strings.TrimSuffix(capitalise(expand(r, pick(r, s.topic.body), slots)), ".") + ", according to " + other + ".")
			case len(back) > 0:
				sent(background[back[0]])
				back = back[1:]
			default:
				sent(pick(r, s.topic.body))
			}
		}
		paras = append(paras, b.String())
		b.Reset()
	}
	return strings.Join(paras, "\n\n")
}

// expand fills a template: [a|b|c] picks one alternative, {SLOT} takes
// the slot's value (one of its values when it holds several, a|b|c).
func expand(r *rand.Rand, tmpl string, slots map[string]string) string {
	var b strings.Builder
	for i := 0; i < len(tmpl); {
		switch c := tmpl[i]; c {
		case '[':
			alts, end := alternatives(tmpl, i)
			b.WriteString(expand(r, alts[r.IntN(len(alts))], slots))
			i = end
		case '{':
			j := strings.IndexByte(tmpl[i:], '}')
			v := slots[tmpl[i+1:i+j]]
			if strings.IndexByte(v, '|') >= 0 {
				alts := strings.Split(v, "|")
				v = alts[r.IntN(len(alts))]
			}
			b.WriteString(v)
			i += j + 1
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// alternatives splits the bracketed alternatives that open at tmpl[i]
// (which may nest) and returns them with the index after the closing
// bracket.
func alternatives(tmpl string, i int) ([]string, int) {
	var alts []string
	depth, from := 0, i+1
	for k := i; k < len(tmpl); k++ {
		switch tmpl[k] {
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return append(alts, tmpl[from:k]), k + 1
			}
		case '|':
			if depth == 1 {
				alts = append(alts, tmpl[from:k])
				from = k + 1
			}
		}
	}
	return append(alts, tmpl[from:]), len(tmpl)
}

// shuffled returns 0..n-1 in random order.
func shuffled(r *rand.Rand, n int) []int {
	p := r.Perm(n)
	return p
}

// pick returns a random element of xs.
func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// indexOf returns the index of s in xs, or 0.
func indexOf(xs []string, s string) int {
	for i, x := range xs {
		if x == s {
			return i
		}
	}
	return 0
}

// capitalise upper-cases the first letter, skipping an opening quote.
func capitalise(s string) string {
	for i, c := range s {
		if c == '"' {
			continue
		}
		if c >= 'a' && c <= 'z' {
			return s[:i] + string(c-'a'+'A') + s[i+1:]
		}
		return s
	}
	return s
}

// thousands writes n with comma separators.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Invented names, from syllables.
var (
	onsets   = strings.Fields("b d dr g k kr l m n p r s st t tr v z br h")
	vowels   = strings.Fields("a e i o u a e o")
	codas    = strings.Fields("n r l s k m v rn st nd")
	given    = strings.Fields("Mira Oren Ilse Tomas Anka Petr Lena Aras Vida Emil Sana Dario Katya Jonas Irena Malik Noor Pavel Rada Stefan Talia Yuri Zora Bogdan Elif Hana Ivo Luka Nadia Omar")
	orgKinds = []string{"Front", "Workers' Union", "Relief Agency", "Defence Ministry", "Electoral Commission",
		"Chamber of Commerce", "Health Authority", "Border Guard", "Farmers' Association", "Civic Alliance"}
	roles = []string{"the foreign minister", "a government spokesman", "the regional governor", "an opposition leader",
		"the army's chief of staff", "a senior aid official", "the city's mayor", "a union organiser",
		"the health minister", "a local council member", "an independent analyst", "the interior minister"}
	things   = strings.Fields("bridge port dam refinery market hospital school railway pipeline airport factory border-crossing power-station reservoir highway")
	weekdays = strings.Fields("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
)

// placeName invents a place name of two or three syllables.
func placeName(r *rand.Rand) string {
	var b strings.Builder
	for k := range 2 + r.IntN(2) {
		b.WriteString(pick(r, onsets))
		b.WriteString(pick(r, vowels))
		if k > 0 || r.IntN(2) == 0 {
			b.WriteString(pick(r, codas))
		}
	}
	return capitalise(b.String())
}

// personName invents a given name and a surname.
func personName(r *rand.Rand) string { return pick(r, given) + " " + placeName(r) }

// last is a person's surname.
func last(p string) string { return p[strings.LastIndexByte(p, ' ')+1:] }

// adjective makes a nationality from a country name.
func adjective(country string) string {
	switch country[len(country)-1] {
	case 'a', 'e', 'i', 'o', 'u':
		return country[:len(country)-1] + "ian"
	}
	return country + "i"
}

// respell changes a place name's spelling as transliterations do.
func respell(s string) string {
	for _, p := range [][2]string{{"k", "q"}, {"v", "w"}, {"i", "iy"}, {"o", "ou"}, {"e", "ie"}, {"a", "aa"}} {
		if k := strings.LastIndex(s, p[0]); k > 0 {
			return s[:k] + p[1] + s[k+1:]
		}
	}
	return s + "e"
}

// outletName invents an outlet.
func outletName(r *rand.Rand) string {
	return fmt.Sprintf(pick(r, outletForms), placeName(r))
}

var outletForms = []string{"%s Herald", "%s Daily", "Radio %s", "%s Today", "The %s Observer", "%s News Agency",
	"%s Post", "%s Times", "%s Tribune", "Voice of %s", "%s Dispatch", "%s Monitor"}

// spinWords are the neutral words spun copies replace with loaded ones.
var spinWords = [][2]string{
	{" said", " claimed"}, {" fighters", " terrorists"}, {" protesters", " rioters"},
	{" government", " regime"}, {" killed", " murdered"}, {" officials", " authorities"},
	{" criticised", " slammed"}, {" opposition", " so-called opposition"},
}

// clauses lengthen a sentence: when, who says so, what it follows.
var clauses = []string{
	", [officials|local officials|witnesses|residents] [said|told reporters] [on {DAY}|late on {DAY}|this week]",
	", [a day|two days|hours] after [the first reports|the announcement|talks in the capital] [from|about] {CITY}",
	", according to [residents|local media|a statement from {ORG}|people familiar with the matter]",
	" in [the {REGION} region|and around {CITY}|the east of {COUNTRY}|the capital of {REGION}]",
	", [which|something that] [few|many] [in {CITY}|in {REGION}|observers] had [expected|predicted|feared]",
	", [despite|amid] [growing|mounting|renewed] [pressure|criticism|concern] [from|in] [the capital|abroad|{REGION}]",
	" [as|while] [talks|fighting|the dispute|the crisis] [continued|dragged on|went on] [elsewhere|in {REGION}|for a [second|third] week]",
	", [the|a] [ministry|spokesman|council] [confirmed|added|said] [in a statement|on social media|at a briefing]",
}

// updateLines close a near copy.
var updateLines = []string{
	"This article was updated on {DAY} with a statement from {ORG}.",
	"Additional reporting from {CITY}. This story has been updated with new figures.",
	"An earlier version of this article gave a wrong figure for the number of people affected in {REGION}.",
}

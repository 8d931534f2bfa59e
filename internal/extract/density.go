package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// The density extractor is a second, independent opinion on where the main
// text is: it scores each element by the running text of the paragraphs
// directly inside it (long, comma-rich, few links), passes half the score
// to the grandparent, and takes the blocks of the best element. It is
// simple and fast, and it catches pages where trafilatura keeps only a
// fragment or nothing.

// negativeHint matches class and id values of page furniture.
var negativeHint = regexp.MustCompile(`(?i)(^|[-_ ])(comment|comments|share|sharing|social|related|sidebar|side-bar|widget|footer|foot|nav|navbar|menu|breadcrumbs?|newsletter|subscribe|subscription|promo|advert|ads?|banner|cookie|consent|popup|modal|masthead|header|author-bio|byline|meta|tags|pagination|pager|skip|hidden|outbrain|taboola|recirc|more-stories|most-popular|trending)($|[-_ ])`)

// positiveHint matches class and id values of article bodies.
var positiveHint = regexp.MustCompile(`(?i)(article|body|content|entry|main|post|story|text|prose)`)

// densityBlocks returns the blocks of the element that holds most of the
// page's running text.
func densityBlocks(doc *html.Node) []block {
	scores := map[*html.Node]float64{}
	var order []*html.Node
	add := func(n *html.Node, s float64) {
		if n == nil || n.Type != html.ElementNode {
			return
		}
		if _, ok := scores[n]; !ok {
			order = append(order, n)
		}
		scores[n] += s
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if skipped(n.Data) || isFurniture(n) {
				return
			}
			if n.Data == "p" || n.Data == "pre" || n.Data == "blockquote" {
				text, links := nodeText(n)
				length := utf8.RuneCountInString(text)
				if length >= 25 {
					s := 1 + float64(strings.Count(text, ",")) + min(float64(length)/100, 3)
					s *= 1 - float64(links)/float64(max(len(text), 1))
					add(n.Parent, s)
					if n.Parent != nil {
						add(n.Parent.Parent, s/2)
					}
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	var best *html.Node
	bestScore := 0.0
	for _, n := range order {
		s := scores[n]
		if positiveHint.MatchString(attr(n, "class") + " " + attr(n, "id")) {
			s *= 1.25
		}
		if s > bestScore {
			best, bestScore = n, s
		}
	}
	if best == nil {
		return nil
	}
	var out []block
	for _, b := range furnitureFreeBlocks(best) {
		if b.linkLen*2 > len(b.text) {
			continue
		}
		out = append(out, b)
	}
	return out
}

// furnitureFreeBlocks is blocks(n) without the furniture inside n.
func furnitureFreeBlocks(n *html.Node) []block {
	var c collector
	var walk func(m *html.Node, kind string, inLink bool)
	walk = func(m *html.Node, kind string, inLink bool) {
		if m.Type == html.ElementNode && isFurniture(m) {
			c.flush()
			return
		}
		if m.Type != html.ElementNode || m.Data == "br" || m.Data == "td" || m.Data == "th" || skipped(m.Data) {
			c.walk(m, kind, inLink)
			return
		}
		if m.Data == "a" {
			inLink = true
		}
		k, isBlock := blockKind(m)
		if isBlock {
			c.flush()
			kind = k
		}
		for ch := m.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch, kind, inLink)
		}
		if isBlock {
			c.flush()
		}
	}
	walk(n, "p", false)
	c.flush()
	return c.out
}

// isFurniture reports whether n is navigation, a sidebar, a form or another
// part of the page around the article.
func isFurniture(n *html.Node) bool {
	switch n.Data {
	case "nav", "aside", "footer", "form", "header", "menu":
		return true
	}
	hint := attr(n, "class") + " " + attr(n, "id")
	if strings.TrimSpace(hint) == "" {
		return false
	}
	return negativeHint.MatchString(hint) && !strings.Contains(strings.ToLower(hint), "article-body")
}

// nodeText returns the collapsed text under n and how many bytes of it are
// inside links.
func nodeText(n *html.Node) (string, int) {
	var b strings.Builder
	links := 0
	var walk func(m *html.Node, inLink bool)
	walk = func(m *html.Node, inLink bool) {
		switch m.Type {
		case html.TextNode:
			b.WriteString(m.Data)
			if inLink {
				links += len(strings.TrimSpace(m.Data))
			}
			return
		case html.ElementNode:
			if skipped(m.Data) {
				return
			}
			if m.Data == "a" {
				inLink = true
			}
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	return strings.Join(strings.Fields(b.String()), " "), links
}

// attr returns the value of n's attribute key.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textLen is the number of code points in the blocks.
func textLen(bs []block) int {
	n := 0
	for _, b := range bs {
		n += utf8.RuneCountInString(b.text)
	}
	return n
}

// betterAlternative reports whether the density extractor's blocks should
// replace trafilatura's: when trafilatura found nothing, or only a small
// part of the running text the density extractor found.
func betterAlternative(main, alt []block) bool {
	if len(alt) == 0 {
		return false
	}
	if len(main) == 0 {
		return true
	}
	m, a := textLen(main), textLen(alt)
	return a >= 500 && m*6 < a*5
}

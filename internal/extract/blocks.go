package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// block is one paragraph-like piece of a page: the text of a block element
// (or of a run of inline content between block elements), with white space
// collapsed.
type block struct {
	text    string
	kind    string // "p", "h" (heading), "li" (list item), "pre", "quote", "row"
	linkLen int    // characters of text inside links
}

// blocks cuts the tree under n into blocks, one per block element, in
// document order. Text outside any block element is grouped into runs.
func blocks(n *html.Node) []block {
	if n == nil {
		return nil
	}
	var c collector
	c.walk(n, "p", false)
	c.flush()
	return c.out
}

// collector accumulates inline text until the next block boundary.
type collector struct {
	out     []block
	buf     strings.Builder
	kind    string
	linkLen int
}

func (c *collector) walk(n *html.Node, kind string, inLink bool) {
	switch n.Type {
	case html.TextNode:
		if c.buf.Len() == 0 {
			c.kind = kind
		}
		c.buf.WriteString(n.Data)
		if inLink {
			c.linkLen += len(strings.TrimSpace(n.Data))
		}
		return
	case html.ElementNode:
		if skipped(n.Data) {
			return
		}
		if n.Data == "br" {
			c.buf.WriteByte(' ')
			return
		}
		if n.Data == "a" {
			inLink = true
		}
		if n.Data == "td" || n.Data == "th" {
			// Cells stay inline: a table row is one block.
			c.buf.WriteByte(' ')
			for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
				c.walk(ch, kind, inLink)
			}
			c.buf.WriteByte(' ')
			return
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	k, isBlock := blockKind(n)
	if isBlock {
		c.flush()
		kind = k
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.walk(ch, kind, inLink)
	}
	if isBlock {
		c.flush()
	}
}

// flush ends the current block.
func (c *collector) flush() {
	text := strings.Join(strings.Fields(c.buf.String()), " ")
	if text != "" {
		c.out = append(c.out, block{text: text, kind: c.kind, linkLen: c.linkLen})
	}
	c.buf.Reset()
	c.linkLen = 0
}

// blockKind says whether n starts a new block, and which kind.
func blockKind(n *html.Node) (string, bool) {
	if n.Type != html.ElementNode {
		return "", false
	}
	switch n.Data {
	case "h1", "h2", "h3", "h4", "h5", "h6":
		return "h", true
	case "li", "dt", "dd":
		return "li", true
	case "pre":
		return "pre", true
	case "blockquote":
		return "quote", true
	case "tr":
		return "row", true
	case "p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
		"ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "figure", "figcaption",
		"form", "fieldset", "address", "details", "summary", "body", "html", "caption", "center":
		return "p", true
	}
	return "", false
}

// skipped reports whether an element never holds readable text.
func skipped(tag string) bool {
	switch tag {
	case "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
		"embed", "canvas", "select", "option", "textarea", "button", "input", "head", "title":
		return true
	}
	return false
}

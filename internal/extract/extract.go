// Package extract recovers the main text and metadata of an HTML article
// page.
package extract

import (
	"strings"

	"github.com/sift-news/sift/internal/clean"
	"golang.org/x/net/html"
)

// Version of the extractor.
const Version = "0"

// HTML extracts the article from an HTML page. (placeholder: all text of <p>)
func HTML(page, url string) (clean.Result, error) {
	var r clean.Result
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return r, err
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "title" && n.FirstChild != nil && r.Title == "" {
			r.Title = strings.TrimSpace(n.FirstChild.Data)
		}
		if n.Type == html.ElementNode && n.Data == "p" {
			var b strings.Builder
			var text func(*html.Node)
			text = func(c *html.Node) {
				if c.Type == html.TextNode {
					b.WriteString(c.Data)
				}
				for k := c.FirstChild; k != nil; k = k.NextSibling {
					text(k)
				}
			}
			text(n)
			if t := strings.Join(strings.Fields(b.String()), " "); t != "" {
				r.Paragraphs = append(r.Paragraphs, t)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return r, nil
}

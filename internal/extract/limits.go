package extract

import "golang.org/x/net/html"

// maxTrafilaturaText is the most bytes of text a page may hold for
// go-trafilatura to extract it. Its content extractor appends the text of
// every paragraph to the text of all those before it, work that grows with
// the square of the page's text (4 MB of paragraphs took half a minute);
// a page with more text goes to the density extractor alone, which is
// linear, and its metadata comes from the page itself. Article pages hold
// tens of kilobytes of text.
const maxTrafilaturaText = 512 << 10

// textOver reports whether the text of doc's nodes outside scripts and
// styles comes to more than n bytes.
func textOver(doc *html.Node, n int) bool {
	total := 0
	var walk func(*html.Node) bool
	walk = func(nd *html.Node) bool {
		if nd.Type == html.ElementNode && (nd.Data == "script" || nd.Data == "style") {
			return false
		}
		if nd.Type == html.TextNode {
			total += len(nd.Data)
			if total > n {
				return true
			}
		}
		for c := nd.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	return walk(doc)
}

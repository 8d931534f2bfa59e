package extract

import (
	nurl "net/url"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/clean"
)

// metadata builds the metadata of the result from trafilatura's, cleaned:
// the site name cut off the title, "By" cut off the author, one site name.
func metadata(doc *html.Node, md trafilatura.Metadata, pageURL string) clean.Result {
	var r clean.Result
	host := md.Hostname
	if u, err := nurl.Parse(pageURL); err == nil && u.Host != "" {
		host = u.Hostname()
	}
	r.Outlet = siteName(md.Sitename, host)
	r.Title = cleanTitle(md.Title, firstHeading(doc), r.Outlet, host)
	r.Author = cleanAuthor(md.Author)
	if !md.Date.IsZero() {
		r.Published = md.Date.Format("2006-01-02")
	}
	r.Language = md.Language
	if r.Language == "" {
		r.Language = pageLanguage(doc)
	}
	return r
}

// siteName picks one site name: trafilatura joins several with "; ".
// Without one, it falls back to the host name less "www.".
func siteName(name, host string) string {
	name = strings.TrimSpace(name)
	if i := strings.Index(name, ";"); i > 0 {
		name = strings.TrimSpace(name[:i])
	}
	if name == "" && host != "" {
		name = strings.TrimPrefix(strings.ToLower(host), "www.")
	}
	return name
}

// titleSeparators split a page title into headline and site name.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " // "}

// cleanTitle cuts the site name off a page title ("Headline | Site"). It
// prefers the page's first h1 when the title is that heading plus extras.
func cleanTitle(title, h1, site, host string) string {
	title = strings.Join(strings.Fields(title), " ")
	h1 = strings.Join(strings.Fields(h1), " ")
	if title == "" {
		return h1
	}
	nt, nh := sift.Normalize(title), sift.Normalize(h1)
	if nh != "" && nt == nh {
		return title
	}
	for _, sep := range titleSeparators {
		parts := strings.Split(title, sep)
		if len(parts) < 2 {
			continue
		}
		// A part that is the page heading is the headline.
		if nh != "" {
			for _, p := range parts {
				if sift.Normalize(p) == nh {
					return strings.TrimSpace(p)
				}
			}
		}
		last, first := parts[len(parts)-1], parts[0]
		if isSite(last, site, host) {
			return strings.TrimSpace(strings.Join(parts[:len(parts)-1], sep))
		}
		if isSite(first, site, host) {
			return strings.TrimSpace(strings.Join(parts[1:], sep))
		}
	}
	return title
}

// isSite reports whether s names the site: its name or its host.
func isSite(s, site, host string) bool {
	ns := sift.Normalize(s)
	if ns == "" {
		return false
	}
	if nsite := sift.Normalize(site); nsite != "" && (ns == nsite || strings.Contains(nsite, ns) || strings.Contains(ns, nsite)) {
		return true
	}
	compact := strings.ReplaceAll(ns, " ", "")
	h := strings.ReplaceAll(sift.Normalize(strings.TrimPrefix(host, "www.")), " ", "")
	return len(compact) >= 3 && h != "" && strings.Contains(h, compact)
}

// cleanAuthor trims a byline: "By Jane Doe" becomes "Jane Doe".
func cleanAuthor(a string) string {
	a = strings.Join(strings.Fields(a), " ")
	for _, p := range []string{"By ", "by ", "BY ", "Von ", "Par "} {
		a = strings.TrimPrefix(a, p)
	}
	return a
}

// firstHeading returns the text of the page's first h1.
func firstHeading(doc *html.Node) string {
	var found *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if found != nil {
			return
		}
		if n.Type == html.ElementNode && n.Data == "h1" {
			found = n
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if found == nil {
		return ""
	}
	var b strings.Builder
	textOf(found, &b)
	return strings.Join(strings.Fields(b.String()), " ")
}

// textOf appends the text under n, skipping scripts and the like.
func textOf(n *html.Node, b *strings.Builder) {
	if n.Type == html.TextNode {
		b.WriteString(n.Data)
		return
	}
	if n.Type == html.ElementNode && skipped(n.Data) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		textOf(c, b)
	}
}

// pageLanguage reads the lang attribute of <html>, as a bare language code.
func pageLanguage(doc *html.Node) string {
	for n := doc.FirstChild; n != nil; n = n.NextSibling {
		if n.Type == html.ElementNode && n.Data == "html" {
			for _, a := range n.Attr {
				if a.Key == "lang" {
					lang := strings.ToLower(strings.TrimSpace(a.Val))
					if i := strings.IndexAny(lang, "-_"); i > 0 {
						lang = lang[:i]
					}
					return lang
				}
			}
		}
	}
	return ""
}

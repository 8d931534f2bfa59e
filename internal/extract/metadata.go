package extract

import (
	nurl "net/url"
	"regexp"
	"strings"

	"github.com/markusmobius/go-htmldate"
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
	r.Author = cleanAuthor(md.Author, r.Outlet)
	if r.Author == "" {
		r.Author = cleanAuthor(bylineFromDOM(doc), r.Outlet)
	}
	if !md.Date.IsZero() {
		r.Published = md.Date.Format("2006-01-02")
	} else {
		r.Published = textDate(doc, pageURL)
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
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " // "}

// cleanTitle picks the headline: the page's first h1 when it shares words
// with the page title (so it is not a logo or a section name), otherwise
// the page title with the site name cut off ("Headline | Site").
func cleanTitle(title, h1, site, host string) string {
	title = strings.Join(strings.Fields(html.UnescapeString(title)), " ")
	h1 = strings.Join(strings.Fields(h1), " ")
	if title == "" {
		return h1
	}
	nt, nh := sift.Normalize(title), sift.Normalize(h1)
	if nh != "" && nt == nh {
		return title
	}
	if nh != "" && !isSite(h1, site, host) && wordOverlap(nh, nt) >= 0.3 {
		return h1
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
		// "Headline | Opinion", "Headline | Rust Blog": a short last part
		// after a bar is a section or site name; headlines rarely hold bars.
		if sep == " | " && len(strings.Fields(last)) <= 4 && len(strings.Fields(first)) > len(strings.Fields(last)) {
			return strings.TrimSpace(strings.Join(parts[:len(parts)-1], sep))
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

// authorPrefix matches labels in front of a byline.
var authorPrefix = regexp.MustCompile(`(?i)^(written by|posted by|published by|reviewed by|author(ed by)?|by|von|par|por)\b[\s:]*`)

// notAName matches bylines that name nobody.
var notAName = regexp.MustCompile(`(?i)^(the author|author|admin|administrator|written by|posted by|by|staff|guest|unknown|anonymous|view all posts.*|more posts.*|editor)$`)

// cleanAuthor trims a byline ("By Jane Doe" becomes "Jane Doe") and joins
// several names as "A, B and C", leaving out the outlet when people are
// named too.
func cleanAuthor(a, outlet string) string {
	var names []string
	for _, part := range strings.Split(a, ";") {
		part = strings.Join(strings.Fields(part), " ")
		part = authorPrefix.ReplaceAllString(part, "")
		part = strings.Trim(part, " ,:|-–—")
		if part == "" || notAName.MatchString(part) {
			continue
		}
		names = append(names, part)
	}
	if len(names) > 1 && outlet != "" {
		kept := names[:0]
		for _, n := range names {
			if sift.Normalize(n) != sift.Normalize(outlet) {
				kept = append(kept, n)
			}
		}
		names = kept
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// authorLink matches the address of an author's page.
var authorLink = regexp.MustCompile(`(?i)/(author|authors|writers?|contributors?|columnists?|journalists?|staff|people|profiles?|team)/[^/?#]+/?$`)

// bylineLabel matches a "Written by" label standing alone before a name.
var bylineLabel = regexp.MustCompile(`(?i)^(written by|posted by|author|by)\s*:?$`)

// bylineFromDOM finds an author the metadata did not name: a link to an
// author page, a schema.org author, or the name after a "Written by" label.
func bylineFromDOM(doc *html.Node) string {
	var found string
	var labelled bool
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			if skipped(n.Data) {
				return false
			}
			if attr(n, "rel") == "author" || (n.Data == "a" && authorLink.MatchString(attr(n, "href"))) ||
				strings.Contains(attr(n, "itemprop"), "author") {
				if t := nameText(n); t != "" {
					found = t
					return true
				}
			}
		}
		if n.Type == html.TextNode {
			t := strings.TrimSpace(n.Data)
			if labelled && t != "" {
				if looksLikeName(t) {
					found = t
					return true
				}
				labelled = false
			}
			if bylineLabel.MatchString(t) {
				labelled = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(doc)
	return found
}

// nameText returns the text of n if it looks like a person's name (or a
// schema.org name inside it).
func nameText(n *html.Node) string {
	var b strings.Builder
	textOf(n, &b)
	t := strings.Join(strings.Fields(b.String()), " ")
	t = authorPrefix.ReplaceAllString(t, "")
	if looksLikeName(t) {
		return t
	}
	return ""
}

// looksLikeName reports whether s could be a byline: one to five words,
// no digits, not a label.
func looksLikeName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 || len(s) > 60 || notAName.MatchString(s) {
		return false
	}
	return !strings.ContainsAny(s, "0123456789@|/<>")
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

// wordOverlap is the share of the words of a that also occur in b.
func wordOverlap(a, b string) float64 {
	wa := strings.Fields(a)
	if len(wa) == 0 {
		return 0
	}
	in := map[string]bool{}
	for _, w := range strings.Fields(b) {
		in[w] = true
	}
	n := 0
	for _, w := range wa {
		if in[w] {
			n++
		}
	}
	return float64(n) / float64(len(wa))
}

// textDate searches the page text for a publication date, for pages whose
// metadata has none. htmldate's extensive search finds many false dates
// (copyright years, file paths, archive links), so a date is only taken
// from the page head or from a short element that holds little else than
// the date ("Posted on Nov 21, 2018", "Updated March 5, 2025").
func textDate(doc *html.Node, pageURL string) string {
	res, err := htmldate.FromDocument(doc, htmldate.Options{UseOriginalDate: true, URL: pageURL})
	if err != nil || res.DateTime.IsZero() {
		return ""
	}
	src := strings.TrimSpace(res.SrcString)
	lower := strings.ToLower(src)
	if !strings.HasPrefix(lower, "<head>") {
		if len(src) > 40 || strings.ContainsAny(src, "©/_<") || strings.Contains(lower, "copyright") || strings.HasPrefix(src, "-") {
			return ""
		}
	}
	return res.DateTime.Format("2006-01-02")
}

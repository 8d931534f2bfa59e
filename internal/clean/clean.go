// Package clean recovers the article from scraped plain text: the title,
// the body paragraphs, a dateline and date, photo captions and credits, and
// reader comments, setting aside every piece of scraping noise with the
// reason it was removed.
package clean

import (
	"strings"

	"github.com/sift-news/sift"
)

// Version of the cleaner; it changes whenever its output may change.
const Version = "0"

// Result is what the cleaner (or the HTML extractor) recovered.
type Result struct {
	Title       string
	Paragraphs  []string
	Boilerplate []sift.Boilerplate
	Comments    []sift.Comment
	Captions    []string
	Dateline    string
	Published   string // YYYY-MM-DD
	Author      string
	Outlet      string
	Language    string
}

// Text cleans scraped plain text. (placeholder: first line is the title)
func Text(s string) Result {
	var r Result
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if r.Title == "" {
			r.Title = p
			continue
		}
		r.Paragraphs = append(r.Paragraphs, p)
	}
	return r
}

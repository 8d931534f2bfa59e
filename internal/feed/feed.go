// Package feed reads news feeds (RSS, Atom and JSON Feed, through
// github.com/mmcdole/gofeed), feed lists (OPML or one URL per line), and
// judges the health of a watched feed from its state: last success, error
// streak, articles per day, and whether it went silent.
package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/sift-news/sift"
)

// Item is one entry of a feed.
type Item struct {
	Key       string // GUID, or the link when the item has none
	URL       string // the article page
	Title     string
	Author    string
	Published string // YYYY-MM-DD, "" when unknown
	Content   string // HTML content or summary carried in the feed
}

// Feed is a parsed feed.
type Feed struct {
	Title string
	Items []Item
}

// ErrNotFeed reports data that is not an RSS, Atom or JSON feed.
var ErrNotFeed = errors.New("not an RSS, Atom or JSON feed")

// Parse parses an RSS, Atom or JSON feed fetched from feedURL; relative
// item links are resolved against it.
func Parse(data []byte, feedURL string) (*Feed, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotFeed, err)
	}
	base, _ := url.Parse(feedURL)
	out := &Feed{Title: strings.TrimSpace(f.Title)}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		link := strings.TrimSpace(it.Link)
		if link == "" && len(it.Links) > 0 {
			link = strings.TrimSpace(it.Links[0])
		}
		if base != nil && link != "" {
			if u, err := base.Parse(link); err == nil {
				link = u.String()
			}
		}
		key := strings.TrimSpace(it.GUID)
		if key == "" {
			key = link
		}
		if key == "" {
			continue // nothing to identify or fetch
		}
		item := Item{Key: key, URL: link, Title: strings.TrimSpace(it.Title)}
		if it.Author != nil {
			item.Author = strings.TrimSpace(it.Author.Name)
		} else if len(it.Authors) > 0 && it.Authors[0] != nil {
			item.Author = strings.TrimSpace(it.Authors[0].Name)
		}
		if it.PublishedParsed != nil {
			item.Published = it.PublishedParsed.UTC().Format("2006-01-02")
		} else if it.UpdatedParsed != nil {
			item.Published = it.UpdatedParsed.UTC().Format("2006-01-02")
		}
		item.Content = it.Content
		if item.Content == "" {
			item.Content = it.Description
		}
		out.Items = append(out.Items, item)
	}
	return out, nil
}

// ReadList reads a feed list file: OPML, or one feed URL per line (blank
// lines and lines starting with # are ignored).
func ReadList(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	urls, err := ParseList(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return urls, nil
}

// ParseList parses a feed list (OPML or plain) and returns the feed URLs
// in order, without duplicates. Only http and https URLs are accepted.
func ParseList(data []byte) ([]string, error) {
	var raw []string
	trimmed := bytes.TrimSpace(data)
	if bytes.HasPrefix(trimmed, []byte("<")) {
		var doc struct {
			Body struct {
				Outlines []outline `xml:"outline"`
			} `xml:"body"`
		}
		if err := xml.Unmarshal(trimmed, &doc); err != nil {
			return nil, fmt.Errorf("reading OPML: %w", err)
		}
		var walk func([]outline)
		walk = func(os []outline) {
			for _, o := range os {
				if o.XMLURL != "" {
					raw = append(raw, o.XMLURL)
				}
				walk(o.Outlines)
			}
		}
		walk(doc.Body.Outlines)
	} else {
		for _, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			raw = append(raw, strings.Fields(line)[0])
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, r := range raw {
		u, err := url.Parse(strings.TrimSpace(r))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("bad feed URL %q (want http or https)", r)
		}
		if s := u.String(); !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out, nil
}

// outline is an OPML outline; feeds have an xmlUrl, folders nest.
type outline struct {
	XMLURL   string    `xml:"xmlUrl,attr"`
	Outlines []outline `xml:"outline"`
}

// Health statuses of a feed.
const (
	StatusOK      = "ok"
	StatusNew     = "new"     // polled, but no success yet
	StatusFailing = "failing" // several polls in a row failed
	StatusSilent  = "silent"  // fetched fine, but no new item for much longer than usual
)

// FailingStreak is the number of failed polls in a row that makes a feed
// failing.
const FailingStreak = 3

// Health summarises a feed for `sift feeds`.
type Health struct {
	Status      string
	PerDay      float64       // stored articles per day over the window
	Quiet       time.Duration // time since the last new item (or since the feed was added)
	ExpectedGap time.Duration // usual time between articles over the window
}

// Judge rates a feed from its state and the number of articles stored
// from it over the window before now. A feed is silent when no item has
// appeared for three times its usual gap between articles, and at least
// two days: a source that stops publishing is a gap in the archive that
// nobody notices unless told. The usual gap is measured over the part of
// the window before the last item, so that the silence itself does not
// make the feed look slow.
func Judge(st *sift.FeedState, articles int, window time.Duration, now time.Time) Health {
	h := Health{}
	since := st.Added
	if since.IsZero() || now.Sub(since) > window {
		since = now.Add(-window)
	}
	h.PerDay = float64(articles) / max(now.Sub(since).Hours()/24, 1)
	last := st.LastItem
	if last.IsZero() {
		last = st.Added
	}
	if !last.IsZero() {
		h.Quiet = now.Sub(last)
	}
	if articles > 0 {
		active := max(last.Sub(since), 24*time.Hour)
		h.ExpectedGap = active / time.Duration(articles)
	}
	limit := max(3*h.ExpectedGap, 48*time.Hour)
	switch {
	case st.ErrorStreak >= FailingStreak:
		h.Status = StatusFailing
	case st.LastSuccess.IsZero():
		h.Status = StatusNew
	case h.Quiet > limit:
		h.Status = StatusSilent
	default:
		h.Status = StatusOK
	}
	return h
}

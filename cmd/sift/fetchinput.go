package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/fetch"
	"github.com/sift-news/sift/internal/reader"
)

// isURL reports whether an input names a web page rather than a path.
func isURL(input string) bool {
	return strings.HasPrefix(input, "http://") || strings.HasPrefix(input, "https://")
}

// splitURLs separates web addresses from paths among inputs.
func splitURLs(inputs []string) (urls, paths []string) {
	for _, in := range inputs {
		if isURL(in) {
			urls = append(urls, in)
		} else {
			paths = append(paths, in)
		}
	}
	return urls, paths
}

// fetchDocument fetches one page through the polite, address-checked
// client (robots.txt, per-host rate, size and redirect limits; loopback and
// private addresses refused unless allowed) and makes a document of it.
func fetchDocument(ctx context.Context, c *fetch.Client, url string) (sift.Document, error) {
	resp, err := c.Get(ctx, url, fetch.Conditional{})
	if err != nil {
		return sift.Document{}, err
	}
	doc, err := reader.Bytes(url, resp.Body)
	if err != nil {
		return doc, err
	}
	if strings.Contains(resp.ContentType, "html") {
		doc.Format = sift.FormatHTML
	}
	doc.URL = resp.URL
	return doc, nil
}

// fetchAll fetches urls in order, handing each page to fn and each
// failure to onErr.
func fetchAll(ctx context.Context, urls []string, allowPrivate bool, fn func(sift.Document) error, onErr func(error)) error {
	if len(urls) == 0 {
		return nil
	}
	c := fetch.New(fetch.Options{AllowPrivate: allowPrivate})
	for _, u := range urls {
		doc, err := fetchDocument(ctx, c, u)
		if err != nil {
			onErr(fmt.Errorf("%s: %w", u, err))
			continue
		}
		if err := fn(doc); err != nil {
			return err
		}
	}
	return nil
}

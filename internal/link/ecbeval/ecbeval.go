// Package ecbeval reads the ECB+ story set (topics 1-20 of the ECB+
// corpus, laid out as gold.tsv and text/) and makes generated news with
// its gold events (Generated), on which `sift eval stories` and the
// clustering tests of internal/link score story clustering. It is
// evaluation code: nothing at run time imports it.
package ecbeval

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
)

// Doc is one document of the ECB+ story set: its file name, the title
// line and the body as read, and its gold story.
type Doc struct {
	File  string
	Title string
	Body  string
	Story string
}

// Read reads the ECB+ story set laid out as dir/gold.tsv (file, story)
// and dir/text/FILE (title line, blank line, body). Documents come back
// sorted by file name, so runs over them are repeatable.
func Read(dir string) ([]Doc, error) {
	gold := filepath.Join(dir, "gold.tsv")
	f, err := os.Open(gold)
	if err != nil {
		return nil, fmt.Errorf("reading ECB+ gold: %w", err)
	}
	defer f.Close()
	var docs []Doc
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		fields := strings.Split(strings.TrimRight(sc.Text(), "\r"), "\t")
		if len(fields) < 2 || (line == 1 && fields[0] == "file") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, "text", fields[0]))
		if err != nil {
			return nil, fmt.Errorf("reading ECB+ document: %w", err)
		}
		text := strings.ReplaceAll(string(data), "\r\n", "\n")
		title, body, _ := strings.Cut(text, "\n")
		docs = append(docs, Doc{
			File:  fields[0],
			Title: strings.TrimSpace(title),
			Body:  strings.TrimSpace(body),
			Story: fields[1],
		})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", gold, err)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].File < docs[j].File })
	return docs, nil
}

// Article runs d through pipeline p and gives it an ID. A document whose body
// cleans to nothing (ECB+ has a few empty ones) keeps its title as its text,
// so that it can still be clustered and scored.
func (d Doc) Article(p *analyze.Pipeline, dir string) (*sift.Article, error) {
	doc := d.Document(dir)
	a, err := p.Article(doc, false)
	if errors.Is(err, analyze.ErrEmpty) {
		doc.Body = d.Title
		a, err = p.Article(doc, true)
	}
	if err != nil {
		return nil, err
	}
	a.ID = sift.ArticleID(a.Outlet, a.Title+"\n"+a.Text)
	return a, nil
}

// Document returns d as a sift.Document whose source is its path under dir.
func (d Doc) Document(dir string) sift.Document {
	return sift.Document{
		Source: filepath.Join(dir, "text", d.File),
		Format: sift.FormatText,
		Title:  d.Title,
		Body:   d.Body,
	}
}

// Split is a range of ECB+ topics scored on its own.
type Split struct {
	Name     string
	From, To int // topics, inclusive
}

// Splits are the ranges `sift eval stories` reports, the one never tuned
// on first: the clustering parameters are tuned on topics 1-10 only.
var Splits = []Split{
	{"topics 11-20 (never tuned on)", 11, 20},
	{"topics 1-10 (tuned on)", 1, 10},
	{"topics 1-20", 1, 20},
}

// SplitsOf returns the splits to score docs by: the ECB+ topic ranges of
// Splits when the documents are named by ECB+ topic, and otherwise one
// split holding the whole set (a set of our own in ECB+'s layout, such as
// internal/link/testdata/blindstories, whose file names carry no topic).
func SplitsOf(docs []Doc) []Split {
	for _, d := range docs {
		if d.Topic() > 0 {
			return Splits
		}
	}
	return []Split{{Name: "the whole set", From: 0, To: 0}}
}

// Topic is the ECB+ topic of d, read from its file name ("12_3ecbplus.txt"
// is in topic 12), or 0.
func (d Doc) Topic() int {
	n, _ := strconv.Atoi(strings.SplitN(d.File, "_", 2)[0])
	return n
}

// Has reports whether document d falls in split s.
func (s Split) Has(d Doc) bool { t := d.Topic(); return t >= s.From && t <= s.To }

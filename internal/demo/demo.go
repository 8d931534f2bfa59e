// Package demo holds the bundled sample corpus: fictional articles from
// fictional outlets about fictional events in a contested region, written
// for sift with the noise, copies, spins, quotes and source attributions of
// real scraped news (see docs/corpus.md). It is what `sift demo` ingests.
package demo

import (
	"bufio"
	"embed"
	"fmt"
	"strings"

	"github.com/sift-news/sift"
)

//go:embed corpus/*.txt corpus/manifest.tsv
var corpus embed.FS

// Entry is one article of the corpus with its metadata and its event, the
// gold story label.
type Entry struct {
	Document sift.Document
	Event    string
}

// Corpus returns every article of the bundled corpus in manifest order.
func Corpus() ([]Entry, error) {
	m, err := corpus.Open("corpus/manifest.tsv")
	if err != nil {
		return nil, fmt.Errorf("demo corpus: %w", err)
	}
	defer m.Close()
	var out []Entry
	sc := bufio.NewScanner(m)
	header := true
	for sc.Scan() {
		if header {
			header = false
			continue
		}
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 5 {
			continue
		}
		body, err := corpus.ReadFile("corpus/" + f[0])
		if err != nil {
			return nil, fmt.Errorf("demo corpus: %w", err)
		}
		out = append(out, Entry{
			Document: sift.Document{
				Source: "demo/" + f[0], Format: sift.FormatText, Body: string(body),
				Outlet: f[1], Published: f[2], URL: f[3],
			},
			Event: f[4],
		})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("demo corpus: %w", err)
	}
	return out, nil
}

package main

import (
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/clean"
	"github.com/sift-news/sift/internal/dataset"
	"github.com/sift-news/sift/internal/extract"
	"github.com/sift-news/sift/internal/reader"
)

// wcxbPage is one page of the WCXB benchmark with its ground truth.
type wcxbPage struct {
	ID   string
	URL  string `json:"url"`
	Gold struct {
		Title       string `json:"title"`
		Author      string `json:"author"`
		PublishDate string `json:"publish_date"`
		MainContent string `json:"main_content"`
	} `json:"ground_truth"`
}

// extractScore sums the scores of one extractor over the pages.
type extractScore struct {
	pages, failed             int
	p, r, f1                  float64 // sums of per-page scores
	title, author, date       int     // correct
	withAuthor, authorCorrect int     // pages with a gold author, and correct among them
	withDate, dateCorrect     int
	elapsed                   time.Duration
}

func (s *extractScore) add(res clean.Result, err error, pg *wcxbPage, took time.Duration) (f1 float64) {
	s.pages++
	s.elapsed += took
	if err != nil {
		s.failed++
	}
	p, r, f := extract.TokenF1(strings.Join(res.Paragraphs, "\n\n"), pg.Gold.MainContent)
	s.p += p
	s.r += r
	s.f1 += f
	if sift.Normalize(res.Title) == sift.Normalize(pg.Gold.Title) {
		s.title++
	}
	authorOK := sift.Normalize(res.Author) == sift.Normalize(pg.Gold.Author)
	if authorOK {
		s.author++
	}
	if pg.Gold.Author != "" {
		s.withAuthor++
		if authorOK {
			s.authorCorrect++
		}
	}
	gold := pg.Gold.PublishDate
	dateOK := gold == res.Published || (gold != "" && len(gold) < 10 && strings.HasPrefix(res.Published, gold))
	if dateOK {
		s.date++
	}
	if gold != "" {
		s.withDate++
		if dateOK {
			s.dateCorrect++
		}
	}
	return f
}

func (s *extractScore) print(w io.Writer, name string) {
	n := float64(max(s.pages, 1))
	rate := 0.0
	if s.elapsed > 0 {
		rate = float64(s.pages) / s.elapsed.Seconds()
	}
	fmt.Fprintf(w, "%-23s %6.3f %6.3f %6.3f   %6.3f %6.3f (%.3f) %6.3f (%.3f) %6d %8.1f\n", name,
		s.p/n, s.r/n, s.f1/n, float64(s.title)/n,
		float64(s.author)/n, float64(s.authorCorrect)/float64(max(s.withAuthor, 1)),
		float64(s.date)/n, float64(s.dateCorrect)/float64(max(s.withDate, 1)),
		s.failed, rate)
}

func runEvalExtract(args []string) error {
	fs := flag.NewFlagSet("eval extract", flag.ContinueOnError)
	def, _ := dataset.Path("wcxb-dev")
	dir := fs.String("data", def, "WCXB directory (html/ID.html.gz, ground-truth/ID.json)")
	workers := fs.Int("workers", 2, "pages extracted in parallel")
	limit := fs.Int("n", 0, "score only the first N pages (0: all)")
	verbose := fs.Bool("v", false, "print per-page F1 of both extractors")
	show := fs.String("show", "", "print what both extractors made of page ID, and the ground truth")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dir == "" {
		return fmt.Errorf("WCXB data not found; pass --data DIR")
	}
	if *show != "" {
		return showWCXB(*dir, *show)
	}
	files, err := filepath.Glob(filepath.Join(*dir, "ground-truth", "*.json"))
	if err != nil {
		return err
	}
	sort.Strings(files)
	if *limit > 0 && len(files) > *limit {
		files = files[:*limit]
	}
	if len(files) == 0 {
		return fmt.Errorf("no ground truth in %s", *dir)
	}

	type outcome struct {
		base, fb, ours             clean.Result
		baseErr, fbErr, oursErr    error
		baseTook, fbTook, oursTook time.Duration
		page                       *wcxbPage
		err                        error
	}
	results := make([]outcome, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range max(*workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				o := &results[i]
				pg, body, err := loadWCXB(*dir, files[i])
				if err != nil {
					o.err = err
					continue
				}
				o.page = pg
				t := time.Now()
				o.base, o.baseErr = extract.Trafilatura(body, pg.URL, false)
				o.baseTook = time.Since(t)
				t = time.Now()
				o.fb, o.fbErr = extract.Trafilatura(body, pg.URL, true)
				o.fbTook = time.Since(t)
				t = time.Now()
				o.ours, o.oursErr = extract.HTML(body, pg.URL)
				o.oursTook = time.Since(t)
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()

	var base, withFallback, ours extractScore
	for _, o := range results {
		if o.err != nil {
			return o.err
		}
		fb := base.add(o.base, o.baseErr, o.page, o.baseTook)
		withFallback.add(o.fb, o.fbErr, o.page, o.fbTook)
		fo := ours.add(o.ours, o.oursErr, o.page, o.oursTook)
		if *verbose {
			fmt.Printf("%s %.3f %.3f %+.3f\n", o.page.ID, fb, fo, fo-fb)
			g := o.page.Gold
			for _, m := range [][3]string{{"title", o.ours.Title, g.Title}, {"author", o.ours.Author, g.Author}, {"date", o.ours.Published, g.PublishDate}} {
				if sift.Normalize(m[1]) != sift.Normalize(m[2]) {
					fmt.Printf("%s %-6s got %q want %q\n", o.page.ID, m[0], m[1], m[2])
				}
			}
		}
	}
	fmt.Printf("WCXB dev, %d article pages (%s)\n", len(files), *dir)
	fmt.Printf("%-23s %6s %6s %6s   %6s %14s %14s %6s %8s\n", "extractor", "P", "R", "F1", "title", "author", "date", "failed", "pages/s")
	base.print(os.Stdout, "go-trafilatura")
	withFallback.print(os.Stdout, "go-trafilatura+fallback")
	ours.print(os.Stdout, "sift extract/"+extract.Version)
	fmt.Println("P, R, F1: bag-of-words token scores of the main text, averaged over pages.")
	fmt.Println("title, author, date: exact match (case and punctuation folded) over all pages,")
	fmt.Println("an empty answer being right where the page has none; in brackets over pages that have one.")
	fmt.Println("go-trafilatura: default options; +fallback: with go-readability and go-domdistiller (EnableFallback).")
	fmt.Println("-v columns: page, F1 of go-trafilatura (default), F1 of sift, difference.")
	fmt.Println("pages/s: per worker, extraction only.")
	return nil
}

// loadWCXB reads one ground-truth file and its gzipped page.
func loadWCXB(dir, gtPath string) (*wcxbPage, string, error) {
	data, err := os.ReadFile(gtPath)
	if err != nil {
		return nil, "", err
	}
	pg := &wcxbPage{ID: strings.TrimSuffix(filepath.Base(gtPath), ".json")}
	if err := json.Unmarshal(data, pg); err != nil {
		return nil, "", fmt.Errorf("reading %s: %w", gtPath, err)
	}
	htmlPath := filepath.Join(dir, "html", pg.ID+".html.gz")
	f, err := os.Open(htmlPath)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, "", fmt.Errorf("reading %s: %w", htmlPath, err)
	}
	raw, err := io.ReadAll(io.LimitReader(zr, reader.DefaultMaxSize))
	if err != nil {
		return nil, "", fmt.Errorf("reading %s: %w", htmlPath, err)
	}
	return pg, reader.Decode(raw), nil
}

// showWCXB prints both extractors' output for one page beside the ground
// truth, to see where they differ.
func showWCXB(dir, id string) error {
	pg, body, err := loadWCXB(dir, filepath.Join(dir, "ground-truth", id+".json"))
	if err != nil {
		return err
	}
	fmt.Printf("== gold\ntitle: %s\nauthor: %s\ndate: %s\n\n%s\n", pg.Gold.Title, pg.Gold.Author, pg.Gold.PublishDate, pg.Gold.MainContent)
	for _, run := range []struct {
		name string
		fn   func(string, string) (clean.Result, error)
	}{
		{"go-trafilatura", func(p, u string) (clean.Result, error) { return extract.Trafilatura(p, u, false) }},
		{"go-trafilatura+fallback", func(p, u string) (clean.Result, error) { return extract.Trafilatura(p, u, true) }},
		{"sift", extract.HTML},
	} {
		r, err := run.fn(body, pg.URL)
		_, _, f1 := extract.TokenF1(strings.Join(r.Paragraphs, "\n\n"), pg.Gold.MainContent)
		fmt.Printf("\n== %s (F1 %.3f, error %v)\ntitle: %s\nauthor: %s\ndate: %s\noutlet: %s\nlanguage: %s\n\n", run.name, f1, err, r.Title, r.Author, r.Published, r.Outlet, r.Language)
		for _, p := range r.Paragraphs {
			fmt.Printf("| %s\n", p)
		}
		for _, b := range r.Boilerplate {
			fmt.Printf("- [%s] %s\n", b.Reason, b.Text)
		}
	}
	return nil
}

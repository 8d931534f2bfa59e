// Package cleaneval scores the plain-text cleaner (internal/clean) on the
// hand-labelled noisy articles of internal/clean/testdata: body words and
// paragraphs, title, date and comments against the gold. It is
// evaluation code, used by `sift eval clean` and its tests; nothing at run
// time imports it.
package cleaneval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/clean"
	"github.com/sift-news/sift/internal/reader"
)

// Gold is the hand-labelled truth for one noisy article of the evaluation
// set in testdata/labelled.
type Gold struct {
	Title     string         `json:"title"`
	Body      []string       `json:"body"`
	Dateline  string         `json:"dateline"`
	Published string         `json:"published"`
	Author    string         `json:"author"`
	Captions  []string       `json:"captions"`
	Comments  []sift.Comment `json:"comments"`
	Noise     []string       `json:"noise"`
}

// Score is how well the cleaner did on a labelled set.
type Score struct {
	Articles int
	// Body word precision/recall: bag-of-words overlap of the recovered body
	// with the gold body, summed over articles.
	WordP, WordR, WordF float64
	// Paragraph precision/recall: exact (white-space folded) paragraphs.
	ParaP, ParaR, ParaF float64
	TitleAcc            float64 // exact title match
	DateAcc             float64 // published date match, over articles that have one in gold
	Dated               int     // articles with a published date in gold
	CommentR            float64 // share of gold comments recovered with the same text
	// CommentP is the share of recovered comments whose text is a gold
	// comment's; CommentAuthor the share of recovered gold comments whose
	// author matches too (see sameAuthor).
	CommentP, CommentAuthor float64
	// Exact counts the articles cleaned exactly: the title right, no gold
	// noise line or reader comment left in the body, and at least
	// ExactShare of the body's words kept at ExactShare precision (see
	// exactlyClean).
	Exact  int
	Misses []string
}

// ExactShare is the word precision and recall an article's recovered body
// must reach, on its own, for the article to count as exactly clean.
const ExactShare = 0.97

// Evaluate cleans every NNN.txt in dir, as the reader hands a plain-text
// file to the cleaner, and compares it with NNN.json.
func Evaluate(dir string, o clean.Options) (Score, error) {
	var s Score
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return s, err
	}
	sort.Strings(files)
	var wTP, wGot, wGold, pTP, pGot, pGold, titles, dates, dateN, cTP, cGold, cGot, cGotTP, cAuthor int
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return s, err
		}
		gj, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".json")
		if err != nil {
			continue // a text without gold is not part of the set
		}
		var g Gold
		if err := json.Unmarshal(gj, &g); err != nil {
			return s, fmt.Errorf("%s: %w", f, err)
		}
		// What `sift analyze` and `sift ingest` do with a plain-text file:
		// the reader repairs mis-decoded Windows-1252, then the cleaner runs.
		r := o.Text(reader.FixMojibake(string(raw)))
		s.Articles++
		name := filepath.Base(f)
		if r.Title == g.Title {
			titles++
		} else {
			s.Misses = append(s.Misses, fmt.Sprintf("%s title: got %q want %q", name, r.Title, g.Title))
		}
		if g.Published != "" {
			dateN++
			if r.Published == g.Published {
				dates++
			} else {
				s.Misses = append(s.Misses, fmt.Sprintf("%s date: got %q want %q", name, r.Published, g.Published))
			}
		}
		got, gold := bag(strings.Join(r.Paragraphs, " ")), bag(strings.Join(g.Body, " "))
		tp := 0
		for w, n := range got {
			tp += min(n, gold[w])
		}
		if why := exactlyClean(r, g, tp, total(got), total(gold)); why == "" {
			s.Exact++
		} else {
			s.Misses = append(s.Misses, fmt.Sprintf("%s not exactly clean: %s", name, why))
		}
		wTP += tp
		wGot += total(got)
		wGold += total(gold)
		goldParas := map[string]bool{}
		for _, p := range g.Body {
			goldParas[clean.Collapse(p)] = true
			pGold++
		}
		gotParas := map[string]bool{}
		for _, p := range r.Paragraphs {
			pGot++
			gotParas[p] = true
			if goldParas[p] {
				pTP++
			} else {
				s.Misses = append(s.Misses, fmt.Sprintf("%s extra: %.80q", name, p))
			}
		}
		for _, p := range g.Body {
			if !gotParas[clean.Collapse(p)] {
				s.Misses = append(s.Misses, fmt.Sprintf("%s missed: %.80q", name, p))
			}
		}
		gotComments := map[string]string{} // text → author
		goldComments := map[string]bool{}
		for _, c := range r.Comments {
			gotComments[sift.Normalize(c.Text)] = c.Author
		}
		for _, c := range g.Comments {
			goldComments[sift.Normalize(c.Text)] = true
		}
		for _, c := range r.Comments {
			cGot++
			if goldComments[sift.Normalize(c.Text)] {
				cGotTP++
			} else {
				s.Misses = append(s.Misses, fmt.Sprintf("%s comment extra: %.60q", name, c.Text))
			}
		}
		for _, c := range g.Comments {
			cGold++
			if author, ok := gotComments[sift.Normalize(c.Text)]; ok {
				cTP++
				if sameAuthor(author, c.Author) {
					cAuthor++
				} else {
					s.Misses = append(s.Misses, fmt.Sprintf("%s comment author: got %q want %q", name, author, c.Author))
				}
			} else {
				s.Misses = append(s.Misses, fmt.Sprintf("%s comment missed: %.60q", name, c.Text))
			}
		}
	}
	s.WordP, s.WordR, s.WordF = prf(wTP, wGot, wGold)
	s.ParaP, s.ParaR, s.ParaF = prf(pTP, pGot, pGold)
	s.TitleAcc = ratio(titles, s.Articles)
	s.DateAcc, s.Dated = ratio(dates, dateN), dateN
	s.CommentR = ratio(cTP, cGold)
	s.CommentP = ratio(cGotTP, cGot)
	s.CommentAuthor = ratio(cAuthor, cTP)
	return s, nil
}

// exactlyClean says why an article is not cleaned exactly, or "" when it
// is: the title must be the gold one; no gold noise line and no gold
// comment may be left in the body (as a whole paragraph or, for lines of
// three words or more and lines the gold body does not itself contain, as
// a run of words inside one); and the body must keep ExactShare of the
// gold body's words at ExactShare precision. An article whose gold body is
// empty (a headline-only item) must come out with an empty body.
func exactlyClean(r clean.Result, g Gold, tp, got, gold int) string {
	if r.Title != g.Title {
		return "title"
	}
	body := " " + sift.Normalize(strings.Join(r.Paragraphs, " ")) + " "
	goldBody := " " + sift.Normalize(strings.Join(g.Body, " ")) + " "
	paras := map[string]bool{}
	for _, p := range r.Paragraphs {
		paras[sift.Normalize(p)] = true
	}
	left := func(line string) bool {
		n := sift.Normalize(line)
		if n == "" {
			return false
		}
		if paras[n] && !strings.Contains(goldBody, " "+n+" ") {
			return true
		}
		return clean.CountWords(n) >= 3 && strings.Contains(body, " "+n+" ") && !strings.Contains(goldBody, " "+n+" ")
	}
	for _, l := range g.Noise {
		if left(l) {
			return fmt.Sprintf("noise left %.60q", l)
		}
	}
	for _, c := range g.Comments {
		if left(c.Text) {
			return fmt.Sprintf("comment left %.60q", c.Text)
		}
	}
	if gold == 0 {
		if got > 0 {
			return "body where the gold has none"
		}
		return ""
	}
	p, rec := ratio(tp, got), ratio(tp, gold)
	if p < ExactShare || rec < ExactShare {
		return fmt.Sprintf("body words P %.3f R %.3f", p, rec)
	}
	return ""
}

// sameAuthor compares a recovered comment author with the gold one,
// folding case and punctuation; a gold author may keep the widget's verb
// ("Jill Harker says:").
func sameAuthor(got, gold string) bool {
	g, w := sift.Normalize(got), sift.Normalize(gold)
	return g == w || g != "" && strings.HasPrefix(w, g+" ") && clean.CountWords(w)-clean.CountWords(g) == 1
}

// bag counts the normalised words of s.
func bag(s string) map[string]int {
	m := map[string]int{}
	for _, w := range strings.Fields(sift.Normalize(s)) {
		m[w]++
	}
	return m
}

// total is the number of words in bag m.
func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// prf returns precision, recall and F1 from true positives, found and gold.
func prf(tp, got, gold int) (p, r, f float64) {
	p, r = ratio(tp, got), ratio(tp, gold)
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// ratio is a/b, or 0 when b is 0.
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

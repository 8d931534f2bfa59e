package web

import (
	"context"
	"fmt"
	"html"
	"html/template"
	"sort"
	"strings"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/link"
)

// Story alignment limits: the story page aligns its earliest articles
// pairwise, so the cost of a page does not grow with the story.
const (
	maxAligned  = 12 // articles of a story aligned with each other
	maxPassages = 20 // passages shown
	maxDiffWord = 600
)

// maxReuseMembers bounds the articles of a story whose stored reuse links
// are read for its page.
const maxReuseMembers = 200

// passage is a reuse link with both articles, for showing side by side.
type passage struct {
	sift.Reuse
	A, B *sift.Article // A copies from B (B is the earlier one)
}

// storyReuse returns the passages shared by the articles of st, the
// earliest source first.
func (s *server) storyReuse(ctx context.Context, st *sift.Story) ([]passage, error) {
	arts := map[string]*sift.Article{}
	get := func(id string) (*sift.Article, error) {
		if a, ok := arts[id]; ok {
			return a, nil
		}
		a, err := s.store.Article(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("reading article %s of story %s: %w", id, st.ID, err)
		}
		arts[id] = a
		return a, nil
	}
	if out, err := s.storedReuse(ctx, st, get); err != nil || len(out) > 0 {
		return out, err
	}
	members := st.Articles
	if len(members) > maxAligned {
		members = members[:maxAligned]
	}
	docs := make([]*link.Doc, len(members))
	list := make([]*sift.Article, len(members))
	for i, m := range members {
		a, err := get(m.ID)
		if err != nil {
			return nil, err
		}
		list[i] = a
		docs[i] = link.NewDoc(a.Text)
	}
	var out []passage
	// Members are earliest first: each later article is aligned with every
	// earlier one, and a stretch of it is credited to the earliest source.
	for j := 1; j < len(list); j++ {
		var covered [][2]int
		for i := 0; i < j; i++ {
			for _, p := range link.Align(docs[j], docs[i]) {
				if overlaps(covered, p.AStart, p.AEnd) {
					continue
				}
				covered = append(covered, [2]int{p.AStart, p.AEnd})
				out = append(out, passage{Reuse: sift.Reuse{
					Kind: reuseKind(p, list[j], list[i]), A: list[j].ID, B: list[i].ID,
					AStart: p.AStart, AEnd: p.AEnd, BStart: p.BStart, BEnd: p.BEnd,
					Similarity: p.Similarity, Substitutions: p.Substitutions,
				}, A: list[j], B: list[i]})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].AEnd-out[i].AStart > out[j].AEnd-out[j].AStart })
	if len(out) > maxPassages {
		out = out[:maxPassages]
	}
	return out, nil
}

// storedReuse returns the stored reuse links between articles of st, the
// ones linking found (none for a story linked before reuse was stored:
// the page then aligns the articles itself).
func (s *server) storedReuse(ctx context.Context, st *sift.Story, get func(string) (*sift.Article, error)) ([]passage, error) {
	members := map[string]bool{}
	for _, m := range st.Articles {
		members[m.ID] = true
	}
	type key struct {
		a, b         string
		aStart, aEnd int
	}
	seen := map[key]bool{}
	var links []sift.Reuse
	for i, m := range st.Articles {
		if i == maxReuseMembers {
			break
		}
		ls, err := s.store.Reuse(ctx, m.ID)
		if err != nil {
			return nil, err
		}
		for _, l := range ls {
			k := key{l.A, l.B, l.AStart, l.AEnd}
			if !members[l.A] || !members[l.B] || seen[k] {
				continue
			}
			seen[k] = true
			links = append(links, l)
		}
	}
	// Spun copies first, then the longest passages.
	sort.SliceStable(links, func(i, j int) bool {
		si, sj := links[i].Kind == sift.ReuseSpun, links[j].Kind == sift.ReuseSpun
		if si != sj {
			return si
		}
		return links[i].AEnd-links[i].AStart > links[j].AEnd-links[j].AStart
	})
	if len(links) > maxPassages {
		links = links[:maxPassages]
	}
	var out []passage
	for _, l := range links {
		a, err := get(l.A)
		if err != nil {
			return nil, err
		}
		b, err := get(l.B)
		if err != nil {
			return nil, err
		}
		out = append(out, passage{Reuse: l, A: a, B: b})
	}
	return out, nil
}

// overlaps reports whether [start, end) overlaps one of the ranges.
func overlaps(ranges [][2]int, start, end int) bool {
	for _, r := range ranges {
		if start < r[1] && r[0] < end {
			return true
		}
	}
	return false
}

// reuseKind names a passage: a spun copy when words were swapped, an exact
// copy when it covers nearly all of both texts, a shared passage otherwise.
func reuseKind(p link.Passage, a, b *sift.Article) string {
	if len(p.Substitutions) > 0 {
		return sift.ReuseSpun
	}
	la, lb := len([]rune(a.Text)), len([]rune(b.Text))
	if p.Similarity == 1 && float64(p.AEnd-p.AStart) >= 0.95*float64(la) && float64(p.BEnd-p.BStart) >= 0.95*float64(lb) {
		return sift.ReuseExact
	}
	return sift.ReusePassage
}

// sideBySide renders the two sides of a passage, earlier source first, with
// the words that differ marked (<del> in the source, <ins> in the copy).
func sideBySide(p passage) (source, copy template.HTML) {
	_, bText, _ := excerpt(p.B.Text, p.BStart, p.BEnd, 0)
	_, aText, _ := excerpt(p.A.Text, p.AStart, p.AEnd, 0)
	bw, aw := strings.Fields(bText), strings.Fields(aText)
	if len(bw) > maxDiffWord || len(aw) > maxDiffWord {
		return template.HTML(html.EscapeString(bText)), template.HTML(html.EscapeString(aText))
	}
	same := lcsMarks(bw, aw)
	var sb, ab strings.Builder
	writeWords(&sb, bw, same[0], "del")
	writeWords(&ab, aw, same[1], "ins")
	return template.HTML(sb.String()), template.HTML(ab.String())
}

// writeWords writes words escaped, wrapping runs not marked same in tag.
func writeWords(b *strings.Builder, words []string, same []bool, tag string) {
	open := false
	for i, w := range words {
		if same[i] && open {
			b.WriteString("</" + tag + ">")
			open = false
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		if !same[i] && !open {
			b.WriteString("<" + tag + ">")
			open = true
		}
		b.WriteString(html.EscapeString(w))
	}
	if open {
		b.WriteString("</" + tag + ">")
	}
}

// lcsMarks marks the words of a and b that belong to their longest common
// subsequence (compared case-insensitively, ignoring punctuation).
func lcsMarks(a, b []string) [2][]bool {
	na, nb := make([]string, len(a)), make([]string, len(b))
	for i, w := range a {
		na[i] = sift.Normalize(w)
	}
	for i, w := range b {
		nb[i] = sift.Normalize(w)
	}
	// dp[i][j] is the LCS length of na[i:] and nb[j:].
	dp := make([][]int32, len(a)+1)
	for i := range dp {
		dp[i] = make([]int32, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if na[i] == nb[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	ma, mb := make([]bool, len(a)), make([]bool, len(b))
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case na[i] == nb[j]:
			ma[i], mb[j] = true, true
			i++
			j++
		case dp[i+1][j] >= dp[i][j+1]:
			i++
		default:
			j++
		}
	}
	return [2][]bool{ma, mb}
}

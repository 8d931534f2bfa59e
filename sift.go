// Package sift holds the domain types shared by every stage of sift:
// articles as read and cleaned, the facts derived from them (entities,
// quotes, propaganda techniques), and the cross-article structures (stories,
// reuse links). It does no I/O; stages live in internal/ and cmd/sift wires
// them together.
//
// Offsets in every Span are Unicode code points into Article.Text, start
// inclusive, end exclusive, so that []rune(a.Text)[s.Start:s.End] == s.Text.
package sift

import (
	"sort"
	"unicode/utf8"
)

// Format says how the body of a Document is encoded.
type Format string

// The formats a Document can arrive in.
const (
	FormatText Format = "text" // plain text, usually scraped and noisy
	FormatHTML Format = "html" // an HTML page that needs main-text extraction
)

// Document is one input as read, before cleaning: a file, a JSON line, a CSV
// row, a WARC record or a fetched page. Metadata fields are whatever the
// container carried and may be empty.
type Document struct {
	Source    string // where it came from, as the user gave it (path, URL, "file.csv:12")
	Format    Format
	Body      string // valid UTF-8 (readers convert other encodings)
	Title     string
	URL       string
	Outlet    string
	Author    string
	Published string // YYYY-MM-DD when known
	Language  string
}

// Span is a stretch of Article.Text in code points.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Entity types, CoNLL-2003 conventions.
const (
	PERSON = "PERSON"
	ORG    = "ORG"
	LOC    = "LOC"
	MISC   = "MISC"
)

// Entity is one mention of a person, organisation, place or other name.
type Entity struct {
	Span
	Type      string `json:"type"`
	Canonical string `json:"canonical"`
	// Role is a title or function introduced with the name in this article
	// ("foreign minister", "Major General"), lower-cased; empty if none.
	Role string `json:"role,omitempty"`
}

// Ref is a span that names someone or something, with its canonical name
// when it was resolved to an entity.
type Ref struct {
	Span
	Canonical string `json:"canonical,omitempty"`
}

// Quote kinds.
const (
	Direct   = "direct"
	Indirect = "indirect"
	Mixed    = "mixed"
)

// Quote is a statement attributed to a speaker: its content span, who said
// it, the cue verb and the chain of intermediaries that reported it.
type Quote struct {
	Span
	Kind    string `json:"kind"`
	Speaker *Ref   `json:"speaker"`
	Cue     *Span  `json:"cue"`
	Via     []Ref  `json:"via"`
}

// Claim is a statement of fact or allegation in an article: reported speech
// (then Speaker and Via come from the quote that carries it and Attributed
// is true) or a statement in the article's own voice (Speaker nil, Via
// empty, Attributed false). Opinion, questions, boilerplate and comments
// are not claims.
type Claim struct {
	Span
	Speaker    *Ref  `json:"speaker"`
	Via        []Ref `json:"via"`
	Attributed bool  `json:"attributed"`
	// Norm is the text with every name replaced by its canonical form, what
	// claims are matched on across articles.
	Norm string `json:"-"`
}

// Technique is a span that uses one of the 18 propaganda techniques of the
// Propaganda Techniques Corpus, with a score in [0,1] and the evidence that
// made the detector fire.
type Technique struct {
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Text      string   `json:"text"`
	Technique string   `json:"technique"`
	Score     float64  `json:"score"`
	Evidence  []string `json:"evidence,omitempty"`
}

// Signal is an article-level manipulation signal that is not one of the 18
// span techniques: headline/body mismatch, unattributed claims, anonymous
// sourcing. Start/End may both be 0 for whole-article signals.
type Signal struct {
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Text     string  `json:"text"`
	Kind     string  `json:"kind"`
	Score    float64 `json:"score"`
	Evidence string  `json:"evidence,omitempty"`
}

// Boilerplate is scraping noise removed from an article, kept with the reason
// it was removed so a user can check the cleaner.
type Boilerplate struct {
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// Comment is a reader comment split off from the article body.
type Comment struct {
	Author string `json:"author"`
	Text   string `json:"text"`
	Depth  int    `json:"depth,omitempty"` // 0 for a top-level comment
}

// Article is a cleaned article and everything sift derived from it. It is
// both what `sift analyze --format json` prints and what the store keeps.
type Article struct {
	ID          string        `json:"id,omitempty"`
	Source      string        `json:"source"`
	URL         string        `json:"url,omitempty"`
	Title       string        `json:"title"`
	Text        string        `json:"text"` // paragraphs separated by "\n\n"
	Outlet      string        `json:"outlet"`
	Author      string        `json:"author,omitempty"`
	Published   string        `json:"published"` // YYYY-MM-DD or ""
	Language    string        `json:"language"`
	Dateline    string        `json:"dateline,omitempty"` // "MOSCOW"
	Captions    []string      `json:"captions,omitempty"` // photo captions and credits
	Entities    []Entity      `json:"entities"`
	Quotes      []Quote       `json:"quotes"`
	Techniques  []Technique   `json:"techniques"`
	Claims      []Claim       `json:"claims"`
	Signals     []Signal      `json:"signals,omitempty"`
	Boilerplate []Boilerplate `json:"boilerplate"`
	Comments    []Comment     `json:"comments"`
	// Analyzer names the version of each stage that produced the derived
	// facts, e.g. {"clean": "1", "ner": "2"}.
	Analyzer map[string]string `json:"analyzer,omitempty"`
}

// Paragraphs returns the spans of the paragraphs of a.Text.
func (a *Article) Paragraphs() []Span {
	var out []Span
	start, pos := 0, 0 // code point offsets
	text := a.Text
	for i := 0; i < len(text); {
		if text[i] == '\n' && i+1 < len(text) && text[i+1] == '\n' {
			if seg := text[byteOffset(text, start):i]; seg != "" {
				out = append(out, Span{Start: start, End: pos, Text: seg})
			}
			i += 2
			pos += 2
			start = pos
			continue
		}
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
		pos++
	}
	if seg := text[byteOffset(text, start):]; seg != "" {
		out = append(out, Span{Start: start, End: pos, Text: seg})
	}
	return out
}

// byteOffset converts a code point offset in s to a byte offset.
func byteOffset(s string, cp int) int {
	n := 0
	for i := range s {
		if n == cp {
			return i
		}
		n++
	}
	return len(s)
}

// Offsets converts between byte and code point offsets of one string. Build
// it once per text; conversions are O(log n) in the number of code points
// wider than one byte, and an ASCII text needs no index at all.
type Offsets struct {
	s     string
	wide  []int32 // byte offset of each code point wider than one byte
	rank  []int32 // its code point offset
	runes int     // number of code points
}

// NewOffsets indexes s, which must be shorter than 2 GiB.
func NewOffsets(s string) *Offsets {
	o := &Offsets{s: s}
	n := 0
	for i := 0; i < len(s); n++ {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		if w > 1 {
			o.wide = append(o.wide, int32(i))
			o.rank = append(o.rank, int32(n))
		}
		i += w
	}
	o.runes = n
	return o
}

// width is the size in bytes of the k-th wide code point.
func (o *Offsets) width(k int) int {
	_, w := utf8.DecodeRuneInString(o.s[o.wide[k]:])
	return w
}

// Rune returns the code point offset of byte offset b (which should fall on a
// code point boundary; otherwise the code point containing it).
func (o *Offsets) Rune(b int) int {
	if b >= len(o.s) {
		return o.runes
	}
	if b < 0 {
		return -1
	}
	// k is the number of wide code points starting at or before b.
	k := sort.Search(len(o.wide), func(i int) bool { return int(o.wide[i]) > b })
	if k == 0 {
		return b
	}
	start := int(o.wide[k-1])
	end := start + o.width(k-1)
	if b < end {
		return int(o.rank[k-1])
	}
	return int(o.rank[k-1]) + 1 + b - end
}

// Byte returns the byte offset of code point offset r.
func (o *Offsets) Byte(r int) int {
	if r >= o.runes {
		return len(o.s)
	}
	if r < 0 {
		return 0
	}
	// k is the number of wide code points at or before code point r.
	k := sort.Search(len(o.rank), func(i int) bool { return int(o.rank[i]) > r })
	if k == 0 {
		return r
	}
	start, at := int(o.wide[k-1]), int(o.rank[k-1])
	if at == r {
		return start
	}
	return start + o.width(k-1) + r - at - 1
}

// Len is the number of code points.
func (o *Offsets) Len() int { return o.runes }

// Story is a group of articles about one event, across outlets and time.
type Story struct {
	ID       string         `json:"id"`
	Title    string         `json:"title"`
	Articles []StoryArticle `json:"articles"`
}

// StoryArticle is an article's place in a story.
type StoryArticle struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	Outlet    string `json:"outlet"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
}

// Reuse kinds.
const (
	ReuseExact   = "exact"   // same normalised text
	ReuseNear    = "near"    // near duplicate (MinHash)
	ReusePassage = "passage" // a shared passage
	ReuseSpun    = "spun"    // a passage copied with systematic substitutions
)

// Reuse links a passage of one article to the same passage in another.
// A is the later (copying) article and B the earlier (likely source) one
// when dates tell; offsets are code points into each article's Text.
type Reuse struct {
	Kind          string         `json:"kind"`
	A             string         `json:"a"`
	B             string         `json:"b"`
	AStart        int            `json:"a_start"`
	AEnd          int            `json:"a_end"`
	BStart        int            `json:"b_start"`
	BEnd          int            `json:"b_end"`
	Similarity    float64        `json:"similarity"`
	Substitutions []Substitution `json:"substitutions,omitempty"`
}

// Substitution is one systematic rewrite found in a spun copy.
type Substitution struct {
	From string `json:"from"`
	To   string `json:"to"`
}

package reader

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sift-news/sift"
)

// The document fields a record (CSV row or JSON line) can fill.
const (
	fieldTitle = iota
	fieldText
	fieldURL
	fieldOutlet
	fieldPublished
	fieldAuthor
	fieldLanguage
	numFields
)

// fieldNames are the names of the fields, as used in Options.Columns.
var fieldNames = [numFields]string{"title", "text", "url", "outlet", "published", "author", "language"}

// fieldAliases are the column names and JSON keys recognised for each field
// without help, in order of preference, normalised by normName. They cover
// common exports (FA-KES, NewsAPI, news-please, scraper CSVs).
var fieldAliases = [numFields][]string{
	fieldTitle:     {"title", "headline", "article_title", "heading"},
	fieldText:      {"text", "content", "body", "article_content", "article", "maintext", "article_text", "full_text", "article_body", "html", "raw_html"},
	fieldURL:       {"url", "link", "article_url", "permalink"},
	fieldOutlet:    {"outlet", "source", "publisher", "site", "source_name", "source_domain", "site_name", "domain", "newspaper"},
	fieldPublished: {"published", "date", "pubdate", "publish_date", "published_at", "publishedat", "pub_date", "date_publish", "date_published", "datetime"},
	fieldAuthor:    {"author", "byline", "authors", "creator", "writer"},
	fieldLanguage:  {"language", "lang", "language_code"},
}

// ColumnMap maps document fields ("title", "text", "url", "outlet",
// "published", "author", "language") to the CSV column or JSON key holding them. It is
// a flag.Value: each -column flag adds one "field=column" pair.
type ColumnMap map[string]string

// String returns the pairs as "field=column,…" in field order.
func (m ColumnMap) String() string {
	var parts []string
	for _, f := range fieldNames {
		if c, ok := m[f]; ok {
			parts = append(parts, f+"="+c)
		}
	}
	return strings.Join(parts, ",")
}

// Set adds a "field=column" pair, for example "text=article_body".
func (m *ColumnMap) Set(spec string) error {
	field, column, ok := strings.Cut(spec, "=")
	field = strings.ToLower(strings.TrimSpace(field))
	column = strings.TrimSpace(column)
	if !ok || column == "" {
		return fmt.Errorf("column mapping %q: want FIELD=COLUMN, for example text=article_body", spec)
	}
	if fieldIndex(field) < 0 {
		return fmt.Errorf("column mapping %q: unknown field %q (want one of %s)", spec, field, strings.Join(fieldNames[:], ", "))
	}
	if *m == nil {
		*m = ColumnMap{}
	}
	(*m)[field] = column
	return nil
}

// fieldIndex returns the index of a field name, or -1.
func fieldIndex(name string) int {
	for i, f := range fieldNames {
		if f == name {
			return i
		}
	}
	return -1
}

// normName normalises a column name or JSON key for matching: lower case,
// spaces and hyphens as underscores, surrounding space and quotes removed.
func normName(s string) string {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), `"'`))
	s = strings.ToLower(s)
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return '_'
		}
		return r
	}, s)
}

// checkColumns reports a mapping to a field that does not exist.
func checkColumns(m ColumnMap) error {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if fieldIndex(strings.ToLower(k)) < 0 {
			return fmt.Errorf("column mapping for unknown field %q (want one of %s)", k, strings.Join(fieldNames[:], ", "))
		}
	}
	return nil
}

// mappedColumn returns the normalised column the user mapped field i to, or "".
func mappedColumn(m ColumnMap, i int) string {
	for k, v := range m {
		if strings.EqualFold(k, fieldNames[i]) {
			return normName(v)
		}
	}
	return ""
}

// resolveColumns finds, for each field, the index of its column in header
// (-1 if none): the user's mapping first, then the recognised names in
// order of preference. A mapped column missing from the header is an error.
func resolveColumns(header []string, m ColumnMap) ([numFields]int, error) {
	var idx [numFields]int
	pos := make(map[string]int, len(header))
	for i, h := range header {
		n := normName(h)
		if _, dup := pos[n]; !dup {
			pos[n] = i
		}
	}
	for f := range idx {
		idx[f] = -1
		if c := mappedColumn(m, f); c != "" {
			i, ok := pos[c]
			if !ok {
				return idx, fmt.Errorf("no column %q for %s (columns: %s)", m[fieldNames[f]], fieldNames[f], strings.Join(header, ", "))
			}
			idx[f] = i
			continue
		}
		for _, a := range fieldAliases[f] {
			if i, ok := pos[a]; ok {
				idx[f] = i
				break
			}
		}
	}
	return idx, nil
}

// record makes a document from the field values of one record.
func record(source string, vals *[numFields]string, opt Options) (sift.Document, error) {
	for i := range vals {
		vals[i] = validText(vals[i])
		if i != fieldText {
			vals[i] = strings.TrimSpace(vals[i])
		}
	}
	text := vals[fieldText]
	if strings.TrimSpace(text) == "" {
		return sift.Document{}, ErrNoText
	}
	if int64(len(text)) > opt.maxSize() {
		return sift.Document{}, fmt.Errorf("text %w of %d bytes", ErrTooLarge, opt.maxSize())
	}
	doc := sift.Document{
		Source:    source,
		Format:    sift.FormatText,
		Body:      text,
		Title:     oneLine(vals[fieldTitle]),
		URL:       vals[fieldURL],
		Outlet:    oneLine(vals[fieldOutlet]),
		Author:    oneLine(vals[fieldAuthor]),
		Language:  strings.ToLower(oneLine(vals[fieldLanguage])),
		Published: NormalizeDate(vals[fieldPublished], opt.DayFirst),
	}
	if looksHTML(text) {
		doc.Format = sift.FormatHTML
	}
	return doc, nil
}

// validText returns s as valid UTF-8 without NUL characters or mojibake.
func validText(s string) string {
	if !utf8.ValidString(s) {
		s = Decode([]byte(s))
	}
	return FixMojibake(stripNUL(s))
}

// oneLine collapses runs of white space (including newlines) in a metadata
// value to single spaces.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") && !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// Date patterns NormalizeDate recognises beyond ISO dates.
var (
	numericDate  = regexp.MustCompile(`^(\d{1,4})([/.-])(\d{1,2})([/.-])(\d{1,4})(?:[^0-9]|$)`)
	isoDate      = regexp.MustCompile(`(?:^|[^0-9])(\d{4})-(\d{2})-(\d{2})(?:[^0-9]|$)`)
	dayMonthYear = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b`)
	monthDayYear = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
)

var monthNumbers = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// NormalizeDate returns a publication date as YYYY-MM-DD, or "" if s holds
// no date it can read. It reads ISO 8601 and RFC 3339 ("2017-04-05",
// "2017-04-05T10:00:00Z"), numeric dates ("4/5/2017" is month/day/year
// unless dayFirst or the first number is over 12; "5.4.2017" is day first),
// compact dates ("20170405"), Unix timestamps in seconds or milliseconds,
// and dates with month names ("5 April 2017", "Wed, 05 Apr 2017 10:00:00
// GMT", "April 5th, 2017"). The date is the one written, whatever the time
// zone.
func NormalizeDate(s string, dayFirst bool) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if allDigits(s) {
		return compactDate(s)
	}
	if m := numericDate.FindStringSubmatch(s); m != nil && m[2] == m[4] {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[3])
		c, _ := strconv.Atoi(m[5])
		switch {
		case len(m[1]) == 4: // 2017-04-05, 2017/4/5
			return ymd(a, b, c)
		case len(m[5]) != 4 && len(m[5]) != 2:
			return ""
		}
		if len(m[5]) == 2 {
			c += 2000
			if c > time.Now().Year()+1 {
				c -= 100
			}
		}
		if m[2] == "." || a > 12 || dayFirst && b <= 12 {
			return ymd(c, b, a)
		}
		return ymd(c, a, b)
	}
	if m := isoDate.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		return ymd(y, mo, d)
	}
	if m := dayMonthYear.FindStringSubmatch(s); m != nil {
		d, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[3])
		return ymd(y, monthNumbers[strings.ToLower(m[2])], d)
	}
	if m := monthDayYear.FindStringSubmatch(s); m != nil {
		d, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		return ymd(y, monthNumbers[strings.ToLower(m[1])], d)
	}
	return ""
}

// compactDate reads an all-digit date: YYYYMMDD or a Unix timestamp in
// seconds (10 digits) or milliseconds (13 digits), in UTC.
func compactDate(s string) string {
	switch len(s) {
	case 8:
		y, _ := strconv.Atoi(s[:4])
		m, _ := strconv.Atoi(s[4:6])
		d, _ := strconv.Atoi(s[6:])
		return ymd(y, m, d)
	case 9, 10, 12, 13:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return ""
		}
		if len(s) > 10 {
			n /= 1000
		}
		t := time.Unix(n, 0).UTC()
		return ymd(t.Year(), int(t.Month()), t.Day())
	}
	return ""
}

// ymd formats a date as YYYY-MM-DD if it exists and is plausible for news
// (years 1800 to 2200), and returns "" otherwise.
func ymd(y, m, d int) string {
	if y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 {
		return ""
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "" // 31 April and the like
	}
	return t.Format("2006-01-02")
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

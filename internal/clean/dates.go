package clean

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

var months = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
	"jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
	"oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
	// French, German and Spanish.
	"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "août": 8,
	"aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
	"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
	"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
	"septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
	// Italian and Portuguese.
	"gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "settembre": 9, "ottobre": 10,
	"dicembre": 12, "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7,
	"setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
}

// dateFiller are words allowed around a date on a line of its own.
var dateFiller = map[string]bool{
	"published": true, "updated": true, "posted": true, "on": true, "at": true, "last": true, "date": true, "am": true,
	"pm": true, "gmt": true, "utc": true, "cet": true, "est": true, "msk": true, "edt": true, "bst": true, "the": true, "of": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"mon": true, "tue": true, "wed": true, "thu": true, "fri": true, "sat": true, "sun": true, "first": true, "modified": true,
	"created": true, "time": true, "th": true, "st": true, "nd": true, "rd": true,
	"le": true, "publié": true, "mis": true, "à": true, "jour": true, "de": true, "el": true, "publicado": true,
	"actualizado": true, "um": true, "uhr": true, "veröffentlicht": true, "aktualisiert": true, "stand": true,
	"lundi": true, "mardi": true, "mercredi": true, "jeudi": true, "vendredi": true, "samedi": true, "dimanche": true,
	"montag": true, "dienstag": true, "mittwoch": true, "donnerstag": true, "freitag": true, "samstag": true, "sonntag": true,
	"lunes": true, "martes": true, "miércoles": true, "jueves": true, "viernes": true, "sábado": true, "domingo": true,
}

// parseDateLine reads a line that holds a date and nothing else of
// substance ("Published: March 3, 2024", "18.05.2024", "2024-03-03 14:22",
// "Posted on March 4, 2024 by Tamsin Creed") and returns it as YYYY-MM-DD.
func parseDateLine(text string) (string, bool) {
	if len(text) > 120 || !hasDigit(text) {
		return "", false
	}
	return parseFoldedDate(fold(text))
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// parseFoldedDate is parseDateLine for a line folded already.
func parseFoldedDate(f string) (string, bool) {
	if len(f) > 120 || !hasDigit(f) {
		return "", false
	}
	if i := strings.Index(f, " by "); i > 0 {
		f = f[:i]
	}
	if len(f) > 80 {
		return "", false
	}
	toks := strings.FieldsFunc(f, func(r rune) bool {
		return r == ' ' || r == ',' || r == '|' || r == '(' || r == ')' || r == '·' || r == '•'
	})
	var day, month, year int
	var nums []string
	for _, t := range toks {
		if isClock(t) {
			continue
		}
		t = strings.TrimRight(t, ".:")
		if m, ok := months[t]; ok {
			month = m
			continue
		}
		if dateFiller[t] || t == "-" || t == "—" {
			continue
		}
		if n := strings.TrimRight(t, "stndrh"); isNumber(n) && len(n) <= 4 {
			nums = append(nums, n)
			continue
		}
		if i := strings.IndexByte(t, 't'); i >= 8 && isNumericDate(t[:i]) {
			t = t[:i] // ISO 8601 "2024-06-02t07:45:00z"
		}
		if strings.ContainsAny(t, "./-") && isNumericDate(t) {
			d, ok := numericDate(t)
			if !ok {
				return "", false
			}
			return d, true
		}
		return "", false
	}
	if month == 0 {
		return "", false
	}
	for _, n := range nums {
		v, _ := strconv.Atoi(n)
		switch {
		case len(n) == 4 && year == 0:
			year = v
		case v >= 1 && v <= 31 && day == 0:
			day = v
		default:
			return "", false
		}
	}
	if year < 1900 || year > 2100 || day == 0 {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", year, month, day), true
}

// isClock reports a time of day: "14:22", "9:14", "08:10:05", "9.14am", "15h".
func isClock(t string) bool {
	t = strings.TrimSuffix(strings.TrimSuffix(t, "am"), "pm")
	if t == "" {
		return false
	}
	if strings.HasSuffix(t, "h") && isNumber(strings.TrimSuffix(t, "h")) {
		return true
	}
	if h, m, ok := strings.Cut(t, "h"); ok && len(h) <= 2 && len(m) == 2 && isNumber(h) && isNumber(m) {
		return true // "08h30"
	}
	parts := strings.FieldsFunc(t, func(r rune) bool { return r == ':' || r == '.' })
	if len(parts) < 2 || len(parts) > 3 || !strings.Contains(t, ":") && len(parts) != 2 {
		return false
	}
	for _, p := range parts {
		if !isNumber(p) || len(p) > 2 {
			return false
		}
	}
	return strings.Contains(t, ":") || len(parts[1]) == 2 && len(parts) == 2 && strings.Contains(t, ".")
}

func isNumericDate(t string) bool {
	for _, c := range t {
		if !unicode.IsDigit(c) && c != '.' && c != '/' && c != '-' {
			return false
		}
	}
	return true
}

// numericDate reads 2024-03-03, 03/03/2024 and 18.05.2024 (day first unless
// that cannot be).
func numericDate(t string) (string, bool) {
	parts := strings.FieldsFunc(t, func(r rune) bool { return r == '.' || r == '/' || r == '-' })
	if len(parts) != 3 {
		return "", false
	}
	a, _ := strconv.Atoi(parts[0])
	b, _ := strconv.Atoi(parts[1])
	c, _ := strconv.Atoi(parts[2])
	var y, m, d int
	switch {
	case len(parts[0]) == 4:
		y, m, d = a, b, c
	case len(parts[2]) == 4:
		y = c
		if strings.Contains(t, "/") && b > 12 {
			m, d = a, b // US month/day
		} else {
			d, m = a, b
		}
	default:
		return "", false
	}
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2100 {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
}

// isTimestamp reports relative times of comment widgets ("3 hours ago").
func isTimestamp(f string) bool {
	f = strings.TrimLeft(f, "•·- ") // "• 2 hours ago"
	if f == "just now" || f == "yesterday" || f == "today" {
		return true
	}
	if !strings.HasSuffix(f, " ago") {
		return false
	}
	for _, p := range []string{"updated ", "posted ", "published ", "edited "} {
		f = strings.TrimPrefix(f, p)
	}
	ws := strings.Fields(f)
	if len(ws) != 3 {
		return false
	}
	unit := strings.TrimSuffix(ws[1], "s")
	switch unit {
	case "second", "minute", "min", "hour", "hr", "day", "week", "month", "year":
	default:
		return false
	}
	return isNumber(ws[0]) || ws[0] == "a" || ws[0] == "an"
}

// dateline returns the place of a dateline that opens the paragraph:
// "MOSCOW –", "PORT SELVA (Coastline News) —", "BEIRUT, Sept 8 (Reuters) -".
func dateline(p string) string {
	limit := len(p)
	if limit > 90 {
		limit = 90
	}
	head := p[:limit]
	dash := -1
	for _, d := range []string{" – ", " — ", " - ", " -- ", ": "} {
		if i := strings.Index(head, d); i > 0 && (dash < 0 || i < dash) {
			dash = i
		}
	}
	if dash < 0 {
		return ""
	}
	prefix := strings.TrimSpace(head[:dash])
	agency := false
	if i := strings.Index(prefix, "("); i > 0 && strings.HasSuffix(prefix, ")") {
		prefix = strings.TrimSpace(prefix[:i])
		agency = true
	}
	place := prefix
	if i := strings.Index(place, ","); i > 0 {
		place = place[:i]
	}
	letters, upper := 0, 0
	for _, c := range place {
		if unicode.IsLetter(c) {
			letters++
			if unicode.IsUpper(c) {
				upper++
			}
		}
	}
	if letters < 3 || CountWords(place) > 4 {
		return ""
	}
	if upper == letters || (agency && isCapitalised(place)) {
		return place
	}
	return ""
}

// dateInText finds a full date (with year) opening the first paragraph,
// as in "BEIRUT, Sept. 8, 2018 (Reuters) -".
func dateInText(paras []string) string {
	if len(paras) == 0 {
		return ""
	}
	head := paras[0]
	if len(head) > 80 {
		head = head[:80]
	}
	cut := strings.IndexAny(head, "(–—")
	if cut < 0 {
		return ""
	}
	head = head[:cut]
	if i := strings.Index(head, ","); i > 0 {
		if d, ok := parseDateLine(head[i+1:]); ok {
			return d
		}
	}
	return ""
}

package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/sift-news/sift"
)

// Boilerplate reasons, as shown in sift.Boilerplate.Reason.
const (
	reasonHeadline   = "repeated headline"
	reasonNewsletter = "newsletter prompt"
	reasonShare      = "share bar"
	reasonRelated    = "related links"
	reasonAd         = "ad marker"
	reasonSocial     = "social prompt"
	reasonEngage     = "engagement prompt"
	reasonTags       = "tag list"
	reasonCopyright  = "copyright notice"
	reasonDuplicate  = "duplicate paragraph"
	reasonDonation   = "donation appeal"
	reasonLabel      = "empty label"
)

// shortBlock is the longest block (in code points) the line rules judge;
// longer blocks are running text and always kept.
const shortBlock = 200

// Line rules, tried in order on short blocks.
var lineRules = []struct {
	re     *regexp.Regexp
	reason string
}{
	{regexp.MustCompile(`(?i)^(advertisement|advertisment|sponsored( content)?|ad|ads|anzeige|publicité|story continues (below|after) (this )?advertisement|continue reading (below|the main story)|scroll to continue( with content)?)[\s.:-]*$`), reasonAd},
	{regexp.MustCompile(`(?i)\b(newsletters?|subscribe|subscription|sign[ -]?up|inbox)\b.{0,80}\b(newsletters?|email|e-mail|inbox|updates|news|free|today|now|here)\b`), reasonNewsletter},
	{regexp.MustCompile(`(?i)^(get|receive|enter your)\b.{0,60}\b(email|e-mail|inbox)\b`), reasonNewsletter},
	{regexp.MustCompile(`(?i)^(share( this( article| story| post| page)?)?( on| via)?|tweet|facebook|twitter|x|whatsapp|e-?mail|print|copy( link)?|link copied|linkedin|pinterest|reddit|telegram|flipboard|messenger|share[: ]+)([\s|,:/·•]+(share|tweet|facebook|twitter|x|whatsapp|e-?mail|print|copy( link)?|linkedin|pinterest|reddit|telegram|flipboard|messenger))*[\s|,:/·•]*$`), reasonShare},
	{regexp.MustCompile(`(?i)^(follow us|join us|like us)\b.{0,60}\b(facebook|twitter|x|instagram|telegram|youtube|tiktok|linkedin|social media|whatsapp|google news)\b`), reasonSocial},
	{regexp.MustCompile(`(?i)^(do you like this (content|article)\??|leave a (comment|reply)|add (a )?comment|\d+ comments?|comments?( \(\d+\))?|be the first to comment.*|you must be logged in to post a comment.*|click here to (comment|reply).*|was this (article|page) helpful\??)$`), reasonEngage},
	{regexp.MustCompile(`(?i)^(tags?|topics?|filed under|categories|category)\s*:\s*\S`), reasonTags},
	{regexp.MustCompile(`(?i)(\bdonate (now|today|here|to (us|keep|support))|make a donation|reader donations|support (our|independent|quality) (journalism|work|reporting|media)|become a (member|patron|supporter)\b.{0,40}$|we need your (help|support)|enjoyed this (piece|article)\?)`), reasonDonation},
	{regexp.MustCompile(`(?i)^(published|updated|posted|posted (on|in)|last updated|by|share|photo|image|source|written by)\s*:?$`), reasonLabel},
	{regexp.MustCompile(`(?i)^(©|\(c\)|copyright\b).{0,150}$|all rights reserved\.?$`), reasonCopyright},
	{regexp.MustCompile(`(?i)^(read more|read also|also read|see also|related( article| story| stories| articles| posts| content| news| reading)?|more (from|on|in) .{1,40}|recommended( for you)?|you (may|might) also (like|be interested in)|trending( now)?|most (read|popular|viewed)|latest (news|stories|posts))\s*[:»>\-–—]?\s*$`), reasonRelated},
	{regexp.MustCompile(`(?i)^(read more|read also|also read|see also|related|recommended|watch|listen)\s*[:»>|\-–—]\s*\S`), reasonRelated},
}

// relatedHeading matches a heading that introduces a list of links to other
// articles; the list after it is dropped with it.
var relatedHeading = regexp.MustCompile(`(?i)^(related( article| story| stories| articles| posts| content| news| reading| links| topics)?|read (more|next|also)|more (stories|articles|news|from .{1,40}|on .{1,40})|recommended( (for you|reading|stories|articles))?|you (may|might) also (like|be interested in|enjoy)|trending( now| stories)?|most (read|popular|viewed)|latest (news|stories|posts|articles)|popular (posts|stories|articles)|further reading|what to read next|keep reading)\s*[:»>\-–—]?\s*$`)

// filter drops boilerplate blocks and returns the kept paragraphs and the
// removed pieces with their reasons.
func filter(bs []block, title string) ([]string, []sift.Boilerplate) {
	var kept []string
	var removed []sift.Boilerplate
	prev := ""
	ntitle := sift.Normalize(title)
	drop := func(text, reason string) {
		removed = append(removed, sift.Boilerplate{Text: text, Reason: reason})
	}
	inRelated := false
	for i, b := range bs {
		norm := sift.Normalize(b.text)
		short := utf8.RuneCountInString(b.text) <= shortBlock
		// A related-links list runs from its heading over the list items
		// and link-only lines that follow.
		if inRelated {
			if short && b.linkLen*2 > len(b.text) {
				drop(b.text, reasonRelated)
				continue
			}
			inRelated = false
		}
		if norm == "" {
			drop(b.text, reasonShare) // only punctuation or symbols
			continue
		}
		if ntitle != "" && norm == ntitle && (i == 0 || b.kind == "h" && i < 3) {
			drop(b.text, reasonHeadline)
			continue
		}
		if short && relatedHeading.MatchString(strings.TrimSpace(b.text)) && followedByList(bs[i+1:]) {
			drop(b.text, reasonRelated)
			inRelated = true
			continue
		}
		if short {
			if reason := lineReason(b.text); reason != "" {
				drop(b.text, reason)
				continue
			}
		}
		// A paragraph repeated right after itself is a scraping glitch;
		// repeats further apart (a refrain, a schedule) are content.
		if norm == prev {
			drop(b.text, reasonDuplicate)
			continue
		}
		prev = norm
		kept = append(kept, b.text)
	}
	return kept, removed
}

// lineReason returns why a short block is boilerplate, or "".
func lineReason(text string) string {
	t := strings.TrimSpace(text)
	for _, r := range lineRules {
		if r.re.MatchString(t) {
			return r.reason
		}
	}
	return ""
}

// followedByList reports whether the next blocks are list items or links.
func followedByList(rest []block) bool {
	if len(rest) == 0 {
		return false
	}
	b := rest[0]
	return b.linkLen*2 > len(b.text) && utf8.RuneCountInString(b.text) <= shortBlock
}

package clean

import (
	"strings"
	"testing"
)

// ferryPage builds a scraped page: a headline, a byline, three paragraphs of
// our own and the lines given after them.
func ferryPage(headline string, tail ...string) string {
	return strings.Join(append([]string{
		"Kelby Courier", headline, "By Ines Albrecht", "4 March 2025", "",
		"The ferry between Kelby and Orm Island will run twice a day from April, the harbour board said on Tuesday, after a winter of cancelled crossings.",
		"",
		"The board has leased a second boat from a company in the south while its own vessel is repaired, at a cost of about £40,000 a month.",
		"",
		"Islanders had complained that children missed school on days when the only boat could not sail.",
		"",
	}, tail...), "\n")
}

// A request to the reader to pass the article on is noise however it is
// worded; a sentence of the article that reports a request to share is not.
func TestSharePromptsClosingTheArticle(t *testing.T) {
	for _, prompt := range []string{
		"Enjoyed this article? Please share it with your friends.",
		"Found this useful? Forward it to a colleague who would like it.",
		"If you liked this piece, please share it with someone who lives on the coast.",
		"Liked the read? Pass it on to a friend!",
		"Our reporting is free to read. Share this story with your neighbours.",
		"Like this:",
		"Liked by 12 people",
	} {
		r := Text(ferryPage("Ferry to Orm Island to sail twice a day", prompt))
		if len(r.Paragraphs) != 3 {
			t.Errorf("%q: %d paragraphs, want the prompt set aside: %q", prompt, len(r.Paragraphs), r.Paragraphs)
		}
	}
	body := "Police asked anyone with doorbell footage of the harbour to share it with officers."
	r := Text(ferryPage("Ferry to Orm Island to sail twice a day", body))
	if len(r.Paragraphs) != 4 || r.Paragraphs[3] != body {
		t.Errorf("a reported request to share was removed: %q", r.Paragraphs)
	}
}

// Interviews in "Name: answer" form are the article, not reader comments.
func TestInterviewLinesAreBody(t *testing.T) {
	in := strings.Join([]string{
		"Harbour Notes", "\"The island needs a second boat\": five questions for Oda Varn", "Ines Albrecht", "4 March 2025", "",
		"Oda Varn has skippered the Orm Island ferry for nineteen years. We asked her about the winter.",
		"",
		"Ines Albrecht: How many crossings were cancelled?",
		"Oda Varn: Thirty-one since November. That is more than in the last three winters together.",
		"Ines Albrecht: Why?",
		"Oda Varn: The old boat cannot sail in a swell over two metres, and we had a lot of swell.",
		"Ines Albrecht: Will the leased boat help?",
		"Oda Varn: Yes.",
		"",
		"Enjoyed this interview? Share it with your friends.",
	}, "\n")
	r := Text(in)
	if r.Title != "\"The island needs a second boat\": five questions for Oda Varn" {
		t.Errorf("title %q", r.Title)
	}
	if len(r.Paragraphs) != 7 || len(r.Comments) != 0 {
		t.Errorf("%d paragraphs and %d comments, want 7 and none: %q %+v", len(r.Paragraphs), len(r.Comments), r.Paragraphs, r.Comments)
	}
}

// A headline's own attribution ("– Kelby's mayor") stays in the title; a
// site name after the same dash is cut and becomes the outlet.
func TestHeadlineAttributionSuffixIsKept(t *testing.T) {
	for _, c := range []struct{ headline, title, outlet string }{
		{"Ferry to sail twice a day from April – Harbour Board's Varn", "Ferry to sail twice a day from April – Harbour Board's Varn", ""},
		{"Ferry to sail twice a day from April - Transport Ministry", "Ferry to sail twice a day from April - Transport Ministry", ""},
		{"Ferry to sail twice a day from April — island council leader", "Ferry to sail twice a day from April — island council leader", ""},
		{"Ferry to sail twice a day from April - Kelby Courier", "Ferry to sail twice a day from April", "Kelby Courier"},
		{"Ferry to sail twice a day from April | Island News", "Ferry to sail twice a day from April", "Island News"},
	} {
		r := Text(ferryPage(c.headline))
		if r.Title != c.title || r.Outlet != c.outlet {
			t.Errorf("%q: title %q outlet %q, want %q and %q", c.headline, r.Title, r.Outlet, c.title, c.outlet)
		}
	}
}

// A byline name or a masthead in capitals is not the headline, even when
// the body names it.
func TestBylineAndMastheadAreNotTheTitle(t *testing.T) {
	in := strings.Join([]string{
		"THE ISLAND HOUR — podcast notes", "Why the Orm ferry keeps breaking down", "Oda Varn", "4 March 2025", "",
		"Oda Varn, who has skippered the ferry for nineteen years, says the boat was never built for winter swell.",
		"",
		"The harbour board has ordered a survey of the hull, due in May, and will decide then whether to repair the boat or replace it.",
		"",
		"Oda Varn is a skipper and a member of the Orm Island community council.",
	}, "\n")
	r := Text(in)
	if r.Title != "Why the Orm ferry keeps breaking down" {
		t.Errorf("title %q", r.Title)
	}
	if len(r.Paragraphs) != 2 {
		t.Errorf("the author's biography closing the page stayed in the body: %q", r.Paragraphs)
	}
}

// A comment widget's headings and sort orders are noise, and the thread
// under them, with handles and compact times, is comments.
func TestCommentWidgetLines(t *testing.T) {
	r := Text(ferryPage("Ferry to Orm Island to sail twice a day",
		"Comments (2)", "Community standards", "Discussion", "Comment", "Most recent",
		"harbour_gull", "The leased boat is older than the one it replaces.", "Reply",
		"oda.fan", "2h", "About time. Thirty-one cancelled crossings is a scandal.", "Report"))
	if len(r.Paragraphs) != 3 {
		t.Errorf("widget lines in the body: %q", r.Paragraphs)
	}
	if len(r.Comments) != 2 || r.Comments[0].Author != "harbour_gull" || r.Comments[1].Author != "oda.fan" {
		t.Errorf("comments %+v, want harbour_gull's and oda.fan's", r.Comments)
	}
}

// A page flattened to one line (as CSV exports hold them) carries its
// furniture after the last sentence: the counter, related headlines, tags
// and the comment widget. It is set aside; a paragraph that ends on its
// sentence is left alone.
func TestFlattenedPageChromeAfterTheLastSentence(t *testing.T) {
	body := "The ferry between Kelby and Orm Island will run twice a day from April, the harbour board said on Tuesday. The board has leased a second boat while its own vessel is repaired."
	for _, tail := range []string{
		" 214 Related Island School Reopens After Storm Harbour Wall Repairs Begin Tags ferry Kelby Orm Island Community standardsDiscussion Comment via FacebookComment via Kelby Courier",
		" 12 Tags ferry Orm Island harbour board",
		" Community standardsDiscussion Comment via FacebookComment via Kelby Courier",
	} {
		r := Text("Ferry to Orm Island to sail twice a day\n\n" + body + tail + "\n")
		if len(r.Paragraphs) != 1 || r.Paragraphs[0] != body {
			t.Errorf("tail %q: body %q", tail, r.Paragraphs)
		}
	}
	plain := body + " Islanders welcomed the news"
	if r := Text("Ferry to Orm Island to sail twice a day\n\n" + plain + "\n"); len(r.Paragraphs) != 1 || r.Paragraphs[0] != plain {
		t.Errorf("a last sentence without its full stop was cut: %q", r.Paragraphs)
	}
}

// A headline-only feed item keeps its headline and its date.
func TestHeadlineOnlyItem(t *testing.T) {
	r := Text("TOP STORIES\nFerry services to Orm Island cancelled as gales close in\nIsland Herald · 4 March 2025, 07:10\nRead more »\n")
	if r.Title != "Ferry services to Orm Island cancelled as gales close in" || r.Published != "2025-03-04" || len(r.Paragraphs) != 0 {
		t.Errorf("title %q, published %q, body %q", r.Title, r.Published, r.Paragraphs)
	}
}

// Printed and paginated pages carry page counters, the page's address and
// a print footer; apps and comment sections prompt the reader. None of it
// is the article, and a print footer is not a comment thread.
func TestPageAppAndDebatePrompts(t *testing.T) {
	for _, line := range []string{
		"Page 1 of 2", "2 of 3", "https://kelbycourier.example/news/ferry-orm-island",
		"Printed on 04/03/2025 from the Kelby Courier website",
		"Breaking news alerts — turn them on in the app", "Get the app", "Got a view? Join the debate below.",
	} {
		r := Text(ferryPage("Ferry to Orm Island to sail twice a day", line))
		if len(r.Paragraphs) != 3 || len(r.Comments) != 0 {
			t.Errorf("%q: body %q, comments %+v", line, r.Paragraphs, r.Comments)
		}
	}
	body := "Our appointment system for the ferry will open online, the board said, and bookings by phone will stay."
	if r := Text(ferryPage("Ferry to Orm Island to sail twice a day", body)); len(r.Paragraphs) != 4 {
		t.Errorf("a sentence about an appointment system was taken for an app prompt: %q", r.Paragraphs)
	}
}

// A gallery's headline may open like a credit ("Photos: …") and a player
// shows a duration; a credit names someone. A syndication note, a cookie
// banner of middling length and a Disqus thread with bulleted times are
// set aside too.
func TestGalleryPlayerSyndicationCookieDisqus(t *testing.T) {
	in := strings.Join([]string{
		"We and our partners use cookies to store and access information on your device, to personalise ads and to measure how our site is used. You can change your choices at any time.",
		"Accept all",
		"Photos: the night the harbour froze", "Ines Albrecht", "4 March 2025",
		"Boats locked in the ice at dawn. (Photo by Ines Albrecht/Kelby Courier)", "Play video", "Video: 1:42", "",
		"For the first time since 1963 the harbour at Kelby froze from wall to wall, and half the town came down to look at it.",
		"",
		"Ines Albrecht spent the night on the quay photographing the boats, the gulls and the one brave skater.",
		"",
		"This article first appeared on Kelby Courier Online and is republished with permission.",
		"Best", "Newest", "Oldest",
		"frosty_kelby", "• 2 hours ago", "I have lived here fifty years and never seen it.", "Reply",
	}, "\n")
	r := Text(in)
	if r.Title != "Photos: the night the harbour froze" {
		t.Errorf("title %q", r.Title)
	}
	if len(r.Paragraphs) != 2 || len(r.Captions) != 1 || len(r.Comments) != 1 || r.Comments[0].Author != "frosty_kelby" {
		t.Errorf("body %q, captions %q, comments %+v", r.Paragraphs, r.Captions, r.Comments)
	}
}

// Newsletter pitches that do not say "newsletter", metered-paywall
// counters, letters-page prompts and a share request behind a conditional
// clause are noise; news sentences with the same words are not.
func TestPitchesAndCounters(t *testing.T) {
	for _, line := range []string{
		"Get the Kelby Courier morning briefing", "Get the day's top stories every weekday morning.",
		"You have read 2 of 3 free articles this month.",
		"Have something to say about this story? Email us your letter and it will be considered for publication.",
		"If you found this report useful, please share it with a neighbour.",
	} {
		r := Text(ferryPage("Ferry to Orm Island to sail twice a day", line))
		if len(r.Paragraphs) != 3 {
			t.Errorf("%q stayed in the body: %q", line, r.Paragraphs)
		}
	}
	body := "The harbour master gave a briefing to skippers on Tuesday, and share prices of the operator rose."
	if r := Text(ferryPage("Ferry to Orm Island to sail twice a day", body)); len(r.Paragraphs) != 4 {
		t.Errorf("%q was removed: %q", body, r.Paragraphs)
	}
	// A reader's question signed "(Name, Place)" is not a photo credit.
	r := Text(ferryPage("Ferry to Orm Island to sail twice a day",
		"Q: Will the leased boat carry cars as well as foot passengers? (Morag, Orm Island)",
		"A: Yes, up to twelve cars on each crossing, booked in advance."))
	if len(r.Paragraphs) != 5 || len(r.Captions) != 0 {
		t.Errorf("reader's question lost: body %q, captions %q", r.Paragraphs, r.Captions)
	}
}

package clean

import (
	"strings"
	"testing"
)

// Tests for the kinds of failure cleaner version 5 addresses (issue 20),
// each on our own text: what a reader would see go wrong.

// hasParagraph reports whether r's body holds a paragraph equal to p.
func hasParagraph(r Result, p string) bool {
	for _, q := range r.Paragraphs {
		if q == p {
			return true
		}
	}
	return false
}

// removedAs returns the reason r gives for setting text aside, or "".
func removedAs(r Result, text string) string {
	for _, b := range r.Boilerplate {
		if b.Text == text {
			return b.Reason
		}
	}
	return ""
}

func TestPullQuoteRepeatingTheBodyIsSetAside(t *testing.T) {
	pull := "“The quay is the only road the island has.”"
	r := Text(ferryPage("Ferry to Orm Island to sail twice a day",
		"Councillor Rhea Dunn said: “The quay is the only road the island has. Without the boat we are cut off.”", "",
		pull, "", "The first extra crossing will run on 1 April."))
	if removedAs(r, pull) != ReasonPullQuote {
		t.Errorf("pull quote not set aside: %q", r.Paragraphs)
	}
	if !hasParagraph(r, "The first extra crossing will run on 1 April.") {
		t.Errorf("the article's last line was lost: %q", r.Paragraphs)
	}
	// A short paragraph that says something new is not a pull quote.
	r = Text(ferryPage("Ferry to Orm Island to sail twice a day", "The island has about 300 residents."))
	if !hasParagraph(r, "The island has about 300 residents.") {
		t.Errorf("a one-sentence paragraph was taken for a pull quote: %q", r.Paragraphs)
	}
}

func TestParagraphCutByAPaywallIsKept(t *testing.T) {
	cut := "Opposition members said the board should have acted in the autumn. Their leader, Ivo Brand, said families had waited"
	r := Text(ferryPage("Ferry to Orm Island to sail twice a day", cut, "",
		"This article is for subscribers only.", "Subscribe now for €1 a week."))
	if !hasParagraph(r, cut) {
		t.Errorf("the truncated paragraph was dropped: %q", r.Paragraphs)
	}
	if hasParagraph(r, "This article is for subscribers only.") {
		t.Error("the paywall notice stayed in the body")
	}
}

func TestNamedAuthorBoxAboveTheBody(t *testing.T) {
	r := Text(strings.Join([]string{
		"Opinion",
		"I ran the ferry office for a winter. Here is what I learnt",
		"Every cancelled crossing meant forty phone calls, and most of them were kind.",
		"Pia Norder",
		"Pia Norder is a retired harbour clerk in Kelby.",
		"",
		"The first thing I learnt is that islanders plan around the weather better than any timetable does.",
		"",
		"The second is that nobody rings to complain when the boat runs on time, which it mostly did.",
	}, "\n"))
	if r.Author != "Pia Norder" {
		t.Errorf("author %q, want the name over the author box", r.Author)
	}
	for _, p := range r.Paragraphs {
		if strings.HasPrefix(p, "Pia Norder") {
			t.Errorf("author box left in the body: %q", p)
		}
	}
	if len(r.Paragraphs) != 3 {
		t.Errorf("%d paragraphs, want the standfirst and two: %q", len(r.Paragraphs), r.Paragraphs)
	}
}

func TestEditionAndSyndicationNotes(t *testing.T) {
	for _, note := range []string{
		"A version of this article appears in print on 5 March 2025, Section A, Page 4, with the headline: Second ferry for Orm.",
		"Originally appeared on The Orm Island Bulletin.",
		"Publicado originalmente en El Faro de Orm.",
		"This article is more than 1 year old",
	} {
		r := Text(ferryPage("Ferry to Orm Island to sail twice a day", note))
		if len(r.Paragraphs) != 3 {
			t.Errorf("%q stayed in the body: %q", note, r.Paragraphs)
		}
	}
	prose := "First published in 1851, the island's newsletter still prints the ferry times on its front page."
	r := Text(ferryPage("Ferry to Orm Island to sail twice a day", prose))
	if !hasParagraph(r, prose) {
		t.Errorf("a sentence about a publication's history was dropped: %q", r.Paragraphs)
	}
}

func TestPromptsUnderTheirOwnLabel(t *testing.T) {
	for _, p := range []string{
		"Privacy notice: Newsletters may contain information about local events and offers from partners.",
		"Newsletter: The Kelby week, in five minutes, every Friday.",
		"We'd love to hear from you. Did the winter crossings affect you? Tell us in the form below.",
	} {
		r := Text(ferryPage("Ferry to Orm Island to sail twice a day", p))
		if len(r.Paragraphs) != 3 {
			t.Errorf("%q stayed in the body: %q", p, r.Paragraphs)
		}
	}
}

func TestSentencesOfTheArticleWithWidgetWords(t *testing.T) {
	for _, p := range []string{
		"The board will decide in May. Here is a selection of the comments left under our first report.",
		"Read more about the plan, and add your name to the petition, at the harbour office on Quay Street or at the island shop.",
	} {
		r := Text(ferryPage("Ferry to Orm Island to sail twice a day", p, "", "Will it work? The harbour master thinks so."))
		if !hasParagraph(r, p) {
			t.Errorf("%q was set aside: %q", p, r.Paragraphs)
		}
		if !hasParagraph(r, "Will it work? The harbour master thinks so.") {
			t.Errorf("the closing line after %q was lost: %q", p, r.Paragraphs)
		}
	}
}

func TestShareButtonsOneToALine(t *testing.T) {
	r := Text(ferryPage("Ferry to Orm Island to sail twice a day", "Share", "Print", "Email"))
	if len(r.Paragraphs) != 3 || len(r.Comments) != 0 {
		t.Errorf("share buttons kept: paragraphs %q, comments %v", r.Paragraphs, r.Comments)
	}
	for _, b := range []string{"Share", "Print", "Email"} {
		if removedAs(r, b) != ReasonShare {
			t.Errorf("%q set aside as %q, want as a share button", b, removedAs(r, b))
		}
	}
}

func TestPrintedPagesAreRejoined(t *testing.T) {
	header := "3/5/25, 10:12 AM Ferry to Orm Island to sail twice a day | Kelby Courier"
	r := Text(strings.Join([]string{
		header,
		"Ferry to Orm Island to sail twice a day",
		"",
		"The ferry between Kelby and Orm Island will run twice a day from April, the harbour board said on Tuesday.",
		"",
		"The board has leased a second boat from a company in the south while its own vessel is",
		"https://kelbycourier.example/news/orm-ferry 1/2",
		header,
		"repaired, at a cost of about £40,000 a month.",
		"",
		"Islanders had complained that children missed school on days when the only boat could not sail.",
		"https://kelbycourier.example/news/orm-ferry 2/2",
	}, "\n"))
	want := "The board has leased a second boat from a company in the south while its own vessel is repaired, at a cost of about £40,000 a month."
	if !hasParagraph(r, want) || len(r.Paragraphs) != 3 {
		t.Errorf("paragraph split by the page break not rejoined: %q", r.Paragraphs)
	}
	if r.Title != "Ferry to Orm Island to sail twice a day" {
		t.Errorf("title %q", r.Title)
	}
}

func TestHashtagsAndForeignLinksAndDates(t *testing.T) {
	r := Text(ferryPage("Ferry to Orm Island to sail twice a day", "#Kelby #ferries #OrmIsland"))
	if len(r.Paragraphs) != 3 || removedAs(r, "#Kelby #ferries #OrmIsland") != ReasonTags {
		t.Errorf("hashtags kept: %q", r.Paragraphs)
	}
	r = Text(strings.Join([]string{
		"Início | Região | Ilhas",
		"Segundo ferry para a ilha de Orm a partir de abril",
		"Por Tiago Reis",
		"4 de março de 2025",
		"",
		"A ligação entre Kelby e a ilha de Orm vai ter duas viagens por dia a partir de abril, disse a administração do porto.",
		"",
		"Leia também: Ilhéus pedem mais barcos no inverno",
		"",
		"Os moradores queixavam-se de que as crianças faltavam à escola nos dias sem barco.",
		"Mehr zum Thema",
		"Zweite Fähre für Orm",
	}, "\n"))
	if r.Published != "2025-03-04" {
		t.Errorf("Portuguese date read as %q", r.Published)
	}
	if len(r.Paragraphs) != 2 {
		t.Errorf("read-also links or related headlines kept: %q", r.Paragraphs)
	}
}

func TestCookieWallsInOtherLanguages(t *testing.T) {
	for _, banner := range []string{
		"Wir verwenden Cookies, um Inhalte zu personalisieren und Zugriffe zu analysieren. Mit „Alle akzeptieren“ stimmen Sie der Verarbeitung Ihrer Daten zu.",
		"Nous utilisons des cookies pour mesurer l'audience. En poursuivant votre navigation, vous acceptez leur utilisation.",
	} {
		r := Text(ferryPage("Ferry to Orm Island to sail twice a day", banner))
		if removedAs(r, banner) != ReasonCookie {
			t.Errorf("cookie banner not set aside: %q", banner)
		}
	}
	prose := "The regulator said sites must ask users to accept cookies before tracking them across the island's shops."
	r := Text(ferryPage("Ferry to Orm Island to sail twice a day", prose))
	if !hasParagraph(r, prose) {
		t.Errorf("a sentence about cookies was dropped: %q", r.Paragraphs)
	}
}

func TestGalleryCaptionsUnderTheirCounters(t *testing.T) {
	r := Text(strings.Join([]string{
		"In pictures: the first crossing of the new ferry",
		"",
		"1 of 3",
		"Passengers wave from the upper deck as the boat leaves Kelby.",
		"2 of 3",
		"The crew ties up at the Orm Island quay.",
		"3 of 3",
		"Children from the island school meet the boat.",
		"",
		"The new ferry made its first crossing to Orm Island on Saturday, carrying 140 passengers and a van of post.",
	}, "\n"))
	if len(r.Captions) != 3 || len(r.Paragraphs) != 1 {
		t.Errorf("captions %q, body %q", r.Captions, r.Paragraphs)
	}
}

func TestBloggerThreadAndCommentForm(t *testing.T) {
	r := Text(ferryPage("Ferry to Orm Island to sail twice a day",
		"2 comments:", "Mara Holt said...", "Two boats at last. Thank you to everyone who wrote to the board.",
		"5 March 2025 at 09:12", "Delete", "Anonymous said...", "Will the fares go up?", "5 March 2025 at 13:40", "Delete",
		"Post a Comment", "Newer Post Older Post Home"))
	if len(r.Comments) != 2 || r.Comments[0].Author != "Mara Holt" || r.Comments[1].Text != "Will the fares go up?" {
		t.Errorf("comments %+v", r.Comments)
	}
	if len(r.Paragraphs) != 3 {
		t.Errorf("body %q", r.Paragraphs)
	}
	r = Text(ferryPage("Ferry to Orm Island to sail twice a day", "Leave a comment", "Name *", "Email *", "Website",
		"Save my name, email, and website in this browser for the next time I comment.", "Post Comment"))
	if len(r.Paragraphs) != 3 || len(r.Comments) != 0 {
		t.Errorf("comment form kept: body %q, comments %v", r.Paragraphs, r.Comments)
	}
}

func TestMoreSharePrompts(t *testing.T) {
	for _, p := range []string{
		"Found this interesting? Why not share it with your followers.",
		"If you appreciated this report, consider sharing it with a colleague.",
		"Thank you for reading. Please share!",
		"Enjoyed this? You can share it using the buttons below.",
		"Tell your friends about this story.",
	} {
		r := Text(ferryPage("Ferry to Orm Island to sail twice a day", p))
		if len(r.Paragraphs) != 3 {
			t.Errorf("%q stayed in the body", p)
		}
	}
	prose := "The two councils will consider sharing the cost of the second boat next year."
	r := Text(ferryPage("Ferry to Orm Island to sail twice a day", prose))
	if !hasParagraph(r, prose) {
		t.Errorf("a report of councils sharing costs was dropped: %q", r.Paragraphs)
	}
}

func TestTitlesOfShortItemsAndLongHeadlines(t *testing.T) {
	for _, c := range []struct{ page, title string }{
		{"Coastguard rescues two walkers cut off by the tide at Orm.\nBoth were unhurt.", "Coastguard rescues two walkers cut off by the tide at Orm."},
		{"Orm ferry: board approves a second boat\nIslanders will get it from April.", "Orm ferry: board approves a second boat"},
		{"Storm closes the Orm crossing for a third day (VIDEO)\nThe board said the boat would stay in Kelby until Friday.", "Storm closes the Orm crossing for a third day (VIDEO)"},
		{"Orm Island Bulletin\nTop stories\nSecond ferry to start sailing in April\n2 hours ago", "Second ferry to start sailing in April"},
		{"The Orm Bulletin\n\"We waited nine days for a boat\": islanders on the winter of cancelled crossings\nBy Pia Norder\n\n" +
			"The ferry between Kelby and Orm Island will run twice a day from April, after a winter of cancelled crossings.", "\"We waited nine days for a boat\": islanders on the winter of cancelled crossings"},
		{"Orm Island Bulletin\nQ&A: What does the second ferry mean for islanders?\nEvery week our reporter answers a question from a reader.\n\n" +
			"Q: Will the second boat carry cars? The first one only takes four. (Ivo, Orm)\nA: Yes, up to twelve, the board says.", "Q&A: What does the second ferry mean for islanders?"},
	} {
		if r := Text(c.page); r.Title != c.title {
			t.Errorf("title %q, want %q", r.Title, c.title)
		}
	}
	r := Text("Second ferry approved for Orm\nThe board voted on Tuesday to lease a second boat, its chair said on the quay… [+1834 chars]")
	if len(r.Paragraphs) != 1 || strings.Contains(r.Paragraphs[0], "chars]") {
		t.Errorf("truncation marker kept: %q", r.Paragraphs)
	}
}

func TestSectionAndDomainSiteSuffixes(t *testing.T) {
	for _, h := range []string{
		"Ferry to Orm Island will sail twice a day | News | Kelby Courier",
		"Ferry to Orm Island will sail twice a day :: Kelby Courier",
		"Ferry to Orm Island will sail twice a day | kelbycourier.example",
		"Ferry to Orm Island will sail twice a day - Gazzetta della Costa",
	} {
		if r := Text(ferryPage(h)); r.Title != "Ferry to Orm Island will sail twice a day" {
			t.Errorf("%q: title %q", h, r.Title)
		}
	}
	if r := Text(ferryPage("Ferry to Orm Island will sail twice a day - harbour board")); !strings.HasSuffix(r.Title, "harbour board") {
		t.Errorf("attribution cut: %q", r.Title)
	}
}

func TestThreadsWithoutTimesAndPostsThatAreNot(t *testing.T) {
	r := Text(ferryPage("Ferry to Orm Island to sail twice a day", "Reader comments", "1", "Harriet Vane",
		"The winter timetable was a disgrace. Two boats is the minimum.", "2", "Orm resident",
		"Thank you to the crew who sailed in the storm in February."))
	if len(r.Comments) != 2 || r.Comments[0].Author != "Harriet Vane" || r.Comments[1].Author != "Orm resident" {
		t.Errorf("comments %+v", r.Comments)
	}
	if len(r.Paragraphs) != 3 {
		t.Errorf("body %q", r.Paragraphs)
	}
	// Posts embedded in the article, with no comment widget, are the article.
	r = Text(ferryPage("Ferry to Orm Island to sail twice a day", "Islanders posted their reactions.", "",
		"Orm Island Council @ormcouncil · 3h", "Great news for the island. Thank you to everyone who campaigned.", "",
		"Dan Hale @danhale · 2h", "About time too. Now sort out the fares.", "",
		"The board will publish the new timetable next week."))
	if len(r.Comments) != 0 || !hasParagraph(r, "The board will publish the new timetable next week.") {
		t.Errorf("embedded posts taken for comments: %+v, body %q", r.Comments, r.Paragraphs)
	}
	// A list closing the article: names over one-line verdicts.
	r = Text(ferryPage("Ferry to Orm Island to sail twice a day", "Crew ratings", "Ada Brill",
		"9 – Sailed through the February storm.", "Tom Vey", "7 – Kept the café open on every crossing."))
	if !hasParagraph(r, "Tom Vey") || !hasParagraph(r, "7 – Kept the café open on every crossing.") {
		t.Errorf("closing list cut short: %q", r.Paragraphs)
	}
}

// A short sentence of the article is not a prompt because it uses a
// prompt's word; a short prompt still is, however it ends.
func TestShortSentencesWithPromptWords(t *testing.T) {
	for _, p := range []string{
		"The captain declined to comment.",
		"The storm contributed to the delays, the board said.",
		"The club will donate the proceeds to the lifeboat.",
		"It was the captain's first visit to Facebook's office.",
	} {
		for _, tail := range [][]string{{p}, {p, "", "The board will meet again in May to review the summer timetable."}} {
			if r := Text(ferryPage("Ferry to Orm Island to sail twice a day", tail...)); !hasParagraph(r, p) {
				t.Errorf("%q set aside as %q", p, removedAs(r, p))
			}
		}
	}
	for _, p := range []string{
		"Sign up for our daily newsletter.",
		"Comments are closed for this article.",
		"There are no comments yet.",
		"Got a view? Join the debate below.",
		"Click here to read the full story.",
	} {
		if r := Text(ferryPage("Ferry to Orm Island to sail twice a day", p)); hasParagraph(r, p) {
			t.Errorf("prompt %q kept in the body", p)
		}
	}
}

// A bare agency credit under a picture is a caption; the paragraph above it
// stays body. A "Site - date" line gives the date.
func TestBareCreditAndDashedMetaLine(t *testing.T) {
	r := Text(strings.Join([]string{
		"Ferry to Orm Island to sail twice a day",
		"Kelby Courier - 4 March 2025",
		"",
		"The ferry between Kelby and Orm Island will run twice a day from April, the harbour board said on Tuesday.",
		"The board said it would review the timetable in the autumn.",
		"(Getty Images)",
		"",
		"Islanders had complained that children missed school on days when the only boat could not sail.",
	}, "\n"))
	if len(r.Captions) != 1 || r.Captions[0] != "(Getty Images)" {
		t.Errorf("captions %q", r.Captions)
	}
	if !hasParagraph(r, "The board said it would review the timetable in the autumn.") || len(r.Paragraphs) != 3 {
		t.Errorf("body %q", r.Paragraphs)
	}
	if r.Published != "2025-03-04" {
		t.Errorf("date %q", r.Published)
	}
}

// A photo credit right under the headline at the top of the page does not
// make the headline a caption.
func TestCreditUnderTheHeadline(t *testing.T) {
	page := strings.Replace(ferryPage("Ferry to Orm Island to sail twice a day"), "By Ines Albrecht", "Photo: Tom Vey / Kelby Courier", 1)
	r := Text(page)
	if r.Title != "Ferry to Orm Island to sail twice a day" {
		t.Errorf("title %q", r.Title)
	}
	if len(r.Captions) != 1 || r.Captions[0] != "Photo: Tom Vey / Kelby Courier" {
		t.Errorf("captions %q", r.Captions)
	}
}

// "Ã©" (a misread "é") is not a copyright sign: a headline or paragraph
// holding one is still the article, repaired or not.
func TestMisreadAccentIsNotACopyrightSign(t *testing.T) {
	r := Text(ferryPage("CafÃ© owners fear the second ferry", "The three cafÃ©s on Orm Island say day-trippers will no longer stay the night."))
	if r.Title != "CafÃ© owners fear the second ferry" || len(r.Paragraphs) != 4 || len(r.Captions) != 0 {
		t.Errorf("title %q, body %q, captions %q", r.Title, r.Paragraphs, r.Captions)
	}
	r = Text(ferryPage("Ferry to Orm Island to sail twice a day", "The harbour at dawn. © Tom Vey/Kelby Courier"))
	if len(r.Captions) != 1 {
		t.Errorf("a real credit was not taken as a caption: %q", r.Captions)
	}
}

// "Comments (2)" is a comment heading, not a picture credit, and names
// with a place line under them head the comments below it.
func TestCommentHeadingWithACountAndPlaceLines(t *testing.T) {
	r := Text(ferryPage("Ferry to Orm Island to sail twice a day", "Comments (2)", "Harriet Vane", "Kelby",
		"The winter timetable was a disgrace. Two boats is the minimum.", "Tom Ivers", "Orm Island",
		"Thank you to the crew who sailed in the storm."))
	if len(r.Captions) != 0 {
		t.Errorf("captions %q", r.Captions)
	}
	if len(r.Comments) != 2 || r.Comments[0].Author != "Harriet Vane" || r.Comments[1].Text != "Thank you to the crew who sailed in the storm." {
		t.Errorf("comments %+v", r.Comments)
	}
	if len(r.Paragraphs) != 3 {
		t.Errorf("body %q", r.Paragraphs)
	}
}

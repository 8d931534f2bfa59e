package web

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserStoryTitleAndFoldedCopies opens the linked fixture as a user
// would: the story list and page carry the report's title, not the denial
// three outlets ran; search folds the two copies of the denial under it,
// they open on a click, and copies=1 lists them on their own.
func TestBrowserStoryTitleAndFoldedCopies(t *testing.T) {
	srv := linkedServer(t)
	ctx, problems := browser(t)
	dir := artifactDir(t)

	var listTitle, h1, framing string
	var groups int
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/stories"),
		chromedp.WaitVisible(`a[href^="/stories/"]`, chromedp.ByQuery),
		chromedp.Text(`main a[href^="/stories/s"]`, &listTitle, chromedp.ByQuery),
		chromedp.Click(`main a[href^="/stories/s"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#framing`, chromedp.ByQuery),
		chromedp.Text(`h1`, &h1, chromedp.ByQuery),
		chromedp.Text(`#framing`, &framing, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('#framing .frame').length`, &groups),
		screenshot(t, dir, "story-framing.png"),
	)
	if err != nil {
		t.Fatalf("story: %v", err)
	}
	const want = "Shelling hits market in Kessel, killing 12"
	if strings.TrimSpace(listTitle) != want || strings.TrimSpace(h1) != want {
		t.Errorf("story titled %q in the list and %q on its page, want %q", listTitle, h1, want)
	}
	if groups != 3 || !strings.Contains(framing, "Dravia Today, Echo News, Ulmet Post") || !strings.Contains(framing, "attributed to Colonel Drask") {
		t.Errorf("framing section (%d groups): %q", groups, framing)
	}

	var hits, copies int
	var open bool
	var summary, copyList string
	err = chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/search?q=artillery"),
		chromedp.WaitVisible(`ol.hits li.hit`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('ol.hits > li.hit').length`, &hits),
		chromedp.Text(`details.copies summary`, &summary, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector('details.copies').open`, &open),
	)
	if err != nil {
		t.Fatalf("search: %v", err)
	}
	if hits != 3 || summary != "and 2 copies" || open {
		t.Errorf("search: %d hits, copies summary %q (open %v); want 3 hits, the denial's 2 copies folded", hits, summary, open)
	}
	err = chromedp.Run(ctx,
		chromedp.Click(`details.copies summary`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector('details.copies').open`, &open),
		chromedp.Text(`details.copies ul`, &copyList, chromedp.ByQuery),
		screenshot(t, dir, "search-copies.png"),
		chromedp.Click(`//p[contains(@class, "fold")]/a`, chromedp.BySearch),
		chromedp.WaitVisible(`//p[contains(@class, "fold")]/a[contains(., "fold copies")]`, chromedp.BySearch),
		chromedp.Evaluate(`document.querySelectorAll('ol.hits > li.hit').length`, &hits),
		chromedp.Evaluate(`document.querySelectorAll('details.copies').length`, &copies),
	)
	if err != nil {
		t.Fatalf("opening the copies: %v", err)
	}
	if !open || !strings.Contains(copyList, "Echo News") || !strings.Contains(copyList, "Ulmet Post") {
		t.Errorf("copies open %v: %q, want Echo News and Ulmet Post", open, copyList)
	}
	if hits != 5 || copies != 0 {
		t.Errorf("with copies listed: %d hits, %d folded groups; want all 5 on their own", hits, copies)
	}
	if p := problems(); len(p) > 0 {
		t.Errorf("the pages reported problems:\n%s", strings.Join(p, "\n"))
	}
}

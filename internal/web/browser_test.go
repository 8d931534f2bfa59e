package web

// Browser tests: drive Chromium (headless, through the DevTools protocol
// with chromedp) over the fixture store the way an analyst would: search,
// open an article, switch highlight layers, open its story, and look at the
// pages on a phone-sized screen. Screenshots are written to $SIFT_ARTIFACTS
// (or a temporary directory) as test artifacts. The tests skip when no
// Chromium binary is found; set $SIFT_CHROMIUM to point at one.

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromium returns the path of a Chromium or Chrome binary, or "".
func chromium() string {
	if p := os.Getenv("SIFT_CHROMIUM"); p != "" {
		if p, err := exec.LookPath(p); err == nil {
			return p
		}
		return ""
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser starts a headless Chromium with a fresh profile and returns a
// context for driving one tab, and the problems the page reported
// (uncaught exceptions, console errors such as Content-Security-Policy
// violations, JavaScript dialogs).
func browser(t *testing.T) (context.Context, func() []string) {
	t.Helper()
	bin := chromium()
	if bin == "" {
		t.Skip("no Chromium binary found (install it with `apt-get install -y chromium` or set SIFT_CHROMIUM); skipping browser tests")
	}
	// A fresh profile; removed after the browser exits (t.TempDir would
	// complain when Chromium is still flushing it).
	profile, err := os.MkdirTemp("", "sift-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() {
		cancelTimeout()
		cancelTab()
		cancelAlloc()
		for i := 0; i < 20 && os.RemoveAll(profile) != nil; i++ {
			time.Sleep(100 * time.Millisecond)
		}
	})
	var mu sync.Mutex
	var problems []string
	report := func(s string) {
		mu.Lock()
		problems = append(problems, s)
		mu.Unlock()
	}
	chromedp.ListenTarget(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			report("exception: " + ev.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.LevelError {
				report("console: " + ev.Entry.Text + " " + ev.Entry.URL)
			}
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.APITypeError {
				report("console.error called")
			}
		case *cdppage.EventJavascriptDialogOpening:
			report("dialog opened: " + ev.Message)
			go chromedp.Run(ctx, cdppage.HandleJavaScriptDialog(false))
		}
	})
	if err := chromedp.Run(ctx, log.Enable(), runtime.Enable()); err != nil {
		t.Fatalf("starting %s: %v", bin, err)
	}
	return ctx, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), problems...)
	}
}

// artifactDir is where screenshots go.
func artifactDir(t *testing.T) string {
	dir := os.Getenv("SIFT_ARTIFACTS")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// screenshot saves a full-page PNG screenshot.
func screenshot(t *testing.T, dir, name string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var buf []byte
		if err := chromedp.FullScreenshot(&buf, 100).Do(ctx); err != nil {
			return err
		}
		path := filepath.Join(dir, name)
		t.Logf("screenshot: %s", path)
		return os.WriteFile(path, buf, 0o644)
	})
}

// style returns a computed style property of the first element matching sel.
func style(sel, prop string, out *string) chromedp.Action {
	return chromedp.Evaluate(`getComputedStyle(document.querySelector(`+jsString(sel)+`)).getPropertyValue(`+jsString(prop)+`)`, out)
}

// jsString quotes s as a JavaScript string literal (s is a test constant).
func jsString(s string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", `\'`) + "'"
}

const transparent = "rgba(0, 0, 0, 0)"

func TestBrowserSearchArticleLayersStory(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	ctx, problems := browser(t)
	dir := artifactDir(t)

	// Search from the home page.
	var hits int
	var firstMark, summary string
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(`.searchbox input`, chromedp.ByQuery),
		chromedp.SendKeys(`.searchbox input`, "convoys", chromedp.ByQuery),
		chromedp.Submit(`.searchbox input`, chromedp.ByQuery),
		// The home page lists the latest articles as hits too: wait for a
		// marked word, which only the results of a query have.
		chromedp.WaitVisible(`ol.hits li.hit mark`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('ol.hits li.hit').length`, &hits),
		chromedp.Text(`ol.hits li.hit mark`, &firstMark, chromedp.ByQuery),
		chromedp.Text(`.summary`, &summary, chromedp.ByQuery),
		screenshot(t, dir, "search.png"),
	)
	if err != nil {
		t.Fatalf("search: %v", err)
	}
	if hits != 3 || !strings.EqualFold(firstMark, "convoys") || !strings.Contains(summary, "3") {
		t.Fatalf("search for convoys: %d hits, first mark %q, summary %q; want 3 hits with the word marked", hits, firstMark, summary)
	}

	// Filter by a facet, then open the article.
	var title string
	err = chromedp.Run(ctx,
		chromedp.Click(`//section[@id="facet-outlets"]//a[contains(., "Varno Daily")]`, chromedp.BySearch),
		chromedp.WaitVisible(`a.chip`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('ol.hits li.hit').length`, &hits),
		chromedp.Click(`ol.hits li.hit a.title`, chromedp.ByQuery),
		chromedp.WaitVisible(`.article .body`, chromedp.ByQuery),
		chromedp.Text(`.article h1`, &title, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatalf("opening the article: %v", err)
	}
	if hits != 1 || title != "Varnese Republic says truce holds" {
		t.Fatalf("after filtering by outlet: %d hits, opened %q", hits, title)
	}

	// Layers: entities and techniques on by default; a click on a
	// highlighted technique leads to its evidence; each layer switches off.
	var entOn, entOff, tecOff, tecOn, tecDecoration, evidence, url string
	err = chromedp.Run(ctx,
		style(`.body .ent:not(.quo)`, "background-color", &entOn),
		style(`.body .tec:not(.quo)`, "background-color", &tecOn),
		style(`.body .tec`, "text-decoration-line", &tecDecoration),
		screenshot(t, dir, "article-techniques.png"),
		chromedp.Click(`.body .tec:not(.quo) a.factlink`, chromedp.ByQuery),
		chromedp.Sleep(200*time.Millisecond),
		chromedp.Location(&url),
		chromedp.Text(`.technique:target .evidence`, &evidence, chromedp.ByQuery),
		chromedp.Click(`#layer-tec`, chromedp.ByQuery),
		style(`.body .tec:not(.quo)`, "background-color", &tecOff),
		chromedp.Click(`#layer-ent`, chromedp.ByQuery),
		style(`.body .ent:not(.quo)`, "background-color", &entOff),
	)
	if err != nil {
		t.Fatalf("switching layers: %v", err)
	}
	if entOn == transparent || entOff != transparent {
		t.Errorf("entity layer: background %q when on, %q when off", entOn, entOff)
	}
	if tecOff != transparent || tecOn == transparent || !strings.Contains(tecDecoration, "underline") {
		t.Errorf("technique layer: background %q when off, %q (%q) when on", tecOff, tecOn, tecDecoration)
	}
	if !strings.Contains(url, "#tec-") || !strings.Contains(evidence, "lexicon: shameful") && !strings.Contains(evidence, "label: criminals") {
		t.Errorf("clicking a technique leads to %s, evidence %q", url, evidence)
	}

	// Open the story from the article.
	var dots, spun int
	var first string
	err = chromedp.Run(ctx,
		chromedp.Click(`//a[contains(., "part of a story")]`, chromedp.BySearch),
		chromedp.WaitVisible(`svg.timeline`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('svg.timeline circle').length`, &dots),
		chromedp.Evaluate(`document.querySelectorAll('#spun .passage.k-spun').length`, &spun),
		chromedp.Text(`h1 + .meta`, &first, chromedp.ByQuery),
		screenshot(t, dir, "story.png"),
	)
	if err != nil {
		t.Fatalf("opening the story: %v", err)
	}
	if dots != 3 || spun != 1 || !strings.Contains(first, "first published by Kessel Wire") {
		t.Errorf("story page: %d timeline dots, %d spun copies, %q; want 3 dots, 1 spun copy, first publisher Kessel Wire", dots, spun, first)
	}

	// The removed boilerplate opens on demand.
	var open bool
	var comments string
	err = chromedp.Run(ctx,
		chromedp.Click(`//table//a[contains(., "Ceasefire holds around Kessel")]`, chromedp.BySearch),
		chromedp.WaitVisible(`details.boilerplate summary`, chromedp.ByQuery),
		chromedp.Click(`details.boilerplate summary`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector('details.boilerplate').open`, &open),
		chromedp.Text(`#comments`, &comments, chromedp.ByQuery),
		screenshot(t, dir, "article.png"),
	)
	if err != nil {
		t.Fatalf("opening the boilerplate: %v", err)
	}
	if !open || !strings.Contains(comments, "Finally some good news") {
		t.Errorf("boilerplate open: %v; comments section: %q", open, comments)
	}
	if p := problems(); len(p) > 0 {
		t.Errorf("the pages reported problems (CSP violations, script errors):\n%s", strings.Join(p, "\n"))
	}
}

func TestBrowserHostileArticleStaysText(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	ctx, problems := browser(t)
	var scripts, imgs, iframes int
	var text string
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/articles/"+hostileID),
		chromedp.WaitVisible(`.article .body`, chromedp.ByQuery),
		chromedp.Click(`details.boilerplate summary`, chromedp.ByQuery),
		chromedp.Sleep(200*time.Millisecond),
		chromedp.Evaluate(`document.querySelectorAll('script').length`, &scripts),
		chromedp.Evaluate(`document.querySelectorAll('main img').length`, &imgs),
		chromedp.Evaluate(`document.querySelectorAll('iframe, main svg[onload]').length`, &iframes),
		chromedp.Text(`.article .body`, &text, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatal(err)
	}
	if scripts != 1 || imgs != 0 || iframes != 0 {
		t.Errorf("scraped markup became elements: %d scripts (want only ours), %d images, %d frames", scripts, imgs, iframes)
	}
	if !strings.Contains(text, `<script>alert("pwned")</script>`) || !strings.Contains(text, "<img src=x onerror=alert(1)>") {
		t.Errorf("scraped markup is not shown as text: %q", text)
	}
	if p := problems(); len(p) > 0 {
		t.Errorf("the page reported problems:\n%s", strings.Join(p, "\n"))
	}
}

func TestBrowserPhoneScreen(t *testing.T) {
	srv, arts := newTestServer(t, Options{})
	ctx, _ := browser(t)
	dir := artifactDir(t)
	for _, p := range []struct{ name, path string }{
		{"phone-search.png", "/search?q=kessel"},
		{"phone-article.png", "/articles/" + arts[1].ID},
		{"phone-story.png", "/stories/" + storyID},
		{"phone-outlet.png", "/outlets/Varno%20Daily"},
	} {
		var scrollWidth, innerWidth int
		err := chromedp.Run(ctx,
			chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile),
			chromedp.Navigate(srv.URL+p.path),
			chromedp.WaitVisible(`main`, chromedp.ByQuery),
			chromedp.Evaluate(`document.documentElement.scrollWidth`, &scrollWidth),
			chromedp.Evaluate(`window.innerWidth`, &innerWidth),
			screenshot(t, dir, p.name),
		)
		if err != nil {
			t.Fatalf("%s: %v", p.path, err)
		}
		if scrollWidth > innerWidth {
			t.Errorf("%s on a phone: page is %d px wide in a %d px screen (scrolls sideways)", p.path, scrollWidth, innerWidth)
		}
	}
}

func TestBrowserClaimPage(t *testing.T) {
	srv, arts := newClaimServer(t)
	ctx, problems := browser(t)
	dir := artifactDir(t)

	// From the nav to the list, filtered to laundered claims, then the claim.
	var rows int
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.Click(`//header//nav/a[.="Claims"]`, chromedp.BySearch),
		chromedp.WaitVisible(`table.claims`, chromedp.ByQuery),
		chromedp.Click(`input[name=laundered]`, chromedp.ByQuery),
		chromedp.Submit(`input[name=laundered]`, chromedp.ByQuery),
		chromedp.WaitVisible(`a.chip`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('table.claims tbody tr').length`, &rows),
		screenshot(t, dir, "claims.png"),
		chromedp.Click(`table.claims a.claim-link`, chromedp.ByQuery),
		chromedp.WaitVisible(`svg.claim-timeline`, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatalf("opening the claim: %v", err)
	}
	if rows != 1 {
		t.Errorf("laundered claims: %d rows, want 1", rows)
	}

	// The timeline: one attributed and one stated-as-fact mention dated
	// (the third is undated), in rows by outlet.
	var attributed, facts, outlets int
	var figure, toFigure, markBg, factBadge, attBadge, url string
	err = chromedp.Run(ctx,
		chromedp.Evaluate(`document.querySelectorAll('svg.claim-timeline a .mark-attributed').length`, &attributed),
		chromedp.Evaluate(`document.querySelectorAll('svg.claim-timeline a .mark-fact').length`, &facts),
		chromedp.Evaluate(`document.querySelectorAll('svg.claim-timeline text.row').length`, &outlets),
		chromedp.Text(`.mention-pair .first-side mark.chg-figure`, &figure, chromedp.ByQuery),
		chromedp.Text(`#mention-2 mark.chg-figure`, &toFigure, chromedp.ByQuery),
		style(`#mention-2 mark.chg-figure`, "background-color", &markBg),
		chromedp.Text(`#mention-2 .badge`, &factBadge, chromedp.ByQuery),
		chromedp.Text(`#mention-1 .badge`, &attBadge, chromedp.ByQuery),
		screenshot(t, dir, "claim.png"),
		// A marker leads to its mention.
		chromedp.Click(`svg.claim-timeline a .mark-fact`, chromedp.ByQuery),
		chromedp.Sleep(200*time.Millisecond),
		chromedp.Location(&url),
	)
	if err != nil {
		t.Fatalf("reading the claim page: %v", err)
	}
	if attributed != 1 || facts != 1 || outlets != 2 {
		t.Errorf("timeline: %d attributed and %d stated-as-fact markers in %d rows; want 1, 1, 2", attributed, facts, outlets)
	}
	if figure != "300" || toFigure != "3,000" || markBg == transparent {
		t.Errorf("marked figure: %q → %q (background %s); want 300 → 3,000, highlighted", figure, toFigure, markBg)
	}
	if !strings.EqualFold(factBadge, "stated as fact") || !strings.EqualFold(attBadge, "attributed") {
		t.Errorf("badges: second mention %q, first %q", factBadge, attBadge)
	}
	if !strings.HasSuffix(url, "#mention-2") {
		t.Errorf("the stated-as-fact marker leads to %s, want #mention-2", url)
	}

	// From the mention to its article, where the claim is marked and
	// links back.
	var claimSpans int
	var back string
	err = chromedp.Run(ctx,
		chromedp.Click(`#mention-2 .meta a[href^="/articles/"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`.article .body`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('.body .cla-fact').length`, &claimSpans),
		chromedp.AttributeValue(`#claims a.thread`, "href", &back, nil, chromedp.ByQuery),
		screenshot(t, dir, "article-claims.png"),
	)
	if err != nil {
		t.Fatalf("opening the mention's article: %v", err)
	}
	if claimSpans != 1 || back != "/claims/"+damClaim(arts) {
		t.Errorf("article page: %d claim spans, thread link %q", claimSpans, back)
	}
	if p := problems(); len(p) > 0 {
		t.Errorf("the pages reported problems (CSP violations, script errors):\n%s", strings.Join(p, "\n"))
	}
}

func TestBrowserHostileClaimStaysText(t *testing.T) {
	srv, arts := newClaimServer(t)
	ctx, problems := browser(t)
	var scripts, imgs int
	var title string
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/claims/"+hostileClaim(arts)),
		chromedp.WaitVisible(`h1.claim-title`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('script').length`, &scripts),
		chromedp.Evaluate(`document.querySelectorAll('main img').length`, &imgs),
		chromedp.Text(`h1.claim-title`, &title, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatal(err)
	}
	if scripts != 1 || imgs != 0 || !strings.Contains(title, `<script>alert("pwned")</script>`) {
		t.Errorf("hostile claim: %d scripts (want only ours), %d images, title %q", scripts, imgs, title)
	}
	if p := problems(); len(p) > 0 {
		t.Errorf("the page reported problems:\n%s", strings.Join(p, "\n"))
	}
}

func TestBrowserClaimPhoneScreen(t *testing.T) {
	srv, arts := newClaimServer(t)
	ctx, _ := browser(t)
	dir := artifactDir(t)
	for _, p := range []struct{ name, path string }{
		{"phone-claims.png", "/claims"},
		{"phone-claim.png", "/claims/" + damClaim(arts)},
	} {
		var scrollWidth, innerWidth int
		err := chromedp.Run(ctx,
			chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile),
			chromedp.Navigate(srv.URL+p.path),
			chromedp.WaitVisible(`main`, chromedp.ByQuery),
			chromedp.Evaluate(`document.documentElement.scrollWidth`, &scrollWidth),
			chromedp.Evaluate(`window.innerWidth`, &innerWidth),
			screenshot(t, dir, p.name),
		)
		if err != nil {
			t.Fatalf("%s: %v", p.path, err)
		}
		if scrollWidth > innerWidth {
			t.Errorf("%s on a phone: page is %d px wide in a %d px screen (scrolls sideways)", p.path, scrollWidth, innerWidth)
		}
	}
}

func TestBrowserEntityPage(t *testing.T) {
	srv := newCrowdServer(t)
	ctx, problems := browser(t)
	dir := artifactDir(t)
	for _, screen := range []struct {
		name          string
		width, height int64
		mobile        bool
	}{{"entity.png", 1280, 900, false}, {"phone-entity.png", 390, 844, true}} {
		var bars, nodes, outside, scrollWidth, innerWidth int
		var meta, dest string
		emulate := chromedp.EmulateViewport(screen.width, screen.height)
		if screen.mobile {
			emulate = chromedp.EmulateViewport(screen.width, screen.height, chromedp.EmulateScale(2), chromedp.EmulateMobile)
		}
		err := chromedp.Run(ctx,
			emulate,
			chromedp.Navigate(srv.URL+"/entities"),
			chromedp.Click(`//a[.="Kessel"]`, chromedp.BySearch),
			chromedp.WaitVisible(`svg.graph`, chromedp.ByQuery),
			chromedp.Evaluate(`document.querySelectorAll('#over-time svg.bars rect').length`, &bars),
			chromedp.Evaluate(`document.querySelectorAll('svg.graph text.node').length`, &nodes),
			// Every label drawn inside the graph's box, as the browser lays it out.
			chromedp.Evaluate(`(() => { const svg = document.querySelector('svg.graph').getBoundingClientRect(); let n = 0;
				document.querySelectorAll('svg.graph text').forEach(t => { const r = t.getBoundingClientRect();
					if (r.left < svg.left - 1 || r.right > svg.right + 1 || r.top < svg.top - 1 || r.bottom > svg.bottom + 1) n++; });
				return n; })()`, &outside),
			chromedp.Evaluate(`document.documentElement.scrollWidth`, &scrollWidth),
			chromedp.Evaluate(`window.innerWidth`, &innerWidth),
			chromedp.Text(`h1 + .meta`, &meta, chromedp.ByQuery),
			screenshot(t, dir, screen.name),
		)
		if err != nil {
			t.Fatalf("%s: %v", screen.name, err)
		}
		if bars != 8 {
			t.Errorf("%s: %d bars in the mentions chart, want 8 (one a day, 2 to 9 March)", screen.name, bars)
		}
		if nodes != maxGraphNodes || outside != 0 {
			t.Errorf("%s: %d neighbours drawn (want %d), %d labels outside the graph", screen.name, nodes, maxGraphNodes, outside)
		}
		if scrollWidth > innerWidth {
			t.Errorf("%s: page is %d px wide in a %d px window (scrolls sideways)", screen.name, scrollWidth, innerWidth)
		}
		if !strings.Contains(meta, "mentions in 6 articles") {
			t.Errorf("%s: meta %q", screen.name, meta)
		}
		// A neighbour leads to its own page.
		err = chromedp.Run(ctx,
			chromedp.Click(`svg.graph a[href="/entities/Mara%20Olsen"] circle`, chromedp.ByQuery),
			chromedp.WaitVisible(`h1`, chromedp.ByQuery),
			chromedp.Text(`h1`, &dest, chromedp.ByQuery),
		)
		if err != nil {
			t.Fatalf("%s: following a neighbour: %v", screen.name, err)
		}
		if !strings.HasPrefix(dest, "Mara Olsen") {
			t.Errorf("%s: the Mara Olsen node leads to %q", screen.name, dest)
		}
	}
	if p := problems(); len(p) > 0 {
		t.Errorf("the pages reported problems (CSP violations, script errors):\n%s", strings.Join(p, "\n"))
	}
}

package web

import (
	"io"
	"log"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
)

// TestUnknownOutletAndDateAreSaid: an article stored with no outlet and no
// date says so on its page and in the listing, and the home page counts
// such articles.
func TestUnknownOutletAndDateAreSaid(t *testing.T) {
	var loose *sift.Article
	db, _ := fixtureWith(t, func(arts []*sift.Article) []*sift.Article {
		loose = &sift.Article{Source: "scrape.txt", Title: "Ferry runs again", Text: "The ferry to Kessel Island ran again on Tuesday.",
			Language: "en", Analyzer: map[string]string{"test": "1"}}
		loose.ID = sift.ArticleID("", loose.Text)
		return append(arts, loose)
	})
	opt := Options{Pipeline: &analyze.Pipeline{}, ErrorLog: log.New(io.Discard, "", 0)}
	srv := httptest.NewServer(New(db, opt))
	defer srv.Close()

	_, body := get(t, srv, "/articles/"+loose.ID)
	meta := body[strings.Index(body, `<p class="meta">`):]
	meta = meta[:strings.Index(meta, "</p>")]
	if !strings.Contains(meta, "outlet unknown") || !strings.Contains(meta, "date unknown") || strings.Contains(meta, `href="/outlets/"`) {
		t.Errorf("article meta does not say what is unknown: %s", meta)
	}
	_, body = get(t, srv, "/")
	if !strings.Contains(body, "1 article with outlet unknown") || !strings.Contains(body, "1 article with date unknown") {
		t.Error("the home page does not count the articles with no outlet or date")
	}
	if !strings.Contains(body, `<span class="unknown">outlet unknown</span>`) {
		t.Error("the listing does not say the outlet is unknown")
	}
}

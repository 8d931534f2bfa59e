package sqlite

import (
	"context"
	"testing"

	"github.com/sift-news/sift"
)

// withEntities returns an article mentioning the given canonical names,
// each with the given type and text.
func withEntities(outlet, text string, ents ...sift.Entity) *sift.Article {
	a := article(outlet, "title", text, "2018-09-08")
	a.Entities = ents
	return a
}

func ent(text, typ, canonical, role string) sift.Entity {
	return sift.Entity{Span: sift.Span{Start: 0, End: len(text), Text: text}, Type: typ, Canonical: canonical, Role: role}
}

func TestEntities(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	arts := []*sift.Article{
		withEntities("a", "first text about talks",
			ent("Sergei Lavrov", sift.PERSON, "Sergey Lavrov", "foreign minister"), ent("Lavrov", sift.PERSON, "Sergey Lavrov", "foreign minister"),
			ent("Idlib", sift.LOC, "Idlib", ""), ent("HTS", sift.ORG, "Hayat Tahrir al-Sham", "")),
		withEntities("b", "second text about talks",
			ent("Sergey Lavrov", sift.PERSON, "Sergey Lavrov", ""), ent("Idlib", sift.LOC, "Idlib", "")),
		withEntities("c", "third text about fighting",
			ent("Idlib", sift.LOC, "Idlib", ""), ent("Lavrov", sift.ORG, "Sergey Lavrov", ""), ent("TASS", sift.ORG, "TASS", "")),
	}
	for _, a := range arts {
		if _, err := db.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.Entities(ctx, sift.EntityQuery{Related: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 {
		t.Fatalf("got %d entities, want 4: %+v", len(got), got)
	}
	// Idlib and Lavrov are in three articles; Idlib has fewer mentions.
	if got[0].Canonical != "Sergey Lavrov" || got[0].Mentions != 4 || got[0].Articles != 3 || got[0].Type != sift.PERSON {
		t.Errorf("first = %+v, want Sergey Lavrov PERSON, 4 mentions in 3 articles", got[0])
	}
	if got[1].Canonical != "Idlib" || got[1].Mentions != 3 || got[1].Articles != 3 {
		t.Errorf("second = %+v, want Idlib, 3 mentions in 3 articles", got[1])
	}
	if len(got[0].Roles) != 1 || got[0].Roles[0] != "foreign minister" {
		t.Errorf("roles = %v", got[0].Roles)
	}
	if len(got[0].Names) != 3 || got[0].Names[0] != "Lavrov" {
		t.Errorf("names = %v, want Lavrov first of 3", got[0].Names)
	}
	if len(got[0].Related) != 2 || got[0].Related[0] != (sift.EntityCount{Canonical: "Idlib", Articles: 3}) {
		t.Errorf("related = %+v, want Idlib (3) first", got[0].Related)
	}

	orgs, err := db.Entities(ctx, sift.EntityQuery{Type: sift.ORG})
	if err != nil {
		t.Fatal(err)
	}
	if len(orgs) != 2 || orgs[0].Canonical != "Hayat Tahrir al-Sham" && orgs[0].Canonical != "TASS" {
		t.Errorf("ORG entities = %+v, want HTS and TASS (not Lavrov, mostly PERSON)", orgs)
	}
	named, err := db.Entities(ctx, sift.EntityQuery{Name: "lavr", Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(named) != 1 || named[0].Canonical != "Sergey Lavrov" || len(named[0].Related) != 0 {
		t.Errorf("by name = %+v", named)
	}
}

var _ sift.EntityStore = (*DB)(nil)

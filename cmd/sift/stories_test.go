package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Articles written for this test: a wire report, a spun copy of it and an
// unrelated event of the same kind.
const (
	wireReport = `Convoy reaches Orlen after bridge repairs

The ministry of transport announced on Tuesday that its engineers had finished clearing the old river bridge near Orlen, allowing the first convoy of trucks with flour and medicine to cross since the spring floods cut the road.

Local officials said the convoy of forty vehicles reached the market square of Orlen by noon and that volunteers began unloading sacks while residents waited behind a rope line set up by the police.

A spokesman for the regional governor said that Russia would send a second convoy next week if the weather held, and that Russia had also offered to repair the damaged water station on the eastern bank of the Vell.
`
	otherEvent = `Floods cut rail line to Kessel

Heavy rain on Friday flooded the railway cutting outside Kessel, stranding two passenger trains and forcing the rail operator to suspend all services to the coastal city until the water recedes.

Engineers from the rail operator said pumps had been brought from Varno but that the embankment near the Kessel tunnel would need inspection before trains could run again.
`
)

func TestStoriesLinkAcrossIngestRuns(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	wire := write("wire.txt", wireReport)
	spun := write("spun.txt", strings.ReplaceAll(strings.ReplaceAll(wireReport, "Russia", "the Russian Federation"), "damaged", "destroyed"))
	other := write("other.txt", otherEvent)

	// Three ingest runs, three processes: each continues from the link
	// state the previous one stored.
	for _, in := range []struct{ path, outlet string }{{wire, "Wire"}, {spun, "Spinner"}, {other, "Daily"}} {
		if _, e, code := run(t, "", "ingest", "--db", db, "--outlet", in.outlet, "--quiet", in.path); code != 0 {
			t.Fatalf("ingest %s: exit %d: %s", in.path, code, e)
		}
	}
	out, e, code := run(t, "", "stories", "--db", db, "--format", "json")
	if code != 0 {
		t.Fatalf("stories exit %d: %s", code, e)
	}
	storyOf := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var s struct {
			ID       string   `json:"id"`
			Title    string   `json:"title"`
			Outlets  []string `json:"outlets"`
			Articles []struct {
				ID     string `json:"id"`
				Source string `json:"source"`
				Outlet string `json:"outlet"`
			} `json:"articles"`
		}
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatalf("%v: %s", err, sc.Text())
		}
		if s.ID == "" || s.Title == "" || len(s.Articles) == 0 {
			t.Errorf("incomplete story: %s", sc.Text())
		}
		for _, a := range s.Articles {
			if a.ID == "" || a.Outlet == "" {
				t.Errorf("incomplete story article: %s", sc.Text())
			}
			storyOf[a.Source] = s.ID
		}
	}
	if len(storyOf) != 3 {
		t.Fatalf("stories list %d articles, want 3:\n%s", len(storyOf), out)
	}
	if storyOf[wire] != storyOf[spun] {
		t.Errorf("the spun copy is not in its source's story:\n%s", out)
	}
	if storyOf[wire] == storyOf[other] {
		t.Errorf("an unrelated event joined the convoy story:\n%s", out)
	}

	text, e, code := run(t, "", "stories", "--db", db)
	if code != 0 {
		t.Fatalf("stories exit %d: %s", code, e)
	}
	for _, want := range []string{"Convoy reaches Orlen", "Spinner", `"Russia" → "the Russian Federation"`, `"damaged" → "destroyed"`} {
		if !strings.Contains(text, want) {
			t.Errorf("text output lacks %q:\n%s", want, text)
		}
	}
}

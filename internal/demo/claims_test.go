package demo

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/sift-news/sift/internal/analyze"
)

// TestClaimsManifest checks that claims.tsv, the list of claim mutations
// planted in the corpus, agrees with the corpus: known kinds, files in the
// manifest, every phrase in the cleaned body (not in noise or comments) of
// its file, the earlier file published before the later one, and each kind
// planted at least twice.
func TestClaimsManifest(t *testing.T) {
	es, err := Corpus()
	if err != nil {
		t.Fatal(err)
	}
	text, published := map[string]string{}, map[string]string{}
	for _, e := range es {
		name := strings.TrimPrefix(e.Document.Source, "demo/")
		a, err := analyze.Clean(e.Document, false)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		text[name], published[name] = a.Text, e.Document.Published
	}
	f, err := os.Open("claims.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	kinds := map[string]int{"figure": 0, "hedge_dropped": 0, "attribution_dropped": 0, "actor_renamed": 0}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 5 {
			t.Errorf("claims.tsv:%d: %d fields, want 5", n, len(c))
			continue
		}
		kind, early, earlyPhrase, late, latePhrase := c[0], c[1], c[2], c[3], c[4]
		if _, ok := kinds[kind]; !ok {
			t.Errorf("claims.tsv:%d: unknown kind %q", n, kind)
		}
		kinds[kind]++
		for _, fp := range [][2]string{{early, earlyPhrase}, {late, latePhrase}} {
			body, ok := text[fp[0]]
			if !ok {
				t.Errorf("claims.tsv:%d: %s is not in the corpus manifest", n, fp[0])
				continue
			}
			if fp[1] == "" || !strings.Contains(body, fp[1]) {
				t.Errorf("claims.tsv:%d: %q not in the cleaned body of %s", n, fp[1], fp[0])
			}
		}
		if pe, pl := published[early], published[late]; pe == "" || pl == "" || pe >= pl {
			t.Errorf("claims.tsv:%d: %s (%s) is not published before %s (%s)", n, early, pe, late, pl)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for k, c := range kinds {
		if c < 2 {
			t.Errorf("kind %s planted %d times, want at least 2", k, c)
		}
	}
}

package quote

import (
	"github.com/sift-news/sift/internal/cputime"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sift-news/sift"
)

// syntheticArticle is a news-style article of about 4 KB made of the
// sentences of this package's tests.
func syntheticArticle() string {
	parts := []string{
		"MOSCOW – The army will withdraw from the border by Friday, the Defense Ministry said in a statement.",
		"Foreign Minister Ivan Petrov said that the talks would resume next week. He noted that both sides had agreed on a ceasefire.",
		"“We will not leave the valley,” Petrov said on Monday, according to TASS.",
		"\"The talks failed,\" said Maria Lind, a spokeswoman for the council.",
		"Colonel Anna Berg told reporters that the convoy had been attacked twice, cited by Sputnik.",
		"The so-called “liberation” of the town left residents without water, and prices rose by a third in a month.",
		"“We have no other plan,” the foreign minister noted. “There is no alternative,” the FM stated.",
		"As reported by PressTV, the army is moving north. “The column left at dawn,” Berg said.",
		"Earlier, RIA cited Deputy Minister Oleg Sokolov who said that the supplies had arrived.",
		"Relations between the two capitals remain tense after a month of shelling along the river.",
	}
	var b strings.Builder
	for b.Len() < 4000 {
		for _, p := range parts {
			b.WriteString(p)
			b.WriteString("\n\n")
		}
	}
	return strings.TrimSpace(b.String())
}

// BenchmarkStage measures the quotes stage on a 4 KB article (target: at
// least 1,000 articles per second per core).
func BenchmarkStage(b *testing.B) {
	text := syntheticArticle()
	s := NewStage()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu := cputime.Seconds()
	for b.Loop() {
		a := &sift.Article{Text: text}
		s.Apply(a)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	reportCPU(b, cpu, b.N)
}

// reportCPU adds articles per CPU second when the process CPU time is
// known: with -cpu 1 this is the throughput of one core even when other
// processes share the machine.
func reportCPU(b *testing.B, start float64, n int) {
	if start < 0 {
		return
	}
	if used := cputime.Seconds() - start; used > 0 {
		b.ReportMetric(float64(n)/used, "articles/cpu-s")
	}
}

// BenchmarkSeeds measures the stage on the five real seed articles.
func BenchmarkSeeds(b *testing.B) {
	texts := seeds(b)
	s := NewStage()
	n := 0
	cpu := cputime.Seconds()
	for b.Loop() {
		for _, t := range texts {
			a := &sift.Article{Text: t}
			s.Apply(a)
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
	reportCPU(b, cpu, n)
}

// FuzzExtract checks that any text gives valid, sorted spans whose text
// matches the article, and never panics.
func FuzzExtract(f *testing.F) {
	f.Add(syntheticArticle())
	f.Add("“Unclosed quote, he said.\n\n“Next paragraph”")
	f.Add("\"\"\" '' `` ” “ ― X said: \" according to , said , told that")
	f.Add("A: b\n\nC said that d, according to E, cited by F. G quoted H. I cited J who said k.")
	f.Add("that\"”.")
	f.Add("as\ncite by s")
	f.Add("Ünal Çelik — «Ça va», écrit-il — said: “Überall ist Krieg.” Then Şahin stated that prices rose 5 €.")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		checkOffsets(t, text, Extract(text, nil))
	})
}

// BenchmarkLongText checks that a 400 KB text (a hundred articles pasted
// together) costs about a hundred articles, not more: the stage is linear.
func BenchmarkLongText(b *testing.B) {
	text := strings.Repeat(syntheticArticle()+"\n\n", 100)
	s := NewStage()
	cpu := cputime.Seconds()
	for b.Loop() {
		s.Apply(&sift.Article{Text: text})
	}
	reportCPU(b, cpu, b.N*100)
}

// TestRandomTexts runs the extractor over texts made of random pieces that
// stress it (quote marks of every kind, cue words, names, titles, source
// phrases, paragraph breaks): spans must stay valid and nothing may panic.
// The fuzz test explores further; this keeps the same guarantee in every
// plain `go test` run.
func TestRandomTexts(t *testing.T) {
	pieces := []string{"“", "”", "\"", "''", "‘", "’", ",", ".", ":", "\n", "\n\n", " said", " told",
		" according to", " cited by", " Lavrov", " Ivan Petrov", " the", " FM", " he", " who", " that",
		" (", ")", " as", " reported", " by", " Sputnik", " quoted", " citing", " claim", "’s",
		" Major General", " of", " —", " ―", " times", " several", " was", " is", " A", " B", " x",
		" In", " on", " Monday", " «", "»", " Ünal", " é", "WALLACE:"}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		for n := r.Intn(300); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		text := b.String()
		// Every other text gets random entities, as a careless entity
		// stage might produce (overlapping, any type, any role).
		var ents []sift.Entity
		if n := utf8.RuneCountInString(text); i%2 == 1 && n > 0 {
			runes := []rune(text)
			types := []string{sift.PERSON, sift.ORG, sift.LOC, sift.MISC, ""}
			for k := r.Intn(8); k > 0; k-- {
				st := r.Intn(n)
				en := st + 1 + r.Intn(min(12, n-st))
				ents = append(ents, sift.Entity{Span: sift.Span{Start: st, End: en, Text: string(runes[st:en])},
					Type: types[r.Intn(len(types))], Canonical: string(runes[st:en]), Role: []string{"", "foreign minister", "fm"}[r.Intn(3)]})
			}
		}
		func() {
			defer func() {
				if e := recover(); e != nil {
					t.Fatalf("panic %v on %q with entities %v", e, text, ents)
				}
			}()
			checkOffsets(t, text, Extract(text, ents))
		}()
	}
}

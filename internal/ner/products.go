package ner

import "strings"

// Cues of stage version 8 for products and works, other names (MISC) in
// CoNLL-2003 and in 2020s news: drugs, tokens, phones, games, films,
// albums. They count in the vote of a name's mentions (see cue) as the
// company cues do for organisations.

// productNouns say what kind of product or work a name is, right before
// it ("the stablecoin TSD", "dengue shot Dengavir", "their single " Paper
// Moon "") or in apposition ("Hollowspire, a co-operative climbing game",
// "the group's third album, Afterlight").
var productNouns = wordSet(`vaccine vaccines drug drugs pill jab shot stablecoin token coin
	cryptocurrency memecoin album single song songs film movie documentary novel memoir game handset
	smartphone phone console chatbot`)

// isProductHead reports a kind of product at token j that heads its
// phrase: the phrase ends after it ("a climbing game from Tallinn", "a
// game made by"), not "the vaccine alliance".
func isProductHead(ws []word, j int) bool {
	if j < 0 || j >= len(ws) || !productNouns[ws[j].lower] || ws[j].cap {
		return false
	}
	if j+1 == len(ws) || !isLowerWord(ws[j+1].form) {
		return true
	}
	next := ws[j+1].lower
	return notNounAfter[next] || participles[next] || strings.HasSuffix(next, "ed")
}

// participles are irregular past participles that may follow a noun
// heading its phrase ("a game made by", "a drug sold in").
var participles = wordSet(`made built sold written run owned known grown drawn shown taken given`)

// productSoldAs are the verbs of "sold as X", "marketed as X".
var productSoldAs = wordSet(`sold marketed branded rebranded`)

// productContext reports the context of a product or work around name
// sp: a kind of product before it, with or without a comma or an
// opening quote ("the stablecoin TSD", "its album, Afterlight", "single
// " Paper Moon ""), in apposition after it ("X, a climbing game"), or
// after "sold as".
func productContext(ws []word, sp span) bool {
	at := func(i int) string {
		if i < 0 || i >= len(ws) {
			return ""
		}
		return ws[i].lower
	}
	p := sp.start - 1
	if at(p) == `"` || at(p) == "," {
		p--
	}
	if p >= 0 && productNouns[at(p)] && !ws[p].cap && at(sp.end) != "'s" {
		return true
	}
	if at(sp.start-1) == "as" && productSoldAs[at(sp.start-2)] {
		return true
	}
	e := sp.end
	if at(e) == "," {
		k := e + 1
		if a := at(k); a == "a" || a == "an" || a == "the" || a == "its" || a == "their" {
			for j := k + 1; j <= k+4 && j < len(ws); j++ {
				if isProductHead(ws, j) {
					return true
				}
				if !ws[j].alpha || corpNouns[ws[j].lower] || ws[j].lower == "of" {
					break
				}
			}
		}
	}
	return false
}

// theInNames puts back into a name the "The" written with a capital
// inside a sentence right before it: "ran The Drover 's Rest", "for The
// Holdovers", ", The Salt Ledger" (titles of works, outlets, pubs): after
// a word in lower case or a comma, not at the start of a sentence, a
// quote or an item of a list, where any sentence starts with "The".
func theInNames(ws []word, tags []int) {
	found := false
	for i := 1; i < len(ws) && !found; i++ {
		found = ws[i].form == "The" && tags[i] == tagO
	}
	if !found {
		return // no names to list
	}
	for _, sp := range spans(tags) {
		i := sp.start - 1
		if i < 1 || ws[i].form != "The" || tags[i] != tagO {
			continue
		}
		if prev := ws[i-1].form; prev != "," && !isLowerWord(prev) {
			continue
		}
		setSpan(tags, i, sp.end, typeIndex(sp.typ))
	}
}

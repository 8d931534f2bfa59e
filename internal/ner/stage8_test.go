package ner

import (
	"testing"

	"github.com/sift-news/sift"
)

// Texts written for these tests; the names in them are invented.

// TestNamesDefinedByAnAcronym: a name an acronym in brackets defines is
// found whole, with the small words inside it, and is an organisation
// with its acronym, even where the tagger cut it up or took it for a
// person.
func TestNamesDefinedByAnAcronym(t *testing.T) {
	text := "The Front for the Defence of Velmora ( FDV ) , a group that has fought the army since 2012 , denied it .\n" +
		"Voters in the east backed Chama cha Wakulima na Mafundi ( CHAWAMA ) on Sunday .\n" +
		"In Krakow , Ruch Wolnych Ludzi ( RWL ) , which has four deputies , walked out .\n" +
		"The Tamsar Valley Makkal Sangam ( TVMS ) won two seats ."
	ents := NewStage().Entities(text)
	checkOffsets(t, text, ents)
	for name, typ := range map[string]string{
		"Front for the Defence of Velmora": sift.ORG,
		"FDV":                              sift.ORG,
		"Chama cha Wakulima na Mafundi":    sift.ORG,
		"Ruch Wolnych Ludzi":               sift.ORG,
		"Tamsar Valley Makkal Sangam":      sift.ORG,
	} {
		wantType(t, ents, name, typ)
	}
}

// TestProductsByTheirKind: a name the tagger never saw, introduced as a
// kind of product or work (a drug, a token, a game, an album), is an
// other name (MISC) in every mention, not a person or a company.
func TestProductsByTheirKind(t *testing.T) {
	text := "Regulators approved the malaria pill Quenvira on Tuesday.\n" +
		"Quenvira will be made in Pune.\n" +
		"Trading in the token Zarbit was halted after Zarbit fell 40 percent.\n" +
		"Glimmerdeep , a puzzle game made by four students , sold a million copies. Glimmerdeep costs ten dollars."
	ents := NewStage().Entities(text)
	checkOffsets(t, text, ents)
	for _, name := range []string{"Quenvira", "Zarbit", "Glimmerdeep"} {
		wantType(t, ents, name, sift.MISC)
	}
}

// TestKnownCompaniesWithoutACue: the companies and platforms of today's
// news that the 1996 training data never had are organisations even
// where nothing around them says so ("at Samsung", "on TikTok", "than
// Tesla"), and are found when the tagger misses them.
func TestKnownCompaniesWithoutACue(t *testing.T) {
	text := "Orla Fenwick left a job at Samsung in 2021 to found a school.\n" +
		"The carmaker from Shenzhen sold more cars than Tesla last quarter.\n" +
		"The clip was shared on TikTok and Instagram by thousands of students."
	ents := NewStage().Entities(text)
	checkOffsets(t, text, ents)
	for _, name := range []string{"Samsung", "Tesla", "TikTok", "Instagram"} {
		wantType(t, ents, name, sift.ORG)
	}
}

// TestLanguagesAreOtherNames: a language is an other name (MISC), also
// where its context reads like a place's ("in Swahili") or a list of
// people's.
func TestLanguagesAreOtherNames(t *testing.T) {
	text := "Speaking in Swahili outside the court , Wanjala Okeyo thanked his lawyers .\n" +
		"The app now reads Yoruba , Hausa and Igbo , and will add Amharic next year ."
	ents := NewStage().Entities(text)
	checkOffsets(t, text, ents)
	for _, name := range []string{"Swahili", "Yoruba", "Hausa", "Igbo", "Amharic"} {
		wantType(t, ents, name, sift.MISC)
	}
}

// TestTownsAfterInArePlaces: a town the 1996 training data knows mostly
// as a football club is a place after "in" in a sentence that is no
// result.
func TestTownsAfterInArePlaces(t *testing.T) {
	text := "Floods hit homes across Reading and Slough ."
	ents := NewStage().Entities(text)
	checkOffsets(t, text, ents)
	wantType(t, ents, "Reading", sift.LOC)
}

// TestRegionBeforeItsKind: a name before "county", "province" or
// "district" in lower case is a place.
func TestRegionBeforeItsKind(t *testing.T) {
	text := "Nyandoro wins again .\n" +
		"Authorities in Pakistan 's Nyandoro province closed schools .\n" +
		"The Nyandoro government said so ."
	ents := NewStage().Entities(text)
	checkOffsets(t, text, ents)
	wantType(t, ents, "Nyandoro", sift.LOC)
}

// TestTheInsideNames: "The" written with a capital inside a sentence,
// right before a name, is part of it (a title, an outlet).
func TestTheInsideNames(t *testing.T) {
	text := "Film awards announced\n" +
		"Mara Quell won best actress for The Lantern Keepers on Sunday .\n" +
		"His second novel , The Tin Orchard , follows three sisters ."
	ents := NewStage().Entities(text)
	checkOffsets(t, text, ents)
	for _, name := range []string{"The Lantern Keepers", "The Tin Orchard"} {
		if len(typesOf(ents, name)) == 0 {
			t.Errorf("%q not found in %v", name, ents)
		}
	}
	wantType(t, ents, "The Tin Orchard", sift.MISC)
}

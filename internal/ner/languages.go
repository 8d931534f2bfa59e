package ner

// Languages are other names (MISC) in CoNLL-2003 ("English", "Arabic")
// and in 2020s news; the tagger knows those of 1996 news and guesses the
// rest from their context, where "in Swahili" reads like a place and
// "Yoruba , Hausa , Igbo" like people. Since stage version 8 a one-word
// name that is a language is MISC.

// languages are languages of the world's news, written for this project
// (languages named like their people or country, "French", "Turkish",
// come out MISC through the tagger and the demonym rule already).
var languages = wordSet(`hindi bengali bangla marathi kannada tamil telugu malayalam gujarati punjabi
	urdu odia assamese sindhi nepali sinhala swahili kiswahili amharic tigrinya oromo somali yoruba
	hausa igbo zulu xhosa sesotho setswana shona kinyarwanda kirundi luganda lingala wolof fula
	fulani afrikaans khmer lao thai vietnamese tagalog filipino cebuano ilocano bahasa malay javanese
	sundanese burmese pashto dari farsi persian kurdish kurmanji sorani arabic hebrew aramaic
	turkish azerbaijani azeri kazakh uzbek kyrgyz tajik turkmen tatar mongolian tibetan uyghur
	mandarin cantonese hakka hokkien japanese korean georgian armenian albanian greek catalan basque
	galician occitan breton welsh gaelic irish scots maltese icelandic faroese greenlandic sami
	finnish estonian latvian lithuanian hungarian romanian moldovan bulgarian macedonian serbian
	croatian bosnian slovene slovenian slovak czech polish ukrainian belarusian russian yiddish
	esperanto latin sanskrit quechua aymara nahuatl mayan creole papiamento maori samoan
	tongan fijian hawaiian inuktitut cherokee navajo`)

// typeLanguages tags a one-word name that is a language as MISC, and a
// capitalised language word the tagger left untagged inside a sentence.
func typeLanguages(d *document, tags [][]int) {
	for si, ws := range d.sents {
		t := tags[si]
		for i, w := range ws {
			if !w.cap || w.upper || !languages[w.lower] || i+1 == len(ws) || ws[i+1].form == "/" {
				// "( Czech" ending a line before "Republic )", or "Czech /
				// Republic": a country's name broken by a line.
				continue
			}
			switch {
			case t[i] == tagO && i > 0 && !(i+1 < len(ws) && ws[i+1].cap):
				setSpan(t, i, i+1, typeMISC)
			case tagPos(t[i]) == 'U' && entityType(t[i]) != "MISC":
				setSpan(t, i, i+1, typeMISC)
			}
		}
	}
}

package quote

import "strings"

// The word lists below drive the rule-based extractor. The cue verbs were
// chosen by hand from the reporting verbs of English news style and checked
// against the frequency of cue words in PolNeAR's training split (Newell et
// al., LREC 2018); no text of the corpus is kept here.

// cueVerbs are the inflected verb forms that introduce speech or a stated
// position. The value tells whether the verb is strong (speech proper,
// enough to make a statement on its own) or weak (belief or position verbs
// that only count with a subject and a that-clause).
var cueVerbs = func() map[string]cueStrength {
	m := map[string]cueStrength{}
	strong := []string{
		"say", "says", "said", "saying",
		"state", "states", "stated", "stating",
		"note", "notes", "noted", "noting",
		"add", "adds", "added", "adding",
		"tell", "tells", "told", "telling",
		"claim", "claims", "claimed", "claiming",
		"warn", "warns", "warned", "warning",
		"insist", "insists", "insisted", "insisting",
		"argue", "argues", "argued", "arguing",
		"explain", "explains", "explained", "explaining",
		"stress", "stresses", "stressed", "stressing",
		"emphasize", "emphasizes", "emphasized", "emphasizing",
		"emphasise", "emphasises", "emphasised", "emphasising",
		"underline", "underlines", "underlined", "underlining",
		"announce", "announces", "announced", "announcing",
		"confirm", "confirms", "confirmed", "confirming",
		"report", "reports", "reported", "reporting",
		"write", "writes", "wrote", "writing",
		"tweet", "tweets", "tweeted", "tweeting",
		"declare", "declares", "declared", "declaring",
		"assert", "asserts", "asserted", "asserting",
		"acknowledge", "acknowledges", "acknowledged", "acknowledging",
		"admit", "admits", "admitted", "admitting",
		"deny", "denies", "denied", "denying",
		"suggest", "suggests", "suggested", "suggesting",
		"recall", "recalls", "recalled", "recalling",
		"reply", "replies", "replied", "replying",
		"respond", "responds", "responded", "responding",
		"answer", "answers", "answered",
		"ask", "asks", "asked",
		"urge", "urges", "urged", "urging",
		"reiterate", "reiterates", "reiterated", "reiterating",
		"predict", "predicts", "predicted", "predicting",
		"promise", "promises", "promised", "promising",
		"pledge", "pledges", "pledged", "pledging",
		"vow", "vows", "vowed", "vowing",
		"allege", "alleges", "alleged", "alleging",
		"complain", "complains", "complained", "complaining",
		"concede", "concedes", "conceded", "conceding",
		"contend", "contends", "contended", "contending",
		"remark", "remarks", "remarked",
		"comment", "comments", "commented",
		"mention", "mentions", "mentioned",
		"reveal", "reveals", "revealed", "revealing",
		"disclose", "discloses", "disclosed",
		"conclude", "concludes", "concluded", "concluding",
		"indicate", "indicates", "indicated", "indicating",
		"estimate", "estimates", "estimated",
		"testify", "testifies", "testified",
		"accuse", "accuses", "accused",
		"quote", "quotes", "quoted", "quoting",
		"cite", "cites", "cited", "citing",
		"post", "posted",
		"email", "emailed",
		"joke", "joked",
		"boast", "boasted",
		"lament", "lamented",
		"observe", "observed",
		"caution", "cautioned",
		"point", "pointed", // "pointed out"
	}
	weak := []string{
		"continued", "continues",
		"believe", "believes", "believed",
		"think", "thinks", "thought",
		"hope", "hopes", "hoped",
		"fear", "fears", "feared",
		"agree", "agrees", "agreed",
		"expect", "expects",
		"feel", "feels", "felt",
		"know", "knows", "knew",
		"worry", "worries", "worried",
		"want", "wants", "wanted",
		"doubt", "doubts", "doubted",
		"wonder", "wonders", "wondered",
		"contest", "contests", "contested",
		"show", "shows", "showed", "shown",
		"find", "finds", "found",
	}
	// Verbs of stance and action on others' words: counted with a named
	// or pronoun subject and something after them ("Trump attacked the
	// deal", "Clinton called for a ban").
	position := []string{
		"call", "calls", "called", "calling",
		"describe", "describes", "described", "describing",
		"endorse", "endorses", "endorsed", "endorsing",
		"criticize", "criticizes", "criticized", "criticizing",
		"criticise", "criticises", "criticised", "criticising",
		"decline", "declines", "declined",
		"refuse", "refuses", "refused",
		"seek", "seeks", "sought",
		"support", "supports", "supported",
		"offer", "offers", "offered",
		"propose", "proposes", "proposed",
		"defend", "defends", "defended",
		"oppose", "opposes", "opposed",
		"praise", "praises", "praised",
		"attack", "attacks", "attacked",
		"question", "questions", "questioned", "questioning",
		"reject", "rejects", "rejected",
		"denounce", "denounces", "denounced", "denouncing",
		"blame", "blames", "blamed",
		"blast", "blasts", "blasted",
		"dismiss", "dismisses", "dismissed",
		"condemn", "condemns", "condemned",
		"decry", "decries", "decried",
		"rail", "railed",
		"mock", "mocks", "mocked",
		"slam", "slams", "slammed",
		"tout", "touts", "touted",
		"echo", "echoes", "echoed",
		"challenge", "challenges", "challenged",
		"charge", "charges", "charged",
		"express", "expresses", "expressed",
		"voice", "voices", "voiced",
		"demand", "demands", "demanded", "demanding",
		"request", "requests", "requested",
		"encourage", "encourages", "encouraged",
		"threaten", "threatens", "threatened",
		"portray", "portrays", "portrayed",
		"plan", "plans", "planned",
		"recommend", "recommends", "recommended",
		"welcome", "welcomes", "welcomed",
		"applaud", "applauds", "applauded",
		"thank", "thanks", "thanked",
		"discuss", "discusses", "discussed",
		"unveil", "unveils", "unveiled",
		"outline", "outlines", "outlined",
	}
	position = append(position, strings.Fields(`defending encouraging criticizing attacking rejecting
		blaming praising proposing supporting opposing mocking slamming touting echoing challenging
		charging expressing threatening planning seeking offering refusing declining dismissing
		condemning requesting recommending welcoming discussing blasting decrying railing voicing
		endorsing accusing`)...)
	for _, w := range position {
		m[w] = positionCue
	}
	for _, w := range weak {
		m[w] = weakCue
	}
	for _, w := range strong {
		m[w] = strongCue
	}
	return m
}()

type cueStrength uint8

const (
	positionCue cueStrength = iota + 1
	weakCue
	strongCue
)

// needsParticle lists cue verbs that only count when followed by a word
// ("pointed out").
var needsParticle = map[string]string{"point": "out", "pointed": "out"}

// pronouns that can stand for a speaker, with their gender ('m', 'f') or
// 'p' for plural and organisations, 'n' for neutral.
var pronouns = map[string]byte{
	"he": 'm', "she": 'f', "they": 'p', "it": 'n', "we": 'p', "i": 'n', "who": 'w', "which": 'w',
	"he's": 'm', "she's": 'f', "they're": 'p', "it's": 'n', "we're": 'p', "i'm": 'n',
	"he'd": 'm', "she'd": 'f', "they've": 'p', "we've": 'p', "i've": 'n',
	"him": 'm', "her": 'f', "them": 'p', "us": 'p', "me": 'n',
}

// objectPronouns name a speaker only after a preposition ("according to
// him"); before a noun "her" is a determiner ("her plans").
var objectPronouns = map[string]bool{"him": true, "her": true, "them": true, "us": true, "me": true}

// determiners open a description ("the foreign minister").
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "his": true, "her": true,
	"its": true, "their": true, "our": true, "one": true, "another": true, "some": true,
}

// gapWords may stand between a subject and its cue verb ("Lavrov also
// said", "the ministry has repeatedly warned").
var gapWords = func() map[string]bool {
	m := map[string]bool{
		"also": true, "has": true, "have": true, "had": true, "reportedly": true, "later": true,
		"then": true, "previously": true, "repeatedly": true, "earlier": true, "further": true,
		"again": true, "once": true, "would": true, "will": true, "had earlier": true, "recently": true,
		"publicly": true, "openly": true, "allegedly": true, "apparently": true, "clearly": true,
		"explicitly": true, "specifically": true, "separately": true, "first": true, "initially": true,
		"subsequently": true, "already": true, "even": true, "himself": true, "herself": true,
		"themselves": true, "itself": true, "has also": true, "did": true, "does": true, "do": true,
		"not": true, "never": true, "often": true, "just": true, "only": true, "still": true,
		"is": true, "was": true, "were": true, "are": true, "had been": true, "being": true,
		"been": true, "could": true, "may": true, "might": true, "must": true, "should": true,
		"can": true, "cannot": true, "shall": true, "flatly": true, "angrily": true, "bluntly": true, "quickly": true,
		"however": true, "therefore": true, "thus": true, "specially": true, "meanwhile": true,
		"too": true, "instead": true, "in turn": true,
	}
	// Negated auxiliaries are gap words too ("Talvik didn't say", "the
	// ministry hasn’t said"), with either apostrophe.
	for _, w := range []string{"didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't", "won't",
		"wouldn't", "can't", "couldn't", "isn't", "aren't", "wasn't", "weren't", "shouldn't", "mustn't"} {
		m[w] = true
		m[strings.ReplaceAll(w, "'", "’")] = true
	}
	return m
}()

// stopWords end a subject phrase when walking left from a cue verb: they
// start a clause, so the subject lies to their right.
var stopWords = map[string]bool{
	"that": true, "which": true, "whom": true, "whose": true, "when": true, "while": true,
	"because": true, "since": true, "after": true, "before": true, "if": true, "as": true,
	"but": true, "although": true, "though": true, "where": true, "whether": true, "until": true,
	"so": true, "than": true, "unless": true, "once": true, "why": true, "how": true, "what": true,
	"yet": true, "or": true, "nor": true, "then": true,
}

// titles are words that introduce a person's name and form its role
// ("Foreign Minister Sergey Lavrov", "Major General Igor Konashenkov").
var titles = map[string]bool{
	"president": true, "minister": true, "ministers": true, "general": true, "major": true,
	"lieutenant": true, "colonel": true, "col.": true, "gen.": true, "maj.": true, "lt.": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "ambassador": true,
	"envoy": true, "coordinator": true, "secretary": true, "senator": true, "sen.": true, "rep.": true,
	"representative": true, "gov.": true, "governor": true, "mayor": true, "chancellor": true,
	"king": true, "queen": true, "prince": true, "sheikh": true, "emir": true, "commander": true,
	"chief": true, "head": true, "director": true, "chairman": true, "chairwoman": true,
	"leader": true, "deputy": true, "foreign": true, "defense": true, "defence": true,
	"prime": true, "vice": true, "special": true, "fm": true, "pm": true, "dm": true,
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "mr": true, "mrs": true, "ms": true,
	"dr": true, "pope": true, "judge": true, "justice": true, "officer": true, "official": true,
	"adviser": true, "advisor": true, "speaker": true, "admiral": true, "sergeant": true,
	"captain": true, "capt.": true, "professor": true, "prof.": true, "analyst": true,
	"correspondent": true, "journalist": true, "editor": true, "founder": true, "ceo": true,
	"interior": true, "state": true, "attorney": true, "congressman": true,
	"congresswoman": true, "nominee": true, "candidate": true, "sec.": true, "rev.": true,
	"ayatollah": true, "imam": true, "cleric": true, "activist": true, "chair": true,
	"press": true, "military": true, "army": true, "staff": true, "affairs": true,
	"permanent": true, "un": true, "u.n.": true, "executive": true, "senior": true,
	"ministry": false,
}

// abbreviations of roles, expanded before roles are compared.
var roleAbbrev = map[string]string{
	"fm": "foreign minister", "pm": "prime minister", "dm": "defense minister",
	"gen.": "general", "maj.": "major", "lt.": "lieutenant", "col.": "colonel",
	"sen.": "senator", "rep.": "representative", "gov.": "governor", "sec.": "secretary",
	"capt.": "captain", "prof.": "professor", "defence": "defense",
}

// honorifics tell a person's gender.
var honorifics = map[string]byte{"mr.": 'm', "mr": 'm', "mrs.": 'f', "mrs": 'f', "ms.": 'f', "ms": 'f', "miss": 'f'}

// orgWords mark a capitalised name as an organisation in the fallback used
// when the entity stage found nothing.
var orgWords = map[string]bool{
	"ministry": true, "department": true, "agency": true, "army": true, "pentagon": true,
	"council": true, "party": true, "committee": true, "office": true, "organization": true,
	"organisation": true, "front": true, "group": true, "forces": true, "observatory": true,
	"times": true, "post": true, "news": true, "tass": true, "ria": true, "sputnik": true,
	"presstv": true, "reuters": true, "afp": true, "ap": true, "rt": true, "bbc": true,
	"cnn": true, "kremlin": true, "government": true, "commission": true, "union": true,
	"nations": true, "house": true, "senate": true, "congress": true, "court": true,
	"university": true, "institute": true, "bank": true, "company": true, "corporation": true,
	"inc.": true, "press": true, "tv": true, "network": true, "journal": true, "daily": true,
	"telegraph": true, "guardian": true, "campaign": true, "administration": true,
	"police": true, "navy": true, "coalition": true, "alliance": true, "brigade": true,
	"battalion": true, "movement": true, "association": true, "foundation": true, "center": true,
	"centre": true, "service": true, "bureau": true, "cabinet": true, "parliament": true,
	"assembly": true, "nato": true, "un": true, "eu": true, "hts": true, "isis": true,
	"anadolu": true, "xinhua": true, "sana": true, "irna": true, "ria-novosti": true,
	"interfax": true, "fars": true, "tasnim": true, "al-watan": true, "al-masdar": true,
	"politico": true, "breitbart": true, "bloomberg": true, "axios": true, "fox": true,
	"abc": true, "nbc": true, "cbs": true, "msnbc": true, "npr": true, "pbs": true,
	"gazette": true, "herald": true, "tribune": true, "magazine": true, "outlet": true,
	"pressTV": true, "press-tv": true, "al-jazeera": true, "jazeera": true, "arabiya": true,
	"ministry's": true, "pentagon's": true, "kremlin's": true, "church": true, "school": true,
	"college": true, "hospital": true, "museum": true, "club": true, "institution": true,
	"fund": true, "council's": true, "project": true, "network's": true, "caucus": true,
}

// mediaWords mark an organisation as a news outlet; outlets named after a
// cue are intermediaries (via) rather than speakers when a speaker exists.
var mediaWords = map[string]bool{
	"tass": true, "ria": true, "sputnik": true, "presstv": true, "reuters": true, "afp": true,
	"ap": true, "rt": true, "bbc": true, "cnn": true, "anadolu": true, "xinhua": true,
	"sana": true, "irna": true, "interfax": true, "fars": true, "tasnim": true, "al-watan": true,
	"al-masdar": true, "politico": true, "breitbart": true, "bloomberg": true, "times": true,
	"post": true, "news": true, "agency": true, "tv": true, "journal": true, "daily": true,
	"telegraph": true, "guardian": true, "gazette": true, "herald": true, "tribune": true,
	"magazine": true, "newspaper": true, "outlet": true, "channel": true, "network": true,
	"al-jazeera": true, "jazeera": true, "arabiya": true, "press": true, "ria-novosti": true,
	"novosti": true, "broadcaster": true, "website": true, "paper": true, "daily's": true,
	"radio": true,
}

// outletNouns are descriptions that refer back to the most recent outlet
// ("according to the outlet").
var outletNouns = map[string]bool{
	"outlet": true, "agency": true, "newspaper": true, "paper": true, "channel": true,
	"broadcaster": true, "website": true, "daily": true, "network": true, "news agency": true,
}

// nonNames are capitalised words that begin sentences or sit in titles
// without naming anyone.
var nonNames = map[string]bool{
	"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "but": true,
	"and": true, "or": true, "however": true, "meanwhile": true, "earlier": true, "later": true,
	"also": true, "according": true, "as": true, "if": true, "when": true, "while": true,
	"this": true, "that": true, "these": true, "those": true, "it": true, "he": true, "she": true,
	"they": true, "we": true, "i": true, "his": true, "her": true, "their": true, "our": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true, "there": true, "here": true,
	"after": true, "before": true, "since": true, "for": true, "with": true, "by": true,
	"from": true, "to": true, "of": true, "so": true, "yet": true, "still": true, "then": true,
	"regarding": true, "despite": true, "although": true, "though": true, "because": true,
	"speaking": true, "asked": true, "what": true, "who": true, "why": true, "how": true,
	"where": true, "some": true, "many": true, "most": true, "all": true, "no": true, "not": true,
	"my": true, "your": true, "its": true, "you": true, "us": false, "both": true, "each": true,
	"every": true, "other": true, "such": true, "last": true, "next": true, "first": true,
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true,
}

// nameJoiners may sit inside a multi-word name ("Staffan de Mistura",
// "Ministry of Defense", "Abu Bakr al-Baghdadi").
var nameJoiners = map[string]bool{
	"de": true, "da": true, "van": true, "von": true, "al": true, "bin": true, "ibn": true,
	"of": true, "for": true, "la": true, "le": true, "del": true, "der": true, "den": true,
	"abu": true, "el": true, "and": false,
}

// peopleNouns describe speakers without naming them ("officials said").
var peopleNouns = map[string]bool{
	"officials": true, "official": true, "critics": true, "supporters": true, "experts": true,
	"analysts": true, "sources": true, "source": true, "residents": true, "witnesses": true,
	"activists": true, "lawmakers": true, "voters": true, "democrats": true, "republicans": true,
	"aides": true, "aide": true, "campaign": true, "administration": true, "government": true,
	"ministry": true, "people": true, "man": true, "woman": true, "reporters": true, "report": true,
	"poll": true, "polls": true, "survey": true, "study": true, "statement": true, "letter": true,
	"doctors": true, "police": true, "investigators": true, "prosecutors": true, "authorities": true,
	"observers": true, "group": true, "committee": true, "spokesman": true, "spokeswoman": true,
	"candidate": true, "nominee": true, "president": true, "minister": true, "leaders": true,
	"leader": true, "members": true, "protesters": true, "opponents": true, "others": true,
	"many": true, "some": true, "both": true, "rebels": true, "militants": true, "troops": true,
	"army": true, "military": true, "media": true, "newspaper": true, "agency": true, "outlet": true,
	"studies": true, "analysis": true, "data": true, "figures": true, "average": true,
	"research": true, "transcript": true, "video": true, "document": true, "documents": true,
	"records": true, "audit": true, "review": true, "reports": true, "surveys": true, "panel": true,
	"court": true, "judge": true, "ad": true, "results": true, "findings": true, "images": true,
	"footage": true, "photos": true, "photographs": true, "book": true, "article": true, "editorial": true,
}

// nounLike are cue forms that are also nouns ("the plan", "his remarks");
// they count only right after a name or pronoun, or before "that".
var nounLike = fieldSet(`state states plan plans support supports comment comments
		remark remarks note notes question questions request requests attack attacks challenge
		challenges worry worries tweet tweets report reports claim claims call calls offer offers
		echo echoes charge charges voice voices demand demands thank thanks estimate estimates
		promise promises answer answers post quote quotes fear fears hope hopes doubt doubts praise
		blame rail reply replies email joke boast mention mentions lament caution point show shows
		find finds outline outlines welcome welcomes request tout touts slam slams blast blasts
		mock mocks defend reject rejects dismiss condemn decry decline declines refuse refuses
		accuse accuses warn warning warnings pledge pledges vow vows deny admit complaint
		comment answer contest contests discuss expect feel know want wants plan`)

// firstNames are common first names of people in international news, with
// their usual gender, for resolving "he" and "she".
var firstNames = func() map[string]byte {
	m := map[string]byte{}
	for _, n := range strings.Fields(`hillary melania ivanka nancy elizabeth kellyanne sarah angela theresa
		federica maria marie anna hannah jill michelle kamala susan samantha nikki condoleezza madeleine
		christine ursula emmanuelle marine mary margaret catherine jennifer jessica karen linda lisa laura
		julia emily rachel rebecca victoria olga irina natalia svetlana tatiana valentina maria zakharova
		asma bouthaina fatima aisha leila nadia rania hanan huda yasmin amal mona sonya pamela jacklyn
		ava liz donna dianne gwen megyn melanie esther heather amy kate helen ruth`) {
		m[n] = 'f'
	}
	for _, n := range strings.Fields(`donald barack joe mike michael john james george bill bernie ted marco
		jeb ben chris rand tim paul mitt rudy newt jeff jim robert bob richard william david mark peter
		vladimir sergey sergei dmitry dmitri igor valery mikhail anatoly alexander alexei yuri viktor
		nikolai maxim recep tayyip mevlut hulusi bashar hafez hassan ali mohammad mohammed muhammad ahmed
		abdullah omar khalid ibrahim mahmoud walid faisal salman staffan antonio ban kofi emmanuel
		francois nicolas boris joseph valery ayman abu rami jens hans benjamin bibi naftali
		xi li shinzo narendra imran tony gordon david justin stephen scott rex mattis lindsey mitch
		kevin eric robby reince steve sean anthony gary jason trey leonard warren vann johnnie`) {
		if m[n] == 0 {
			m[n] = 'm'
		}
	}
	return m
}()

// nominalCues report speech as nouns: "Trump's claim that …".
var nominalCues = map[string]bool{
	"claim": true, "claims": true, "assertion": true, "statement": true, "argument": true,
	"suggestion": true, "warning": true, "insistence": true, "view": true, "belief": true,
	"contention": true, "charge": true, "accusation": true, "allegation": true, "promise": true,
	"pledge": true, "remark": true, "remarks": true, "comment": true, "comments": true,
	"declaration": true, "announcement": true, "prediction": true, "threat": true, "hope": true,
	"fear": true, "complaint": true, "insinuation": true, "admission": true, "denial": true,
}

// headlineLabels open headlines without naming a speaker ("Update: …").
var headlineLabels = map[string]bool{
	"update": true, "exclusive": true, "watch": true, "breaking": true, "video": true, "live": true,
	"analysis": true, "opinion": true, "editorial": true, "photos": true, "review": true,
	"interview": true, "explainer": true, "factbox": true, "timeline": true, "the latest": true,
	"latest": true, "breaking news": true, "just in": true, "listen": true, "read": true,
	"correction": true, "fact check": true, "op-ed": true, "commentary": true, "special report": true,
}

// headlineCues are cue verbs as title-case headlines spell them.
var headlineCues = map[string]bool{
	"Says": true, "Said": true, "Warns": true, "Tells": true, "Claims": true, "Insists": true,
	"Admits": true, "Denies": true, "Vows": true, "Urges": true, "Slams": true, "Accuses": true,
	"Calls": true, "Blasts": true, "Argues": true, "Suggests": true, "Reveals": true, "Confirms": true,
}

// prepositions before a word make it a noun.
var prepositions = map[string]bool{"of": true, "for": true, "in": true, "on": true, "at": true,
	"with": true, "by": true, "from": true, "into": true, "about": true, "against": true, "his": true,
	"her": true, "their": true, "its": true, "our": true, "my": true, "your": true, "whose": true}

// gapAdverbs may stand between an auxiliary and a participle.
var gapAdverbs = map[string]bool{"also": true, "once": true, "again": true, "now": true, "still": true,
	"already": true, "even": true, "repeatedly": true, "publicly": true, "not": true, "never": true,
	"reportedly": true, "apparently": true, "increasingly": true, "openly": true, "just": true}

// quantifiers count times in "several times said".
var quantifiers = map[string]bool{"several": true, "many": true, "two": true, "three": true,
	"multiple": true, "numerous": true, "countless": true, "at": true}

// viaWords open a phrase naming an intermediary ("citing TASS").
var viaWords = map[string]bool{"citing": true, "quoting": true, "according": true, "cited": true}

// quoteVerbs name the quoted person as object ("Al-Watan quoted Erdogan").
var quoteVerbs = map[string]bool{"quoted": true, "cited": true, "quotes": true, "cites": true}

// tellVerbs take the listener as object.
var tellVerbs = map[string]bool{"told": true, "tell": true, "tells": true, "telling": true}

// passiveAux before a participle makes it passive ("is expected").
var passiveAux = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true,
	"been": true, "being": true}

// edAdjectives end in -ed but describe a speaker ("retired general").
var edAdjectives = map[string]bool{"unnamed": true, "united": true, "armed": true, "based": true,
	"retired": true, "alleged": true, "elected": true, "embattled": true, "disgraced": true,
	"detained": true, "jailed": true, "exiled": true, "ousted": true, "renowned": true,
	"respected": true, "acclaimed": true, "appointed": true, "designated": true, "qualified": true,
	"concerned": true, "displaced": true, "wounded": true, "injured": true, "besieged": true,
	"talented": true, "experienced": true, "unidentified": true, "named": true, "licensed": true}

// beVerbs end a subject phrase when walking left.
var beVerbs = map[string]bool{"was": true, "is": true, "were": true, "are": true, "be": true, "been": true,
	"being": true, "has": true, "have": true, "had": true, "there": true}

// monthWords name months.
var monthWords = map[string]bool{"january": true, "february": true, "march": true, "april": true,
	"may": false, "june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true}

// timeWords mark a phrase as a time adverbial rather than a subject.
var timeWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "week": true, "weekend": true, "month": true, "year": true,
	"day": true, "morning": true, "afternoon": true, "evening": true, "night": true,
	"today": true, "yesterday": true, "tonight": true, "ago": true, "earlier": true,
}

package propaganda

import (
	"strings"
	"sync"
)

// Lexicon classes. The word lists below were written for sift from the
// definitions of the techniques in Da San Martino et al. (EMNLP 2019); they
// are features for the trained model and evidence for a user, not rules.
const (
	lexLoaded     = iota // emotive, loaded words
	lexLabel             // labels and name calling
	lexAbsolute          // absolutes and intensifiers (exaggeration)
	lexMinimise          // minimisers
	lexFlag              // nation, people, shared values
	lexFear              // threat, danger, catastrophe
	lexDoubt             // questioning credibility
	lexSlogan            // slogans and rallying calls
	lexCliche            // thought-terminating clichés
	lexHitler            // Nazis and dictators
	lexAuthority         // experts and officials
	lexBandwagon         // everybody does it
	lexCausal            // cause and blame
	lexWhatabout         // whataboutism and hypocrisy
	lexBlackWhite        // only two choices
	lexSpeech            // reporting verbs (attribution)
	lexNegative          // other negative sentiment
	numLex
)

// lexNames names the classes in evidence strings.
var lexNames = [numLex]string{
	"loaded", "label", "absolute", "minimise", "flag", "fear", "doubt", "slogan", "cliche",
	"hitler", "authority", "bandwagon", "causal", "whatabout", "black-white", "speech", "negative",
}

// lexWords lists each class's words and phrases (lower case, space separated).
var lexWords = [numLex]string{
	lexLoaded: `brutal brutally outrageous outrage outraged disgusting disgrace disgraceful horrific horrible
	horrendous shocking shocked slaughter slaughtered massacre massacred atrocity atrocities savage savagely
	barbaric barbarian barbarians evil evils vile despicable hateful hate hatred sinister insane insanity crazy
	disaster disastrous catastrophe heinous monstrous monster monsters corrupt corruption treason treasonous
	lies lie lying liar hoax sham scandal scandalous furious fury slam slammed slams blast blasted blasts
	rant ranting rage raging ruthless ruthlessly vicious viciously cruel cruelty wicked sick sickening
	pathetic ridiculous absurd shameful shameless shame disgust appalling abhorrent obscene grotesque
	bloody bloodthirsty bloodbath carnage butcher butchered butchery horror horrors nightmare nightmarish
	dirty filthy toxic poison poisonous venom venomous vicious assault assaulted ambush ambushed
	hysterical hysteria frenzy frenzied mad madness lunacy idiotic stupid stupidity dumb foolish
	destroy destroyed destroying destruction devastating devastated devastation annihilate annihilation
	explosive bombshell stunning stunned astonishing staggering alarming outrageously egregious
	betray betrayal betrayed treacherous deceit deceitful deceive deceived deception fraud fraudulent
	crooked rigged scam con conned cheat cheated cheating steal stole stolen theft loot looting plunder
	tyranny tyrannical oppression oppressive persecution persecuted slavery enslave enslaved
	hero heroes heroic brave bravery courageous glorious sacred holy martyr martyrs innocent innocents
	victim victims defenseless helpless vulnerable precious beloved cherished noble
	weaponize weaponized weaponizing witch hunt witch-hunt smear smears smeared propaganda indoctrination
	brainwash brainwashed brainwashing cult cultish infest infested vermin plague scourge cancer`,
	lexLabel: `terrorist terrorists terror thug thugs idiot idiots moron morons puppet puppets regime regimes dictator
	dictators tyrant tyrants globalist globalists leftist leftists libtard libtards snowflake snowflakes
	communist communists commie commies fascist fascists jihadist jihadists jihadi islamist islamists
	radical radicals extremist extremists propagandist propagandists shill shills hack hacks crook crooks
	criminal criminals clown clowns lunatic lunatics elite elites elitist establishment deep state
	mainstream media fake news enemy enemies traitor traitors zealot zealots bigot bigots racist racists
	xenophobe xenophobic warmonger warmongers neocon neocons cabal mob mobs gang gangs militant militants
	marxist marxists socialist socialists liberal liberals conservative conservatives anti-american
	anti-semite anti-semitic antisemitic islamophobe islamophobic homophobe homophobic sexist misogynist
	deplorable deplorables apologist apologists sympathizer sympathizers collaborator collaborators
	henchman henchmen cronies crony stooge stooges lackey lackeys minion minions useful idiots
	murderer murderers killer killers rapist rapists pedophile pedophiles predator predators
	invader invaders illegal illegals alien aliens infidel infidels heretic heretics apostate
	far-left far-right alt-right alt-left antifa hard-left hard-right ultra ultra-left ultra-right
	so-called self-proclaimed self-styled wannabe charlatan fraudster imposter impostor demagogue
	occupiers occupier aggressor aggressors junta mercenaries mercenary separatists insurgents rebels`,
	lexAbsolute: `always never all every everyone everything everywhere nobody nothing none totally completely
	absolutely entirely utterly wholly worst best greatest biggest largest ever most unprecedented massive
	huge enormous incredible incredibly endless countless literally extremely hugely vast infinitely
	unbelievable unbelievably tremendous tremendously colossal gigantic monumental historic epic
	overwhelming overwhelmingly total complete utter sheer pure constantly forever any whatsoever
	undeniable undeniably indisputable unquestionably certainly definitely obviously clearly surely
	thousands millions billions countless numerous record-breaking`,
	lexMinimise: `only mere merely just little tiny minor slight slightly barely hardly simply trivial
	insignificant negligible small handful nothing but a few no big deal`,
	lexFlag: `nation nations national nationalism patriot patriots patriotic patriotism america american
	americans country countrymen homeland motherland fatherland flag flags freedom freedoms liberty
	constitution constitutional sovereignty sovereign founding fathers founders values heritage god bless
	people citizens fellow our we us ourselves land soil border borders troops soldiers veterans
	proud pride allegiance loyal loyalty great greatness strong strength united unity together first`,
	lexFear: `threat threats threaten threatened threatening danger dangers dangerous fear fears feared afraid
	terrifying terrified scary frightening frightened invasion invade invaded invading flood flooding chaos
	chaotic collapse collapsing crisis crises deadly kill killed killing kills death deaths die dying dead
	war wars risk risks risky warn warned warning warnings catastrophic doom doomed menace imminent panic
	peril perilous lethal destroy destruction annihilate extinction apocalypse apocalyptic devastate
	epidemic pandemic outbreak contagion infected rampant surge spiral out of control ticking time bomb
	attack attacks attacked violence violent victims rape raped murder murdered slaughter suffer suffering`,
	lexDoubt: `allegedly alleged supposedly supposed claim claims claimed claiming questionable dubious doubt
	doubts doubtful whether really actually suspicious suspiciously mystery mysterious unclear why
	question questions questioned cover-up coverup narrative credibility credible truth true real
	purported purportedly apparently seemingly reportedly unverified unproven baseless so-called
	what if how can how could strange odd curious convenient conveniently coincidence skeptical
	skeptic skeptics suspect suspected speculation speculate theory hidden agenda`,
	lexSlogan: `make america great again build the wall lock her up drain the swamp america first no more
	never again enough is enough wake up stand up fight back take back our country yes we can
	hands off stop the steal not my president black lives matter all lives matter blue lives matter
	death to down with long live god bless america we will not be silenced resist`,
	lexCliche: `it is what it is at the end of the day time will tell period end of story that's it that is it
	the bottom line bottom line so be it whatever it takes you know what it's simple it is simple
	plain and simple nothing more nothing less move on let's move on enough said needless to say
	the truth is the fact is make no mistake mark my words facts are facts rules are rules`,
	lexHitler: `hitler hitler's nazi nazis nazism fascist fascists fascism stalin stalinist gestapo holocaust
	third reich reich kkk ku klux klan mussolini totalitarian goebbels fuhrer führer kim jong-un pol pot
	mao apartheid genocide genocidal`,
	lexAuthority: `expert experts scientist scientists professor professors dr doctor doctors study studies
	research researchers official officials pope cardinal bishop scholar scholars analyst analysts
	according authority authorities renowned respected leading prominent top specialist specialists
	survey poll polls data evidence statistics report reports court judge`,
	lexBandwagon: `everyone everybody majority most people millions all americans popular join joined joining
	consensus overwhelming majority widely accepted growing number more and more nobody believes
	the whole world the entire world whole world universally`,
	lexCausal: `because therefore thus hence caused cause causes causing result results resulted consequence
	consequences due blame blamed blames blaming since so leads led leading responsible fault
	thanks to as a result that is why which is why directly`,
	lexWhatabout: `what about hypocrisy hypocrite hypocrites hypocritical double standard double standards
	yet meanwhile while but when it comes to same people where was where were silent silence`,
	lexBlackWhite: `either or only choice choices with us against us no alternative no other no choice
	only way one way no middle ground all or nothing there are two kinds black and white
	if you are not you are`,
	lexSpeech: `said says say saying told tells tell stated states announced added noted explained
	claimed claims argued insisted reported reports according wrote writes declared warned
	confirmed denied admitted acknowledged suggested believes believed thinks stressed urged`,
	lexNegative: `bad worse worst wrong fail failed failure failing poor terrible awful dreadful ugly weak
	hurt harm harmful damage damaging lose losing lost loss problem problems trouble troubled
	against deny denied refuse refused reject rejected ignore ignored abuse abused angry anger`,
}

// lexicon maps words and phrases to the classes they belong to.
type lexicon struct {
	words   map[string]uint32   // single word -> class bits
	phrases map[string][]phrase // first word -> phrases starting with it
}

// phrase is a multi-word lexicon entry.
type phrase struct {
	words []string
	mask  uint32
}

// lex is the package lexicon, built once.
var lex = buildLexicon()

// buildLexicon turns lexWords into a lexicon. Entries on one line are
// single words unless a run of words forms a known phrase; to keep the
// source readable, phrases are recognised as maximal runs listed in
// phraseList.
func buildLexicon() *lexicon {
	l := &lexicon{words: map[string]uint32{}, phrases: map[string][]phrase{}}
	for c, text := range lexWords {
		rest := " " + strings.Join(strings.Fields(text), " ") + " "
		// Multi-word phrases first, so their words are not also taken
		// as single words of the class.
		for _, p := range phraseList {
			if strings.Contains(rest, " "+p+" ") {
				ws := strings.Fields(p)
				l.phrases[ws[0]] = append(l.phrases[ws[0]], phrase{ws, 1 << c})
				rest = strings.ReplaceAll(rest, " "+p+" ", " ")
			}
		}
		for _, w := range strings.Fields(rest) {
			l.words[w] |= 1 << c
		}
	}
	return l
}

// phraseList names the multi-word entries of lexWords, longest first.
var phraseList = []string{
	"make america great again", "we will not be silenced", "take back our country", "god bless america",
	"if you are not you are", "there are two kinds", "when it comes to", "as a result", "that is why",
	"which is why", "out of control", "ticking time bomb", "end of story", "at the end of the day",
	"it is what it is", "time will tell", "the bottom line", "bottom line", "so be it", "whatever it takes",
	"you know what", "it's simple", "it is simple", "plain and simple", "nothing more nothing less",
	"let's move on", "move on", "enough said", "needless to say", "the truth is", "the fact is",
	"make no mistake", "mark my words", "facts are facts", "rules are rules", "that's it", "that is it",
	"build the wall", "lock her up", "drain the swamp", "america first", "no more", "never again",
	"enough is enough", "wake up", "stand up", "fight back", "yes we can", "hands off", "stop the steal",
	"not my president", "black lives matter", "all lives matter", "blue lives matter", "death to",
	"down with", "long live", "deep state", "mainstream media", "fake news", "useful idiots",
	"witch hunt", "founding fathers", "god bless", "third reich", "ku klux klan", "kim jong-un", "pol pot",
	"what if", "how can", "how could", "hidden agenda", "nothing but", "a few", "no big deal",
	"most people", "all americans", "overwhelming majority", "widely accepted", "growing number",
	"more and more", "nobody believes", "the whole world", "the entire world", "whole world",
	"thanks to", "what about", "double standards", "double standard", "same people", "where was",
	"where were", "with us", "against us", "no alternative", "no other", "no choice", "only way",
	"one way", "no middle ground", "all or nothing", "black and white",
}

// lexMasks sets masks (zeroed, one per token of d) to the lexicon classes
// each token belongs to (alone or as part of a phrase), and returns it.
func lexMasks(masks []uint32, d *document) []uint32 {
	for i := range d.tokens {
		t := &d.tokens[i]
		if !t.word {
			continue
		}
		masks[i] |= t.info & lexAll
		if t.info&phraseBit == 0 {
			continue
		}
		for _, p := range lex.phrases[t.lower] {
			if i+len(p.words) > len(d.tokens) {
				continue
			}
			ok := true
			for k, w := range p.words[1:] {
				if d.tokens[i+1+k].lower != w {
					ok = false
					break
				}
			}
			if ok {
				for k := range p.words {
					masks[i+k] |= p.mask
				}
			}
		}
	}
	return masks
}

// Flags of wordInfo besides the lexicon classes.
const (
	lexAll       = 1<<numLex - 1
	anonymousBit = 1 << numLex       // one of anonymousWords (signals.go)
	reportBit    = 1 << (numLex + 1) // one of reportWords
	factBit      = 1 << (numLex + 2) // one of factWords
	phraseBit    = 1 << 29           // a lexicon phrase starts with the word
	stopBit      = 1 << 30           // a function word
)

// wordInfo maps a lower-case word to its lexicon classes and flags, so
// that one lookup per token tells all, keyed by the token's hash (see
// wordTable). It is built on first use (it holds the valence lexicon,
// megabytes that a command which never analyses an article should not pay
// for at start-up).
var wordInfo = sync.OnceValue(func() *wordTable {
	m := map[string]uint32{}
	for w, c := range lex.words {
		m[w] |= c
	}
	for w := range lex.phrases {
		m[w] |= phraseBit
	}
	for w := range stopwords {
		m[w] |= stopBit
	}
	for bit, words := range map[uint32]map[string]bool{anonymousBit: anonymousWords, reportBit: reportWords, factBit: factWords} {
		for w := range words {
			m[w] |= bit
		}
	}
	for w, bin := range valenceBins() {
		m[w] |= bin << valenceShift
	}
	return newWordTable(m)
})

// stopwords are frequent function words, left out of article word counts.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the a an and or but if of to in on at by for with from as is are was were be been
	being have has had do does did this that these those it its they them their there then than he him his
	she her we us our you your i me my not no so such can could would should will shall may might must
	about into over after before also just more most other some what which who whom when where why how
	all any each both very said says says said while been because what here says told`) {
		m[w] = true
	}
	return m
}()

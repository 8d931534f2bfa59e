package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/sift-news/sift/internal/claim/match"
)

// command is one subcommand of sift.
type command struct {
	name    string
	summary string
	run     func(args []string) error
}

// commands lists every subcommand of sift, in the order `sift help` prints
// them (by name). Each run function lives in the file of its command; this
// table is the only place that wires them, so a command is added here.
func commands() []command {
	return []command{
		{"analyze", "analyze files without storing them (JSON or text)", runAnalyze},
		{"claims", "follow statements across outlets: first seen, who repeated them, with or without attribution, what changed", runClaims},
		{"demo", "ingest the bundled sample corpus into a store and serve the web UI", runDemo},
		{"entities", "list people, organisations and places with mention counts and co-occurring entities", runEntities},
		{"eval", "score an analysis stage on the public data sets", runEval},
		{"feeds", "health of watched feeds: last success, error streak, articles per day, silent sources", runFeeds},
		{"gen", "write generated news (JSON Lines) for scale runs: shared stories, copies, spun copies", runGen},
		{"ingest", "read, clean, analyze and store articles (idempotent)", runIngest},
		{"outlets", "propaganda technique profiles per outlet, compared with the store", runOutlets},
		{"quotes", "list statements by speaker across articles and outlets", runQuotes},
		{"search", "full-text search of stored articles", runSearch},
		{"serve", "serve the web UI and the HTTP API over a store", runServe},
		{"show", "print one stored article, its metadata and what was removed", runShow},
		{"stories", "list stories: articles about one event across outlets, with copies and spun passages", runStories},
		{"train", "rebuild a trained model from the public data sets", runTrain},
		{"watch", "poll RSS, Atom and JSON feeds and ingest the articles they link", runWatch},
		{"worker", "analyse and store the documents queued in a PostgreSQL store (many workers, many machines)", runWorker},
	}
}

// evaluations lists the subcommands of `sift eval`, by name.
func evaluations() []command {
	return []command{
		{"claim-threads", "ingest FA-KES and score its claim threads against hand-judged links (precision; true links kept)", runEvalThreads},
		{"claims", "score the claim matcher on MSRP (held-out part of train, then dev: accuracy, F1) and STS news (Pearson r)", runEvalClaims},
		{"clean", "score the plain-text cleaner on the hand-labelled noisy articles", runEvalClean},
		{"extract", "HTML main text and metadata on WCXB (token F1; title, author, date accuracy)", runEvalExtract},
		{"ner", "score the named-entity tagger on CoNLL-2003 dev (never tuned on), then the 2020s news written blind (when there) and our own (exact-span P/R/F1); --folds: cross-validate", evalNER},
		{"quotes", "score quote attribution on PolNeAR (content overlap F1, speaker accuracy)", runEvalQuotes},
		{"stories", "score story clustering on ECB+ (B-cubed) and count stories in FA-KES", runEvalStories},
		{"techniques", "cross-validate the technique tagger on PTC (SemEval-2020 Task 11 F1)", runEvalTechniques},
	}
}

// trainers lists the subcommands of `sift train`, by name.
func trainers() []command {
	return []command{
		{"claims", "train the claim matcher on the tuning part of MSRP train and write " + match.ModelFile, runTrainClaims},
		{"clusters", "learn the entity tagger's word clusters from unlabelled news and write internal/ner/clusters.gz", trainClusters},
		{"ner", "train the named-entity tagger on CoNLL-2003 and write internal/ner/model.gz", trainNER},
		{"techniques", "rebuild the propaganda technique model from PTC", runTrainTechniques},
	}
}

// runEval runs `sift eval NAME`.
func runEval(args []string) error { return dispatch("eval", evaluations(), args) }

// runTrain runs `sift train NAME`.
func runTrain(args []string) error { return dispatch("train", trainers(), args) }

// dispatch runs the subcommand of group named by args[0].
func dispatch(group string, cs []command, args []string) error {
	if len(args) > 0 {
		for _, c := range cs {
			if c.name == args[0] {
				return c.run(args[1:])
			}
		}
	}
	fmt.Fprintf(os.Stderr, "usage: sift %s WHAT [flags]\n\n", group)
	for _, c := range cs {
		fmt.Fprintf(os.Stderr, "  %-11s %s\n", c.name, c.summary)
	}
	if len(args) == 0 {
		return fmt.Errorf("name what to %s", group)
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		return flag.ErrHelp
	}
	return fmt.Errorf("unknown %s %q", group, args[0])
}

package main

import (
	"flag"
	"fmt"
	"os"
	"sort"
)

// evaluations and trainers are the subcommands of `sift eval` and
// `sift train`; each capability adds its own from an init function in its
// own file with registerEval or registerTrain.
var (
	evaluations []command
	trainers    []command
)

// registerEval adds `sift eval NAME`.
func registerEval(name, summary string, run func(args []string) error) {
	evaluations = append(evaluations, command{name, summary, run})
}

// registerTrain adds `sift train NAME`.
func registerTrain(name, summary string, run func(args []string) error) {
	trainers = append(trainers, command{name, summary, run})
}

func init() {
	register("eval", "score an analysis stage on the public data sets", func(args []string) error {
		return dispatch("eval", evaluations, args)
	})
	register("train", "rebuild a trained model from the public data sets", func(args []string) error {
		return dispatch("train", trainers, args)
	})
}

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
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
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

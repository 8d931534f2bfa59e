package main

import (
	"flag"
	"fmt"
	"os"
)

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

// Command sift turns raw news into clean articles, stories across outlets,
// who said what, the entities involved and the propaganda techniques used.
// Run `sift help` for the commands; commands.go lists them all.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/sift-news/sift"
)

// errFailed reports that some inputs failed; their messages were printed.
var errFailed = errors.New("some inputs failed")

func main() {
	if len(os.Args) < 2 || os.Args[1] == "help" || os.Args[1] == "-h" || os.Args[1] == "--help" {
		usage()
		return
	}
	name := os.Args[1]
	for _, c := range commands() {
		if c.name == name {
			if err := c.run(os.Args[2:]); err != nil {
				if errors.Is(err, flag.ErrHelp) {
					// -h, --help: the usage was printed, which is what was asked.
					return
				}
				if !errors.Is(err, errFailed) {
					fmt.Fprintf(os.Stderr, "sift %s: %v\n", name, err)
				}
				var qe *sift.QueryError
				if errors.As(err, &qe) {
					os.Exit(2) // the query is to be changed, like a usage error
				}
				os.Exit(1)
			}
			return
		}
	}
	fmt.Fprintf(os.Stderr, "sift: unknown command %q\n\n", name)
	usage()
	os.Exit(2)
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: sift COMMAND [flags] [args]\n\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(os.Stderr, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(os.Stderr, "\nRun `sift COMMAND -h` for a command's flags.")
}

// checkFormat refuses a --format other than the text and json that every
// command with the flag prints.
func checkFormat(format string) error {
	if format != "text" && format != "json" {
		return fmt.Errorf("unknown format %q (want text or json)", format)
	}
	return nil
}

// newJSONEncoder returns an encoder for one JSON object per line that
// leaves <, > and & as they are: the output is data, not HTML.
func newJSONEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

// writeJSONLines writes items as JSON Lines, one object per line.
func writeJSONLines[T any](w io.Writer, items []T) error {
	enc := newJSONEncoder(w)
	for _, it := range items {
		if err := enc.Encode(it); err != nil {
			return err
		}
	}
	return nil
}

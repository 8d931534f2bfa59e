package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/plural"
)

// runEntities lists the entities of a store, those in the most articles
// first.
func runEntities(args []string) error {
	fs := flag.NewFlagSet("entities", flag.ContinueOnError)
	dbPath := fs.String("db", "", "store to read: a SQLite file or a postgres:// URL (required)")
	limit := fs.Int("limit", 50, "list at most this many entities (0 for all)")
	typ := fs.String("type", "", "only entities of this type: PERSON, ORG, LOC or MISC")
	name := fs.String("name", "", "only entities whose canonical name contains this text")
	related := fs.Int("related", 5, "co-occurring entities to list for each")
	format := fs.String("format", "text", "output format: text or json (one object per line)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dbPath == "" {
		return errors.New("--db is required")
	}
	t := strings.ToUpper(*typ)
	switch t {
	case "", sift.PERSON, sift.ORG, sift.LOC, sift.MISC:
	case "PER":
		t = sift.PERSON
	default:
		return fmt.Errorf("unknown entity type %q (want PERSON, ORG, LOC or MISC)", *typ)
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	db, err := openExisting(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	list, err := db.Entities(context.Background(), sift.EntityQuery{Type: t, Name: *name, Limit: *limit, Related: *related})
	if err != nil {
		return err
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	if *format == "json" {
		return writeJSONLines(out, list)
	}
	if len(list) == 0 {
		fmt.Fprintln(out, "no entities")
		return nil
	}
	for _, e := range list {
		fmt.Fprintf(out, "%s  %s  %s in %s", e.Canonical, e.Type,
			plural.Count(e.Mentions, "mention"), plural.Count(e.Articles, "article"))
		if len(e.Roles) > 0 {
			fmt.Fprintf(out, "  (%s)", strings.Join(e.Roles, ", "))
		}
		fmt.Fprintln(out)
		var other []string
		for _, n := range e.Names {
			if n != e.Canonical {
				other = append(other, n)
			}
		}
		if len(other) > 0 {
			fmt.Fprintf(out, "    written: %s\n", strings.Join(other, ", "))
		}
		if len(e.Related) > 0 {
			parts := make([]string, len(e.Related))
			for i, r := range e.Related {
				parts[i] = fmt.Sprintf("%s (%d)", r.Canonical, r.Articles)
			}
			fmt.Fprintf(out, "    with: %s\n", strings.Join(parts, ", "))
		}
	}
	return nil
}

// plural returns "s" unless n is 1.

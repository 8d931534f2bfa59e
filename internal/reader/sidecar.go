package reader

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/sift-news/sift"
)

// FolderFile is the name of the file that gives the metadata of the files
// of its folder (and the folders below it): lines of
//
//	PATTERN<TAB>OUTLET<TAB>PUBLISHED
//
// where PATTERN is a file name or a shell pattern ("*" for every file,
// "*.txt", "2018-09-*"), OUTLET and PUBLISHED may be empty or missing, and
// lines starting with # are comments. Every line whose pattern matches a
// file applies to it in order, a later line's non-empty fields over an
// earlier's, and a folder's file over its parent's.
const FolderFile = "sift.tsv"

// SidecarSuffix ends the name of a side-car file: NAME.txt.json gives the
// metadata of NAME.txt as one JSON object with any of "outlet",
// "published", "title", "url", "author" and "language".
const SidecarSuffix = ".json"

// Meta is metadata said about an input from outside it: by a side-car
// file, a folder's sift.tsv or a command-line flag. It fills only the
// fields a document leaves empty.
type Meta struct {
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Author    string `json:"author"`
	Language  string `json:"language"`
}

// over returns m with the non-empty fields of n over its own.
func (m Meta) over(n Meta) Meta {
	for _, f := range [][2]*string{{&m.Outlet, &n.Outlet}, {&m.Published, &n.Published}, {&m.Title, &n.Title},
		{&m.URL, &n.URL}, {&m.Author, &n.Author}, {&m.Language, &n.Language}} {
		if *f[1] != "" {
			*f[0] = *f[1]
		}
	}
	return m
}

// Fill sets the fields d leaves empty from m.
func (m Meta) Fill(d *sift.Document) {
	for _, f := range [][2]*string{{&d.Outlet, &m.Outlet}, {&d.Published, &m.Published}, {&d.Title, &m.Title},
		{&d.URL, &m.URL}, {&d.Author, &m.Author}, {&d.Language, &m.Language}} {
		if *f[0] == "" {
			*f[0] = *f[1]
		}
	}
}

// folderLine is one line of a sift.tsv.
type folderLine struct {
	pattern string
	meta    Meta
}

// isMetaFile reports whether path is a metadata file for other inputs
// rather than an input: a sift.tsv, or NAME.json beside a file NAME that
// is not itself JSON.
func isMetaFile(path string) bool {
	base := filepath.Base(path)
	if base == FolderFile {
		return true
	}
	if !strings.HasSuffix(base, SidecarSuffix) {
		return false
	}
	target := strings.TrimSuffix(path, SidecarSuffix)
	if kindByExtension[extension(target)] == kindJSON || filepath.Ext(target) == "" {
		return false
	}
	st, err := os.Stat(target)
	return err == nil && st.Mode().IsRegular()
}

// fileMeta returns what the side-car file and the sift.tsv files of its
// folders, up to root, say about the file at path. root is the directory
// the walk started from, or "" for a file given by itself (whose own
// folder's sift.tsv still applies).
func (w *walker) fileMeta(path, root string) (Meta, error) {
	var m Meta
	dir := filepath.Dir(path)
	var dirs []string
	for {
		dirs = append(dirs, dir)
		if root == "" || filepath.Clean(dir) == filepath.Clean(root) {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	name := filepath.Base(path)
	for i := len(dirs) - 1; i >= 0; i-- {
		lines, err := w.folder(dirs[i])
		if err != nil {
			return m, err
		}
		rel, err := filepath.Rel(dirs[i], path)
		if err != nil {
			rel = name
		}
		for _, l := range lines {
			if ok, _ := filepath.Match(l.pattern, name); ok || l.pattern == rel {
				m = m.over(l.meta)
			}
		}
	}
	side := path + SidecarSuffix
	data, err := os.ReadFile(side)
	switch {
	case os.IsNotExist(err):
	case err != nil:
		return m, fmt.Errorf("side-car %s: %w", side, err)
	default:
		var s Meta
		if err := json.Unmarshal(data, &s); err != nil {
			return m, fmt.Errorf("side-car %s: %w", side, err)
		}
		m = m.over(s)
	}
	if m.Published != "" {
		d := NormalizeDate(m.Published, w.opt.DayFirst)
		if d == "" {
			return m, fmt.Errorf("metadata for %s: unreadable date %q", path, m.Published)
		}
		m.Published = d
	}
	return m, nil
}

// folder returns the lines of dir's sift.tsv (none when it has none),
// read once per walk.
func (w *walker) folder(dir string) ([]folderLine, error) {
	if lines, ok := w.folders[dir]; ok {
		return lines, nil
	}
	if w.folders == nil {
		w.folders = map[string][]folderLine{}
	}
	lines, err := readFolderFile(filepath.Join(dir, FolderFile))
	if err != nil {
		return nil, err
	}
	w.folders[dir] = lines
	return lines, nil
}

// readFolderFile reads one sift.tsv; a missing file has no lines.
func readFolderFile(path string) ([]folderLine, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	var lines []folderLine
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		t := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(t) == "" || strings.HasPrefix(strings.TrimSpace(t), "#") {
			continue
		}
		cols := strings.Split(t, "\t")
		for i := range cols {
			cols[i] = strings.TrimSpace(cols[i])
		}
		if len(cols) > 3 || cols[0] == "" {
			return nil, fmt.Errorf("%s:%d: want PATTERN<TAB>OUTLET<TAB>PUBLISHED", path, n)
		}
		if _, err := filepath.Match(cols[0], ""); err != nil {
			return nil, fmt.Errorf("%s:%d: pattern %q: %w", path, n, cols[0], err)
		}
		if strings.EqualFold(cols[0], "pattern") || strings.EqualFold(cols[0], "file") {
			continue // a header
		}
		l := folderLine{pattern: cols[0]}
		if len(cols) > 1 {
			l.meta.Outlet = cols[1]
		}
		if len(cols) > 2 {
			l.meta.Published = cols[2]
		}
		lines = append(lines, l)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return lines, nil
}

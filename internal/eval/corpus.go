package eval

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// The two corpus layouts.
const (
	// LayoutGroundTruth is the shared corpus's layout: the documents beside
	// labels/terms-ground-truth.csv (document,term,label,evidence) and
	// labels/deadlines.csv, with no split.
	LayoutGroundTruth = "ground-truth"
	// LayoutManifest is the development corpus's layout (corpus/README.md):
	// manifest*.csv, labels/terms*.csv (document,term,label,section,grade,
	// note) and labels/deadlines*.csv, the documents in a separate folder.
	LayoutManifest = "manifest"
)

// Splits. A ground-truth corpus has none: all its documents are SplitAll.
const (
	SplitDev  = "dev"
	SplitTest = "test"
	SplitAll  = "all"
)

// Doc is one labelled document of a corpus.
type Doc struct {
	ID    string // the labels' document column
	File  string // the file name in the documents folder
	Split string // dev, test, or all in a ground-truth corpus
	// Kind is the manifest's kind column (dpa, msa, tos, sla, ...).
	Kind string
	// Where the manifest says the document comes from (manifest layout).
	Manifest, Repo, RepoPath, Commit, SHA256, URL string
}

// Where says where an absent document can be fetched from.
func (d Doc) Where() string {
	if d.Manifest == "" {
		return "not in the corpus folder"
	}
	s := d.Repo + " " + d.RepoPath
	if d.Commit != "" {
		s += " @" + d.Commit
	}
	if d.URL != "" {
		s += " (" + d.URL + ")"
	}
	return s + ", listed in " + d.Manifest
}

// Corpus is a labelled corpus read by LoadCorpus.
type Corpus struct {
	Dir       string
	DocsDir   string // where the documents are read from
	Layout    string
	Docs      []Doc
	Labels    []Label
	Deadlines []DeadlineLabel
}

// Label is one labelled term of one document.
type Label struct {
	Document string
	Term     string // label name, e.g. "audit_rights"
	Rule     string // rule id, e.g. "audit-rights"
	Label    string // yes, no, uncertain
	// Sections are the places a lawyer would cite, as written ("7.1",
	// `"Audit"`, "Exhibit A 3.1"); from the section column, or parsed from
	// the evidence of the ground-truth layout (ParseEvidenceSections).
	Sections []string
	// Grade is met or weak for yes, by-reference for a term only pointed
	// at, else "" (the ground-truth layout has no grades).
	Grade string
	// Note is the labeller's note, or the whole evidence column.
	Note   string
	Split  string
	Source string // file:line
}

// DeadlineLabel is one labelled breach-notification deadline.
type DeadlineLabel struct {
	Document, Term, Text string
	Hours                *float64
	Grade                string
	Split                string
	Source               string
}

// LoadCorpus reads the labelled corpus in dir, in either layout: a
// manifest layout when dir holds manifest*.csv, else the ground-truth
// layout. docsDir is where the documents of a manifest corpus are ("":
// dir/fetched); a ground-truth corpus keeps them in dir.
//
// Errors name the file and line: a missing column, an unknown label,
// grade or split, a document labelled but not in any manifest, a
// document or term labelled twice.
func LoadCorpus(dir, docsDir string) (*Corpus, error) {
	manifests, err := filepath.Glob(filepath.Join(dir, "manifest*.csv"))
	if err != nil {
		return nil, err
	}
	if len(manifests) == 0 {
		gt := filepath.Join(dir, "labels", "terms-ground-truth.csv")
		if _, err := os.Stat(gt); err != nil {
			return nil, fmt.Errorf("%s: not a labelled corpus: no manifest*.csv and no labels/terms-ground-truth.csv", dir)
		}
		return loadGroundTruth(dir)
	}
	if docsDir == "" {
		docsDir = filepath.Join(dir, "fetched")
	}
	return loadManifestCorpus(dir, docsDir, manifests)
}

func loadGroundTruth(dir string) (*Corpus, error) {
	labels, err := LoadLabels(filepath.Join(dir, "labels", "terms-ground-truth.csv"))
	if err != nil {
		return nil, err
	}
	deadlines, err := LoadDeadlines(filepath.Join(dir, "labels", "deadlines.csv"))
	if err != nil {
		return nil, err
	}
	c := &Corpus{Dir: dir, DocsDir: dir, Layout: LayoutGroundTruth, Labels: labels, Deadlines: deadlines}
	seen := map[string]bool{}
	for _, l := range labels {
		if !seen[l.Document] {
			seen[l.Document] = true
			c.Docs = append(c.Docs, Doc{ID: l.Document, File: l.Document, Split: SplitAll})
		}
	}
	return c, nil
}

// LoadLabels reads terms-ground-truth.csv (document,term,label,evidence):
// the cited sections are parsed from the evidence of yes rows.
func LoadLabels(path string) ([]Label, error) {
	t, err := readTable(path, "document", "term", "label", "evidence")
	if err != nil {
		return nil, err
	}
	var out []Label
	for _, r := range t.rows {
		l := Label{Document: r.get("document"), Term: r.get("term"), Label: r.get("label"), Note: r.get("evidence"), Split: SplitAll, Source: r.where()}
		l.Rule = strings.ReplaceAll(l.Term, "_", "-")
		if err := checkLabel(l); err != nil {
			return nil, fmt.Errorf("%s: %w", l.Source, err)
		}
		if l.Label == "yes" {
			l.Sections = ParseEvidenceSections(l.Note)
		}
		out = append(out, l)
	}
	return out, checkDuplicates(out)
}

// LoadDeadlines reads deadlines.csv or a deadlines-*.csv file
// (document,term,deadline_text,hours,grade); hours is a number or empty.
func LoadDeadlines(path string) ([]DeadlineLabel, error) {
	t, err := readTable(path, "document", "term", "deadline_text", "hours", "grade")
	if err != nil {
		return nil, err
	}
	var out []DeadlineLabel
	for _, r := range t.rows {
		d := DeadlineLabel{Document: r.get("document"), Term: r.get("term"), Text: r.get("deadline_text"), Grade: r.get("grade"), Split: SplitAll, Source: r.where()}
		if h := r.get("hours"); h != "" {
			v, err := strconv.ParseFloat(h, 64)
			if err != nil || v < 0 {
				return nil, fmt.Errorf("%s: hours %q is not a number of hours", d.Source, h)
			}
			d.Hours = &v
		}
		if d.Document == "" || d.Term == "" {
			return nil, fmt.Errorf("%s: document and term are required", d.Source)
		}
		if d.Term == "breach_notification" && !slices.Contains(deadlineGrades, d.Grade) {
			return nil, fmt.Errorf("%s: grade %q: want strong, good, long, unquantified or weak", d.Source, d.Grade)
		}
		out = append(out, d)
	}
	return out, nil
}

func loadManifestCorpus(dir, docsDir string, manifests []string) (*Corpus, error) {
	c := &Corpus{Dir: dir, DocsDir: docsDir, Layout: LayoutManifest}
	byID := map[string]int{}
	for _, m := range manifests {
		t, err := readTable(m, "id", "file", "split")
		if err != nil {
			return nil, err
		}
		for _, r := range t.rows {
			d := Doc{ID: r.get("id"), File: r.get("file"), Split: r.get("split"), Kind: r.get("kind"), Manifest: filepath.Base(m),
				Repo: r.get("repo"), RepoPath: r.get("path"), Commit: r.get("commit"), SHA256: strings.ToLower(r.get("sha256")), URL: r.get("url")}
			switch {
			case d.ID == "" || d.File == "":
				return nil, fmt.Errorf("%s: id and file are required", r.where())
			case d.Split != SplitDev && d.Split != SplitTest:
				return nil, fmt.Errorf("%s: split %q: want dev or test", r.where(), d.Split)
			case strings.ContainsAny(d.File, `/\`) || d.File == "." || d.File == "..":
				return nil, fmt.Errorf("%s: file %q must be a plain file name in the documents folder", r.where(), d.File)
			}
			if i, dup := byID[d.ID]; dup {
				return nil, fmt.Errorf("%s: document %s is already listed in %s", r.where(), d.ID, c.Docs[i].Manifest)
			}
			byID[d.ID] = len(c.Docs)
			c.Docs = append(c.Docs, d)
		}
	}
	termFiles, err := filepath.Glob(filepath.Join(dir, "labels", "terms*.csv"))
	if err != nil {
		return nil, err
	}
	if len(termFiles) == 0 {
		return nil, fmt.Errorf("%s: a manifest but no labels/terms*.csv", dir)
	}
	for _, f := range termFiles {
		t, err := readTable(f, "document", "term", "label", "section", "grade", "note")
		if err != nil {
			return nil, err
		}
		for _, r := range t.rows {
			l := Label{Document: r.get("document"), Term: r.get("term"), Label: r.get("label"), Grade: r.get("grade"), Note: r.get("note"), Source: r.where()}
			l.Rule = strings.ReplaceAll(l.Term, "_", "-")
			l.Sections = SplitSections(r.get("section"))
			i, ok := byID[l.Document]
			if !ok {
				return nil, fmt.Errorf("%s: document %q is in no manifest", l.Source, l.Document)
			}
			l.Split = c.Docs[i].Split
			if err := checkLabel(l); err != nil {
				return nil, fmt.Errorf("%s: %w", l.Source, err)
			}
			c.Labels = append(c.Labels, l)
		}
	}
	if err := checkDuplicates(c.Labels); err != nil {
		return nil, err
	}
	deadlineFiles, err := filepath.Glob(filepath.Join(dir, "labels", "deadlines*.csv"))
	if err != nil {
		return nil, err
	}
	for _, f := range deadlineFiles {
		ds, err := LoadDeadlines(f)
		if err != nil {
			return nil, err
		}
		for _, d := range ds {
			i, ok := byID[d.Document]
			if !ok {
				return nil, fmt.Errorf("%s: document %q is in no manifest", d.Source, d.Document)
			}
			d.Split = c.Docs[i].Split
			c.Deadlines = append(c.Deadlines, d)
		}
	}
	return c, nil
}

var (
	labelValues = []string{"yes", "no", "uncertain"}
	gradeValues = []string{"met", "weak", "by-reference"}
	// deadlineGrades are analyze's Grade* values other than none.
	deadlineGrades = []string{"strong", "good", "long", "unquantified", "weak"}
)

func checkLabel(l Label) error {
	switch {
	case l.Document == "" || l.Term == "":
		return errors.New("document and term are required")
	case !slices.Contains(labelValues, l.Label):
		return fmt.Errorf("label %q: want yes, no or uncertain", l.Label)
	case l.Grade != "" && !slices.Contains(gradeValues, l.Grade):
		return fmt.Errorf("grade %q: want met, weak, by-reference or empty", l.Grade)
	case (l.Grade == "met" || l.Grade == "weak") && l.Label != "yes":
		return fmt.Errorf("grade %s with label %s: met and weak grade a yes", l.Grade, l.Label)
	case l.Grade == "by-reference" && l.Label == "yes":
		return errors.New("grade by-reference with label yes: a term only pointed at is labelled no")
	}
	return nil
}

func checkDuplicates(labels []Label) error {
	seen := map[[2]string]string{}
	for _, l := range labels {
		k := [2]string{l.Document, l.Term}
		if prev, ok := seen[k]; ok {
			return fmt.Errorf("%s: %s %s is already labelled at %s", l.Source, l.Document, l.Term, prev)
		}
		seen[k] = l.Source
	}
	return nil
}

// Select keeps the documents, labels and deadlines of one split: dev,
// test, or all (everything). A ground-truth corpus has no split: only all.
func (c *Corpus) Select(split string) (*Corpus, error) {
	if split == "" || split == SplitAll {
		return c, nil
	}
	if split != SplitDev && split != SplitTest {
		return nil, fmt.Errorf("split %q: want dev, test or all", split)
	}
	if c.Layout == LayoutGroundTruth {
		return nil, fmt.Errorf("%s has no split (labels/terms-ground-truth.csv): use --split all", c.Dir)
	}
	out := &Corpus{Dir: c.Dir, DocsDir: c.DocsDir, Layout: c.Layout}
	for _, d := range c.Docs {
		if d.Split == split {
			out.Docs = append(out.Docs, d)
		}
	}
	for _, l := range c.Labels {
		if l.Split == split {
			out.Labels = append(out.Labels, l)
		}
	}
	for _, d := range c.Deadlines {
		if d.Split == split {
			out.Deadlines = append(out.Deadlines, d)
		}
	}
	if len(out.Docs) == 0 {
		return nil, fmt.Errorf("%s: no document in split %s", c.Dir, split)
	}
	return out, nil
}

// Absent lists the documents that are labelled but not in the documents
// folder, with where to fetch them.
func (c *Corpus) Absent() []Doc {
	var out []Doc
	for _, d := range c.Docs {
		if _, err := os.Stat(filepath.Join(c.DocsDir, d.File)); errors.Is(err, fs.ErrNotExist) {
			out = append(out, d)
		}
	}
	return out
}

// checkSHA256 compares the file with the manifest's digest, when it gives
// one.
func checkSHA256(path, want string) error {
	if want == "" {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != want {
		return fmt.Errorf("sha256 %s differs from the manifest's %s: the labels are for other bytes", got[:12], want[:min(12, len(want))])
	}
	return nil
}

// table is a CSV file read by column name.
type table struct {
	path string
	rows []row
}

type row struct {
	t      *table
	line   int
	cols   map[string]int
	fields []string
}

func (r row) get(col string) string {
	i, ok := r.cols[col]
	if !ok || i >= len(r.fields) {
		return ""
	}
	return strings.TrimSpace(r.fields[i])
}

func (r row) where() string { return fmt.Sprintf("%s:%d", r.t.path, r.line) }

// readTable reads a CSV file with a header row that names at least the
// required columns (in any order); lines starting with # are comments.
func readTable(path string, required ...string) (*table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: empty: want a header row %s", path, strings.Join(required, ","))
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	cols := map[string]int{}
	for i, h := range header {
		cols[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	var missing []string
	for _, c := range required {
		if _, ok := cols[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s:1: header lacks %s (want %s)", path, strings.Join(missing, ", "), strings.Join(required, ","))
	}
	t := &table{path: path}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		line, _ := r.FieldPos(0)
		empty := true
		for _, f := range rec {
			if strings.TrimSpace(f) != "" {
				empty = false
			}
		}
		if empty {
			continue
		}
		t.rows = append(t.rows, row{t: t, line: line, cols: cols, fields: rec})
	}
	return t, nil
}

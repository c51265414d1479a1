package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/eval"
)

const rulesUsage = `Usage:
  ssrm rules list [PACK...]        the rules in force (baseline plus the packs, comma- or space-separated)
  ssrm rules explain ID [PACK...]  one rule as a reader's card: what it looks for, what makes it weak, its
                                   example sentences (met, weak, not counted), sources and the wording to ask for
  ssrm rules show ID [PACK...]     one rule as JSON: frames, elements, red flags, weakeners, sources, examples
  ssrm rules check FILE            validate a rule pack of your own and run its examples (and its vocabulary's),
                                   or a crosswalk file (schema ssrm.crosswalk/v1) and run its examples
  ssrm rules frame TEXT [PACK...]  how the engine reads one sentence: predicates, actors, negation, classes
  ssrm rules stats [--corpus DIR]... [--dpa DIR] [--json] [--rules PACKS]
                                   in how many documents each vocabulary phrase and rule frame is found
                                   (default: every embedded pack over the shared corpus, corpus/fetched and
                                   the DPA sentence dataset); lists those found in exactly one, a pattern
                                   fitted to one document
`

const rulesCommands = "ssrm rules list|explain ID|show ID|check FILE|frame TEXT|stats"

func runRules(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, rulesUsage)
		if len(args) == 0 {
			return fmt.Errorf("%w: %s", errUsage, rulesCommands)
		}
		return nil
	}
	switch args[0] {
	case "stats":
		return runRulesStats(args[1:], stdout, stderr)
	case "frame":
		if len(args) < 2 {
			return fmt.Errorf("%w: ssrm rules frame TEXT [PACK...]", errUsage)
		}
		if args[1] == "-h" || args[1] == "--help" {
			fmt.Fprint(stdout, rulesUsage)
			return nil
		}
		rs, err := analyze.LoadRules(packArgs(args[2:]))
		if err != nil {
			return err
		}
		fmt.Fprint(stdout, rs.DescribeFrame(args[1]))
		return nil
	}
	for _, a := range args[1:] {
		if a == "-h" || a == "--help" {
			fmt.Fprint(stdout, rulesUsage)
			return nil
		}
	}
	packs := packArgs(args[1:])
	switch args[0] {
	case "list":
		rs, err := analyze.LoadRules(packs)
		if err != nil {
			return err
		}
		for _, r := range rs.Rules {
			fmt.Fprintf(stdout, "%-30s %-8s %-4s %-9s %s [%s]\n", r.ID, r.Severity, r.Domain, r.Owner, r.Title, r.Pack)
		}
		return nil
	case "show", "explain":
		if len(packs) < 1 {
			return fmt.Errorf("%w: ssrm rules %s ID [PACK...]", errUsage, args[0])
		}
		rs, err := analyze.LoadRules(packs[1:])
		if err != nil {
			return err
		}
		r := rs.Get(packs[0])
		if r == nil {
			return fmt.Errorf("%w: no rule %q in packs %s", errUsage, packs[0], strings.Join(rs.Packs, ", "))
		}
		if args[0] == "explain" {
			writeRuleCard(stdout, r)
			return nil
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(r)
	case "check":
		if len(packs) != 1 {
			return fmt.Errorf("%w: ssrm rules check FILE", errUsage)
		}
		rs, err := analyze.LoadRules(packs)
		if err != nil {
			return err
		}
		if data, err := os.ReadFile(packs[0]); err == nil && analyze.IsCrosswalkFile(data) {
			return checkCrosswalk(rs, packs[0], stdout, stderr)
		}
		mine := map[string]bool{}
		for _, r := range rs.Rules {
			if r.Pack != "baseline" {
				mine[r.ID] = true
			}
		}
		var failed []string
		for _, f := range rs.CheckExamples() {
			if mine[f.Rule] || strings.HasPrefix(f.Rule, "vocabulary:") {
				failed = append(failed, f.String())
			}
		}
		if len(failed) > 0 {
			for _, f := range failed {
				fmt.Fprintln(stderr, "ssrm: "+f)
			}
			return fmt.Errorf("%w: %s: %d examples are read otherwise than labelled", errRulesCheck, packs[0], len(failed))
		}
		fmt.Fprintf(stdout, "%s: ok, %d rules in force (packs %s); every example reads as labelled\n", packs[0], len(rs.Rules), strings.Join(rs.Packs, ", "))
		return nil
	}
	return fmt.Errorf("%w: %s", errUsage, rulesCommands)
}

// checkCrosswalk runs the examples of a crosswalk file of the user's (its
// forms' example questions and its topics' wordings) after LoadRules has
// validated it.
func checkCrosswalk(rs *analyze.RuleSet, file string, stdout, stderr io.Writer) error {
	var failed []string
	for _, f := range rs.CheckCrosswalkExamples(file) {
		failed = append(failed, f.String())
	}
	if len(failed) > 0 {
		for _, f := range failed {
			fmt.Fprintln(stderr, "ssrm: "+f)
		}
		return fmt.Errorf("%w: %s: %d crosswalk examples are placed otherwise than labelled", errRulesCheck, file, len(failed))
	}
	n := rs.Crosswalk.CrosswalkFiles()[file]
	fmt.Fprintf(stdout, "%s: ok, a crosswalk of %d form(s) and %d topic(s), merged into the embedded one; every example places as labelled\n", file, n[0], n[1])
	return nil
}

// errRulesCheck: a pack's examples fail (exit 2, as any invalid input).
var errRulesCheck = errors.New("rule pack examples fail")

// packArgs reads packs named as for analyze (--rules a,b) or as arguments.
func packArgs(args []string) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--rules" || a == "-rules":
			if i+1 < len(args) {
				i++
				out = append(out, strings.Split(args[i], ",")...)
			}
		case strings.HasPrefix(a, "--rules=") || strings.HasPrefix(a, "-rules="):
			out = append(out, strings.Split(a[strings.Index(a, "=")+1:], ",")...)
		default:
			out = append(out, strings.Split(a, ",")...)
		}
	}
	return out
}

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// defaultStatsCorpora are the folders rules stats reads when none is given:
// the team's labelled agreements and the development corpus's documents.
var defaultStatsCorpora = []string{"../shared/corpus/agreements", "corpus/fetched"}

// runRulesStats counts, over every agreement in the corpus folders, in how
// many documents each vocabulary phrase and rule frame is found.
func runRulesStats(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ssrm rules stats", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var corpora multiFlag
	fs.Var(&corpora, "corpus", "a folder of agreements (repeatable; default: ../shared/corpus/agreements and corpus/fetched)")
	asJSON := fs.Bool("json", false, "every signal with its counts, as JSON")
	dpa := fs.String("dpa", "../shared/corpus/agreements/labels", "the DPA sentence dataset's folder: each of its DPAs counts as a document (\"\" for none)")
	rules := fs.String("rules", strings.Join(analyze.EmbeddedPacks(), ","), "rule packs, as for analyze (default: every embedded pack)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errReported, err)
	}
	var packs []string
	if *rules != "" {
		packs = strings.Split(*rules, ",")
	}
	rs, err := analyze.LoadRules(packs)
	if err != nil {
		return err
	}
	if len(corpora) == 0 {
		corpora = defaultStatsCorpora
	}
	c := rs.NewSignalCounter()
	docs := 0
	for _, dir := range corpora {
		entries, err := os.ReadDir(dir)
		if err != nil {
			fmt.Fprintf(stderr, "ssrm: %v (skipped)\n", err)
			continue
		}
		for _, e := range entries {
			if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
				continue
			}
			path := filepath.Join(dir, e.Name())
			doc, err := extract.Open(path, extract.Options{})
			if err != nil || doc.Agreement == nil {
				continue // questionnaires, scans and damaged files carry no clauses to count
			}
			c.Add(doc.Agreement)
			docs++
		}
	}
	if *dpa != "" {
		n, err := countDPAs(c, *dpa)
		if err != nil {
			fmt.Fprintf(stderr, "ssrm: %v (skipped)\n", err)
		}
		docs += n
	}
	if docs == 0 {
		return fmt.Errorf("%w: no agreement found in %s (give folders of agreements with --corpus, or run from the repository with ../shared beside it)", errUsage, strings.Join(corpora, ", "))
	}
	signals := c.Signals()
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(struct {
			Documents int              `json:"documents"`
			Signals   []analyze.Signal `json:"signals"`
		}{docs, signals})
	}
	unused := 0
	for _, s := range signals {
		if s.Docs == 0 {
			unused++
		}
	}
	lonely := analyze.Lonely(signals)
	fmt.Fprintf(stdout, "%d documents, %d signals: %d found in none, %d found in exactly one\n", docs, len(signals), unused, len(lonely))
	for _, s := range lonely {
		fmt.Fprintf(stdout, "  %s (%d units)\n", s.ID, s.Hits)
	}
	return nil
}

// countDPAs adds each DPA of the sentence dataset to the count, rebuilt as
// a text document (as ssrm eval --dpa reads it).
func countDPAs(c *analyze.SignalCounter, dir string) (int, error) {
	ds, err := eval.LoadDPADataset(dir)
	if err != nil {
		return 0, err
	}
	tmp, err := os.MkdirTemp("", "ssrm-stats-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(tmp)
	n := 0
	for i, d := range ds.DPAs {
		path := filepath.Join(tmp, fmt.Sprintf("dpa-%d.txt", i))
		if err := os.WriteFile(path, []byte(d.Document()), 0o600); err != nil {
			return n, err
		}
		doc, err := extract.Open(path, extract.Options{})
		if err != nil || doc.Agreement == nil {
			continue
		}
		c.Add(doc.Agreement)
		n++
	}
	return n, nil
}

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/internal/eval"
)

// defaultDPADir is where the DPA sentence dataset sits beside the repository.
const defaultDPADir = "../shared/corpus/agreements/labels"

// dpaFlag is --dpa: alone it selects the default dataset folder, --dpa DIR
// (or --dpa=DIR) another one.
type dpaFlag struct {
	set bool
	dir string
}

func (f *dpaFlag) String() string   { return f.dir }
func (f *dpaFlag) IsBoolFlag() bool { return true }
func (f *dpaFlag) Set(s string) error {
	f.set = true
	switch s {
	case "true":
		f.dir = defaultDPADir
	case "false":
		f.set, f.dir = false, ""
	default:
		f.dir = s
	}
	return nil
}

// runEval measures the rules against labelled agreements: per split and
// term, precision, recall, section rate and grade agreement, deadlines,
// and each disagreement; or, with --dpa, against the DPA sentence dataset.
func runEval(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ssrm eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("corpus", "../shared/corpus/agreements", "labelled corpus: a folder with labels/terms-ground-truth.csv, or with manifest*.csv and labels/terms*.csv (corpus/README.md)")
	docs := fs.String("docs", "", "folder of a manifest corpus's documents (default CORPUS/fetched)")
	split := fs.String("split", "all", "split to measure: dev, test or all")
	format := fs.String("format", "text", "output format: text or json")
	jobs := fs.Int("jobs", 2, "documents analysed at once")
	var dpa dpaFlag
	fs.Var(&dpa, "dpa", "measure on the DPA sentence dataset instead (--dpa DIR; default "+defaultDPADir+")")
	rules := fs.String("rules", "", "extra rule packs, as for analyze")
	llmOpts := addLLMFlags(fs)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if dpa.set && len(pos) == 1 {
		dpa.dir, pos = pos[0], nil
	}
	if len(pos) > 0 {
		return fmt.Errorf("%w: unexpected argument %q (ssrm eval [--corpus DIR] [--dpa [DIR]])", errUsage, pos[0])
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("%w: --format %q: want text or json", errUsage, *format)
	}
	if *jobs < 1 {
		return fmt.Errorf("%w: --jobs must be positive", errUsage)
	}
	var packs []string
	if *rules != "" {
		packs = strings.Split(*rules, ",")
	}
	rs, err := analyze.LoadRules(packs)
	if err != nil {
		return err
	}
	opts := eval.Options{Jobs: *jobs}
	if dpa.set {
		if *llmOpts.enabled {
			return fmt.Errorf("%w: --llm is not available with --dpa", errUsage)
		}
		return evalDPA(dpa.dir, *split, *format, rs, opts, stdout)
	}
	c, err := eval.LoadCorpus(*dir, *docs)
	if err != nil {
		return err
	}
	if c, err = c.Select(*split); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if *llmOpts.enabled {
		return evalWithModel(llmOpts, c, rs, opts, stdout, stderr)
	}
	rep, err := eval.Run(context.Background(), c, rs, opts)
	if err != nil {
		return err
	}
	if *format == "json" {
		return rep.WriteJSON(stdout)
	}
	return rep.Write(stdout)
}

// evalDPA scores the engine on the DPA sentence dataset (ssrm eval --dpa).
func evalDPA(dir, split, format string, rs *analyze.RuleSet, opts eval.Options, stdout io.Writer) error {
	ds, err := eval.LoadDPADataset(dir)
	if err != nil {
		return err
	}
	if ds, err = ds.Select(split); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	rep, err := eval.RunDPA(context.Background(), ds, rs, opts)
	if err != nil {
		return err
	}
	if format == "json" {
		return rep.WriteJSON(stdout)
	}
	return rep.Write(stdout)
}

// evalWithModel prints the rules alone and the rules with the model's
// statuses applied, on the same documents (ssrm eval --llm).
func evalWithModel(f *llmFlags, c *eval.Corpus, rs *analyze.RuleSet, opts eval.Options, stdout, stderr io.Writer) error {
	cfg, err := f.config()
	if err != nil {
		return err
	}
	cfg.MayChangeVerdict = true // the comparison is of the statuses the model would set
	cfg.MaxClassify, cfg.NoSummary = -1, true
	cl, err := newLLMClient(cfg)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	opinion := func(ctx context.Context, res *analyze.Result, in analyze.Inputs) error {
		return cl.Review(ctx, res, in, rs)
	}
	rulesOnly, withModel, err := eval.Compare(context.Background(), c, rs, opinion, opts)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "== rules alone ==\n")
	if err := rulesOnly.Write(stdout); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\n== rules + language model %s at %s (its statuses applied) ==\n", cfg.Model, cl.Endpoint())
	if err := withModel.WriteComparison(stdout); err != nil {
		return err
	}
	u := cl.Usage()
	fmt.Fprintf(stderr, "ssrm: language model: %d requests, %d cache hits, %d tokens\n", u.Requests, u.CacheHits, u.Tokens)
	return nil
}

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

// runEval measures the rules against labelled agreements: per split and
// term, precision, recall, section rate and grade agreement, deadlines,
// and each disagreement.
func runEval(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ssrm eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("corpus", "../shared/corpus/agreements", "labelled corpus: a folder with labels/terms-ground-truth.csv, or with manifest*.csv and labels/terms*.csv (corpus/README.md)")
	docs := fs.String("docs", "", "folder of a manifest corpus's documents (default CORPUS/fetched)")
	split := fs.String("split", "all", "split to measure: dev, test or all")
	format := fs.String("format", "text", "output format: text or json")
	jobs := fs.Int("jobs", 2, "documents analysed at once")
	rules := fs.String("rules", "", "extra rule packs, as for analyze")
	llmOpts := addLLMFlags(fs)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fmt.Errorf("%w: unexpected argument %q (ssrm eval [--corpus DIR])", errUsage, pos[0])
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

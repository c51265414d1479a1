package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/internal/eval"
)

// runEval measures the rules against labelled agreements: per term
// precision, recall and confusion counts, deadlines, and each disagreement.
func runEval(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ssrm eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("corpus", "../shared/corpus/agreements", "folder of agreements with labels/terms-ground-truth.csv and labels/deadlines.csv")
	rules := fs.String("rules", "", "extra rule packs, as for analyze")
	llmOpts := addLLMFlags(fs)
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	var packs []string
	if *rules != "" {
		packs = strings.Split(*rules, ",")
	}
	rs, err := analyze.LoadRules(packs)
	if err != nil {
		return err
	}
	labels, err := eval.LoadLabels(filepath.Join(*dir, "labels", "terms-ground-truth.csv"))
	if err != nil {
		return err
	}
	deadlines, err := eval.LoadDeadlines(filepath.Join(*dir, "labels", "deadlines.csv"))
	if err != nil {
		return err
	}
	if *llmOpts.enabled {
		return evalWithModel(llmOpts, *dir, labels, deadlines, rs, stdout, stderr)
	}
	rep, err := eval.Run(context.Background(), *dir, labels, deadlines, rs)
	if err != nil {
		return err
	}
	return rep.Write(stdout)
}

// evalWithModel prints the rules alone and the rules with the model's
// statuses applied, on the same documents (ssrm eval --llm).
func evalWithModel(f *llmFlags, dir string, labels []eval.Label, deadlines []eval.DeadlineLabel, rs *analyze.RuleSet, stdout, stderr io.Writer) error {
	cfg, err := f.config()
	if err != nil {
		return err
	}
	cfg.MayChangeVerdict = true // the comparison is of the statuses the model would set
	cfg.MaxClassify, cfg.NoSummary = -1, true
	c, err := newLLMClient(cfg)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	opinion := func(ctx context.Context, res *analyze.Result, in analyze.Inputs) error {
		return c.Review(ctx, res, in, rs)
	}
	rulesOnly, withModel, err := eval.Compare(context.Background(), dir, labels, deadlines, rs, opinion)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "== rules alone ==\n")
	if err := rulesOnly.Write(stdout); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\n== rules + language model %s at %s (its statuses applied) ==\n", cfg.Model, c.Endpoint())
	if err := withModel.WriteComparison(stdout); err != nil {
		return err
	}
	u := c.Usage()
	fmt.Fprintf(stderr, "ssrm: language model: %d requests, %d cache hits, %d tokens\n", u.Requests, u.CacheHits, u.Tokens)
	return nil
}

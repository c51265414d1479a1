package main

import (
	"context"
	"flag"
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
	rep, err := eval.Run(context.Background(), *dir, labels, deadlines, rs)
	if err != nil {
		return err
	}
	return rep.Write(stdout)
}

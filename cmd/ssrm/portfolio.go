package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/report"
)

// Batches past one machine: ssrm batch --shard I/N assesses its slice of
// the vendors and writes a portfolio part; ssrm portfolio merge joins the
// parts into the portfolio, and the exit code, a single run gives.

// shardSpec is the slice a batch assesses: vendors i, i+n, i+2n, ... of the
// whole list; n == 0 means all of them.
type shardSpec struct{ i, n int }

// parseShard reads --shard I/N, or --shard N with I from env (the
// JOB_COMPLETION_INDEX of a Kubernetes Indexed Job).
func parseShard(flagValue, env string) (shardSpec, error) {
	if flagValue == "" {
		return shardSpec{}, nil
	}
	bad := func(why string) (shardSpec, error) {
		return shardSpec{}, fmt.Errorf("%w: --shard %q: %s", errUsage, flagValue, why)
	}
	is, ns, explicit := strings.Cut(flagValue, "/")
	if !explicit {
		is, ns = env, flagValue
		if strings.TrimSpace(env) == "" {
			return bad("give I/N, or N with JOB_COMPLETION_INDEX set")
		}
	}
	n, err := strconv.Atoi(strings.TrimSpace(ns))
	if err != nil || n < 1 {
		return bad("N must be a whole number of shards, 1 or more")
	}
	i, err := strconv.Atoi(strings.TrimSpace(is))
	if err != nil || i < 0 || i >= n {
		if !explicit {
			return bad(fmt.Sprintf("JOB_COMPLETION_INDEX %q must be a whole number from 0 to %d", env, n-1))
		}
		return bad(fmt.Sprintf("I must be a whole number from 0 to %d", n-1))
	}
	return shardSpec{i, n}, nil
}

// slice keeps the shard's vendors and their names, and returns each one's
// place in the whole list.
func (s shardSpec) slice(vendors []vendorJob, names []string) ([]vendorJob, []string, []int) {
	var vs []vendorJob
	var ns []string
	var index []int
	for k := range vendors {
		if s.n == 0 || k%s.n == s.i {
			vs, ns, index = append(vs, vendors[k]), append(ns, names[k]), append(index, k)
		}
	}
	return vs, ns, index
}

func (s shardSpec) partName() string { return fmt.Sprintf("portfolio.part-%d-of-%d.json", s.i, s.n) }

// fingerprint names a vendor list (its keys in order), so that parts of
// different batches are never merged.
func fingerprint(vendors []vendorJob) string {
	h := sha256.New()
	for _, v := range vendors {
		fmt.Fprintf(h, "%d:%s\n", len(v.Key), v.Key)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// partSchema names the shape of a portfolio part.
const partSchema = "ssrm.portfolio-part/v1"

// part is what one shard writes: its vendors' portfolio entries, each with
// its place in the whole list and whether it failed the --fail-on gate.
type part struct {
	Schema      string `json:"schema"`
	Shard       int    `json:"shard"`
	Shards      int    `json:"shards"`
	Vendors     int    `json:"vendors"` // in the whole list
	List        string `json:"list"`    // fingerprint of the whole list
	Interrupted bool   `json:"interrupted"`
	// FailOn is the shard's --fail-on, for the merge's summary line.
	FailOn  string      `json:"fail_on,omitempty"`
	Entries []partEntry `json:"entries"`
}

type partEntry struct {
	Index  int                    `json:"index"`
	Gate   bool                   `json:"gate"`
	Vendor report.PortfolioVendor `json:"vendor"`
}

func newPart(s shardSpec, all int, list string, p *report.Portfolio, index []int, gated []bool, failOn string) *part {
	pt := &part{Schema: partSchema, Shard: s.i, Shards: s.n, Vendors: all, List: list, Interrupted: p.Interrupted, FailOn: failOn, Entries: []partEntry{}}
	for k, v := range p.Vendors {
		pt.Entries = append(pt.Entries, partEntry{Index: index[k], Gate: gated[k], Vendor: v})
	}
	return pt
}

func (pt *part) write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	return enc.Encode(pt)
}

const portfolioUsage = `Usage: ssrm portfolio merge DIR... [-o OUTDIR] [flags]

Joins the parts that 'ssrm batch --shard I/N' wrote (DIR/portfolio.part-I-of-N.json)
into OUTDIR/portfolio.EXT, the portfolio a single batch run over all the vendors
writes, and exits as that run would: 3 when a vendor could not be assessed or a
shard was interrupted, 1 when a vendor failed its shard's --fail-on, else 0.
Every shard of the batch must be found exactly once.

Flags:
`

func runPortfolio(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "merge" {
		fmt.Fprint(stderr, portfolioUsage)
		if len(args) == 0 {
			return fmt.Errorf("%w: ssrm portfolio: give a subcommand (merge)", errUsage)
		}
		return fmt.Errorf("%w: ssrm portfolio: unknown subcommand %q (want merge)", errUsage, args[0])
	}
	fs := flag.NewFlagSet("ssrm portfolio merge", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, portfolioUsage)
		fs.PrintDefaults()
	}
	outDir := fs.String("o", "", "write the portfolio into this folder (default: the first DIR)")
	portfolioFmt := fs.String("portfolio-format", "xlsx", "portfolio report format: "+strings.Join(report.PortfolioFormats, ", "))
	dirs, err := parseInterspersed(fs, args[1:])
	if err != nil {
		return err
	}
	if len(dirs) == 0 {
		return fmt.Errorf("%w: ssrm portfolio merge takes one or more DIRs holding portfolio parts", errUsage)
	}
	if !oneOf(*portfolioFmt, report.PortfolioFormats) {
		return fmt.Errorf("%w: --portfolio-format: want one of %s, got %q", errUsage, strings.Join(report.PortfolioFormats, ", "), *portfolioFmt)
	}
	if *outDir == "" {
		*outDir = dirs[0]
	}
	p, gated, failOn, err := mergeParts(dirs)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*outDir, 0o755); err != nil {
		return err
	}
	portfolio := filepath.Join(*outDir, "portfolio."+*portfolioFmt)
	if err := writeFileAtomic(portfolio, func(w io.Writer) error { return report.WritePortfolio(w, *portfolioFmt, p) }); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "ssrm portfolio: %s; %s\n  portfolio: %s\n", p.Line(), batchGateNote(p, failOn, gated), portfolio)
	failed := p.FailedVendors()
	for _, v := range failed {
		fmt.Fprintf(stdout, "  not assessed: %s: %s\n", v.Name, v.Err)
	}
	switch {
	case len(failed) > 0 || p.Interrupted:
		return fmt.Errorf("%w: %d of %d vendors not assessed (listed in %s)", errPartial, len(failed), len(p.Vendors), portfolio)
	case gated > 0:
		return errFindings
	}
	return nil
}

// mergeParts reads the parts in dirs and joins them in the order of the
// whole vendor list. It refuses parts of different batches, a shard found
// twice, and a missing shard.
func mergeParts(dirs []string) (*report.Portfolio, int, string, error) {
	var parts []*part
	var files []string
	for _, d := range dirs {
		found, err := filepath.Glob(filepath.Join(d, "portfolio.part-*-of-*.json"))
		if err != nil {
			return nil, 0, "", err
		}
		if len(found) == 0 {
			return nil, 0, "", &extract.InputError{Path: d, Err: errors.New("no portfolio parts (portfolio.part-I-of-N.json) here: run ssrm batch --shard I/N -o into it")}
		}
		sort.Strings(found)
		for _, f := range found {
			pt, err := readPart(f)
			if err != nil {
				return nil, 0, "", err
			}
			parts, files = append(parts, pt), append(files, f)
		}
	}
	first := parts[0]
	bySh := map[int]string{}
	for k, pt := range parts {
		if pt.Shards != first.Shards || pt.Vendors != first.Vendors || pt.List != first.List {
			return nil, 0, "", &extract.InputError{Path: files[k], Err: fmt.Errorf("a part of another batch: %d of %d shards over %d vendors (list %s), but %s is %d of %d over %d (list %s)",
				pt.Shard, pt.Shards, pt.Vendors, pt.List, files[0], first.Shard, first.Shards, first.Vendors, first.List)}
		}
		if prev, ok := bySh[pt.Shard]; ok {
			return nil, 0, "", &extract.InputError{Path: files[k], Err: fmt.Errorf("shard %d of %d is also in %s", pt.Shard, pt.Shards, prev)}
		}
		bySh[pt.Shard] = files[k]
	}
	var missing []string
	for i := range first.Shards {
		if _, ok := bySh[i]; !ok {
			missing = append(missing, strconv.Itoa(i))
		}
	}
	if len(missing) > 0 {
		return nil, 0, "", fmt.Errorf("%w: shards %s of %d are missing (no portfolio.part-I-of-%d.json in %s)", errUsage, strings.Join(missing, ", "), first.Shards, first.Shards, strings.Join(dirs, ", "))
	}
	vendors := make([]report.PortfolioVendor, first.Vendors)
	seen := make([]bool, first.Vendors)
	p := &report.Portfolio{}
	gated := 0
	for k, pt := range parts {
		p.Interrupted = p.Interrupted || pt.Interrupted
		for _, e := range pt.Entries {
			if e.Index < 0 || e.Index >= first.Vendors || e.Index%first.Shards != pt.Shard || seen[e.Index] {
				return nil, 0, "", &extract.InputError{Path: files[k], Err: fmt.Errorf("entry for vendor %d does not belong to shard %d of %d, or is there twice", e.Index, pt.Shard, pt.Shards)}
			}
			seen[e.Index] = true
			vendors[e.Index] = e.Vendor
			if e.Gate {
				gated++
			}
		}
	}
	for i, ok := range seen {
		if !ok {
			return nil, 0, "", fmt.Errorf("%w: vendor %d of %d is in no part (shard %d, %s, is incomplete)", errUsage, i, first.Vendors, i%first.Shards, bySh[i%first.Shards])
		}
	}
	p.Vendors = vendors
	// The shards' --fail-on, when they agree ("" otherwise).
	failOn := parts[0].FailOn
	for _, pt := range parts[1:] {
		if pt.FailOn != failOn {
			failOn = ""
		}
	}
	return p, gated, failOn, nil
}

// readPart reads one part file, checking its schema.
func readPart(path string) (*part, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &extract.InputError{Path: path, Err: err}
	}
	defer f.Close()
	var pt part
	dec := json.NewDecoder(io.LimitReader(f, 1<<30))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&pt); err != nil {
		return nil, &extract.InputError{Path: path, Err: fmt.Errorf("not a portfolio part: %v", err)}
	}
	if pt.Schema != partSchema {
		return nil, &extract.InputError{Path: path, Err: fmt.Errorf("schema %q, want %q", pt.Schema, partSchema)}
	}
	if pt.Shards < 1 || pt.Shard < 0 || pt.Shard >= pt.Shards || pt.Vendors < 0 {
		return nil, &extract.InputError{Path: path, Err: fmt.Errorf("shard %d of %d over %d vendors makes no sense", pt.Shard, pt.Shards, pt.Vendors)}
	}
	return &pt, nil
}

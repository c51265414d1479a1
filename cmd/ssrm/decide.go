package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/store"
)

// dbEnv names the variable that gives --db its default.
const dbEnv = "SSRM_DB"

const dbHelp = "the decisions store: an SQLite file (created when absent; a folder means FOLDER/ssrm.db) or postgres://USER@HOST/DB (default $" + dbEnv + ")"

// addDBFlag adds --db, defaulting to $SSRM_DB.
func addDBFlag(fs *flag.FlagSet) *string {
	return fs.String("db", os.Getenv(dbEnv), dbHelp)
}

// decideNow is the clock of decisions and analyses recorded (tests set it).
var decideNow = time.Now

const decideUsage = `Usage: ssrm decide --vendor V --rule ID --status accepted|overridden|waived --reason TEXT [flags] [PATH...]
       ssrm decide --history [--vendor V]

Records a reviewer's decision on one finding in the store (--db), with the
hash of the finding's evidence text. The finding is taken from the
vendor's documents when PATHs are given, else from the vendor's latest
analysis in the store (ssrm analyze --db). 'ssrm analyze --db' applies the
decisions while the evidence text stays the same; when it changes, the
decision shows as "needs re-review" and is not applied.

  accepted     the risk is accepted as it is (optionally --until a date)
  overridden   --as met|weak|by-reference|missing replaces ssrm's status
  waived       accepted until --until YYYY-MM-DD (the last day it applies)

Flags:
`

func runDecide(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ssrm decide", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, decideUsage)
		fs.PrintDefaults()
	}
	var (
		vendor       = fs.String("vendor", "", "the vendor's name, as reports show it (required without PATHs)")
		rule         = fs.String("rule", "", "the rule id of the finding (ssrm rules list)")
		status       = fs.String("status", "", "accepted, overridden or waived")
		as           = fs.String("as", "", "with --status overridden: the status that replaces ssrm's (met, weak, by-reference, missing)")
		reason       = fs.String("reason", "", "why: for whoever reads the report next (required)")
		until        = fs.String("until", "", "the last day the decision applies, YYYY-MM-DD (required for waived)")
		reviewer     = fs.String("reviewer", "", "who decides (default: the login name)")
		db           = addDBFlag(fs)
		rules        = fs.String("rules", "", "extra rule packs, as for analyze (with PATHs)")
		serviceModel = fs.String("service-model", "saas", "saas, paas or iaas (with PATHs)")
		password     = fs.String("password", "", "password for an encrypted PDF or workbook (with PATHs)")
		history      = fs.Bool("history", false, "list the decisions recorded for --vendor (every vendor without it), newest first, and record nothing")
	)
	pf := addParseFlags(fs, true, true)
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if *history {
		return decideHistory(stdout, *db, *vendor)
	}
	if *reviewer == "" {
		*reviewer = os.Getenv("USER")
	}
	d := store.Decision{Vendor: *vendor, Rule: *rule, Status: *status, As: *as, Reason: *reason, Until: *until, Reviewer: *reviewer}
	if d.Vendor == "" && len(paths) > 0 {
		d.Vendor = "(from the documents)" // checked below, once known
	}
	err = d.Validate()
	if err == nil {
		err = d.CheckFresh(decideNow())
	}
	if err != nil {
		return fmt.Errorf("%w: --%s", errUsage, strings.TrimPrefix(err.Error(), store.ErrInvalid.Error()+": "))
	}
	if *db == "" {
		return fmt.Errorf("%w: no store: give --db (an SQLite file, or postgres://…) or set $%s", errUsage, dbEnv)
	}
	ctx := context.Background()
	var findings []store.Finding
	var source string
	if len(paths) > 0 {
		res, err := decideFromDocuments(ctx, pf, paths, *vendor, *rules, *serviceModel, *password)
		if err != nil {
			return err
		}
		d.Vendor = res.Vendor
		if d.Vendor == "" {
			return fmt.Errorf("%w: --vendor: the documents do not name the vendor: give --vendor", errUsage)
		}
		for i := range res.Findings {
			f := &res.Findings[i]
			findings = append(findings, store.Finding{Rule: f.Rule, Status: f.Status, EvidenceHash: analyze.EvidenceHash(f)})
		}
		source = "the documents given"
	}
	st, err := store.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if findings == nil {
		as, err := st.Analyses(ctx, d.Vendor)
		if err != nil {
			return err
		}
		if len(as) == 0 {
			return fmt.Errorf("%w: no analysis of vendor %q in the store: run 'ssrm analyze --db %s' on its documents first, or give them to ssrm decide", errUsage, d.Vendor, *db)
		}
		if findings, err = st.Findings(ctx, as[0].ID); err != nil {
			return err
		}
		d.Vendor = as[0].Vendor
		source = fmt.Sprintf("analysis %d of %s", as[0].ID, as[0].Created.Format("2006-01-02 15:04 UTC"))
	}
	var found *store.Finding
	var ids []string
	for i := range findings {
		ids = append(ids, findings[i].Rule)
		if findings[i].Rule == d.Rule {
			found = &findings[i]
		}
	}
	if found == nil {
		return fmt.Errorf("%w: --rule: unknown rule id %q: %s has no such finding (rules: %s)", errUsage, d.Rule, source, strings.Join(ids, ", "))
	}
	if d.Status == store.Overridden && d.As == found.Status {
		return fmt.Errorf("%w: --as: ssrm already says %s for %s; an override must change the status (accept the finding instead)", errUsage, d.As, d.Rule)
	}
	d.EvidenceHash = found.EvidenceHash
	d.Created = decideNow()
	d, err = st.AddDecision(ctx, d)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "ssrm decide: decision %d recorded for %s, %s: %s\n", d.ID, d.Vendor, d.Rule, describeDecision(d, found.Status))
	fmt.Fprintf(stdout, "  reason: %s\n", d.Reason)
	if d.Reviewer != "" {
		fmt.Fprintf(stdout, "  reviewer: %s\n", d.Reviewer)
	}
	fmt.Fprintf(stdout, "  evidence: sha256 %s…, as in %s\n", d.EvidenceHash[:12], sourceKind(source))
	return nil
}

// decideHistory prints the decisions recorded for vendor ("" for all),
// newest first, one a line.
func decideHistory(stdout io.Writer, dsn, vendor string) error {
	if dsn == "" {
		return fmt.Errorf("%w: no store: give --db (an SQLite file, or postgres://…) or set $%s", errUsage, dbEnv)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	ds, err := st.Decisions(ctx, vendor)
	if err != nil {
		return err
	}
	if len(ds) == 0 {
		fmt.Fprintln(stdout, "ssrm decide: no decisions recorded")
		return nil
	}
	for _, d := range ds {
		what := d.Status
		if d.As != "" {
			what += " as " + d.As
		}
		if d.Until != "" {
			what += " until " + d.Until
		}
		by := ""
		if d.Reviewer != "" {
			by = " by " + d.Reviewer
		}
		fmt.Fprintf(stdout, "%d  %s  %s  %s: %s%s: %s\n", d.ID, d.Created.UTC().Format("2006-01-02 15:04"), d.Vendor, d.Rule, what, by, d.Reason)
	}
	return nil
}

// sourceKind drops the time from an analysis' description, so the output
// names what the evidence came from without the clock.
func sourceKind(source string) string {
	if i := strings.Index(source, " of "); i >= 0 && strings.HasPrefix(source, "analysis ") {
		return source[:i]
	}
	return source
}

// describeDecision says in words what a decision does to a finding whose
// status ssrm gives as status.
func describeDecision(d store.Decision, status string) string {
	var s string
	switch d.Status {
	case store.Overridden:
		s = fmt.Sprintf("overridden, %s instead of ssrm's %s", d.As, status)
	case store.Waived:
		s = fmt.Sprintf("waived until %s (ssrm says %s)", d.Until, status)
	default:
		s = fmt.Sprintf("risk accepted (ssrm says %s)", status)
		if d.Until != "" {
			s += ", until " + d.Until
		}
	}
	return s
}

// decideFromDocuments analyses the vendor's documents as analyze does.
func decideFromDocuments(ctx context.Context, pf *parseFlags, paths []string, vendor, rules, serviceModel, password string) (*analyze.Result, error) {
	var packs []string
	if rules != "" {
		packs = strings.Split(rules, ",")
	}
	rs, err := analyze.LoadRules(packs)
	if err != nil {
		return nil, err
	}
	x, err := pf.extractor(0)
	if err != nil {
		return nil, err
	}
	defer x.Close()
	in, folder, err := readInputs(ctx, x, "", nil, nil, paths, extract.Options{Password: password, ServiceModel: serviceModel}, runtime.NumCPU())
	if err != nil {
		return nil, err
	}
	return assess(ctx, in, vendor, folder, serviceModel, rs)
}

// applyStore puts the vendor's decisions in st on res (those stored under
// the folder's name where none is under the vendor's: store.Apply) and
// records the analysis with its documents' hashes. A nil st does nothing.
func applyStore(ctx context.Context, st store.Store, res *analyze.Result, in *analyze.Inputs, origin origins, folder string) error {
	if st == nil {
		return nil
	}
	if res.Vendor == "" {
		return fmt.Errorf("%w: --db: the documents do not name the vendor, so no decision can be looked up or recorded: give --vendor", errUsage)
	}
	now := decideNow()
	if err := store.Apply(ctx, st, res, now, folder); err != nil {
		return err
	}
	docs, err := storeDocuments(in, origin)
	if err != nil {
		return err
	}
	_, err = store.Record(ctx, st, res, docs, now)
	return err
}

// openStoreFlag opens the store --db names, or returns nil for none.
func openStoreFlag(ctx context.Context, dsn string) (store.Store, error) {
	if dsn == "" {
		return nil, nil
	}
	return store.Open(ctx, dsn)
}

// storeDocuments lists the documents with their content hashes; a path
// is kept relative to the working folder when it lies inside it, else by
// its base name, so no row holds the reviewer's own disk layout.
// origin is where each document was read from (nil: its path says).
func storeDocuments(in *analyze.Inputs, origin origins) ([]store.Document, error) {
	var out []store.Document
	add := func(doc any, path, kind string) error {
		read, shown := path, relPath(path)
		if o, ok := origin[doc]; ok {
			read, shown = o, path
		}
		sum, err := store.FileSHA256(read)
		if err != nil {
			return &extract.InputError{Path: path, Err: err}
		}
		out = append(out, store.Document{Path: shown, Kind: kind, SHA256: sum})
		return nil
	}
	if q := in.Questionnaire; q != nil {
		if err := add(q, q.Path, string(extract.KindQuestionnaire)); err != nil {
			return nil, err
		}
	}
	for _, a := range in.Agreements {
		if err := add(a, a.Path, string(extract.KindAgreement)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func relPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Base(p)
	}
	wd, err := os.Getwd()
	if err != nil {
		return filepath.Base(p)
	}
	rel, err := filepath.Rel(wd, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.Base(p)
	}
	return filepath.ToSlash(rel)
}

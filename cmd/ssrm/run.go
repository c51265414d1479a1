package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/isolate"
	"github.com/ssrm-dev/ssrm/report"
)

// Exit codes (README "Exit codes").
const (
	exitOK       = 0 // passed: nothing at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on
	exitError    = 2 // usage or input error
)

// errFindings says the gate failed; errUsage marks a bad command line.
var (
	errFindings = errors.New("findings at or above the --fail-on threshold")
	errUsage    = errors.New("usage")
	// errReported is a usage error the flag package has already printed.
	errReported = errors.New("usage error already reported")
)

// ocrHelp describes --ocr for every command that reads PDFs.
const ocrHelp = "read PDF pages without a text layer (scans), and a DOCX's page images, with tesseract and pdftoppm (Debian: tesseract-ocr, poppler-utils); off by default"

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

const usage = `ssrm reads a vendor's security questionnaire and agreement and reports who is
responsible for what, and which transparency and incident-cooperation terms
are missing, weak or contradicted.

Usage:
  ssrm analyze [PATH...] [flags]   files or a vendor folder; types detected by content
  ssrm batch DIR|manifest.csv -o OUTDIR [flags]
                                   one vendor per folder or manifest row, in
                                   parallel; a report each and a portfolio
  ssrm diff OLD NEW [flags]        two rounds of an agreement (files or vendor
                                   folders): terms fixed, regressed, new or
                                   unchanged, and the cited clauses' changes
                                   word by word
  ssrm portfolio merge DIR... [-o OUTDIR]
                                   join the parts of a batch run in shards
                                   (batch --shard I/N) into its portfolio
  ssrm decide --vendor V --rule ID --status accepted|overridden|waived --reason TEXT [--db DSN]
                                   record a reviewer's decision on a finding;
                                   analyze --db and batch --db apply it
  ssrm extract FILE                what ssrm read, as JSON
  ssrm rules list|show ID|check FILE|frame TEXT|stats
  ssrm eval [--corpus DIR | --dpa [DIR]] [--split dev|test|all]
                                   precision, recall and cited sections against
                                   labelled agreements
  ssrm serve [--addr HOST:PORT]    a local web page: drop the files, read the
                                   report, download it
  ssrm version

Run 'ssrm analyze -h' for the analyze flags.
`

// Run is the whole command line: it parses args (without the program name),
// writes results to stdout and messages to stderr, and returns the exit
// code. Every error is mapped to an exit code here and nowhere else.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == isolate.ChildArg {
		// The hidden child mode: read one document for the parent.
		return isolate.Child(os.Stdin, stdout, stderr)
	}
	err := dispatch(args, stdout, stderr)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errFindings):
		return exitFindings
	case errors.Is(err, errPartial):
		fmt.Fprintf(stderr, "ssrm: %v\n", err)
		return exitPartial
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.Is(err, errReported):
		return exitError
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "ssrm: %v\n", strings.TrimPrefix(err.Error(), "usage: "))
		return exitError
	default:
		fmt.Fprintf(stderr, "ssrm: %v\n", err)
		return exitError
	}
}

func dispatch(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("%w: no command given", errUsage)
	}
	switch args[0] {
	case "analyze":
		return runAnalyze(args[1:], stdout, stderr)
	case "batch":
		return runBatch(args[1:], stdout, stderr)
	case "diff":
		return runDiff(args[1:], stdout, stderr)
	case "portfolio":
		return runPortfolio(args[1:], stdout, stderr)
	case "extract":
		return runExtract(args[1:], stdout, stderr)
	case "decide":
		return runDecide(args[1:], stdout, stderr)
	case "rules":
		return runRules(args[1:], stdout, stderr)
	case "eval":
		return runEval(args[1:], stdout, stderr)
	case "serve":
		return runServe(args[1:], stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, "ssrm", version)
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	// The error first, where the eye lands, then a short hint: the full
	// usage above it hid the one line that says what went wrong.
	fmt.Fprintf(stderr, "ssrm: unknown command %q\n", args[0])
	fmt.Fprintf(stderr, "The commands are %s.\nRun 'ssrm help' for the usage of each; 'ssrm rules frame TEXT' shows how one sentence is read.\n", strings.Join(commands, ", "))
	return errReported
}

// commands are the names dispatch knows, as the hint after an unknown
// command lists them.
var commands = []string{"analyze", "batch", "diff", "portfolio", "extract", "decide", "rules", "eval", "serve", "version", "help"}

// parseInterspersed parses flags wherever they stand among the positional
// arguments ("ssrm analyze FILE --format json").
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errReported
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error {
	*l = append(*l, s)
	return nil
}

func runAnalyze(args []string, stdout, stderr io.Writer) error {
	tuneGC()
	fs := flag.NewFlagSet("ssrm analyze", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		questionnaire = fs.String("questionnaire", "", "the vendor's security questionnaire (.xlsx, .xls, .csv)")
		agreements    listFlag
		vendor        = fs.String("vendor", "", "the vendor's name (default: as the questionnaire states it)")
		serviceModel  = fs.String("service-model", "saas", "saas, paas or iaas")
		rules         = fs.String("rules", "", "extra rule packs, comma-separated: embedded names ("+strings.Join(analyze.EmbeddedPacks(), ", ")+") or YAML files; baseline is always on")
		format        = fs.String("format", "text", "output format: "+strings.Join(report.Names(), ", "))
		output        = fs.String("o", "", "write the report to this file instead of stdout")
		failOn        = fs.String("fail-on", "high", "exit 1 when a finding that is not met has this severity or higher: critical, high, medium, low, never")
		password      = fs.String("password", "", "password for an encrypted PDF or workbook")
		ocr           = fs.Bool("ocr", false, ocrHelp)
		today         = fs.String("today", "", "the day, YYYY-MM-DD, from which the age of an assurance report's period is measured (default: today)")
		db            = addDBFlag(fs)
	)
	fs.Var(&agreements, "agreement", "the agreement (PDF, DOCX, Markdown, text); repeat for several")
	var reports listFlag
	fs.Var(&reports, "assurance", "an assurance report (SOC 2, SOC 1, SOC 3, ISO/IEC 27001 certificate, bridge letter; PDF, DOCX, Markdown, text); repeat for several")
	llmOpts := addLLMFlags(fs)
	pf := addParseFlags(fs, true, true)
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	x, err := pf.extractor(0)
	if err != nil {
		return err
	}
	defer x.Close() // the children kept for reuse
	threshold, err := parseFailOn(*failOn)
	if err != nil {
		return err
	}
	var day time.Time
	if *today != "" {
		if day, err = time.Parse("2006-01-02", *today); err != nil {
			return fmt.Errorf("%w: --today: want a date as YYYY-MM-DD, got %q", errUsage, *today)
		}
	}
	switch *serviceModel {
	case "saas", "paas", "iaas":
	default:
		return fmt.Errorf("%w: --service-model: want saas, paas or iaas, got %q", errUsage, *serviceModel)
	}
	if !validFormat(*format) {
		return fmt.Errorf("%w: --format: want one of %s, got %q", errUsage, strings.Join(report.Names(), ", "), *format)
	}
	var packs []string
	if *rules != "" {
		packs = strings.Split(*rules, ",")
	}
	// Files and folders given without a role may hold a questionnaire.
	ruleSet := loadRules(packs, *questionnaire != "" || len(paths) > 0)
	opts := extract.Options{Password: *password, ServiceModel: *serviceModel, OCR: *ocr}
	ctx := context.Background()
	// A model not given is analyze's default, which the report says.
	model := ""
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "service-model" {
			model = *serviceModel
		}
	})
	a, err := analyzeDocs(ctx, x, docArgs{questionnaire: *questionnaire, agreements: agreements, reports: reports, paths: paths, today: day, reportShowsWarnings: *output == "" && (*format == "text" || *format == "md")}, opts, *vendor, model, ruleSet, stderr)
	if err != nil {
		return err
	}
	res, in, modified := a.res, a.in, a.modified
	rs, _ := ruleSet()
	if err := llmOpts.secondOpinion(context.Background(), res, in, rs, stderr); err != nil {
		return err
	}
	st, err := openStoreFlag(ctx, *db)
	if err != nil {
		return err
	}
	if st != nil {
		defer st.Close()
	}
	if err := applyStore(ctx, st, res, &in, a.origin, a.folder); err != nil {
		return err
	}
	if stem := lonePathStem(docArgs{questionnaire: *questionnaire, agreements: agreements, reports: reports, paths: paths}); res.Vendor == "" && a.folder == "" && stem != "" {
		// One file that names no vendor is named after the file in the
		// report, as batch names a vendor of one file (README: reports
		// fall back to the folder or file name); decisions (--db) still
		// need a name the documents give, as ssrm decide reads them.
		res.Vendor, res.VendorSource = stem, analyze.VendorFromFile
	}
	if err := writeReport(stdout, *output, *format, res, &in, modified, *failOn); err != nil {
		return err
	}
	return gate(res, threshold)
}

// gate is the exit status of a run whose (new) result is res: errFindings
// when a finding that is not met has the --fail-on severity (threshold, a
// severity rank; 0 never fails) or a higher one. ssrm analyze and ssrm
// diff (on the new round) gate with it.
func gate(res *analyze.Result, threshold int) error {
	if threshold > 0 && res.MaxSeverity().Rank() >= threshold {
		return errFindings
	}
	return nil
}

// loadRules starts loading the rule packs (embedded names or YAML files)
// and returns a function that waits for them: they load while the
// documents are read (in child processes), and a rules error is still the
// one reported. The assurance data, which every analysis reads, is made
// there too, and so is the crosswalk when withQuestionnaire says the
// documents may hold a questionnaire (only a questionnaire's items are
// placed by it; otherwise it is made on first use, and an analysis of
// agreements alone never uses it).
func loadRules(packs []string, withQuestionnaire bool) func() (*analyze.RuleSet, error) {
	done := make(chan struct{})
	var rs *analyze.RuleSet
	var err error
	go func() {
		defer close(done)
		rs, err = analyze.LoadRules(packs)
		if err == nil {
			if withQuestionnaire {
				rs.Crosswalk.Warm() // compiled on first use otherwise, after the reading
			}
			analyze.WarmAssurance()
		}
	}()
	return func() (*analyze.RuleSet, error) {
		<-done
		return rs, err
	}
}

// docArgs are the documents of one vendor as given on the command line:
// the explicit roles and the positional paths (files or folders).
type docArgs struct {
	questionnaire string
	agreements    []string
	// reports are the assurance reports given by --assurance.
	reports []string
	paths   []string
	// today is the day the age of an assurance report is measured from
	// (zero: today).
	today time.Time
	// reportShowsWarnings: the report goes to the terminal in a format
	// that lists the result's warnings (text or Markdown on stdout), so
	// they are not printed on stderr a second time (new user 49).
	reportShowsWarnings bool
}

// all lists every path given, for nameAsGiven.
func (d docArgs) all() []string {
	return append(append(append([]string{d.questionnaire}, d.agreements...), d.reports...), d.paths...)
}

// lonePathStem is the name, without its extension, of the one file the
// run was given, or "" when it was given several, or a folder.
func lonePathStem(d docArgs) string {
	var given []string
	for _, p := range d.all() {
		if p != "" {
			given = append(given, p)
		}
	}
	if len(given) != 1 {
		return ""
	}
	if fi, err := os.Stat(given[0]); err != nil || !fi.Mode().IsRegular() {
		return ""
	}
	base := filepath.Base(given[0])
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// analysis is one vendor's documents read and analysed.
type analysis struct {
	in  analyze.Inputs
	res *analyze.Result
	// modified is the newest modification time of the documents (the
	// time the report states).
	modified time.Time
	// origin is where each document was read from (nameAsGiven).
	origin origins
	// folder is the vendor folder's name ("" for files): decisions stored
	// under it apply where none is stored under the vendor's name.
	folder string
}

// analyzeDocs is the pipeline of ssrm analyze, and of each round of ssrm
// diff: it reads the documents (readInputs, x), prints the readers'
// warnings and the result's (analyze.Result.Warnings) on stderr, names the documents as given (nameAsGiven) and
// assesses them with the rules once loaded (assess). It returns the first
// reading or rules error.
func analyzeDocs(ctx context.Context, x *isolate.Extractor, docs docArgs, opts extract.Options, vendor, serviceModel string, rules func() (*analyze.RuleSet, error), stderr io.Writer) (analysis, error) {
	in, folder, err := readInputs(ctx, x, docs.questionnaire, docs.agreements, docs.reports, docs.paths, opts, runtime.NumCPU())
	rs, rerr := rules()
	if rerr != nil {
		return analysis{}, rerr
	}
	if err != nil {
		return analysis{}, err
	}
	for _, w := range inputWarnings(&in) {
		fmt.Fprintf(stderr, "ssrm: warning: %s\n", w)
	}
	modified, origin := nameAsGiven(&in, docs.all())
	res, err := assessOn(ctx, in, vendor, folder, serviceModel, rs, docs.today)
	if err != nil {
		return analysis{}, err
	}
	for _, w := range res.Warnings {
		// The report has it too; the exit code does not change.
		if docs.reportShowsWarnings {
			break
		}
		fmt.Fprintf(stderr, "ssrm: warning: %s\n", w.Message)
	}
	return analysis{in: in, res: res, modified: modified, origin: origin, folder: folder}, nil
}

func validFormat(name string) bool {
	for _, n := range report.Names() {
		if n == name {
			return true
		}
	}
	return false
}

// parseFailOn returns the severity rank at which the gate fails, 0 for never.
func parseFailOn(s string) (int, error) {
	if s == "never" {
		return 0, nil
	}
	if r := analyze.Severity(s).Rank(); r > 0 {
		return r, nil
	}
	return 0, fmt.Errorf("%w: --fail-on: want critical, high, medium, low or never, got %q", errUsage, s)
}

// writeReport renders res to the file at path, or to stdout; the documents
// fill the sheets of the xlsx report that list them, and modified (their
// newest modification time, see nameAsGiven) is the time the report states;
// failOn (--fail-on) lets the text and Markdown reports say which gate
// decided the exit code.
func writeReport(stdout io.Writer, path, format string, res *analyze.Result, docs *analyze.Inputs, modified time.Time, failOn string) error {
	opts := report.Options{Docs: docs, Modified: modified, FailOn: failOn}
	if path == "" {
		return report.WriteOptions(stdout, format, res, opts)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := report.WriteOptions(f, format, res, opts); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// inputsModified is the newest modification time of the documents' files
// (zero when none can be read): the time a report states, so that the same
// files give the same report bytes.
func inputsModified(in *analyze.Inputs) time.Time {
	var paths []string
	if in.Questionnaire != nil {
		paths = append(paths, in.Questionnaire.Path)
	}
	for _, a := range in.Agreements {
		paths = append(paths, a.Path)
	}
	for _, r := range in.Assurance {
		paths = append(paths, r.Path)
	}
	var newest time.Time
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil && st.ModTime().After(newest) {
			newest = st.ModTime()
		}
	}
	return newest
}

// inputWarnings lists what the documents' readers noted without failing
// (a template workbook without its cover sheet), each with its file.
func inputWarnings(in *analyze.Inputs) []string {
	var out []string
	if q := in.Questionnaire; q != nil {
		for _, w := range q.Warnings {
			out = append(out, q.Path+": "+w)
		}
	}
	return out
}

// readInputs opens the explicit roles and the positional paths (files, or
// folders whose files are all read), each detected by content and read by
// x, up to parallel documents at a time. It also returns the base name of
// the last folder given, which names the vendor. The documents are taken,
// and the first error reported, in the order given, as a reading one by
// one would.
func readInputs(ctx context.Context, x *isolate.Extractor, questionnaire string, agreements, reports, paths []string, opts extract.Options, parallel int) (in analyze.Inputs, folder string, err error) {
	if questionnaire == "" && len(agreements) == 0 && len(reports) == 0 && len(paths) == 0 {
		return in, "", fmt.Errorf("%w: nothing to analyze: give files, a vendor folder, --questionnaire, --agreement or --assurance", errUsage)
	}
	// The documents to read, in order; a group is a folder's files, whose
	// errors are all reported together.
	type job struct {
		path  string
		want  extract.Kind
		group int
		err   error // the path itself could not be listed
		doc   extract.Document
		read  error
	}
	var jobs []*job
	if questionnaire != "" {
		jobs = append(jobs, &job{path: questionnaire, want: extract.KindQuestionnaire, group: -1})
	}
	for _, a := range agreements {
		jobs = append(jobs, &job{path: a, want: extract.KindAgreement, group: -1})
	}
	for _, r := range reports {
		jobs = append(jobs, &job{path: r, want: extract.KindAssurance, group: -1})
	}
	folders := make([]string, len(paths))
	for g, p := range paths {
		files, err := expand(p)
		if err != nil {
			jobs = append(jobs, &job{path: p, group: g, err: err})
			continue
		}
		if len(files) != 1 || files[0] != p {
			folders[g] = filepath.Base(filepath.Clean(p))
		}
		for _, f := range files {
			jobs = append(jobs, &job{path: f, group: g})
		}
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(parallel, 1))
	for _, j := range jobs {
		if j.err != nil {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			j.doc, j.read = x.Open(ctx, j.path, opts)
		}()
	}
	wg.Wait()

	add := func(j *job) error {
		if j.read != nil {
			return j.read
		}
		doc := j.doc
		if j.want != "" && doc.Kind() != j.want {
			return &extract.InputError{Path: j.path, Err: fmt.Errorf("given as the %s, but it reads as %s", strings.TrimPrefix(strings.TrimPrefix(article(j.want), "a "), "an "), article(doc.Kind()))}
		}
		if doc.Questionnaire != nil {
			if in.Questionnaire != nil {
				return fmt.Errorf("%w: two questionnaires (%s and %s): pass the one to assess with --questionnaire", errUsage, in.Questionnaire.Path, j.path)
			}
			in.Questionnaire = doc.Questionnaire
			return nil
		}
		if doc.Assurance != nil {
			in.Assurance = append(in.Assurance, doc.Assurance)
			return nil
		}
		in.Agreements = append(in.Agreements, doc.Agreement)
		return nil
	}
	for k := 0; k < len(jobs); {
		j := jobs[k]
		if j.group < 0 {
			if err := add(j); err != nil {
				return in, "", err
			}
			k++
			continue
		}
		if j.err != nil {
			return in, "", j.err
		}
		if folders[j.group] != "" {
			folder = folders[j.group]
		}
		// Read every file of a folder before giving up, so that one run
		// names all the files that cannot be read.
		var errs []error
		for ; k < len(jobs) && jobs[k].group == j.group; k++ {
			if err := add(jobs[k]); err != nil {
				errs = append(errs, err)
			}
		}
		if len(errs) > 0 {
			return in, "", errors.Join(errs...)
		}
	}
	return in, folder, nil
}

// article gives "a questionnaire", "an agreement" or "an assurance
// report".
func article(k extract.Kind) string {
	switch k {
	case extract.KindAgreement:
		return "an agreement"
	case extract.KindAssurance:
		return "an assurance report"
	}
	return "a " + string(k)
}

// expand lists a folder's files (not hidden, not recursive, sorted), or
// returns the path itself.
func expand(p string) ([]string, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, &extract.InputError{Path: p, Err: err}
	}
	if !st.IsDir() {
		return []string{p}, nil
	}
	entries, err := os.ReadDir(p)
	if err != nil {
		return nil, &extract.InputError{Path: p, Err: err}
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		out = append(out, filepath.Join(p, e.Name()))
	}
	sort.Strings(out)
	if len(out) == 0 {
		return nil, &extract.InputError{Path: p, Err: errors.New("the folder holds no files")}
	}
	return out, nil
}

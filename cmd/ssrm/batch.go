package main

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/mattn/go-isatty"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/isolate"
	"github.com/ssrm-dev/ssrm/internal/store"
	"github.com/ssrm-dev/ssrm/report"
)

// exitPartial: the batch ran, but some vendors could not be assessed (an
// unreadable vendor, or Ctrl-C); it wins over exitFindings because the
// portfolio is incomplete.
const exitPartial = 3

// errPartial says a batch finished without assessing every vendor.
var errPartial = errors.New("batch partial")

const batchUsage = `Usage: ssrm batch DIR|manifest.csv -o OUTDIR [flags]

DIR holds one sub-folder per vendor (its files assessed together, roles
detected by content) or one file per vendor (named after the file). A manifest
is a CSV with the columns vendor, service_model, criticality, files (files
separated by ';', relative to the manifest).

With --shard I/N (I from 0 to N-1; --shard N takes I from the environment
variable JOB_COMPLETION_INDEX, as a Kubernetes Indexed Job sets it) the batch
assesses only vendors I, I+N, I+2N, ... of the folder or manifest and writes
their reports and OUTDIR/portfolio.part-I-of-N.json instead of the portfolio;
'ssrm portfolio merge' joins the parts into the portfolio a single run gives.

Flags:
`

// errInterrupted marks the vendors a Ctrl-C left unassessed.
var errInterrupted = errors.New("not assessed: the batch was interrupted")

// batchContext is the parent context of a batch; tests replace it.
var batchContext = context.Background

// batchVendorDone, when set, is called after each vendor (tests use it to
// interrupt a batch part-way).
var batchVendorDone func(done int)

// vendorJob is one vendor to assess.
type vendorJob struct {
	// Key names the report file: the folder name or the manifest's vendor.
	Key          string
	Vendor       string // as the manifest names it; "" for a folder
	Folder       string
	ServiceModel string
	Criticality  string
	Paths        []string
	Err          error // a manifest row that cannot be assessed
	// File marks a vendor of one file beside the vendor folders: its
	// name (Folder, the file's without extension) names the vendor only
	// where the document does not, and is never given to the engine as
	// the vendor's name ("dpa-acme" made every "the DPA" the vendor).
	File bool
}

// assess analyses one vendor's documents the way ssrm analyze does: the
// vendor is named by --vendor (or the manifest), else by its documents
// (questionnaire, agreement), else by its folder (VendorFromFolder); the
// waivers' rule files are named as given (nameWaiversAsGiven). The folder
// name is never given to the engine as the vendor's name: a folder called
// "acme" must not hide the "Acme Cloud Ltd." the agreement defines, nor
// make the engine read "acme" as a party.
func assess(ctx context.Context, in analyze.Inputs, vendor, folder, serviceModel string, rs *analyze.RuleSet) (*analyze.Result, error) {
	return assessOn(ctx, in, vendor, folder, serviceModel, rs, time.Time{})
}

// assessOn is assess with the day the age of assurance reports is measured
// from (zero: today).
func assessOn(ctx context.Context, in analyze.Inputs, vendor, folder, serviceModel string, rs *analyze.RuleSet, today time.Time) (*analyze.Result, error) {
	res, err := analyze.Run(ctx, in, rs, analyze.Options{Vendor: vendor, ServiceModel: serviceModel, Now: today})
	if err != nil {
		return nil, err
	}
	if res.Vendor == "" && folder != "" {
		res.Vendor = folder
		if res.VendorSource != analyze.VendorDiffers {
			res.VendorSource = analyze.VendorFromFolder
		}
	}
	nameWaiversAsGiven(res)
	return res, nil
}

func runBatch(args []string, stdout, stderr io.Writer) error {
	tuneGC()
	fs := flag.NewFlagSet("ssrm batch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, batchUsage)
		fs.PrintDefaults()
	}
	var (
		outDir       = fs.String("o", "", "write the vendor reports and the portfolio report into this folder (required)")
		format       = fs.String("format", "html", "per-vendor report format: "+strings.Join(report.Names(), ", "))
		portfolioFmt = fs.String("portfolio-format", "xlsx", "portfolio report format: "+strings.Join(report.PortfolioFormats, ", "))
		jobs         = fs.Int("jobs", runtime.NumCPU(), "vendors assessed in parallel")
		serviceModel = fs.String("service-model", "saas", "saas, paas or iaas, for vendors whose manifest row does not say")
		rules        = fs.String("rules", "", "extra rule packs, comma-separated (as for analyze)")
		failOn       = fs.String("fail-on", "high", "exit 1 when a vendor has a finding not met at this severity or higher: critical, high, medium, low, never")
		password     = fs.String("password", "", "password for encrypted PDFs or workbooks")
		ocr          = fs.Bool("ocr", false, ocrHelp)
		db           = addDBFlag(fs)
		shardFlag    = fs.String("shard", "", "I/N: assess only vendors I, I+N, I+2N, ... (I from 0) and write a portfolio part for 'ssrm portfolio merge'; N alone takes I from JOB_COMPLETION_INDEX")
	)
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
	if !x.InProcess && os.Getenv("GOMEMLIMIT") == "" {
		// The documents are read by other processes; this one holds a
		// vendor's documents and frames while it is analysed and a summary
		// of each finished one. A soft limit of 96 MB keeps the
		// collector's slack (tuneGC) from making the peak depend on when
		// it last ran: 94-133 MB over three runs of the same 100 vendors
		// without it, 95 MB with it, for the same processor time (past
		// the limit the collector only runs more often).
		debug.SetMemoryLimit(96 << 20)
	}
	if len(paths) != 1 {
		return fmt.Errorf("%w: ssrm batch takes one DIR or manifest.csv", errUsage)
	}
	if *outDir == "" {
		return fmt.Errorf("%w: ssrm batch needs -o OUTDIR for the reports", errUsage)
	}
	threshold, err := parseFailOn(*failOn)
	if err != nil {
		return err
	}
	if !validFormat(*format) {
		return fmt.Errorf("%w: --format: want one of %s, got %q", errUsage, strings.Join(report.Names(), ", "), *format)
	}
	if !oneOf(*portfolioFmt, report.PortfolioFormats) {
		return fmt.Errorf("%w: --portfolio-format: want one of %s, got %q", errUsage, strings.Join(report.PortfolioFormats, ", "), *portfolioFmt)
	}
	if !oneOf(*serviceModel, []string{"saas", "paas", "iaas"}) {
		return fmt.Errorf("%w: --service-model: want saas, paas or iaas, got %q", errUsage, *serviceModel)
	}
	if *jobs < 1 {
		return fmt.Errorf("%w: --jobs: want 1 or more, got %d", errUsage, *jobs)
	}
	shard, err := parseShard(*shardFlag, os.Getenv("JOB_COMPLETION_INDEX"))
	if err != nil {
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
	vendors, flat, err := batchJobs(paths[0], *serviceModel)
	if err != nil {
		return err
	}
	if flat {
		fmt.Fprintf(stderr, "ssrm batch: %s has no sub-folders: each file is one vendor (to assess a vendor's questionnaire and agreements together, put them in one sub-folder)\n", paths[0])
	}
	st, err := openStoreFlag(context.Background(), *db)
	if err != nil {
		return err
	}
	if st != nil {
		defer st.Close()
	}
	if err := os.MkdirAll(*outDir, 0o755); err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(batchContext(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// Report names are made unique over the whole list, so every shard
	// names a vendor as a single run would.
	names := uniqueNames(vendors)
	all, fp := len(vendors), fingerprint(vendors)
	var index []int // each vendor's place in the whole list
	vendors, names, index = shard.slice(vendors, names)
	b := &batch{x: x, rs: rs, format: *format, outDir: *outDir, password: *password, ocr: *ocr, threshold: threshold,
		st: st, names: names, progress: newProgress(stderr, len(vendors))}
	// On the first Ctrl-C, say what happens and let a second one end the
	// process at once.
	finished, watcher := make(chan struct{}), make(chan struct{})
	defer func() {
		close(finished)
		<-watcher
	}()
	go func() {
		defer close(watcher)
		select {
		case <-finished:
		case <-ctx.Done():
			select {
			case <-finished:
				return
			default:
			}
			stop()
			b.progress.note("interrupted: finishing the vendors in progress and writing the portfolio (Ctrl-C again to quit at once)")
		}
	}()
	p, gated := b.run(ctx, vendors, *jobs)
	gate, nGated := false, 0
	for _, g := range gated {
		if g {
			gate, nGated = true, nGated+1
		}
	}

	portfolio := filepath.Join(*outDir, "portfolio."+*portfolioFmt)
	if shard.n > 0 {
		portfolio = filepath.Join(*outDir, shard.partName())
		part := newPart(shard, all, fp, p, index, gated, *failOn)
		if err := writeFileAtomic(portfolio, part.write); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "ssrm batch: shard %d/%d: %s; %s\n  part: %s\n", shard.i, shard.n, p.Line(), batchGateNote(p, *failOn, nGated), portfolio)
	} else {
		if err := writeFileAtomic(portfolio, func(w io.Writer) error { return report.WritePortfolio(w, *portfolioFmt, p) }); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "ssrm batch: %s; %s\n  portfolio: %s\n", p.Line(), batchGateNote(p, *failOn, nGated), portfolio)
	}
	failed := p.FailedVendors()
	for _, v := range failed {
		fmt.Fprintf(stdout, "  not assessed: %s: %s\n", v.Name, v.Err)
	}
	for _, n := range oneCompanyNotes(vendors, p) {
		fmt.Fprintf(stdout, "  %s\n", n)
	}
	switch {
	case len(failed) > 0 || p.Interrupted:
		return fmt.Errorf("%w: %d of %d vendors not assessed (listed in %s)", errPartial, len(failed), len(p.Vendors), portfolio)
	case gate:
		return errFindings
	}
	return nil
}

func oneOf(s string, list []string) bool {
	for _, l := range list {
		if s == l {
			return true
		}
	}
	return false
}

// batchJobs lists the vendors of a folder or of a manifest CSV. In a
// folder each sub-folder is one vendor (its files assessed together) and
// each file beside them is one vendor of its own, named after the file
// without its extension; hidden entries are left out. flat reports a folder
// holding files and no sub-folder, where that reading may not be what the
// user meant (one vendor's files given as the folder).
func batchJobs(path, serviceModel string) (jobs []vendorJob, flat bool, err error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, false, &extract.InputError{Path: path, Err: err}
	}
	if !st.IsDir() {
		jobs, err := readManifest(path, serviceModel)
		return jobs, false, err
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, false, &extract.InputError{Path: path, Err: err}
	}
	folders := 0
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		full := filepath.Join(path, e.Name())
		// A symbolic link counts as what it points to.
		st, err := os.Stat(full)
		switch {
		case err != nil:
			jobs = append(jobs, vendorJob{Key: e.Name(), Folder: e.Name(), ServiceModel: serviceModel, Err: &extract.InputError{Path: full, Err: err}})
		case st.IsDir():
			folders++
			jobs = append(jobs, vendorJob{Key: e.Name(), Folder: e.Name(), ServiceModel: serviceModel, Paths: []string{full}})
		case st.Mode().IsRegular():
			stem := strings.TrimSuffix(e.Name(), filepath.Ext(e.Name()))
			if stem == "" {
				stem = e.Name()
			}
			jobs = append(jobs, vendorJob{Key: stem, Folder: stem, ServiceModel: serviceModel, Paths: []string{full}, File: true})
		default:
			jobs = append(jobs, vendorJob{Key: e.Name(), Folder: e.Name(), ServiceModel: serviceModel, Err: &extract.InputError{Path: full, Err: errors.New("neither a folder nor a regular file")}})
		}
	}
	if len(jobs) == 0 {
		return nil, false, &extract.InputError{Path: path, Err: errors.New("no vendors: the folder is empty (give one sub-folder or one file per vendor, or a manifest CSV)")}
	}
	return jobs, folders == 0, nil
}

// readManifest reads vendor, service_model, criticality, files (header row
// required, column order free). A bad row fails that vendor only.
func readManifest(path, serviceModel string) ([]vendorJob, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &extract.InputError{Path: path, Err: err}
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	rows, err := r.ReadAll()
	if err != nil {
		return nil, &extract.InputError{Path: path, Err: fmt.Errorf("not a CSV manifest: %v", err)}
	}
	if len(rows) < 2 {
		return nil, &extract.InputError{Path: path, Err: errors.New("the manifest lists no vendors (want a header row vendor,service_model,criticality,files and one row per vendor)")}
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, need := range []string{"vendor", "files"} {
		if _, ok := col[need]; !ok {
			return nil, &extract.InputError{Path: path, Place: "row 1", Err: fmt.Errorf("no %q column (want vendor, service_model, criticality, files)", need)}
		}
	}
	get := func(row []string, name string) string {
		i, ok := col[name]
		if !ok || i >= len(row) {
			return ""
		}
		return strings.TrimSpace(row[i])
	}
	base := filepath.Dir(path)
	var out []vendorJob
	for n, row := range rows[1:] {
		if len(row) == 1 && strings.TrimSpace(row[0]) == "" {
			continue
		}
		place := "row " + strconv.Itoa(n+2)
		j := vendorJob{Vendor: get(row, "vendor"), ServiceModel: strings.ToLower(get(row, "service_model")), Criticality: get(row, "criticality")}
		j.Key = j.Vendor
		if j.ServiceModel == "" {
			j.ServiceModel = serviceModel
		}
		for _, p := range strings.Split(get(row, "files"), ";") {
			if p = strings.TrimSpace(p); p != "" {
				if !filepath.IsAbs(p) {
					p = filepath.Join(base, p)
				}
				j.Paths = append(j.Paths, p)
			}
		}
		switch {
		case j.Vendor == "":
			j.Key = place
			j.Err = &extract.InputError{Path: path, Place: place, Err: errors.New("no vendor name")}
		case !oneOf(j.ServiceModel, []string{"saas", "paas", "iaas"}):
			j.Err = &extract.InputError{Path: path, Place: place, Err: fmt.Errorf("service_model: want saas, paas or iaas, got %q", j.ServiceModel)}
		case len(j.Paths) == 0:
			j.Err = &extract.InputError{Path: path, Place: place, Err: errors.New("no files")}
		}
		out = append(out, j)
	}
	return out, nil
}

// batch assesses vendors with a pool of workers.
type batch struct {
	x         *isolate.Extractor
	rs        *analyze.RuleSet
	format    string
	outDir    string
	password  string
	ocr       bool
	threshold int
	st        store.Store // the decisions store (--db), or nil
	names     []string
	progress  *progress
}

// run assesses every vendor, jobs at a time, and returns the portfolio
// (in the input order) and, per vendor, whether it failed the --fail-on
// gate.
// When ctx ends it stops handing out vendors, lets the running ones
// finish, and lists the rest as not assessed.
func (b *batch) run(ctx context.Context, vendors []vendorJob, jobs int) (*report.Portfolio, []bool) {
	entries := make([]report.PortfolioVendor, len(vendors))
	gated := make([]bool, len(vendors))
	started := make([]bool, len(vendors))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(jobs, len(vendors)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				entries[i], gated[i] = b.one(ctx, vendors[i], b.names[i])
				b.progress.done(entries[i])
			}
		}()
	}
	interrupted := false
dispatch:
	for i := range vendors {
		select {
		case <-ctx.Done():
			interrupted = true
			break dispatch
		default:
		}
		select {
		case work <- i:
			started[i] = true
		case <-ctx.Done():
			interrupted = true
			break dispatch
		}
	}
	close(work)
	wg.Wait()
	b.progress.finish()
	p := &report.Portfolio{Interrupted: interrupted}
	for i, v := range vendors {
		e := entries[i]
		if !started[i] {
			e = report.PortfolioVendor{Name: displayName(v), Criticality: v.Criticality, ServiceModel: v.ServiceModel, Err: errInterrupted.Error()}
		}
		p.Vendors = append(p.Vendors, e)
	}
	return p, gated
}

func displayName(v vendorJob) string {
	if v.Vendor != "" {
		return v.Vendor
	}
	return v.Key
}

// one assesses a vendor and writes its report; an error is kept in the
// entry, never returned, so one vendor never stops the batch.
func (b *batch) one(ctx context.Context, v vendorJob, name string) (report.PortfolioVendor, bool) {
	fail := func(err error) (report.PortfolioVendor, bool) {
		if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			err = errInterrupted
		}
		msg := strings.ReplaceAll(err.Error(), "\n", "; ")
		return report.PortfolioVendor{Name: displayName(v), ServiceModel: v.ServiceModel, Criticality: v.Criticality, Err: msg}, false
	}
	if v.Err != nil {
		return fail(v.Err)
	}
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	in, _, err := readInputs(ctx, b.x, "", nil, nil, v.Paths, extract.Options{Password: b.password, ServiceModel: v.ServiceModel, OCR: b.ocr}, 1)
	if err != nil {
		return fail(errors.New(strings.TrimPrefix(err.Error(), "usage: ")))
	}
	for _, w := range inputWarnings(&in) {
		b.progress.note("warning: " + w)
	}
	modified, origin := nameAsGiven(&in, v.Paths)
	res, err := assess(ctx, in, v.Vendor, v.Folder, v.ServiceModel, b.rs)
	if err != nil {
		return fail(err)
	}
	if v.File && res.VendorSource == analyze.VendorFromFolder {
		res.VendorSource = analyze.VendorFromFile // a vendor of one file beside the folders
	}
	for _, w := range res.Warnings {
		b.progress.note("warning: " + w.Message)
	}
	if err := applyStore(ctx, b.st, res, &in, origin, v.Folder); err != nil {
		return fail(fmt.Errorf("the decisions store: %w", err))
	}
	file := name + "." + report.Ext(b.format)
	err = writeFileAtomic(filepath.Join(b.outDir, file), func(w io.Writer) error {
		return report.WriteOptions(w, b.format, res, report.Options{Docs: &in, Modified: modified})
	})
	if err != nil {
		return fail(fmt.Errorf("writing the report: %w", err))
	}
	e := report.PortfolioEntry(res)
	if v.Vendor != "" {
		e.Name = v.Vendor
	}
	e.Criticality, e.Report = v.Criticality, file
	return e, b.threshold > 0 && res.MaxSeverity().Rank() >= b.threshold
}

// writeFileAtomic writes path through a temporary file in the same folder,
// so an interrupted batch never leaves half a report.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	if err := write(tmp); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// uniqueNames gives each vendor a safe file name stem, distinct even on a
// case-insensitive file system ("acme", "acme-2", ...).
func uniqueNames(vendors []vendorJob) []string {
	out := make([]string, len(vendors))
	used := map[string]bool{}
	for i, v := range vendors {
		base := safeName(v.Key)
		name := base
		for n := 2; used[strings.ToLower(name)]; n++ {
			name = fmt.Sprintf("%s-%d", base, n)
		}
		used[strings.ToLower(name)] = true
		out[i] = name
	}
	return out
}

// safeName makes a vendor name a portable file name: letters, digits, '.',
// '_' and '-' kept, runs of anything else become one '-', no leading dot,
// at most 80 bytes, never empty or a Windows device name.
func safeName(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-'
		if ok {
			b.WriteRune(r)
			dash = false
		} else if !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	name := strings.Trim(b.String(), "-.")
	if len(name) > 80 {
		name = strings.TrimRight(name[:80], "-.")
	}
	switch strings.ToUpper(strings.SplitN(name, ".", 2)[0]) {
	case "", "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "PORTFOLIO":
		name = "vendor-" + name
	}
	return strings.TrimRight(name, "-")
}

// progress reports each finished vendor on stderr: a bar redrawn in place
// when stderr is a terminal, one plain line per vendor otherwise.
type progress struct {
	mu       sync.Mutex
	w        io.Writer
	tty      bool
	total, n int
	failed   int
	start    time.Time
	last     time.Time
}

func newProgress(w io.Writer, total int) *progress {
	tty := false
	if f, ok := w.(*os.File); ok {
		tty = isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
	}
	return &progress{w: w, tty: tty, total: total, start: time.Now()}
}

func (p *progress) done(e report.PortfolioVendor) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	if e.Failed() {
		p.failed++
	}
	if batchVendorDone != nil {
		batchVendorDone(p.n)
	}
	if !p.tty {
		if e.Failed() {
			fmt.Fprintf(p.w, "ssrm: [%d/%d] %s: not assessed: %s\n", p.n, p.total, e.Name, e.Err)
		} else {
			fmt.Fprintf(p.w, "ssrm: [%d/%d] %s: score %s, %s\n", p.n, p.total, e.Name, e.ScoreText(), e.Verdict)
		}
		return
	}
	if now := time.Now(); p.n < p.total && now.Sub(p.last) < 100*time.Millisecond {
		return
	} else {
		p.last = now
	}
	const width = 30
	fill := width * p.n / max(p.total, 1)
	name := e.Name
	if len(name) > 30 {
		name = name[:30]
	}
	fmt.Fprintf(p.w, "\r\033[K[%s%s] %d/%d, %d failed, %s  %s", strings.Repeat("=", fill), strings.Repeat(" ", width-fill), p.n, p.total, p.failed, time.Since(p.start).Round(time.Second), name)
}

// note prints a message between progress updates.
func (p *progress) note(msg string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.tty {
		fmt.Fprint(p.w, "\r\033[K")
	}
	fmt.Fprintf(p.w, "ssrm: %s\n", msg)
}

func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.tty {
		fmt.Fprintf(p.w, "\r\033[K%d/%d vendors in %s, %d failed\n", p.n, p.total, time.Since(p.start).Round(time.Millisecond), p.failed)
	}
}

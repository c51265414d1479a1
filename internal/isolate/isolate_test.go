package isolate

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ssrm-dev/ssrm/extract"
)

// fakeArg makes the test binary a child that reads the request, sets the
// limits as Child does, then misbehaves as its next argument says.
const fakeArg = "__fake_child"

func TestMain(m *testing.M) {
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case ChildArg:
			os.Exit(Child(os.Stdin, os.Stdout, os.Stderr))
		case fakeArg:
			os.Exit(fakeChild(os.Args[2:]))
		}
	}
	os.Exit(m.Run())
}

var sink [][]byte

func fakeChild(args []string) int {
	var req request
	if err := json.NewDecoder(os.Stdin).Decode(&req); err != nil {
		return 2
	}
	if err := setLimits(req.MemoryBytes, req.CPUSeconds); err != nil {
		return 2
	}
	switch args[0] {
	case "oom": // allocate and touch until the data limit stops it
		for {
			b := make([]byte, 8<<20)
			for i := range b {
				b[i] = 1
			}
			sink = append(sink, b)
		}
	case "spin": // burn processor time on every core
		for range runtime.NumCPU() {
			go func() {
				for {
					sink = nil
				}
			}()
		}
		select {}
	case "hang":
		select {}
	case "grandchild": // start a long sleep, say its pid, then hang
		cmd := exec.Command("sleep", "60")
		if err := cmd.Start(); err != nil {
			return 2
		}
		os.WriteFile(args[1], []byte(strconv.Itoa(cmd.Process.Pid)), 0o644)
		select {}
	case "flood": // a valid start, then far more than the output cap
		fmt.Print(`{"document":{"Agreement":{"path":"`)
		chunk := strings.Repeat("x", 1<<16)
		for {
			if _, err := fmt.Print(chunk); err != nil {
				return 0
			}
		}
	case "panic":
		panic("the parser met a nil map")
	case "silent":
		return 0
	case "litter": // leave a file in the temporary folder, then hang
		f, err := os.CreateTemp("", "excelize-")
		if err != nil {
			return 2
		}
		f.WriteString("an unzipped sheet")
		f.Close()
		select {}
	}
	return 3
}

func fake(mode string, extra ...string) *Extractor {
	return &Extractor{Command: append([]string{os.Args[0], fakeArg, mode}, extra...)}
}

const sampleDir = "../../samples/nimbus-ledger"

// files whose reading must come out the same in a child as in process:
// documents and errors.
func sameFiles(t *testing.T) []string {
	files := []string{
		filepath.Join(sampleDir, "questionnaire.xlsx"),
		filepath.Join(sampleDir, "agreement.pdf"),
		"../../extract/testdata/agreement-sample.md",
		"../../cmd/ssrm/testdata/login-page.pdf",
		"../../cmd/ssrm/testdata/unsupported.bin",
		filepath.Join(t.TempDir(), "missing.pdf"),
	}
	csv := filepath.Join(t.TempDir(), "q.csv")
	os.WriteFile(csv, []byte("ID,Question,Answer\nIAM-01.1,Is MFA enforced?,=Yes\n"), 0o644)
	return append(files, csv)
}

// TestChildSameAsInProcess: a document read in a child is the document
// read in process, field for field, and a file's error keeps its text and
// its sentinels.
func TestChildSameAsInProcess(t *testing.T) {
	iso := &Extractor{}
	for _, path := range sameFiles(t) {
		compare(t, iso, path)
	}
}

// TestChildSameOnCorpus runs the comparison over the real documents.
func TestChildSameOnCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads every corpus document twice")
	}
	root := "../../../shared/corpus"
	var files []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.Contains(p, "/labels/") {
			files = append(files, p)
		}
		return nil
	})
	if len(files) == 0 {
		t.Skipf("no corpus at %s", root)
	}
	iso := &Extractor{}
	for _, p := range files {
		compare(t, iso, p)
	}
	t.Logf("%d corpus files read the same in a child", len(files))
}

func compare(t *testing.T, iso *Extractor, path string) {
	t.Helper()
	opts := extract.Options{ServiceModel: "saas"}
	want, wantErr := extract.Open(path, opts)
	got, gotErr := iso.Open(context.Background(), path, opts)
	if (wantErr == nil) != (gotErr == nil) {
		t.Fatalf("%s: in process err %v, in a child %v", path, wantErr, gotErr)
	}
	if wantErr != nil {
		if gotErr.Error() != wantErr.Error() {
			t.Errorf("%s: error\n in a child %q\n in process %q", path, gotErr, wantErr)
		}
		var ie *extract.InputError
		if !errors.As(gotErr, &ie) || ie.Path != path {
			t.Errorf("%s: error %T does not name the file", path, gotErr)
		}
		for _, s := range sentinels {
			if errors.Is(gotErr, s.err) != errors.Is(wantErr, s.err) {
				t.Errorf("%s: errors.Is(%s) = %v in a child, %v in process", path, s.name, errors.Is(gotErr, s.err), errors.Is(wantErr, s.err))
			}
		}
		return
	}
	if !reflect.DeepEqual(got, handedOn(want)) {
		t.Errorf("%s: the document read in a child differs from the one read in process", path)
	}
}

// TestInProcess: the option reads in this process, with the same results.
func TestInProcess(t *testing.T) {
	x := &Extractor{InProcess: true, Command: []string{"/nonexistent"}}
	doc, err := x.Open(context.Background(), filepath.Join(sampleDir, "questionnaire.xlsx"), extract.Options{})
	if err != nil || doc.Questionnaire == nil || len(doc.Questionnaire.Items) != 21 {
		t.Fatalf("in process: %v, %+v", err, doc)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := x.Open(ctx, filepath.Join(sampleDir, "questionnaire.xlsx"), extract.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("ended context: err = %v, want context.Canceled", err)
	}
}

// TestChildDeaths: each way a child ends without a document is the file's
// error, with the sentinel and a message that says what was exceeded.
func TestChildDeaths(t *testing.T) {
	cases := []struct {
		mode   string
		limits Limits
		want   error
		text   string
		within time.Duration
	}{
		{"oom", Limits{MemoryBytes: 64 << 20}, ErrMemory, "needed more than 64 MB", 20 * time.Second},
		{"spin", Limits{CPU: time.Second, Timeout: 30 * time.Second}, ErrTime, "more than 1s of processor time", 15 * time.Second},
		{"hang", Limits{Timeout: 300 * time.Millisecond}, ErrTime, "took longer than 300ms", 5 * time.Second},
		{"flood", Limits{OutputBytes: 1 << 20}, ErrOutput, "larger than 1 MB", 20 * time.Second},
		{"panic", Limits{}, ErrCrashed, "panic: the parser met a nil map", 20 * time.Second},
		{"silent", Limits{}, ErrCrashed, "no document sent", 20 * time.Second},
	}
	for _, c := range cases {
		t.Run(c.mode, func(t *testing.T) {
			x := fake(c.mode)
			x.Limits = c.limits
			start := time.Now()
			_, err := x.Open(context.Background(), "hostile.pdf", extract.Options{})
			took := time.Since(start)
			t.Logf("%s after %s", err, took.Round(time.Millisecond))
			var ie *extract.InputError
			if !errors.As(err, &ie) || ie.Path != "hostile.pdf" {
				t.Fatalf("err = %v (%T), want an *extract.InputError for hostile.pdf", err, err)
			}
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.text) {
				t.Errorf("err = %q, want %v and %q", err, c.want, c.text)
			}
			if took > c.within {
				t.Errorf("took %s, want under %s", took, c.within)
			}
		})
	}
}

// TestCancelKillsChildAndGrandchild: when the caller's context ends the
// child and what it started are killed at once.
func TestCancelKillsChildAndGrandchild(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("process groups are killed on Linux")
	}
	if _, err := exec.LookPath("sleep"); err != nil {
		t.Skip("no sleep command")
	}
	pidFile := filepath.Join(t.TempDir(), "pid")
	x := fake("grandchild", pidFile)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for range 200 {
			if _, err := os.Stat(pidFile); err == nil {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		cancel()
	}()
	start := time.Now()
	_, err := x.Open(ctx, "slow.pdf", extract.Options{})
	if !errors.Is(err, context.Canceled) || !strings.HasPrefix(err.Error(), "slow.pdf: reading stopped") {
		t.Fatalf("err = %v, want slow.pdf: reading stopped: context canceled", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("cancel took %s", took)
	}
	b, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	pid, _ := strconv.Atoi(string(b))
	// The killed sleep is a zombie of the killed child until init reaps it.
	for range 100 {
		if gone(pid) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Errorf("grandchild %d still running after the cancel", pid)
}

// gone: no such process, or a zombie.
func gone(pid int) bool {
	if err := syscall.Kill(pid, 0); err != nil {
		return true
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return true
	}
	f := strings.Fields(string(b))
	return len(f) > 2 && f[2] == "Z"
}

// TestChildBadRequest: the child refuses garbage on stdin with exit 2.
func TestChildBadRequest(t *testing.T) {
	var out, errb strings.Builder
	if code := Child(strings.NewReader("not json"), &out, &errb); code != 2 || !strings.Contains(errb.String(), "reading the request") || out.Len() != 0 {
		t.Errorf("code %d, stdout %q, stderr %q", code, out.String(), errb.String())
	}
	if code := Child(io.LimitReader(strings.NewReader(`{"path":`), 8), &out, &errb); code != 2 {
		t.Errorf("truncated request: code %d", code)
	}
}

// TestEverySentinelCrosses: each exported Err variable of package extract
// is in sentinels, so that errors.Is answers the same for an error read in
// a child; a sentinel added to extract without it fails here.
func TestEverySentinelCrosses(t *testing.T) {
	fset := token.NewFileSet()
	sources, err := filepath.Glob("../../extract/*.go")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, src := range sources {
		if strings.HasSuffix(src, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, src, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	known := map[error]bool{}
	for _, s := range sentinels {
		known[s.err] = true
	}
	exported := reflect.ValueOf(extractSentinels)
	found := 0
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				for _, name := range spec.(*ast.ValueSpec).Names {
					if !strings.HasPrefix(name.Name, "Err") || !name.IsExported() {
						continue
					}
					found++
					v := exported.MapIndex(reflect.ValueOf(name.Name))
					if !v.IsValid() {
						t.Errorf("extract.%s is not listed in extractSentinels (this test) nor carried across the child process: add it to sentinels in child.go and here", name.Name)
						continue
					}
					if !known[v.Interface().(error)] {
						t.Errorf("extract.%s is not in sentinels (child.go): errors.Is would fail for it after a child read", name.Name)
					}
				}
			}
		}
	}
	if found < 7 {
		t.Errorf("found %d Err variables in package extract, want at least 7", found)
	}
}

// extractSentinels names extract's sentinel errors for the test above.
var extractSentinels = map[string]error{
	"ErrUnsupported": extract.ErrUnsupported,
	"ErrEncrypted":   extract.ErrEncrypted,
	"ErrNoText":      extract.ErrNoText,
	"ErrGarbled":     extract.ErrGarbled,
	"ErrDamaged":     extract.ErrDamaged,
	"ErrEmpty":       extract.ErrEmpty,
	"ErrIncomplete":  extract.ErrIncomplete,
	"ErrNoOCR":       extract.ErrNoOCR,
	"ErrBudget":      extract.ErrBudget,
}

// handedOn is doc as a reader hands it on: a page's typeset headings and
// a Word document's automatically numbered lines are read by SplitClauses
// in the reader and never serialised (the clauses carry what they give),
// so a child's document has none.
func handedOn(doc extract.Document) extract.Document {
	if doc.Agreement != nil {
		a := *doc.Agreement
		a.Pages = append([]extract.Page(nil), a.Pages...)
		for i := range a.Pages {
			a.Pages[i].Headings = nil
			a.Pages[i].AutoNumbered = nil
		}
		doc.Agreement = &a
	}
	return doc
}

// TestKilledChildLeavesNoTempFiles: a child stopped at a limit cannot clean
// up after itself (excelize unzips a large sheet into the temporary
// folder), so each child gets a folder of its own, which the parent removes.
func TestKilledChildLeavesNoTempFiles(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	x := fake("litter")
	x.Limits = Limits{Timeout: 2 * time.Second}
	_, err := x.Open(context.Background(), "q.xlsx", extract.Options{})
	if !errors.Is(err, ErrTime) {
		t.Fatalf("err = %v, want the time limit's", err)
	}
	left, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range left {
		t.Errorf("left in the temporary folder: %s", e.Name())
	}
}

// TestOwnTmp: a reader removes only the folder its parent made for it.
func TestOwnTmp(t *testing.T) {
	dir := filepath.Join(t.TempDir(), tmpPrefix+"123")
	other := filepath.Join(t.TempDir(), "other")
	for _, tc := range []struct {
		tmp, tmpdir string
		want        bool
	}{
		{dir, dir, true},
		{"", "", false},
		{"/", "/", false},
		{dir, "/tmp", false},
		{other, other, false},
	} {
		t.Setenv("TMPDIR", tc.tmpdir)
		if got := ownTmp(tc.tmp); got != tc.want {
			t.Errorf("ownTmp(%q) with TMPDIR %q = %v, want %v", tc.tmp, tc.tmpdir, got, tc.want)
		}
	}
}

// TestSweepStale: a reader folder whose parent process is gone is removed;
// those of running processes (this one, the init process), of no process
// id, and other folders stay.
func TestSweepStale(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("stale folders are recognised on Linux only")
	}
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	names := map[string]bool{ // name: want kept
		tmpPrefix + strconv.Itoa(dead.Process.Pid) + "-123": false,
		tmpPrefix + strconv.Itoa(os.Getpid()) + "-456":      true,
		tmpPrefix + "1-789": true,
		tmpPrefix + "4242":  true, // the old naming: no id to check
		"other-" + strconv.Itoa(dead.Process.Pid) + "-1": true,
	}
	for n := range names {
		if err := os.MkdirAll(filepath.Join(dir, n, "sheet"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	sweepStale(dir)
	for n, keep := range names {
		_, err := os.Stat(filepath.Join(dir, n))
		if got := err == nil; got != keep {
			t.Errorf("%s: kept %v, want %v", n, got, keep)
		}
	}
}

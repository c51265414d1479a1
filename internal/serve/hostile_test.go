package serve

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/internal/hostile"
	"github.com/ssrm-dev/ssrm/internal/isolate"
)

// recipe builds a hostile file of package hostile at full size.
func recipe(t *testing.T, name string) file {
	t.Helper()
	r, ok := hostile.ByName(name)
	if !ok {
		t.Fatalf("no hostile recipe %q", name)
	}
	b, err := r.Build()
	if err != nil {
		t.Fatal(err)
	}
	return file{r.Name + r.Ext, b}
}

// extractChildren lists the processes this test binary started to read
// documents (their command line is this executable with arg).
func extractChildren(t *testing.T, arg string) []int {
	t.Helper()
	self := strconv.Itoa(os.Getpid())
	var out []int
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	for _, d := range dirs {
		stat, err := os.ReadFile(d + "/stat")
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...: the fields after the command's ')'.
		f := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
		if len(f) < 2 || f[1] != self || f[0] == "Z" {
			continue
		}
		cmd, _ := os.ReadFile(d + "/cmdline")
		if strings.Contains(string(cmd), arg) {
			pid, _ := strconv.Atoi(filepath.Base(d))
			out = append(out, pid)
		}
	}
	return out
}

// TestServeSurvivesHostileUploads drops the files of issue 14 (A: an xref
// /Size of 2^31-1, B: a 1 GiB FlateDecode stream, C: one page listed 100,000
// times) on the role detection and on the analysis, twice each. The server
// answers each with the limit the file hit, naming the upload, and the
// sample vendor right after gets its report.
func TestServeSurvivesHostileUploads(t *testing.T) {
	if testing.Short() {
		t.Skip("reads three hostile files twice")
	}
	if raceEnabled {
		t.Skip("the race detector needs more memory than the 256 MB reader limit this test sets")
	}
	x := &isolate.Extractor{Limits: isolate.Limits{MemoryBytes: 256 << 20, Timeout: 4 * time.Second}}
	h := newHarness(t, Config{MaxAnalyses: 1, AnalysisTimeout: time.Minute, Extract: x})
	good := []file{sample(t, "questionnaire.xlsx"), sample(t, "agreement.pdf")}
	cases := []struct {
		recipe string
		want   []string // one of these is in the error
	}{
		{"pdf-xref-size", []string{"memory limit exceeded", "exceeds a reading limit"}},
		{"pdf-flate-bomb", []string{"memory limit exceeded", "exceeds a reading limit"}},
		{"pdf-page-repeat", []string{"time limit exceeded", "memory limit exceeded", "exceeds a reading limit"}},
	}
	for _, c := range cases {
		f := recipe(t, c.recipe)
		for round := range 2 {
			token := h.csrf()
			resp, body := h.post("/detect", [][2]string{{"csrf", token}}, []file{f})
			var det struct {
				Files []detected `json:"files"`
			}
			if err := json.Unmarshal([]byte(body), &det); err != nil || resp.StatusCode != 200 || len(det.Files) != 1 {
				t.Fatalf("%s detect %d = %d: %v\n%s", c.recipe, round, resp.StatusCode, err, body)
			}
			if e := det.Files[0].Error; !strings.HasPrefix(e, f.name+": ") || !containsAny(e, c.want) {
				t.Errorf("%s detect: error %q, want one naming the upload and saying %q", c.recipe, e, c.want)
			}
			resp, body = h.analyze([]file{f})
			if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, f.name+": ") || !containsAny(body, c.want) {
				t.Errorf("%s analyze = %d, want 400 naming the upload and saying %q", c.recipe, resp.StatusCode, c.want)
			}
			if strings.Contains(body, h.tmp) {
				t.Errorf("%s: the error names the temporary file", c.recipe)
			}
			// (How fast: scripts/serve-hostile.sh measures it.)
			resp, body = h.analyze(good)
			if resp.StatusCode != 200 || !strings.Contains(body, sampleLine) {
				t.Fatalf("sample after %s = %d, want 200 with %q; body:\n%s", c.recipe, resp.StatusCode, sampleLine, body)
			}
		}
	}
	// A reader that stayed within its limits may be kept idle for the next
	// upload; closing the pool must stop it, and every reader that hit a
	// limit is gone already.
	x.Close()
	if kids := extractChildren(t, isolate.ChildArg); len(kids) != 0 {
		t.Errorf("reader processes left running: %v", kids)
	}
	h.tempEmpty()
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// TestServeTimeoutKillsReader: at the analysis timeout the page answers 504,
// the child reading the upload (here one that never answers) is killed, and
// the only slot is free for the next upload at once.
func TestServeTimeoutKillsReader(t *testing.T) {
	h := newHarness(t, Config{MaxAnalyses: 1, AnalysisTimeout: 3 * time.Second,
		Extract: &isolate.Extractor{Command: []string{os.Args[0], hangArg}}})
	start := time.Now()
	resp, body := h.analyze([]file{{"msa.md", []byte(smallAgreement)}})
	took := time.Since(start)
	if resp.StatusCode != http.StatusGatewayTimeout || !strings.Contains(body, "took longer than 3s and was stopped") {
		t.Fatalf("hanging reader = %d, want 504 saying it was stopped; body:\n%s", resp.StatusCode, body)
	}
	// Left alone, the reader would run until its own 2-minute limit.
	if took > time.Minute {
		t.Errorf("504 after %s: the answer waited for the reader", took)
	}
	if kids := extractChildren(t, hangArg); len(kids) != 0 {
		t.Errorf("reader processes still running after the 504: %v", kids)
	}
	if resp, _ := h.analyze([]file{{"msa.md", []byte(smallAgreement)}}); resp.StatusCode != http.StatusGatewayTimeout {
		t.Errorf("next upload = %d, want the slot free (and 504 again from the hanging reader)", resp.StatusCode)
	}
	h.tempEmpty()
}

// TestServeTimeoutFreesSlot: an analysis that takes a moment to stop after
// its context ends still has its slot back before the 504 goes out, so the
// next upload is not told "busy".
func TestServeTimeoutFreesSlot(t *testing.T) {
	stopped := make(chan time.Time, 4)
	h := newHarness(t, Config{MaxAnalyses: 1, AnalysisTimeout: 500 * time.Millisecond,
		Extract: &isolate.Extractor{InProcess: true},
		Analyze: func(ctx context.Context, in analyze.Inputs, vendor, model string, rs *analyze.RuleSet) (*analyze.Result, error) {
			if vendor != "slow" {
				return analyze.Run(ctx, in, rs, analyze.Options{Vendor: vendor, ServiceModel: model})
			}
			<-ctx.Done()
			time.Sleep(300 * time.Millisecond) // winding down
			stopped <- time.Now()
			return nil, ctx.Err()
		}})
	resp, body := h.analyze([]file{{"msa.md", []byte(smallAgreement)}}, [2]string{"vendor", "slow"})
	answered := time.Now()
	if resp.StatusCode != http.StatusGatewayTimeout || !strings.Contains(body, "took longer than 500ms") {
		t.Fatalf("slow analysis = %d, want 504; body:\n%s", resp.StatusCode, body)
	}
	select {
	case at := <-stopped:
		if at.After(answered) {
			t.Errorf("answered 504 %s before the analysis stopped", at.Sub(answered))
		}
	default:
		t.Error("the 504 went out before the analysis stopped")
	}
	if resp, _ := h.analyze([]file{{"msa.md", []byte(smallAgreement)}}); resp.StatusCode == http.StatusServiceUnavailable {
		t.Errorf("next upload = 503 busy, want the slot free")
	}
	h.tempEmpty()
}

// TestServeDetectWarns: a CAIQ v4 without its cover sheet is detected as a
// questionnaire, and the page shows the warning beside it.
func TestServeDetectWarns(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "CAIQv4.0.3")
	f.SetSheetRow("CAIQv4.0.3", "A1", &[]any{"Question ID", "Question", "CSP CAIQ Answer"})
	f.SetSheetRow("CAIQv4.0.3", "A2", &[]any{"SEF-07.1", "Do you notify customers of breaches?", "Yes"})
	b, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, Config{})
	resp, body := h.post("/detect", [][2]string{{"csrf", h.csrf()}}, []file{{"caiq.xlsx", b.Bytes()}})
	var out struct{ Files []detected }
	if err := json.Unmarshal([]byte(body), &out); err != nil || resp.StatusCode != 200 || len(out.Files) != 1 {
		t.Fatalf("detect = %d: %v %s", resp.StatusCode, err, body)
	}
	want := `caiq-v4.0.3, 1 items; a CAIQ v4 workbook without its "Introduction" sheet (the cover); the questions were read from "CAIQv4.0.3"`
	if d := out.Files[0]; d.Role != "questionnaire" || d.Detail != want {
		t.Errorf("detect = %+v, want the questionnaire with detail %q", d, want)
	}
}

// TestServeDetectsEveryRecipe drops every file of the hostile generator on
// the role detection: each is read or refused with an error naming it
// (none as a crashed reader), and the sample is analysed afterwards.
func TestServeDetectsEveryRecipe(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("reads every hostile recipe (not with -short or -race)")
	}
	h := newHarness(t, Config{MaxAnalyses: 1,
		Extract: &isolate.Extractor{Limits: isolate.Limits{MemoryBytes: 256 << 20, Timeout: 10 * time.Second}}})
	var files []file
	for _, r := range hostile.All() {
		files = append(files, recipe(t, r.Name))
	}
	for len(files) > 0 {
		n := min(len(files), 10)
		batch := files[:n]
		files = files[n:]
		resp, body := h.post("/detect", [][2]string{{"csrf", h.csrf()}}, batch)
		var det struct {
			Files []detected `json:"files"`
		}
		if err := json.Unmarshal([]byte(body), &det); err != nil || resp.StatusCode != 200 || len(det.Files) != n {
			t.Fatalf("detect = %d: %v\n%s", resp.StatusCode, err, body)
		}
		for i, d := range det.Files {
			name := batch[i].name
			switch {
			case d.Name != name:
				t.Errorf("entry %d names %q, want %q", i, d.Name, name)
			case d.Error == "" && d.Role == "":
				t.Errorf("%s: neither a role nor an error", name)
			case d.Error != "" && (!strings.HasPrefix(d.Error, name+": ") || strings.Contains(d.Error, "crashed")):
				t.Errorf("%s: error %q, want one naming the upload, not a crashed reader", name, d.Error)
			}
		}
	}
	resp, body := h.analyze([]file{sample(t, "questionnaire.xlsx"), sample(t, "agreement.pdf")})
	if resp.StatusCode != 200 || !strings.Contains(body, sampleLine) {
		t.Errorf("sample after the recipes = %d, want 200 with the sample's line", resp.StatusCode)
	}
	h.tempEmpty()
}

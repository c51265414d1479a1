package isolate

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/hugeheap"
)

// childTmpEnv names the child's own temporary folder (also its TMPDIR),
// made by the parent for each child and removed when the child ends.
const childTmpEnv = "SSRM_READER_TMPDIR"

// tmpPrefix begins the name of each reader's temporary folder.
const tmpPrefix = "ssrm-reader-"

// ownTmp says tmp is a reader's own temporary folder as the parent made
// it (os.MkdirTemp's "ssrm-reader-*", also the TMPDIR it was given), so
// that a stray value of the variable never has another folder removed.
func ownTmp(tmp string) bool {
	return tmp != "" && tmp == os.Getenv("TMPDIR") && strings.HasPrefix(filepath.Base(tmp), tmpPrefix)
}

// request is what the parent writes on the child's stdin.
type request struct {
	Path        string          `json:"path"`
	Options     extract.Options `json:"options"`
	MemoryBytes int64           `json:"memory_bytes"`
	CPUSeconds  int64           `json:"cpu_seconds"`
	// Stream asks for a questionnaire's items one per line as they are
	// read (streamLine), before the response.
	Stream bool `json:"stream,omitempty"`
	// Reuse says more requests may follow on stdin after the response.
	Reuse bool `json:"reuse,omitempty"`
}

// response is what the child writes on stdout: the document or the error.
type response struct {
	Document *extract.Document `json:"document,omitempty"`
	Error    *wireError        `json:"error,omitempty"`
}

// streamLine is one line of a streamed answer: an item (with the vendor
// stated so far), or, last, the response (the document without its items,
// or the error).
type streamLine struct {
	Item   *extract.Item `json:"item,omitempty"`
	Vendor string        `json:"vendor,omitempty"`
	response
}

// wireError carries an *extract.InputError across the pipe: its text, and
// the sentinels it wraps by name, so that errors.Is works in the parent.
type wireError struct {
	Path    string   `json:"path"`
	Place   string   `json:"place,omitempty"`
	Message string   `json:"message"`
	Is      []string `json:"is,omitempty"`
}

// sentinels are the errors a caller tests with errors.Is, by wire name.
var sentinels = []struct {
	name string
	err  error
}{
	{"unsupported", extract.ErrUnsupported},
	{"encrypted", extract.ErrEncrypted},
	{"no-text", extract.ErrNoText},
	{"garbled", extract.ErrGarbled},
	{"damaged", extract.ErrDamaged},
	{"empty", extract.ErrEmpty},
	{"incomplete", extract.ErrIncomplete},
	{"no-ocr", extract.ErrNoOCR},
	{"budget", extract.ErrBudget},
	{"not-exist", fs.ErrNotExist},
	{"permission", fs.ErrPermission},
}

func toWire(path string, err error) *wireError {
	w := &wireError{Path: path, Message: err.Error()}
	var ie *extract.InputError
	if errors.As(err, &ie) {
		w.Path, w.Place, w.Message = ie.Path, ie.Place, ie.Err.Error()
	}
	for _, s := range sentinels {
		if errors.Is(err, s.err) {
			w.Is = append(w.Is, s.name)
		}
	}
	return w
}

func (w *wireError) inputError() *extract.InputError {
	re := &remoteError{msg: w.Message}
	for _, name := range w.Is {
		for _, s := range sentinels {
			if s.name == name {
				re.is = append(re.is, s.err)
			}
		}
	}
	return &extract.InputError{Path: w.Path, Place: w.Place, Err: re}
}

// remoteError is an error the child reported: the same text, and the same
// answers to errors.Is for the sentinels.
type remoteError struct {
	msg string
	is  []error
}

func (e *remoteError) Error() string   { return e.msg }
func (e *remoteError) Unwrap() []error { return e.is }

// Child is the child side, run by the binary when its first argument is
// ChildArg: it reads a request from stdin, sets its limits, reads the
// document and writes the response to stdout; when the request says Reuse,
// it then waits for the next request (each document gets its own
// processor-time limit) until stdin closes. It returns the exit code: 0
// when every request got a response (the document or the file's error), 2
// when a request could not be read or the limits set.
func Child(stdin io.Reader, stdout, stderr io.Writer) int {
	// The parent gave this reader a temporary folder of its own; a reader
	// that ends by itself (the parent gone, or done) removes it, and the
	// parent removes it after a child it killed.
	if tmp := os.Getenv(childTmpEnv); ownTmp(tmp) {
		defer os.RemoveAll(tmp)
	}
	dec := json.NewDecoder(stdin)
	bw := bufio.NewWriterSize(stdout, 64<<10)
	for n := 0; ; n++ {
		var req request
		if err := dec.Decode(&req); err != nil {
			if n > 0 && errors.Is(err, io.EOF) {
				return 0 // the parent is done with this reader
			}
			fmt.Fprintf(stderr, "ssrm %s: reading the request: %v\n", ChildArg, err)
			return 2
		}
		if n == 0 {
			// A reused child keeps no hard processor-time limit (it could
			// not raise it for the next document): each document gets a
			// soft one, and watchCPU ends the process past it.
			cpu := req.CPUSeconds
			if req.Reuse {
				cpu = 0
				watchCPU()
			}
			if err := setLimits(req.MemoryBytes, cpu); err != nil {
				fmt.Fprintf(stderr, "ssrm %s: setting the limits: %v\n", ChildArg, err)
				return 2
			}
			if os.Getenv("GOGC") == "" {
				// A reader's heap is mostly garbage (a workbook's XML
				// events, a PDF's decoded streams): collecting at 200 %
				// growth instead of 100 % spends an eighth less processor
				// time on a 100,000-row sheet, for 10 MB more at the peak;
				// the memory limit setLimits sets still makes the
				// collector work harder near the cap.
				debug.SetGCPercent(200)
			}
			if strings.EqualFold(filepath.Ext(req.Path), ".pdf") {
				// A PDF's reading grows the heap most (tens of MB of
				// decoded streams): a reader whose first document is one
				// takes a stretch of huge pages while its heap is fresh
				// (later, the stretch could overlap freed memory, which
				// the runtime would clear page by page). A workbook's
				// reader stays near its first mapping, where the stretch
				// cost more than it saved.
				hugeheap.Reserve(readerHeap(req.MemoryBytes))
			}
		}
		if req.Reuse {
			if err := setCPUSoft(req.CPUSeconds); err != nil {
				fmt.Fprintf(stderr, "ssrm %s: setting the limits: %v\n", ChildArg, err)
				return 2
			}
		}
		if err := serveRequest(req, bw); err != nil {
			fmt.Fprintf(stderr, "ssrm %s: writing the document: %v\n", ChildArg, err)
			return 2
		}
		if !req.Reuse {
			return 0
		}
	}
}

// readerHeap is the stretch of a reader's heap given huge pages once its
// limits are set (hugeheap): 64 MiB, about what reading a 35-page PDF
// uses, or a sixteenth of a smaller memory limit. The stretch is mapped at
// once and counts in the data segment the parent watches, so it stays far
// below the quarter of the limit past which a child is not reused and the
// half past which a crash counts as the memory limit's.
func readerHeap(limit int64) int {
	const most = 64 << 20
	if limit > 0 && limit/16 < most {
		return int(limit / 16)
	}
	return most
}

// serveRequest reads one document and writes the answer: the items one per
// line when streamed, then the response.
func serveRequest(req request, bw *bufio.Writer) error {
	var resp response
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	var doc extract.Document
	var err error
	if req.Stream {
		var line []byte
		doc, err = streamHere(req.Path, req.Options, func(it extract.Item, vendor string) error {
			line = appendItemLine(line[:0], &it, vendor)
			_, err := bw.Write(line)
			return err
		})
	} else {
		doc, err = openHere(req.Path, req.Options)
	}
	if err != nil {
		resp.Error = toWire(req.Path, err)
	} else {
		resp.Document = &doc
	}
	if err := enc.Encode(resp); err != nil {
		return err
	}
	return bw.Flush()
}

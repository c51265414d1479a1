package isolate

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/ssrm-dev/ssrm/extract"
)

// request is what the parent writes on the child's stdin.
type request struct {
	Path        string          `json:"path"`
	Options     extract.Options `json:"options"`
	MemoryBytes int64           `json:"memory_bytes"`
	CPUSeconds  int64           `json:"cpu_seconds"`
}

// response is what the child writes on stdout: the document or the error.
type response struct {
	Document *extract.Document `json:"document,omitempty"`
	Error    *wireError        `json:"error,omitempty"`
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
// ChildArg: it reads one request from stdin, sets its limits, reads the
// document and writes the response to stdout. It returns the exit code: 0
// when a response was written (the document or the file's error), 2 when
// the request could not be read or the limits set.
func Child(stdin io.Reader, stdout, stderr io.Writer) int {
	var req request
	if err := json.NewDecoder(io.LimitReader(stdin, 1<<20)).Decode(&req); err != nil {
		fmt.Fprintf(stderr, "ssrm %s: reading the request: %v\n", ChildArg, err)
		return 2
	}
	if err := setLimits(req.MemoryBytes, req.CPUSeconds); err != nil {
		fmt.Fprintf(stderr, "ssrm %s: setting the limits: %v\n", ChildArg, err)
		return 2
	}
	var resp response
	doc, err := openHere(req.Path, req.Options)
	if err != nil {
		resp.Error = toWire(req.Path, err)
	} else {
		resp.Document = &doc
	}
	bw := bufio.NewWriterSize(stdout, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(resp); err != nil {
		fmt.Fprintf(stderr, "ssrm %s: writing the document: %v\n", ChildArg, err)
		return 2
	}
	if err := bw.Flush(); err != nil {
		fmt.Fprintf(stderr, "ssrm %s: writing the document: %v\n", ChildArg, err)
		return 2
	}
	return 0
}

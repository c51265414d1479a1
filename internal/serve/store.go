package serve

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// entry is one analysis of this server (or of an earlier run, from the
// data folder).
type entry struct {
	ID           string    `json:"id"`
	Created      time.Time `json:"created"`
	Vendor       string    `json:"vendor"`
	ServiceModel string    `json:"service_model"`
	// Files are the uploads' base names, for display only.
	Files   []string `json:"files"`
	Line    string   `json:"line"`
	Verdict string   `json:"verdict"`

	res  *analyze.Result
	docs *analyze.Inputs
}

// Warnings are the result's warnings (the documents name different
// vendors), shown on the page above the report.
func (e *entry) Warnings() []analyze.Warning {
	if e == nil || e.res == nil {
		return nil
	}
	return e.res.Warnings
}

// store keeps the analyses in memory and, with a data folder, on disk:
// DIR/ID/meta.json, result.json and docs.json (the extracted documents,
// which the xlsx report uses). Only generated names are used on disk.
type store struct {
	mu      sync.Mutex
	dir     string
	max     int
	entries map[string]*entry
}

var idPattern = lazyre.New(`^[0-9a-f]{32}$`)

func newStore(dir string, max int) (*store, error) {
	st := &store{dir: dir, max: max, entries: map[string]*entry{}}
	if dir == "" {
		return st, nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("--data: %w", err)
	}
	des, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("--data: %w", err)
	}
	for _, de := range des {
		if !de.IsDir() || !idPattern.MatchString(de.Name()) {
			continue
		}
		e, err := st.load(de.Name())
		if err != nil {
			continue // a half-written or foreign folder: skip it
		}
		st.entries[e.ID] = e
	}
	st.prune()
	return st, nil
}

func (st *store) load(id string) (*entry, error) {
	read := func(name string, v any) error {
		b, err := os.ReadFile(filepath.Join(st.dir, id, name))
		if err != nil {
			return err
		}
		return json.Unmarshal(b, v)
	}
	e := &entry{res: &analyze.Result{}, docs: &analyze.Inputs{}}
	if err := read("meta.json", e); err != nil {
		return nil, err
	}
	if e.ID != id {
		return nil, errors.New("id mismatch")
	}
	if err := read("result.json", e.res); err != nil {
		return nil, err
	}
	if err := read("docs.json", e.docs); err != nil {
		e.docs = nil // the reports still render, without the documents
	}
	return e, nil
}

// add keeps e (and writes it to the data folder when there is one).
func (st *store) add(e *entry) error {
	if st.dir != "" {
		if err := st.save(e); err != nil {
			return err
		}
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	st.entries[e.ID] = e
	st.prune()
	return nil
}

func (st *store) save(e *entry) error {
	tmp, err := os.MkdirTemp(st.dir, ".tmp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	for name, v := range map[string]any{"meta.json": e, "result.json": e.res, "docs.json": e.docs} {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(tmp, name), b, 0o600); err != nil {
			return err
		}
	}
	return os.Rename(tmp, filepath.Join(st.dir, e.ID))
}

// prune drops the oldest entries past max; st.mu held.
func (st *store) prune() {
	if len(st.entries) <= st.max {
		return
	}
	for _, e := range st.listLocked()[st.max:] {
		delete(st.entries, e.ID)
		if st.dir != "" {
			os.RemoveAll(filepath.Join(st.dir, e.ID))
		}
	}
}

func (st *store) get(id string) *entry {
	if !idPattern.MatchString(id) {
		return nil
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.entries[id]
}

// list returns the entries, newest first.
func (st *store) list() []*entry {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.listLocked()
}

func (st *store) listLocked() []*entry {
	out := make([]*entry, 0, len(st.entries))
	for _, e := range st.entries {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Created.Equal(out[j].Created) {
			return out[i].Created.After(out[j].Created)
		}
		return out[i].ID < out[j].ID
	})
	return out
}

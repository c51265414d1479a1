package main

import (
	"path/filepath"
	"strings"
	"time"

	"github.com/ssrm-dev/ssrm/analyze"
)

// nameAsGiven renames the documents of in the way every report names
// them: relative to what was given on the command line (or in a manifest),
// never with an absolute path of the reviewer's disk. A path that is
// already local (relative, without "..") stays as typed; a file read from a
// folder given otherwise is named by the folder's base name and the file
// ("acme/agreement.pdf" for /home/ann/vendors/acme); any other file by its
// base name. It returns the newest modification time of the files, which
// can no longer be found by their new names (see inputsModified), and
// where each document was read from.
func nameAsGiven(in *analyze.Inputs, given []string) (time.Time, origins) {
	modified := inputsModified(in)
	origin := origins{}
	rename := func(doc any, p *string) {
		origin[doc] = *p
		*p = shownPath(*p, given)
	}
	if q := in.Questionnaire; q != nil {
		rename(q, &q.Path)
	}
	for _, a := range in.Agreements {
		rename(a, &a.Path)
	}
	for _, r := range in.Assurance {
		rename(r, &r.Path)
	}
	return modified, origin
}

// origins maps each document read (its *extract.Questionnaire,
// *extract.Agreement or *extract.AssuranceReport) to the path it was read
// from, before nameAsGiven named it as given: two files may be shown by
// the same name ("agreement.pdf" from two folders).
type origins map[any]string

// shownPath is how a report names the file at p, read from one of the
// arguments given (files or folders).
func shownPath(p string, given []string) string {
	if filepath.IsLocal(p) {
		return p
	}
	for _, g := range given {
		if g == "" || filepath.Clean(g) == filepath.Clean(p) {
			continue
		}
		dir := filepath.Clean(g)
		rel, err := filepath.Rel(dir, p)
		if err != nil || !filepath.IsLocal(rel) {
			continue
		}
		base := filepath.Base(dir)
		if base == "." || base == ".." || strings.ContainsAny(base, `/\`) {
			return rel
		}
		return filepath.Join(base, rel)
	}
	return filepath.Base(p)
}

// nameWaiversAsGiven names the rule files of the waivers in res by their
// base names, for the same reason: a pack given as /home/ann/waivers.yaml
// is shown as waivers.yaml.
func nameWaiversAsGiven(res *analyze.Result) {
	name := func(w *analyze.Waiver) {
		if w != nil && !filepath.IsLocal(w.File) && !strings.HasPrefix(w.File, "embedded ") {
			w.File = filepath.Base(w.File)
		}
	}
	for _, fs := range [][]analyze.Finding{res.Findings, res.Contradictions} {
		for i := range fs {
			name(fs[i].Waiver)
		}
	}
	for i := range res.ExpiredWaivers {
		name(&res.ExpiredWaivers[i])
	}
}

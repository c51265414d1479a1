package serve

import (
	"bytes"
	"errors"
	"net/http"
	"strings"

	"github.com/ssrm-dev/ssrm/report"
)

// The comparison of two analyses of one vendor (two rounds of its
// agreement), as ssrm diff makes it:
//
//	GET /diff?old=ID&new=ID    the page: the rounds to pick, the summary
//	                           line and the diff in a sandboxed frame
//	GET /diff/diff.html?...    the diff (?download=1: as a download)
//	GET /diff/diff.json?...    the diff as JSON (shape ssrm.diff/v1), md
//
// Either id may be left out: new defaults to the vendor's latest analysis
// and old to the one before new; ?vendor=NAME alone compares that
// vendor's previous and latest analyses. The diff is of ssrm's own
// findings (the reviewer's decisions are not applied), so that it says
// what the vendor's paper changed, as ssrm diff does.

// diffDownloads are the diff formats offered, with their media types.
var diffDownloads = []struct{ Format, Ext, Type string }{
	{"html", "html", "text/html; charset=utf-8"},
	{"json", "json", "application/json; charset=utf-8"},
	{"md", "md", "text/markdown; charset=utf-8"},
}

// diffView is the comparison part of the page: the vendor's analyses to
// pick from and, once two are picked, the diff's summary.
type diffView struct {
	Vendor string
	// Rounds are the vendor's analyses, newest first; Old and New the
	// two picked (the previous and the latest by default).
	Rounds   []*entry
	Old, New *entry
	// Line is the diff's one-line summary ("" on the picker alone).
	Line string
}

// vendorKey is how analyses are told to be of one vendor: the name the
// result gives, without regard to case or surrounding space (as the
// decisions store matches vendors); "" for an analysis naming none.
func vendorKey(e *entry) string {
	if e == nil || e.res == nil {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(e.res.Vendor))
}

// rounds lists the analyses of the vendor whose key is key, newest first.
func (s *Server) rounds(key string) []*entry {
	var out []*entry
	if key == "" {
		return nil
	}
	for _, e := range s.store.list() {
		if vendorKey(e) == key {
			out = append(out, e)
		}
	}
	return out
}

// picker is the comparison form shown under an analysis: nil unless its
// vendor has two analyses or more; the previous and the latest are picked.
func (s *Server) picker(e *entry) *diffView {
	rs := s.rounds(vendorKey(e))
	if len(rs) < 2 {
		return nil
	}
	return &diffView{Vendor: rs[0].Vendor, Rounds: rs, Old: rs[1], New: rs[0]}
}

// previous maps each analysis of list (newest first) to the analysis of
// the same vendor just before it, for the analyses table's links.
func previous(list []*entry) map[string]string {
	out := map[string]string{}
	last := map[string]string{}
	for i := len(list) - 1; i >= 0; i-- {
		e := list[i]
		k := vendorKey(e)
		if k == "" {
			continue
		}
		if p, ok := last[k]; ok {
			out[e.ID] = p
		}
		last[k] = e.ID
	}
	return out
}

// resolve reads the two analyses a diff request names (see the comment at
// the top of this file). The error is an *httpError: 400 for a malformed
// id, two vendors, one analysis only or the same analysis twice; 404 for
// an id or a vendor with no analysis. The view is returned with the
// vendor's rounds whenever the vendor is known, so the page can offer the
// picker again.
func (s *Server) resolve(r *http.Request) (*diffView, error) {
	q := r.URL.Query()
	var picked [2]*entry
	for i, name := range []string{"old", "new"} {
		id := strings.TrimSpace(q.Get(name))
		if id == "" {
			continue
		}
		if !idPattern.MatchString(id) {
			return nil, fail(http.StatusBadRequest, "%s: %s is not an analysis id (32 hexadecimal digits, as in the address /a/ID)", name, quote(cleanText(id, 40)))
		}
		if picked[i] = s.store.get(id); picked[i] == nil {
			return nil, fail(http.StatusNotFound, "%s: no analysis %s (analyses are kept in memory unless ssrm serve runs with --data DIR)", name, id)
		}
	}
	old, new := picked[0], picked[1]
	asked := cleanText(q.Get("vendor"), 200)
	key := strings.ToLower(asked)
	for _, e := range []*entry{new, old} {
		if e == nil {
			continue
		}
		if vendorKey(e) == "" {
			return nil, fail(http.StatusBadRequest, "analysis %s names no vendor: analyze again with the vendor's name to compare its rounds", e.ID)
		}
		if key != "" && vendorKey(e) != key {
			return nil, fail(http.StatusBadRequest, "analysis %s is of %s, not of %s: compare two analyses of one vendor", e.ID, quote(e.res.Vendor), quote(asked))
		}
		key, asked = vendorKey(e), strings.TrimSpace(e.res.Vendor)
	}
	if key == "" {
		return nil, fail(http.StatusBadRequest, "pick two analyses to compare: /diff?old=ID&new=ID, or /diff?vendor=NAME for the vendor's previous and latest")
	}
	v := &diffView{Rounds: s.rounds(key)}
	if len(v.Rounds) == 0 {
		return nil, fail(http.StatusNotFound, "no analysis of vendor %s", quote(asked))
	}
	v.Vendor = v.Rounds[0].Vendor
	if len(v.Rounds) < 2 {
		return nil, fail(http.StatusBadRequest, "%s has one analysis only: analyze the revised agreement under the same vendor name, then compare the two", v.Vendor)
	}
	if new == nil {
		new = v.Rounds[0]
	}
	if old == nil {
		for i, e := range v.Rounds {
			if e == new && i+1 < len(v.Rounds) {
				old = v.Rounds[i+1]
			}
		}
		if old == nil {
			return v, fail(http.StatusBadRequest, "the analysis of %s is %s's first: pick an older one to compare it with", new.Created.Format("2006-01-02 15:04"), v.Vendor)
		}
	}
	if old == new {
		return v, fail(http.StatusBadRequest, "old and new are the same analysis: pick two different analyses of %s", v.Vendor)
	}
	v.Old, v.New, v.Vendor = old, new, new.Vendor // named as the new round names it
	return v, nil
}

// statusOf is the status an error from resolve answers with.
func statusOf(err error) int {
	var he *httpError
	if errors.As(err, &he) {
		return he.code
	}
	return http.StatusInternalServerError
}

// diffPage shows the comparison of two analyses (GET /diff).
func (s *Server) diffPage(w http.ResponseWriter, r *http.Request) {
	v, err := s.resolve(r)
	if err != nil {
		code := statusOf(err)
		if v != nil {
			// The vendor is known: offer its rounds again, picked as the
			// analysis page picks them.
			v.Old, v.New = v.Rounds[1], v.Rounds[0]
		}
		s.page(w, r, code, pageData{Error: err.Error(), Compare: v})
		return
	}
	v.Line = report.Compare(v.Old.res, v.New.res).Line()
	s.page(w, r, http.StatusOK, pageData{Compare: v})
}

// diffFile answers GET /diff/diff.{html,json,md}: the diff of the two
// analyses; a bad request gets its message as plain text.
func (s *Server) diffFile(w http.ResponseWriter, r *http.Request) {
	file := r.PathValue("file")
	for _, dl := range diffDownloads {
		if file != "diff."+dl.Ext {
			continue
		}
		v, err := s.resolve(r)
		if err != nil {
			code := statusOf(err)
			plain(w, code, err.Error())
			return
		}
		var b bytes.Buffer
		if err := report.WriteDiff(&b, dl.Format, report.Compare(v.Old.res, v.New.res)); err != nil {
			plain(w, http.StatusInternalServerError, "rendering the diff: "+err.Error())
			return
		}
		sendRendered(w, r, dl.Format, dl.Type, fileStem(v.Vendor)+"-diff."+dl.Ext, b.Bytes())
		return
	}
	http.NotFound(w, r)
}

package serve

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/ssrm-dev/ssrm/analyze"
	db "github.com/ssrm-dev/ssrm/internal/store"
)

// review is what the page shows under a report: a form per finding to
// decide on it, and the vendor's history (decisions and analyses) from
// the decisions store.
type review struct {
	ID       string
	Vendor   string
	Findings []reviewRow
	History  []db.Decision
	Runs     []db.Analysis
	// Error says why the store could not be read ("" when it was).
	Error string
}

// reviewRow is one finding and the decision on it, if any.
type reviewRow struct {
	Rule, Title, Status string
	Decision            string // analyze.Decision.Describe, "" when none
	State               string
}

// openDB opens the decisions store: cfg.DB, else DATA/ssrm.db with a data
// folder, else an SQLite database in memory (gone at exit, as the
// analyses are).
func openDB(cfg Config) (db.Store, error) {
	dsn := cfg.DB
	switch {
	case dsn != "":
	case cfg.DataDir != "":
		dsn = cfg.DataDir
	default:
		dsn = ":memory:"
	}
	return db.Open(context.Background(), dsn)
}

// decided returns a copy of e's result with the vendor's decisions
// applied as of now; e's own result stays as ssrm found it. When the store
// cannot be read, the result is shown without decisions.
func (s *Server) decided(ctx context.Context, e *entry) *analyze.Result {
	b, err := json.Marshal(e.res)
	if err != nil {
		return e.res
	}
	cp := &analyze.Result{}
	if err := json.Unmarshal(b, cp); err != nil {
		return e.res
	}
	if err := db.Apply(ctx, s.db, cp, time.Now()); err != nil {
		return e.res
	}
	return cp
}

// review gathers the decisions part of the page for e.
func (s *Server) review(ctx context.Context, e *entry) *review {
	rv := &review{ID: e.ID, Vendor: e.res.Vendor}
	res := s.decided(ctx, e)
	for _, f := range res.Findings {
		row := reviewRow{Rule: f.Rule, Title: f.Title, Status: f.Status}
		if d := f.Decision; d != nil {
			row.Decision, row.State = d.Describe(), d.State
		}
		rv.Findings = append(rv.Findings, row)
	}
	if rv.Vendor == "" {
		return rv
	}
	var err error
	if rv.History, err = s.db.Decisions(ctx, rv.Vendor); err == nil {
		rv.Runs, err = s.db.Analyses(ctx, rv.Vendor)
	}
	if err != nil {
		rv.Error = "the decisions store cannot be read: " + err.Error()
	}
	return rv
}

// record stores a finished analysis (its documents' hashes and findings)
// in the decisions store; files are the uploads read, each with its kind
// as Role, named as the client named them.
func (s *Server) record(ctx context.Context, res *analyze.Result, files []upload) error {
	if res.Vendor == "" {
		return nil // nothing to file it under
	}
	var docs []db.Document
	for _, u := range files {
		sum, err := db.FileSHA256(u.Path)
		if err != nil {
			return err
		}
		docs = append(docs, db.Document{Path: u.Name, Kind: u.Role, SHA256: sum})
	}
	_, err := db.Record(ctx, s.db, res, docs, time.Now())
	return err
}

// decide records a reviewer's decision on one finding of an analysis
// (POST /a/{id}/decide, a url-encoded form: csrf, rule, status, as, until,
// reason, reviewer) and shows the analysis again.
func (s *Server) decide(w http.ResponseWriter, r *http.Request) {
	e := s.store.get(r.PathValue("id"))
	if e == nil {
		s.page(w, r, http.StatusNotFound, pageData{Error: "no such analysis (analyses are kept in memory unless ssrm serve runs with --data DIR)"})
		return
	}
	again := func(code int, msg string) {
		s.page(w, r, code, pageData{Error: msg, Current: e, Form: form{ServiceModel: e.ServiceModel}, Review: s.review(r.Context(), e)})
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		again(http.StatusBadRequest, "reading the decision: "+err.Error())
		return
	}
	nonce := ""
	if c, err := r.Cookie(csrfCookie); err == nil {
		nonce = c.Value
	}
	if !s.csrfValid(nonce, r.PostForm.Get("csrf")) {
		again(http.StatusForbidden, "the form did not come from this page (missing or wrong CSRF token): reload the page and try again")
		return
	}
	if e.res.Vendor == "" {
		again(http.StatusBadRequest, "this analysis names no vendor: analyze again with the vendor's name, so the decision can be kept for it")
		return
	}
	rule := cleanText(r.PostForm.Get("rule"), 100)
	var f *analyze.Finding
	for i := range e.res.Findings {
		if e.res.Findings[i].Rule == rule {
			f = &e.res.Findings[i]
		}
	}
	if f == nil {
		again(http.StatusBadRequest, "rule: this analysis has no finding "+quote(rule))
		return
	}
	d := db.Decision{Vendor: e.res.Vendor, Rule: rule, Status: cleanText(r.PostForm.Get("status"), 20), As: cleanText(r.PostForm.Get("as"), 20),
		Until: cleanText(r.PostForm.Get("until"), 20), Reason: cleanText(r.PostForm.Get("reason"), 2000),
		Reviewer: cleanText(r.PostForm.Get("reviewer"), 200), EvidenceHash: analyze.EvidenceHash(f), Created: time.Now()}
	if d.Status != db.Overridden {
		d.As = "" // the page's "as" select always sends a value
	}
	if d.Status == db.Overridden && d.As == f.Status {
		again(http.StatusBadRequest, "as: ssrm already says "+f.Status+" for "+rule+"; an override must change the status (accept the finding instead)")
		return
	}
	err := d.Validate()
	if err == nil {
		err = d.CheckFresh(d.Created)
	}
	if err == nil {
		_, err = s.db.AddDecision(r.Context(), d)
	}
	if err != nil {
		code := http.StatusInternalServerError
		if errors.Is(err, db.ErrInvalid) {
			code = http.StatusBadRequest
		}
		again(code, strings.TrimPrefix(err.Error(), db.ErrInvalid.Error()+": "))
		return
	}
	http.Redirect(w, r, "/a/"+e.ID+"#decisions", http.StatusSeeOther)
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

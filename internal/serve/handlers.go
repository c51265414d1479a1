package serve

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/report"
)

//go:embed web/index.html.tmpl web/app.js web/app.css
var webFS embed.FS

// pageTemplate is parsed on first use (only ssrm serve needs it).
var pageTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("index.html.tmpl").Funcs(template.FuncMap{
		"join": strings.Join,
		"has":  func(list []string, s string) bool { return slices.Contains(list, s) },
		"when": func(t time.Time) string { return t.Local().Format("2006-01-02 15:04") },
	}).ParseFS(webFS, "web/index.html.tmpl"))
})

// Cookie names; both are HttpOnly and SameSite=Strict.
const (
	csrfCookie  = "ssrm_csrf"
	tokenCookie = "ssrm_token"
)

// Content-Security-Policy of the page, of the report shown in its frame,
// and of downloads.
const (
	cspPage     = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'"
	cspReport   = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; sandbox"
	cspDownload = "default-src 'none'; frame-ancestors 'none'; sandbox"
)

// downloads are the report formats offered, with their media types.
var downloads = []struct{ Format, Ext, Type string }{
	{"html", "html", "text/html; charset=utf-8"},
	{"xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
	{"json", "json", "application/json; charset=utf-8"},
	{"md", "md", "text/markdown; charset=utf-8"},
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.index)
	mux.HandleFunc("GET /a/{id}", s.show)
	mux.HandleFunc("GET /a/{id}/{file}", s.download)
	mux.HandleFunc("POST /analyze", s.analyzeHandler)
	mux.HandleFunc("POST /a/{id}/decide", s.decide)
	mux.HandleFunc("POST /detect", s.detect)
	mux.HandleFunc("GET /diff", s.diffPage)
	mux.HandleFunc("GET /diff/{file}", s.diffFile)
	mux.HandleFunc("GET /static/{file}", s.static)
	return s.guard(mux)
}

// guard sets the security headers on every response, refuses a Host
// header that is not loopback on a loopback server (DNS rebinding), and
// requires the access token on a remote one.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", cspPage)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set("Cache-Control", "no-store")
		if !s.remote {
			host := r.Host
			if hh, _, err := net.SplitHostPort(host); err == nil {
				host = hh
			}
			if !isLoopback(strings.Trim(host, "[]")) {
				plain(w, http.StatusMisdirectedRequest, "this server answers only on a loopback address (127.0.0.1, localhost)")
				return
			}
		}
		if s.remote || s.cfg.Token != "" {
			if q := r.URL.Query().Get("token"); q != "" && r.Method == http.MethodGet {
				if !s.tokenValid(q) {
					plain(w, http.StatusUnauthorized, "wrong access token")
					return
				}
				http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: q, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
				u := *r.URL
				v := u.Query()
				v.Del("token")
				u.RawQuery = v.Encode()
				http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
				return
			}
			got := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
			if c, err := r.Cookie(tokenCookie); err == nil && got == "" {
				got = c.Value
			}
			if !s.tokenValid(got) {
				plain(w, http.StatusUnauthorized, "an access token is required: open the address ssrm serve printed at start (it ends in ?token=...)")
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

func plain(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(code)
	fmt.Fprintln(w, msg)
}

func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	var ctype string
	switch name {
	case "app.js":
		ctype = "text/javascript; charset=utf-8"
	case "app.css":
		ctype = "text/css; charset=utf-8"
	default:
		http.NotFound(w, r)
		return
	}
	b, err := webFS.ReadFile("web/" + name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(b)
}

// form is what the page's form holds, echoed back after an error.
type form struct {
	Vendor       string
	ServiceModel string
	Packs        []string
}

// pageData feeds web/index.html.tmpl.
type pageData struct {
	CSRF       string
	Form       form
	Models     []string
	Packs      []string // embedded packs other than baseline
	Error      string
	Current    *entry
	Review     *review   // the decisions part of Current
	Compare    *diffView // two analyses of Current's vendor, or of the diff page
	Downloads  []string
	Analyses   []*entry
	Previous   map[string]string // analysis ID → its vendor's analysis before it
	MaxFile    string
	MaxRequest string
	Version    string
	Accept     string // the file input's accept attribute (acceptedExts)
}

// csrfNonce returns the browser's CSRF cookie, setting a new one when it
// has none.
func (s *Server) csrfNonce(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) == 32 {
		return c.Value
	}
	n := randomHex(16)
	http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: n, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	return n
}

func (s *Server) page(w http.ResponseWriter, r *http.Request, code int, d pageData) {
	d.CSRF = s.csrfToken(s.csrfNonce(w, r))
	d.Models = []string{"saas", "paas", "iaas"}
	for _, p := range analyze.EmbeddedPacks() {
		if p != "baseline" {
			d.Packs = append(d.Packs, p)
		}
	}
	if d.Form.ServiceModel == "" {
		d.Form.ServiceModel = "saas"
	}
	for _, dl := range downloads {
		if dl.Format != "html" {
			d.Downloads = append(d.Downloads, dl.Ext)
		}
	}
	d.Analyses = s.store.list()
	d.Previous = previous(d.Analyses)
	d.MaxFile, d.MaxRequest = size(s.cfg.MaxFileBytes), size(s.cfg.MaxRequestBytes)
	d.Version = s.cfg.Version
	d.Accept = acceptAttr()
	var b bytes.Buffer
	if err := pageTemplate().Execute(&b, d); err != nil {
		plain(w, http.StatusInternalServerError, "rendering the page: "+err.Error())
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	w.Write(b.Bytes())
}

// size says a limit in MB, or in KB or bytes when smaller.
func size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	s.page(w, r, http.StatusOK, pageData{})
}

func (s *Server) show(w http.ResponseWriter, r *http.Request) {
	e := s.store.get(r.PathValue("id"))
	if e == nil {
		s.page(w, r, http.StatusNotFound, pageData{Error: "no such analysis (analyses are kept in memory unless ssrm serve runs with --data DIR)"})
		return
	}
	s.page(w, r, http.StatusOK, pageData{Current: e, Form: form{ServiceModel: e.ServiceModel}, Review: s.review(r.Context(), e), Compare: s.picker(e)})
}

func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	e := s.store.get(r.PathValue("id"))
	if e == nil {
		http.NotFound(w, r)
		return
	}
	file := r.PathValue("file")
	for _, dl := range downloads {
		if file != "report."+dl.Ext {
			continue
		}
		var b bytes.Buffer
		if err := report.WriteOptions(&b, dl.Format, s.decided(r.Context(), e), report.Options{Docs: e.docs, Modified: e.Created}); err != nil {
			plain(w, http.StatusInternalServerError, "rendering the report: "+err.Error())
			return
		}
		sendRendered(w, r, dl.Format, dl.Type, fileStem(e.Vendor)+"."+dl.Ext, b.Bytes())
		return
	}
	http.NotFound(w, r)
}

// fileStem makes a vendor name a download file name.
func fileStem(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-') {
			b.WriteRune(r)
			dash = false
		} else if !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.Trim(b.String(), "-")
	if len(out) > 60 {
		out = out[:60]
	}
	if out == "" {
		out = "vendor"
	}
	return "ssrm-" + out
}

// httpError is an error with the status the page answers with.
type httpError struct {
	code int
	msg  string
}

func (e *httpError) Error() string { return e.msg }

func fail(code int, format string, a ...any) error {
	return &httpError{code, fmt.Sprintf(format, a...)}
}

// upload is one file of a request, spooled under a generated name.
type upload struct {
	Name string // the client's base name, for display only
	Path string // generated, in the request's temporary folder
	Role string // "", questionnaire, agreement, assurance or ignore
}

// request is a parsed upload form.
type request struct {
	form
	CSRF  string
	Files []upload
}

// receive checks the CSRF cookie, takes an analysis slot, and spools the
// multipart form into a new temporary folder. On success the caller owns
// dir (remove it) and must call release.
func (s *Server) receive(w http.ResponseWriter, r *http.Request) (req *request, dir string, release func(), err error) {
	nonce := ""
	if c, err := r.Cookie(csrfCookie); err == nil {
		nonce = c.Value
	}
	if nonce == "" {
		return nil, "", nil, fail(http.StatusForbidden, "the form did not come from this page (no CSRF cookie): reload the page and try again")
	}
	if t := r.Header.Get("X-CSRF-Token"); t != "" && !s.csrfValid(nonce, t) {
		return nil, "", nil, fail(http.StatusForbidden, "the form did not come from this page (wrong CSRF token): reload the page and try again")
	}
	if r.ContentLength > s.cfg.MaxRequestBytes {
		return nil, "", nil, fail(http.StatusRequestEntityTooLarge, "the upload is larger than the %s limit per request", size(s.cfg.MaxRequestBytes))
	}
	select {
	case s.sem <- struct{}{}:
	default:
		w.Header().Set("Retry-After", "5")
		return nil, "", nil, fail(http.StatusServiceUnavailable, "busy, try again: %d analyses are running", cap(s.sem))
	}
	release = func() { <-s.sem }
	dir, err = os.MkdirTemp(s.cfg.TempDir, "ssrm-serve-")
	if err != nil {
		release()
		return nil, "", nil, fail(http.StatusInternalServerError, "cannot create a temporary folder: %v", err)
	}
	req, err = s.readForm(w, r, dir)
	if err == nil && !s.csrfValid(nonce, req.CSRF) && !s.csrfValid(nonce, r.Header.Get("X-CSRF-Token")) {
		err = fail(http.StatusForbidden, "the form did not come from this page (missing or wrong CSRF token): reload the page and try again")
	}
	if err != nil {
		os.RemoveAll(dir)
		release()
		return nil, "", nil, err
	}
	return req, dir, release, nil
}

func (s *Server) readForm(w http.ResponseWriter, r *http.Request, dir string) (*request, error) {
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxRequestBytes)
	tooBig := func(err error) error {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return fail(http.StatusRequestEntityTooLarge, "the upload is larger than the %s limit per request", size(s.cfg.MaxRequestBytes))
		}
		return fail(http.StatusBadRequest, "reading the upload: %v", err)
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, fail(http.StatusBadRequest, "expected a multipart form upload: %v", err)
	}
	req := &request{}
	var roles []string
	for {
		p, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, tooBig(err)
		}
		if p.FileName() != "" || p.FormName() == "files" {
			if p.FileName() == "" {
				continue // an empty file input
			}
			if len(req.Files) >= s.cfg.MaxFiles {
				return nil, fail(http.StatusRequestEntityTooLarge, "too many files: at most %d per analysis", s.cfg.MaxFiles)
			}
			u, err := s.spool(p, dir, len(req.Files))
			if err != nil {
				return nil, err
			}
			req.Files = append(req.Files, u)
			continue
		}
		b, err := io.ReadAll(io.LimitReader(p, 1024))
		if err != nil {
			return nil, tooBig(err)
		}
		v := strings.TrimSpace(string(b))
		switch p.FormName() {
		case "csrf":
			req.CSRF = v
		case "vendor":
			req.Vendor = cleanText(v, 200)
		case "service_model":
			req.ServiceModel = v
		case "pack":
			req.Packs = append(req.Packs, v)
		case "role":
			roles = append(roles, v)
		}
	}
	if len(roles) == len(req.Files) {
		for i := range req.Files {
			req.Files[i].Role = roles[i]
		}
	}
	return req, nil
}

// spool copies one file part to dir under a generated name, keeping only a
// short alphanumeric extension (some formats are told apart by it).
func (s *Server) spool(p *multipart.Part, dir string, n int) (upload, error) {
	name := displayName(p.FileName())
	if !accepted(name) {
		return upload{Name: name}, fail(http.StatusUnsupportedMediaType, "%s: ssrm does not read this file type; give %s", name, strings.Join(acceptedExts, ", "))
	}
	u := upload{Name: name, Path: filepath.Join(dir, fmt.Sprintf("upload-%02d%s", n+1, safeExt(name)))}
	f, err := os.OpenFile(u.Path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return u, fail(http.StatusInternalServerError, "spooling %s: %v", name, err)
	}
	written, err := io.Copy(f, io.LimitReader(p, s.cfg.MaxFileBytes+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return u, fail(http.StatusRequestEntityTooLarge, "the upload is larger than the %s limit per request", size(s.cfg.MaxRequestBytes))
		}
		return u, fail(http.StatusBadRequest, "reading %s: %v", name, err)
	}
	if written > s.cfg.MaxFileBytes {
		return u, fail(http.StatusRequestEntityTooLarge, "%s is larger than the %s limit per file", name, size(s.cfg.MaxFileBytes))
	}
	return u, nil
}

// displayName is the base name of a client's file name (either slash),
// without control characters, at most 120 runes.
func displayName(s string) string {
	if i := strings.LastIndexAny(s, `/\`); i >= 0 {
		s = s[i+1:]
	}
	s = cleanText(s, 120)
	if s == "" || s == "." || s == ".." {
		s = "upload"
	}
	return s
}

// cleanText drops control and invalid characters and cuts s to max runes.
func cleanText(s string, max int) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if r == utf8.RuneError || unicode.IsControl(r) || n >= max {
			continue
		}
		b.WriteRune(r)
		n++
	}
	return strings.TrimSpace(b.String())
}

func safeExt(name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	if len(ext) < 2 || len(ext) > 6 {
		return ""
	}
	for _, r := range ext[1:] {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return ""
		}
	}
	return ext
}

// writeError answers a failed POST: the page with the message (and the
// form as it was), or JSON for the page's script.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error, f form) {
	code, msg := http.StatusInternalServerError, err.Error()
	var he *httpError
	if errors.As(err, &he) {
		code = he.code
	}
	if wantsJSON(r) {
		writeJSON(w, code, map[string]string{"error": msg})
		return
	}
	s.page(w, r, code, pageData{Error: msg, Form: f})
}

func wantsJSON(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "application/json")
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.Encode(v)
}

// cancelGrace bounds how long an answer waits, past the analysis timeout,
// for the work to stop: the child reading a document is killed at once and
// analyze stops between rules, so the slot is normally free when the 504
// goes out.
const cancelGrace = 5 * time.Second

// work runs fn on the request's files with the analysis timeout, removing
// dir and releasing the slot when fn ends. At the timeout fn's context ends
// (which kills the child reading a document), and the answer is 504 once
// fn has returned, or after cancelGrace.
func (s *Server) work(r *http.Request, dir string, release func(), fn func(ctx context.Context) (any, error)) (any, error) {
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.AnalysisTimeout)
	defer cancel()
	type outcome struct {
		v   any
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		var o outcome
		func() {
			defer func() {
				if p := recover(); p != nil {
					o = outcome{nil, fail(http.StatusInternalServerError, "internal error reading the files: %v", p)}
				}
			}()
			o.v, o.err = fn(ctx)
		}()
		// Before answering, so that no upload outlives the request and the
		// slot is free when the answer arrives.
		os.RemoveAll(dir)
		release()
		done <- o
	}()
	timedOut := func() error {
		return fail(http.StatusGatewayTimeout, "the analysis took longer than %s and was stopped", s.cfg.AnalysisTimeout)
	}
	select {
	case o := <-done:
		if o.err != nil && ctx.Err() != nil {
			return nil, timedOut()
		}
		return o.v, o.err
	case <-ctx.Done():
		cancel()
		select {
		case <-done:
		case <-time.After(cancelGrace):
		}
		return nil, timedOut()
	}
}

// open reads an upload (in a child process, see Config.Extract), detected
// by content; errors name the upload, never the temporary path. When ctx
// ends first it returns ctx's error.
func (s *Server) open(ctx context.Context, u upload, model string) (extract.Document, error) {
	doc, err := s.cfg.Extract.Open(ctx, u.Path, extract.Options{ServiceModel: model})
	if err != nil {
		if ctx.Err() != nil {
			return doc, ctx.Err()
		}
		msg := strings.ReplaceAll(err.Error(), u.Path, u.Name)
		return doc, fail(http.StatusBadRequest, "%s", msg)
	}
	if doc.Questionnaire != nil {
		doc.Questionnaire.Path = u.Name
	} else if doc.Agreement != nil {
		doc.Agreement.Path = u.Name
	} else if doc.Assurance != nil {
		doc.Assurance.Path = u.Name
	}
	return doc, nil
}

func (s *Server) analyzeHandler(w http.ResponseWriter, r *http.Request) {
	req, dir, release, err := s.receive(w, r)
	if err != nil {
		var f form
		if req != nil {
			f = req.form
		}
		s.writeError(w, r, err, f)
		return
	}
	v, err := s.work(r, dir, release, func(ctx context.Context) (any, error) { return s.run(ctx, req) })
	if err != nil {
		s.writeError(w, r, err, req.form)
		return
	}
	e := v.(*entry)
	if wantsJSON(r) {
		writeJSON(w, http.StatusOK, map[string]string{"id": e.ID, "url": "/a/" + e.ID, "line": e.Line})
		return
	}
	http.Redirect(w, r, "/a/"+e.ID, http.StatusSeeOther)
}

// run checks the form, reads the documents and analyses them.
func (s *Server) run(ctx context.Context, req *request) (*entry, error) {
	if req.ServiceModel == "" {
		req.ServiceModel = "saas" // as analyze defaults it; the page always sends one
	}
	if !slices.Contains([]string{"saas", "paas", "iaas"}, req.ServiceModel) {
		return nil, fail(http.StatusBadRequest, "service model: want saas, paas or iaas, got %q", req.ServiceModel)
	}
	embedded := analyze.EmbeddedPacks()
	for _, p := range req.Packs {
		// Only embedded packs: a name from the client is never a path.
		if !slices.Contains(embedded, p) {
			return nil, fail(http.StatusBadRequest, "no rule pack named %q (built in: %s)", p, strings.Join(embedded, ", "))
		}
	}
	rs, err := analyze.LoadRules(req.Packs)
	if err != nil {
		return nil, fail(http.StatusBadRequest, "%v", err)
	}
	if len(req.Files) == 0 {
		return nil, fail(http.StatusBadRequest, "no files: drop the vendor's questionnaire and agreement, or choose them")
	}
	var (
		in    analyze.Inputs
		qName string
		errs  []string
		names []string
		read  []upload
	)
	for _, u := range req.Files {
		switch u.Role {
		case "", "auto", "questionnaire", "agreement", "assurance":
		case "ignore":
			continue
		default:
			return nil, fail(http.StatusBadRequest, "%s: role: want questionnaire, agreement, assurance or ignore, got %q", u.Name, u.Role)
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		doc, err := s.open(ctx, u, req.ServiceModel)
		if err != nil {
			if ctx.Err() != nil {
				return nil, err
			}
			errs = append(errs, err.Error())
			continue
		}
		if want := u.Role; (want == "questionnaire" || want == "agreement" || want == "assurance") && string(doc.Kind()) != want {
			errs = append(errs, fmt.Sprintf("%s: given as the %s, but it reads as %s", u.Name, want, doc.Kind()))
			continue
		}
		names = append(names, u.Name)
		u.Role = string(doc.Kind())
		read = append(read, u)
		if doc.Questionnaire != nil {
			if in.Questionnaire != nil {
				errs = append(errs, fmt.Sprintf("two questionnaires (%s and %s): set the one not to assess to ignore", qName, u.Name))
				continue
			}
			in.Questionnaire, qName = doc.Questionnaire, u.Name
			continue
		}
		if doc.Assurance != nil {
			in.Assurance = append(in.Assurance, doc.Assurance)
			continue
		}
		in.Agreements = append(in.Agreements, doc.Agreement)
	}
	if len(errs) > 0 {
		return nil, fail(http.StatusBadRequest, "%s", strings.Join(errs, "\n"))
	}
	if in.Questionnaire == nil && len(in.Agreements) == 0 && len(in.Assurance) == 0 {
		return nil, fail(http.StatusBadRequest, "every file is set to ignore: nothing to analyze")
	}
	res, err := s.cfg.Analyze(ctx, in, req.Vendor, req.ServiceModel, rs)
	if err != nil {
		return nil, fail(http.StatusInternalServerError, "analysis failed: %v", err)
	}
	e := &entry{ID: randomHex(16), Created: time.Now().UTC().Truncate(time.Second), Vendor: res.Vendor, ServiceModel: res.ServiceModel,
		Files: names, Line: res.Line(), Verdict: res.Verdict, res: res, docs: &in}
	if e.Vendor == "" {
		e.Vendor = "vendor not named"
	}
	if err := s.record(ctx, res, read); err != nil {
		return nil, fail(http.StatusInternalServerError, "recording the analysis in the decisions store: %v", err)
	}
	if err := s.store.add(e); err != nil {
		return nil, fail(http.StatusInternalServerError, "keeping the analysis: %v", err)
	}
	return e, nil
}

// detected is the role /detect reports for one upload.
type detected struct {
	Name   string `json:"name"`
	Role   string `json:"role,omitempty"`
	Detail string `json:"detail,omitempty"`
	Error  string `json:"error,omitempty"`
}

// detect reads each upload and says what it is, so the page can show the
// roles before the analysis.
func (s *Server) detect(w http.ResponseWriter, r *http.Request) {
	r.Header.Set("Accept", "application/json")
	req, dir, release, err := s.receive(w, r)
	if err != nil {
		s.writeError(w, r, err, form{})
		return
	}
	model := req.ServiceModel
	if !slices.Contains([]string{"saas", "paas", "iaas"}, model) {
		model = "saas"
	}
	v, err := s.work(r, dir, release, func(ctx context.Context) (any, error) {
		out := []detected{}
		for _, u := range req.Files {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			d := detected{Name: u.Name}
			doc, err := s.open(ctx, u, model)
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			switch {
			case err != nil:
				d.Error = err.Error()
			case doc.Questionnaire != nil:
				q := doc.Questionnaire
				d.Role, d.Detail = "questionnaire", fmt.Sprintf("%s, %d items", q.Format, len(q.Items))
				for _, w := range q.Warnings {
					d.Detail += "; " + w
				}
			case doc.Assurance != nil:
				r := doc.Assurance
				d.Role, d.Detail = "assurance", fmt.Sprintf("%s, %s, %d CUECs, %d exceptions", r.Type, r.Format, len(r.CUECs), len(r.Exceptions))
			default:
				a := doc.Agreement
				d.Role = "agreement"
				if a.Paginated {
					d.Detail = fmt.Sprintf("%s, %d pages, %d clauses", a.Format, len(a.Pages), len(a.Clauses))
				} else {
					d.Detail = fmt.Sprintf("%s, %d clauses", a.Format, len(a.Clauses))
				}
			}
			out = append(out, d)
		}
		return out, nil
	})
	if err != nil {
		s.writeError(w, r, err, form{})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"files": v})
}

// sendRendered answers with a rendered report or diff: HTML not asked as a
// download is shown in the page's sandboxed frame, anything else is an
// attachment named name.
func sendRendered(w http.ResponseWriter, r *http.Request, format, contentType, name string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	if format == "html" && r.URL.Query().Get("download") == "" {
		h.Set("Content-Security-Policy", cspReport)
		h.Set("X-Frame-Options", "SAMEORIGIN")
	} else {
		h.Set("Content-Security-Policy", cspDownload)
		h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
	}
	w.Write(body)
}

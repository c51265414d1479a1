// Package lazyre holds regular expressions that compile on first use
// instead of at process start.
//
// Every ssrm process (the command and each child that reads a document)
// ran the package initialisers of extract and analyze, about 250 calls of
// regexp.MustCompile and 10 ms of processor time, though a child reading
// a workbook never uses the PDF reader's patterns nor the analysis's. A
// *Regexp here compiles its pattern once, on the first call of any of its
// methods, safely from several goroutines; a pattern that does not
// compile panics there as regexp.MustCompile would at start, and
// TestAllCompile (each package's) compiles every pattern made with New.
package lazyre

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// Regexp is a regular expression compiled on first use.
type Regexp struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
}

var (
	mu  sync.Mutex
	all []*Regexp
)

// New returns the pattern src, to be compiled (as regexp.MustCompile does)
// on first use.
func New(src string) *Regexp {
	r := &Regexp{src: src}
	mu.Lock()
	all = append(all, r)
	mu.Unlock()
	return r
}

// All returns every pattern made with New so far, for tests.
func All() []*Regexp {
	mu.Lock()
	defer mu.Unlock()
	return append([]*Regexp(nil), all...)
}

// Check compiles every pattern made with New so far, for each package's
// test that its patterns compile (as regexp.MustCompile did at start). It
// returns an error naming each pattern that does not compile, or when
// fewer than least patterns were made (the package under test made none).
func Check(least int) error {
	rs := All()
	if len(rs) < least {
		return fmt.Errorf("%d lazy patterns, want at least %d", len(rs), least)
	}
	var bad []string
	for _, r := range rs {
		if _, err := regexp.Compile(r.src); err != nil {
			bad = append(bad, fmt.Sprintf("%q: %v", r.src, err))
		}
	}
	if len(bad) > 0 {
		return errors.New(strings.Join(bad, "; "))
	}
	return nil
}

// Regexp returns the compiled expression; it panics if the pattern does
// not compile.
func (r *Regexp) Regexp() *regexp.Regexp {
	r.once.Do(func() { r.re = regexp.MustCompile(r.src) })
	return r.re
}

// String returns the source text of the pattern.
func (r *Regexp) String() string { return r.src }

// The methods below are those of regexp.Regexp, on the compiled
// expression.

func (r *Regexp) MatchString(s string) bool { return r.Regexp().MatchString(s) }
func (r *Regexp) Match(b []byte) bool       { return r.Regexp().Match(b) }
func (r *Regexp) FindString(s string) string {
	return r.Regexp().FindString(s)
}
func (r *Regexp) FindStringIndex(s string) []int { return r.Regexp().FindStringIndex(s) }
func (r *Regexp) FindStringSubmatch(s string) []string {
	return r.Regexp().FindStringSubmatch(s)
}
func (r *Regexp) FindStringSubmatchIndex(s string) []int {
	return r.Regexp().FindStringSubmatchIndex(s)
}
func (r *Regexp) FindAllString(s string, n int) []string {
	return r.Regexp().FindAllString(s, n)
}
func (r *Regexp) FindAllStringIndex(s string, n int) [][]int {
	return r.Regexp().FindAllStringIndex(s, n)
}
func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	return r.Regexp().FindAllStringSubmatch(s, n)
}
func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return r.Regexp().FindAllStringSubmatchIndex(s, n)
}
func (r *Regexp) FindIndex(b []byte) []int { return r.Regexp().FindIndex(b) }
func (r *Regexp) FindAllIndex(b []byte, n int) [][]int {
	return r.Regexp().FindAllIndex(b, n)
}
func (r *Regexp) FindSubmatchIndex(b []byte) []int { return r.Regexp().FindSubmatchIndex(b) }
func (r *Regexp) FindAllSubmatchIndex(b []byte, n int) [][]int {
	return r.Regexp().FindAllSubmatchIndex(b, n)
}
func (r *Regexp) ReplaceAllString(src, repl string) string {
	return r.Regexp().ReplaceAllString(src, repl)
}
func (r *Regexp) ReplaceAllLiteralString(src, repl string) string {
	return r.Regexp().ReplaceAllLiteralString(src, repl)
}
func (r *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	return r.Regexp().ReplaceAllStringFunc(src, repl)
}
func (r *Regexp) Split(s string, n int) []string   { return r.Regexp().Split(s, n) }
func (r *Regexp) SubexpNames() []string            { return r.Regexp().SubexpNames() }
func (r *Regexp) SubexpIndex(name string) int      { return r.Regexp().SubexpIndex(name) }
func (r *Regexp) NumSubexp() int                   { return r.Regexp().NumSubexp() }
func (r *Regexp) FindAll(b []byte, n int) [][]byte { return r.Regexp().FindAll(b, n) }
func (r *Regexp) FindAllSubmatch(b []byte, n int) [][][]byte {
	return r.Regexp().FindAllSubmatch(b, n)
}

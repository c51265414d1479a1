package analyze

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

func TestDebugFrame(t *testing.T) {
	s := os.Getenv("SSRM_FRAME")
	if s == "" {
		t.Skip()
	}
	rs, _ := LoadRules(nil)
	for _, x := range strings.Split(s, "|") {
		t.Log("\n" + rs.DescribeFrame(x))
		if id := os.Getenv("SSRM_RULE"); id != "" {
			t.Log(rs.ExampleStatus(rs.Get(id), x))
		}
	}
}

func TestDebugDoc(t *testing.T) {
	path, find := os.Getenv("SSRM_DOC"), os.Getenv("SSRM_FIND")
	if path == "" {
		t.Skip()
	}
	doc, err := extract.Open(path, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rs, _ := LoadRules(nil)
	for _, u := range agreementUnits([]*extract.Agreement{doc.Agreement}, "", rs.Vocabulary) {
		if !strings.Contains(u.reading(), find) {
			continue
		}
		t.Logf("§%s lead=%q heading=%q ctx=%v", u.section, u.leadIn, u.heading, u.frame.heading)
		t.Log("\n" + rs.DescribeFrame(u.reading()))
		for _, p := range u.frame.preds {
			t.Logf("  unit pred actor=%v mod=%v word=%q lead=%d region=%q", p.actor, p.modality, p.word, u.frame.lead, u.frame.regionText(p.from, p.to))
		}
		if id := os.Getenv("SSRM_RULE"); id != "" {
			for _, h := range rs.Get(id).hitsIn(u, rs.Get(id).frames) {
				t.Logf("hit %s element=%s weak=%v actor=%v pred=%q", h.status, h.spec.element, h.weakeners, h.p.actor, u.frame.regionText(h.p.from, h.p.to))
			}
		}
	}
}

func TestDebugHits(t *testing.T) {
	path, id := os.Getenv("SSRM_DOC"), os.Getenv("SSRM_RULE")
	if path == "" || id == "" {
		t.Skip()
	}
	doc, err := extract.Open(path, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rs, _ := LoadRules(nil)
	r := rs.Get(id)
	for _, u := range agreementUnits([]*extract.Agreement{doc.Agreement}, "", rs.Vocabulary) {
		for _, h := range r.hitsIn(u, r.frames) {
			sc := 0.0
			if h.status != "negated" {
				sc = r.rank(&h)
			}
			txt := u.full()
			if len(txt) > 110 {
				txt = txt[:110]
			}
			t.Logf("%5.1f %-8s %-14s el=%-10s first=%v head=%q | %s", sc, h.status, u.section, h.spec.element, u.first, u.heading, txt)
		}
	}
}

func TestDebugMany(t *testing.T) {
	jobs := os.Getenv("SSRM_JOBS")
	if jobs == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(jobs)
	rs, _ := LoadRules(nil)
	out, _ := os.Create(jobs + ".out")
	defer out.Close()
	cache := map[string][]*unit{}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		f := strings.Split(line, "\t")
		path, id := f[0], f[1]
		us, ok := cache[path]
		if !ok {
			doc, err := extract.Open(path, extract.Options{})
			if err != nil {
				t.Log(err)
				continue
			}
			us = agreementUnits([]*extract.Agreement{doc.Agreement}, "", rs.Vocabulary)
			cache[path] = us
		}
		r := rs.Get(id)
		for _, u := range us {
			for _, h := range r.hitsIn(u, r.frames) {
				sc := 0.0
				if h.status != "negated" {
					sc = r.rank(&h)
				}
				txt := strings.ReplaceAll(u.full(), "\t", " ")
				if len(txt) > 140 {
					txt = txt[:140]
				}
				fmt.Fprintf(out, "%s\t%s\t%.1f\t%s\t%s\t%v\t%q\t%s\n", path, id, sc, h.status, u.section, u.first, u.heading, txt)
			}
		}
	}
}

package analyze

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ssrm-dev/ssrm/extract"
)

const questionnaireCorpus = "../../shared/corpus/questionnaires"

func corpusQuestionnaires(t *testing.T) map[string]*extract.Questionnaire {
	t.Helper()
	if _, err := os.Stat(questionnaireCorpus); err != nil {
		t.Skipf("corpus not found at %s (it sits beside the repository as ../shared/corpus): %v", questionnaireCorpus, err)
	}
	files, _ := filepath.Glob(filepath.Join(questionnaireCorpus, "*.*"))
	out := map[string]*extract.Questionnaire{}
	for _, f := range files {
		doc, err := extract.Open(f, extract.Options{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[filepath.Base(f)] = doc.Questionnaire
	}
	if len(out) < 19 {
		t.Fatalf("%d questionnaires in the corpus, want the 19 of expected/items.csv", len(out))
	}
	return out
}

// TestCrosswalkCorpus: every question id of every corpus form lands in a
// CCM v4 domain or is left out on purpose (with the form's reason), each
// form is recognised as the crosswalk form of its family, and every
// placement cites where it comes from.
func TestCrosswalkCorpus(t *testing.T) {
	rs := loadRules(t)
	wantForm := map[string]string{
		"caiq-v1.0": "caiq-v1", "caiq-v1.1": "caiq-v1", "caiq-v3.0.1": "caiq-v3", "caiq-v4.0.3": "caiq-v4", "ccm-v4.0.12": "caiq-v4",
		"crm-nist": "nist-800-53", "fedramp": "nist-800-53", "hecvat-full-v2.11": "hecvat-full-2", "hecvat-full-v3.00": "hecvat-full-3.00",
		"hecvat-full-v3.04": "hecvat-full-3", "hecvat-lite-export": "hecvat-lite-3", "hecvat-lite-v3.04": "hecvat-lite-3",
		"hecvat-v4.1.4": "hecvat-4", "iso27001-soa": "iso27001-soa", "k12cvat-lite-v4.1": "k12cvat",
	}
	for file, q := range corpusQuestionnaires(t) {
		qp := rs.Crosswalk.Place(q)
		want := ""
		for prefix, form := range wantForm {
			if strings.HasPrefix(file, prefix) {
				want = form
			}
		}
		if qp.Form == nil || qp.Form.ID != want {
			t.Errorf("%s (%s): form %+v, want %s", file, q.Format, qp.Form, want)
		}
		for i, p := range qp.Items {
			it := q.Items[i]
			switch {
			case p.Domain == "" && p.Unmapped == "":
				t.Errorf("%s: %s (%s!%s) lands nowhere", file, it.ID, it.Sheet, it.Cell)
			case p.Domain != "" && (p.Basis == "" || p.Source == ""):
				t.Errorf("%s: %s placed in %s without a citation (%+v)", file, it.ID, p.Domain, p)
			case p.Domain != "" && p.By != "question" && p.By != "section":
				t.Errorf("%s: %s placed by %s, not by its form's entries", file, it.ID, p.By)
			}
		}
	}
}

// TestOwnersCorpus is the measure: the full HECVAT 3.04 and the
// K-12CVAT of the corpus, which state no ownership, give an owner (stated
// or inferred) for at least 12 of the 17 CCM domains each; the figures of
// every filled form are logged (go test -v).
func TestOwnersCorpus(t *testing.T) {
	rs := loadRules(t)
	qs := corpusQuestionnaires(t)
	var files []string
	for f := range qs {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, file := range files {
		q := qs[file]
		res, err := Run(context.Background(), Inputs{Questionnaire: q}, rs, Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		owned, inferred := 0, 0
		for _, m := range res.Matrix {
			if m.QuestionnaireOwner != OwnerUnassigned {
				owned++
			}
			inferred += m.QuestionnaireInferred
		}
		t.Logf("%-52s %-18s domains with an owner %2d/17, items inferred %3d, ownership %s, vendor %q (%s)", file, q.Format, owned, inferred, res.Inputs[0].Ownership, res.Vendor, res.VendorSource)
		switch file {
		case "hecvat-full-v3.04-filled-canvas-lms.xlsx", "k12cvat-lite-v4.1-filled-canvas-lms.xlsx":
			if owned < 12 {
				t.Errorf("%s: %d domains with an owner, want at least 12", file, owned)
			}
			if res.Inputs[0].Ownership != "not stated" || inferred == 0 {
				t.Errorf("%s: ownership %q, %d inferred: the form states none", file, res.Inputs[0].Ownership, inferred)
			}
		case "caiq-v4.0.3-filled-instructure.xlsx":
			if owned != 17 || inferred != 0 {
				t.Errorf("%s: %d domains, %d inferred: a filled CAIQ states every owner", file, owned, inferred)
			}
		}
	}
}

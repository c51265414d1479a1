package report

import (
	"bytes"
	"strings"
	"testing"
)

// TestTrialfix37ModelAndMatrixHeader: the text report says the service
// model is a default when none was given, and names the matrix's columns,
// so that "unassigned unassigned" reads as an owner and a status (new-user
// trial 36).
func TestTrialfix37ModelAndMatrixHeader(t *testing.T) {
	res, _ := loadSample(t)
	for _, tc := range []struct {
		name         string
		defaultModel bool
		want         []string
	}{
		{"default model", true, []string{", saas (default), packs ", "owner           status", "q= the questionnaire's owner, a= the agreement's owner"}},
		{"model given", false, []string{", saas, packs "}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := *res
			r.ServiceModelDefault = tc.defaultModel
			var txt, md bytes.Buffer
			if err := (textRenderer{}).Render(&txt, &r); err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(txt.String(), w) {
					t.Errorf("text report lacks %q", w)
				}
			}
			if err := (markdownRenderer{}).Render(&md, &r); err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(md.String(), "Service model saas (default);"); got != tc.defaultModel {
				t.Errorf("Markdown says the model is a default: %v, want %v", got, tc.defaultModel)
			}
		})
	}
}

package analyze

import (
	"context"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestNotesAgreeWithElements: sentences of our own writing. A finding's
// notes never call an element "not stated" that the sentence it quotes
// states, and a term met whole by the customer's prior consent to each
// subprocessor does not list the parts that consent answers as missing.
func TestNotesAgreeWithElements(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		name    string
		clauses []string
		rule    string
		element string
		found   bool
		notNote string // a title the notes must not name
	}{
		{
			name: "information on request, its verb and object split by an aside, is stated",
			clauses: []string{
				"Upon Customer's written request, Provider shall make available to Customer (or to its auditor that is not a competitor of Provider) relevant information to demonstrate compliance with this DPA, and such information shall not be disclosed by Customer to any third party.",
				"Customer may audit Provider's compliance with this DPA once a year.",
			},
			rule: "audit-rights", element: "information", found: true,
			notNote: "information or records on request",
		},
		{
			name:    "liability assumed for a subprocessor's actions is stated",
			clauses: []string{"The current Subprocessors are listed in Annex 3. Provider shall notify Customer of any new Subprocessor 30 days in advance, and Customer may object to it. Provider assumes liability towards Customer for the actions of each Subprocessor as if they were its own."},
			rule:    "subprocessors", element: "liability", found: true,
			notNote: "the vendor stays liable",
		},
		{
			name:    "prior consent to each subprocessor answers the list, notice and objection",
			clauses: []string{"Provider shall not engage any Subprocessor without Customer's prior written consent."},
			rule:    "subprocessors", element: "notice", found: false,
			notNote: "notice of new or replaced subprocessors",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := agreement(tc.clauses...)
			for i := range a.Clauses {
				a.Clauses[i].Heading = "Audits and Subprocessors"
			}
			res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range res.Findings {
				if f.Rule != tc.rule {
					continue
				}
				for _, e := range f.Elements {
					if e.ID == tc.element && e.Found != tc.found {
						t.Errorf("%s (%s): element %s found %v, want %v", tc.rule, f.Status, e.ID, e.Found, tc.found)
					}
				}
				for _, n := range f.Notes {
					if strings.Contains(n, tc.notNote) {
						t.Errorf("%s (%s): note %q names %q", tc.rule, f.Status, n, tc.notNote)
					}
				}
				return
			}
			t.Errorf("no %s finding", tc.rule)
		})
	}
}

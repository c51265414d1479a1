package analyze

import (
	"strings"
	"testing"
)

// TestTrialfix49PlacePointer: a place named in the sentence before and
// taken up by a pointer ("these locations", "those countries", "such
// regions") is the place of the data (new-user trial 49, issue 11; our own
// sentences). With no place before, the pointer names none.
func TestTrialfix49PlacePointer(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{
			name:    "those countries, named the sentence before",
			clauses: []string{"Our support staff work from Canada and Ireland. Customer Data may be accessed from those countries to deliver the Services."},
			rule:    "data-location", want: StatusWeak,
		},
		{
			name:    "such countries, named the sentence before",
			clauses: []string{"The Vendor's engineers are based in Australia and Singapore. Client Data may be processed in such countries when they give support."},
			rule:    "data-location", want: StatusWeak,
		},
		{
			name:    "no place before the pointer",
			clauses: []string{"Our support staff work from home on some days. Customer Data may be accessed from those locations to deliver the Services."},
			rule:    "data-location", want: StatusMissing,
		},
	})
}

// TestTrialfix49CauseBeforeConvenience: where an agreement gives a right to
// terminate for convenience and one for cause (a material breach, an
// insolvency), both weak for termination rights, the clause for cause is
// quoted first: it is the nearer to a security ground (new-user trial 49,
// issue 11; our own sentences).
func TestTrialfix49CauseBeforeConvenience(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct{ name, md, want string }{
		{"headed clauses", "# Hosting Agreement\n\nCloudway Ltd (\"Supplier\") hosts the Client's systems.\n\n## 9.2 Termination for Convenience\n\nEither party may end this Agreement for convenience on ninety days' written notice.\n\n## 9.3 Termination for Cause\n\nEither party may end this Agreement at once by written notice if the other party materially breaches it and does not cure the breach within thirty days, or becomes insolvent.\n", "9.3"},
		{"without cause, then breach", "# Services Agreement\n\nBrightline Inc. (\"Vendor\") supplies support services to the Customer.\n\n## 11.1 Ending the Agreement\n\nThe Customer may terminate this Agreement without cause on sixty days' notice.\n\n## 11.2 Ending for Breach\n\nThe Customer may terminate this Agreement on notice if the Vendor breaches any material obligation of this Agreement and fails to remedy it within twenty days.\n", "11.2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := finding(runMarkdown(t, rs, tc.md), "termination-rights")
			if f == nil || f.Status != StatusWeak || len(f.Evidence) == 0 {
				t.Fatalf("termination-rights: got %+v, want weak with evidence", f)
			}
			if got := f.Evidence[0].Section; got != tc.want {
				t.Errorf("lead section %s (%q), want %s", got, f.Evidence[0].Text, tc.want)
			}
		})
	}
}

// TestTrialfix49LeadInOverTableRows: a binding lead-in over a table whose
// rows are paragraphs with no sentence of their own ("Provider commits to
// the following service levels:" over "System Availability 99.9%
// monthly") binds the rows, as it binds the items of a list; each row is
// read, and quoted, with the lead-in, not as one run of cells (new-user
// trial 49, issue 11; our own sentences).
func TestTrialfix49LeadInOverTableRows(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct{ name, text, want, quotes string }{
		{"service levels committed to", "Supplier commits to the following minimum service levels for every subscription:\n\nMeasure Level Measured as\n\nSupport Response Within 2 business hours First reply to a ticket\n\nRelease Pace Per Order Form targets Shown on the dashboard\n\nSystem Availability 99.9% monthly Share of minutes the hosted platform is up", StatusMet, "commits to the following minimum service levels"},
		{"service levels guaranteed", "The Vendor guarantees the service levels below in each calendar month:\n\nItem Commitment\n\nUptime 99.95% of each month\n\nIncident Response Within 1 hour for a priority one ticket", StatusMet, "guarantees the service levels below"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := finding(run(t, rs, Options{}, tc.text), "service-levels")
			if f == nil || f.Status != tc.want || len(f.Evidence) == 0 {
				t.Fatalf("service-levels: got %+v, want %s", f, tc.want)
			}
			if q := f.Evidence[0].Text; !strings.Contains(q, tc.quotes) || len(q) > 300 {
				t.Errorf("quote %q: want the lead-in (%q) and a row, not the whole table", q, tc.quotes)
			}
		})
	}
}

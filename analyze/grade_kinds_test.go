package analyze

import (
	"context"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestGradeLongPointers: a term stated only by pointing at a part of
// another document is by reference; a part of this agreement, present in
// it, binds (issue 11, grades15: sentences of our own writing).
func TestGradeLongPointers(t *testing.T) {
	rs := loadRules(t)
	tests := []statusCase{
		{"an annexure of another document", []string{"Provider shall implement and maintain the security measures set out in Annexure C-2 to the Terms of Service."}, "vendor-security", StatusByReference},
		{"an attachment of another document", []string{"The Supplier shall implement the technical and organisational measures set out in Attachment 3 to the Master Agreement."}, "vendor-security", StatusByReference},
		{"documentation made available", []string{"Provider shall protect Customer Data as described in the Security Documentation made available by Provider."}, "vendor-security", StatusByReference},
	}
	checkStatuses(t, rs, tests)

	// The agreement's own annexure, present, binds; an annex of the same
	// name given to another document does not.
	parts := []struct {
		name, pointer, part, want string
	}{
		{"the agreement's own annexure", "Provider shall maintain the security measures set out in Annexure B-1.", "Annexure B-1", StatusMet},
		{"this agreement's annex", "Provider shall maintain the security measures set out in Annex 2 to this Agreement.", "Annex 2", StatusMet},
		{"another document's annex of the same name", "Provider shall maintain the security measures set out in Annex 2 to the Master Agreement.", "Annex 2", StatusByReference},
	}
	for _, tc := range parts {
		a := &extract.Agreement{Path: "test.md", Format: "md", Pages: []extract.Page{{Number: 1}}}
		for _, c := range []extract.Clause{
			{ID: "4.1", Text: tc.pointer},
			{ID: tc.part, Heading: tc.part, Text: "The parties record the categories of data subjects and the purposes of the processing."},
		} {
			a.Clauses = append(a.Clauses, c)
			a.Pages[0].Text += c.Text + "\n"
		}
		res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := status(res, "vendor-security"); got != tc.want {
			t.Errorf("%s: vendor-security %s, want %s", tc.name, got, tc.want)
		}
	}
}

// TestDeadlineFromTheClause: the deadline of a breach notice stated in its
// clause's next sentence, and the statement with the deadline within 72
// hours graded over a slower one (issue 11, grades15: sentences of our own
// writing).
func TestDeadlineFromTheClause(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		name    string
		clauses []string
		hours   float64 // 0: no deadline
		status  string
	}{
		{"the next sentence gives the hours", []string{"Provider will report to Customer any Breach of Customer's Unsecured PHI. Provider will make such report no later than four (4) hours after discovery of the Breach."}, 4, StatusMet},
		{"a quarterly report and a four-hour one", []string{
			"Provider will report to Customer, on no less than a quarterly basis, any Security Incident involving PHI of which Provider becomes aware.",
			"Provider will report to Customer any Breach of Customer's Unsecured PHI. Provider will make such report no later than four (4) hours after discovery of the Breach.",
		}, 4, StatusMet},
		{"the customer's duty is no deadline of the vendor's", []string{"Provider will notify Customer of any Security Incident. Customer must notify Provider within 24 hours of any misuse of its credentials."}, 0, StatusWeak},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := run(t, rs, Options{}, tc.clauses...)
			for _, f := range res.Findings {
				if f.Rule != "breach-notification" {
					continue
				}
				var got float64
				if f.Deadline != nil && f.Deadline.Hours != nil {
					got = *f.Deadline.Hours
				}
				if got != tc.hours || f.Status != tc.status {
					t.Errorf("breach-notification: %s, deadline %v hours; want %s, %v hours (%+v)", f.Status, got, tc.status, tc.hours, f.Deadline)
				}
				return
			}
			t.Error("no breach-notification finding")
		})
	}
}

// TestPartialSubprocessorTerm: a term of several essential parts stated by
// one of them is weak, unless that part gives the customer the whole
// decision; and a right to object stated in the sentence after the notice,
// without naming the subprocessor again, is found (issue 11, grades15:
// sentences of our own writing).
func TestPartialSubprocessorTerm(t *testing.T) {
	rs := loadRules(t)
	tests := []statusCase{
		{"a general authorisation alone", []string{"The Client gives the Supplier a general authorisation to engage sub-processors for the Services."}, "subprocessors", StatusWeak},
		{"a list alone", []string{"The Supplier maintains a list of its sub-processors on its website."}, "subprocessors", StatusWeak},
		{"prior written consent to each one", []string{"The Supplier shall not engage any sub-processor without the Client's prior written consent."}, "subprocessors", StatusMet},
		{"notice, then an objection in the next sentence", []string{"The Supplier will notify the Client by e-mail of changes to its sub-processors. The Client may object within ten days."}, "subprocessors", StatusMet},
	}
	checkStatuses(t, rs, tests)
	res := run(t, rs, Options{}, "The Supplier will notify the Client by e-mail of changes to its sub-processors. The Client may object within ten days.")
	for _, f := range res.Findings {
		if f.Rule != "subprocessors" {
			continue
		}
		for _, e := range f.Elements {
			if e.ID == "objection" && !e.Found {
				t.Errorf("subprocessors: the objection in the next sentence not found (status %s, notes %q)", f.Status, f.Notes)
			}
		}
	}
}

// TestChangeForTheLaw: a right to amend the agreement to follow the law or
// a regulator (new law, newly adopted standard clauses) is no change at the
// vendor's will: it does not weaken a notice of changes stated elsewhere,
// while a right to change at will still does (issue 11, grades16:
// sentences of our own writing).
func TestChangeForTheLaw(t *testing.T) {
	rs := loadRules(t)
	notice := "Vendor shall notify Customer of any intended change of its subprocessors at least 30 days in advance."
	tests := []statusCase{
		{"amended to reflect regulatory changes", []string{notice, "This addendum may be amended by Vendor to reflect regulatory changes."}, "change-notice", StatusMet},
		{"clauses adopted by the Commission", []string{notice, "Where new standard contractual clauses are adopted by the European Commission, Vendor may amend this DPA to include them."}, "change-notice", StatusMet},
		{"a right to amend at will still weakens", []string{notice, "Vendor may amend this DPA at any time."}, "change-notice", StatusWeak},
	}
	checkStatuses(t, rs, tests)
}

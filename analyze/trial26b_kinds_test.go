package analyze

import (
	"strings"
	"testing"
)

// TestTrial26bKinds: sentences of our own writing from a new user's trial on
// three outside documents (trial26b), each beside one that still shows the
// term.
func TestTrial26bKinds(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		// A denial of a guarantee is no commitment to the term.
		{"a tool that is no guarantee against incidents", []string{"This dashboard is a decision-support aid — not a guarantee against security incidents."}, "incident-cooperation", StatusMissing},
		{"no guarantee that no incident occurs", []string{"Provider does not guarantee that no security incident will occur."}, "incident-cooperation", StatusMissing},
		{"cannot guarantee incidents are prevented", []string{"The Supplier cannot guarantee that all security incidents will be prevented."}, "incident-cooperation", StatusMissing},
		{"assistance with incidents is cooperation", []string{"Provider shall assist Customer in investigating and mitigating any security incident."}, "incident-cooperation", StatusMet},
		// Claim contents are no security duty.
		{"credit claim contents are no security duty", []string{"In its credit claim, the Customer must include its account ID and the reported dates of unavailability."}, "customer-responsibilities", StatusMissing},
		{"the customer protecting its credentials", []string{"Customer shall keep its account credentials confidential."}, "customer-responsibilities", StatusMet},
		// Subprocessors' reports are no assurance of the vendor's own.
		{"only the subprocessors' SOC 2 reports", []string{"On written request, Provider will give Customer copies of the SOC 2 reports it has obtained from its subprocessors."}, "security-reports", StatusWeak},
		{"the vendor's own SOC 2 report", []string{"On written request, Provider will give Customer a copy of its most recent SOC 2 Type II report."}, "security-reports", StatusMet},
		// A notice of subprocessor changes stays a notice of a change: the
		// labelled corpus cites the subprocessor clause for the term (nine
		// dev DPAs), so it is not taken away here.
		{"notice of a new subprocessor", []string{"Provider will notify Customer at least 30 days before engaging any new subprocessor."}, "change-notice", StatusMet},
		{"notice of changes to the terms", []string{"Provider will give Customer at least 30 days' written notice of any material change to these Terms."}, "change-notice", StatusMet},
		// The customer's own documents made by the product are no vendor programme.
		{"security documents generated for the customer", []string{"The security program, policies and documents generated for your organisation are provided for your internal use."}, "vendor-security", StatusMissing},
		{"the vendor's own security program", []string{"Provider maintains a written information security program with administrative, technical and physical safeguards to protect Customer Data."}, "vendor-security", StatusMet},
	})
}

// TestRedFlagOnePerClause: two flags of one rule on one clause are one line
// of the report (trial26b, sentences of our own writing).
func TestRedFlagOnePerClause(t *testing.T) {
	rs := loadRules(t)
	res := run(t, rs, Options{}, "These Terms are between Acme Cloud Ltd (\"we\") and you.",
		"We may change the Service or these Terms. Material changes to these Terms will be shown by a new revision date, and continued use of the Service after they take effect constitutes acceptance.")
	var got []string
	for _, s := range redFlagSections(res) {
		if strings.HasPrefix(s, "change-notice") {
			got = append(got, s)
		}
	}
	if len(got) != 1 {
		t.Errorf("change-notice red flags %q, want one on §2", got)
	}
}

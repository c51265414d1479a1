package analyze

import "testing"

// Kinds of fault of new-user trial 35 (an MSA whose matrix disagreed with
// its findings), reproduced with sentences of our own writing.

// TestMatrix37CustomerDutyCited: the customer's duty to keep others out of
// the service and tell the vendor of misuse is cited before a further duty
// (its backups), even where a hedge grades it lower; the better-graded
// sentence still grades the term.
func TestMatrix37CustomerDutyCited(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct{ name, item string }{
		{"a plain duty", "take reasonable steps to prevent unauthorised access to or use of the Platform and inform the Provider promptly of any such unauthorised access or use"},
		{"a hedged duty", "use commercially reasonable efforts to prevent unauthorized use of its account and report any such use to the Provider"},
	} {
		md := "# Platform Subscription Terms\n\nThese terms are between Brightwave Software Ltd (\"Provider\") and the subscriber (\"Customer\").\n\n## 3. Customer Duties\n\n3.1 The Customer shall: (a) pay all fees when due; (b) " + tc.item + "; and (c) be solely responsible for the content it uploads and for keeping suitable backups of that content.\n"
		res := runMarkdown(t, rs, md)
		for _, f := range res.Findings {
			if f.Rule != "customer-responsibilities" {
				continue
			}
			if f.Status != StatusMet || len(f.Evidence) == 0 || f.Evidence[0].Section != "3.1(b)" {
				t.Errorf("%s: %s, cited %v; want met, citing 3.1(b)", tc.name, f.Status, f.Evidence)
			}
		}
	}
}

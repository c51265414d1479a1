package analyze

import "testing"

// TestTrialfix37ByReference: what another document holds, told on a page
// about it, is a pointer for every term it names (new-user trial 36; our
// own sentences).
func TestTrialfix37ByReference(t *testing.T) {
	rs := loadRules(t)
	const head = "# Data Processing Addendum\n\nBrackenfield Systems Ltd (\"Brackenfield\") hosts the Workspace service.\n\n## Scope\n\n"
	for _, tc := range []struct{ name, body, rule, want string }{
		// Items under one "incorporates by reference" lead-in are alike:
		// the one that names transfer safeguards but no document is
		// incorporated as much as the one that names an addendum.
		{"SCCs item under an incorporating lead-in", "The Addendum forms part of the Master Terms and incorporates by reference: (a) the processor duties under Article 28 of the UK GDPR; (b) the Standard Contractual Clauses issued by the European Commission for transfers of personal data to third countries, if and where they apply to the transfer in question; and (c) the Swiss addendum to the Standard Contractual Clauses, where it applies.", "data-location", StatusByReference},
		// The convention: transfers only under safeguards, bound here, is
		// the term weak.
		{"SCCs bound in a sentence of its own stay weak", "Brackenfield shall transfer personal data outside the EEA only under the Standard Contractual Clauses.", "data-location", StatusWeak},
		// A sentence describing what another document records binds
		// neither of the terms it names: both by reference.
		{"records the measures: vendor-security", "The Security Addendum records the hosting arrangements, the backup schedule, the technical and organisational security measures maintained by Brackenfield, and the current list of sub-processors engaged by Brackenfield.", "vendor-security", StatusByReference},
		{"records the list: subprocessors", "The Security Addendum records the hosting arrangements, the backup schedule, the technical and organisational security measures maintained by Brackenfield, and the current list of sub-processors engaged by Brackenfield.", "subprocessors", StatusByReference},
		{"records the categories: no notice content", "The Security Addendum records the categories of data subjects and of personal data, the purposes of processing, the retention periods and the security measures in place at each hosting location.", "notification-content", StatusMissing},
		{"a duty to implement the measures stays bound", "Brackenfield shall implement appropriate technical and organisational security measures, including encryption of data at rest.", "vendor-security", StatusMet},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := runMarkdown(t, rs, head+tc.body+"\n")
			if got := status(res, tc.rule); got != tc.want {
				t.Errorf("%s: got %s, want %s", tc.rule, got, tc.want)
			}
		})
	}
}

// TestTrialfix37RolesAllocated: a DPA that allocates the controller and
// processor roles speaks to the allocation of responsibilities, weakly
// (the roles, not who secures what): it is assessed, not set apart as a
// term a DPA does not carry (new-user trial 36; our own sentences).
func TestTrialfix37RolesAllocated(t *testing.T) {
	rs := loadRules(t)
	const head = "# Data Processing Agreement\n\nThis Data Processing Agreement is made between the customer and Larkspur Analytics Ltd (\"Larkspur\").\n\n## Roles\n\n"
	for _, tc := range []struct{ name, body, want string }{
		{"controller and processor named", "The customer is the data controller of the personal data processed under the Agreement, and Larkspur is its processor.", StatusWeak},
		{"the processor acts on instructions", "Larkspur shall act as a processor and process the personal data only on the customer's documented instructions.", StatusWeak},
		{"no roles: still not covered", "Larkspur shall process the personal data only for the purposes of providing the service.", StatusNotCovered},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := runMarkdown(t, rs, head+tc.body+"\n")
			if got := status(res, "responsibility-allocation"); got != tc.want {
				t.Errorf("responsibility-allocation: got %s, want %s", got, tc.want)
			}
		})
	}
}

package analyze

import "testing"

// TestRecallKinds: ways of stating a term that the engine missed on
// agreements nobody tuned it on (issue 11), one row per kind, in
// sentences of our own.
func TestRecallKinds(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{
			name: "the standard clauses' data importer is the vendor",
			clauses: []string{
				`This Data Processing Addendum is between Quillfeather Ltd. ("Provider") and the customer ("Customer").`,
				"The data importer agrees and warrants: to submit its data processing facilities for audit of the processing activities at the request of the data exporter.",
			},
			rule: "audit-rights", want: StatusMet,
		},
		{
			name:    "a right to change the terms named by a possessive",
			clauses: []string{"Provider may amend its terms from time to time."},
			rule:    "change-notice", want: StatusWeak,
		},
		{
			// Found, but weak: no security or regulatory ground named, and
			// the exit waits for the notice (new-user trial 37).
			name: "a right to leave for convenience is found, weak",
			clauses: []string{
				`This Agreement is between Quillfeather Ltd. ("Provider") and the customer ("Customer").`,
				"Customer may terminate this Agreement for convenience on sixty days written notice to Provider.",
			},
			rule: "termination-rights", want: StatusWeak,
		},
		{
			name: "the vendor's right to leave for any reason is no customer right",
			clauses: []string{
				`This Agreement is between Quillfeather Ltd. ("Provider") and the customer ("Customer").`,
				"Provider may terminate this Agreement for any reason on thirty days written notice.",
			},
			rule: "termination-rights", want: StatusMissing,
		},
		{
			name:    "the servers' place is the data's",
			clauses: []string{"All servers that host the Service are located in Canada."},
			rule:    "data-location", want: StatusMet,
		},
		{
			name:    "an office's place is not the data's",
			clauses: []string{"Our offices are located in the United States."},
			rule:    "data-location", want: StatusMissing,
		},
		{
			name: "the customer's right to the reports is the vendor's duty to give them",
			clauses: []string{
				`This Agreement is between Quillfeather Ltd. ("Provider") and the customer ("Customer").`,
				"Customer may request a copy of Provider's most recent SOC 2 Type II report once a year.",
			},
			rule: "security-reports", want: StatusMet,
		},
		{
			name: "the customer's own certification is no report of the vendor's",
			clauses: []string{
				`This Agreement is between Quillfeather Ltd. ("Provider") and the customer ("Customer").`,
				"Customer shall obtain its own security certifications.",
			},
			rule: "security-reports", want: StatusMissing,
		},
		{
			name:    "the UK public-sector term for a breach",
			clauses: []string{"The Supplier must notify the Buyer immediately after becoming aware of a Data Loss Event."},
			rule:    "breach-notification", want: StatusMet,
		},
	})
}

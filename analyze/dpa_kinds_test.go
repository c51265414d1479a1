package analyze

import "testing"

// TestDPASentenceKinds: ways the DPA sentence dataset (issue 11) showed
// the breach notice's content, the audit information and the data's
// return read wrongly, one row per kind, in sentences of our own.
func TestDPASentenceKinds(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{
			// GDPR Art. 33(5)'s register: what each entry describes is
			// no content of a notice to the customer.
			name:    "a record of incidents kept with a description of each",
			clauses: []string{"The Supplier maintains a record of known security incidents with a description of each incident, the time it lasted, its consequences and to whom it was reported."},
			rule:    "notification-content", want: StatusMissing,
		},
		{
			// A list item of what the vendor helps with (the standard
			// clauses' "assist the controller in ensuring compliance
			// with:") that names the customer's own duty to tell the
			// regulator, its verb far from the duty: no notice by the
			// vendor.
			name:    "the customer's obligation to notify the regulator, its verb after a long deadline",
			clauses: []string{"The Customer's obligation to, without undue delay and where feasible no later than 72 hours after it has become aware of it, report the personal data breach to the competent supervisory authority."},
			rule:    "breach-notification", want: StatusMissing,
		},
		{
			// GDPR Art. 9's name for sensitive data is no element of a notice.
			name:    "special categories of personal data in the incident's object",
			clauses: []string{"Provider shall notify Customer without undue delay of any security breach that may compromise special categories of personal data."},
			rule:    "notification-content", want: StatusMissing,
		},
		{
			// The standard clauses' appendix holds the transfer's details,
			// not the notice's content.
			name:    "the transfer's special categories set out in an appendix",
			clauses: []string{"The details of the transfer and in particular the special categories of personal data, where applicable, are specified in Appendix 1."},
			rule:    "notification-content", want: StatusMissing,
		},
		{
			name:    "a description of the incident handed over without the word notice",
			clauses: []string{"Provider shall provide Customer with a description of the nature of the Security Incident and its likely consequences."},
			rule:    "notification-content", want: StatusMet,
		},
		{
			name: "the notice's details listed after the sentence that notifies",
			clauses: []string{"Provider will inform Customer without undue delay of any loss or breach of security of Customer Data. " +
				"Provider will, at a minimum, provide the following details:\n- the nature of the loss or breach; and\n- an estimate of the number of data subjects involved."},
			rule: "notification-content", want: StatusMet,
		},
		{
			// Measures that must be taken are a security duty, not the
			// measures a notice reports.
			name:    "measures to be taken against loss are no notice content",
			clauses: []string{"Appropriate technical and organisational measures shall be taken against accidental loss of personal data, and Provider shall provide sufficient guarantees in respect of those measures."},
			rule:    "notification-content", want: StatusMissing,
		},
		{
			// GDPR Art. 28(3)(h) in other words: what the information shows
			// is named by its content, not by the word "compliance".
			name:    "information to demonstrate that the measures have been implemented",
			clauses: []string{"Provider shall on request give Customer sufficient information to enable Customer to verify that the agreed security measures have been implemented."},
			rule:    "audit-rights", want: StatusWeak,
		},
		{
			// A copy of the contract taken by the customer is no data
			// given back.
			name:    "downloading the agreement is no data export",
			clauses: []string{"Customer is also encouraged to download this DPA, which governs the processing of Customer Data, when signing the order form."},
			rule:    "data-return-exit", want: StatusMissing,
		},
	})
}

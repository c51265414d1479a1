package analyze

import (
	"testing"
)

// TestEvidenceRanking: among sentences that each show a term, the one a
// lawyer would cite is quoted first. Each row is one kind of fault: the
// clauses (heading, text) of an agreement numbered 1, 2, ..., the rule, and
// the section its first evidence must name.
func TestEvidenceRanking(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		headings []string
		text     []string
		rule     string
		want     string
	}{
		{
			// The heading names the term, but the sentence under it is
			// about something else and takes the term's object only from
			// the heading: a sentence that names the object itself wins.
			name:     "a sentence that names the object beats one that borrows it from its heading",
			headings: []string{"Your Account", "General Terms"},
			text: []string{
				"You are responsible for paying all fees charged by your bank.",
				"You are responsible for keeping your password and login credentials confidential.",
			},
			rule: "customer-responsibilities", want: "2",
		},
		{
			// The audit right itself, not a step of its procedure that
			// names an audit as a thing.
			name:     "the term's action as the sentence's verb beats the term named in what the verb governs",
			headings: []string{"", ""},
			text: []string{
				"Customer must submit a detailed audit plan to Provider two weeks before the proposed date.",
				"Customer may audit Provider's compliance with this Agreement.",
			},
			rule: "audit-rights", want: "2",
		},
		{
			// The vendor's own duty, even in a long sentence, over the
			// same duty given to both parties at once.
			name:     "the owner of the duty acting itself beats both parties",
			headings: []string{"", ""},
			text: []string{
				"The parties shall implement appropriate technical and organisational measures to protect Personal Data.",
				"Taking into account the state of the art, the costs of implementation and the nature, scope, context and purposes of the processing, as well as the risk of varying likelihood and severity for the rights and freedoms of natural persons, Processor shall implement appropriate technical and organisational measures to ensure a level of security appropriate to the risk, including the pseudonymisation and encryption of Personal Data where appropriate.",
			},
			rule: "vendor-security", want: "2",
		},
		{
			// Audit rights are stated by either party: the customer's own
			// right counts as the party acting itself, like the vendor's
			// permission, over a step both parties take.
			name:     "the customer's own audit right beats the parties' scheduling of audits",
			headings: []string{"Customer Rights", "Audits"},
			text: []string{
				"Customer shall be entitled to audit Provider's compliance with this Agreement.",
				"The parties shall agree in advance on the date and scope of any audit.",
			},
			rule: "audit-rights", want: "1",
		},
		{
			// A number of hours is the deadline a lawyer cites: it
			// outweighs a vague deadline even where that sentence names
			// the vendor and this one says "it".
			name:     "a deadline in hours beats a vague deadline",
			headings: []string{"", ""},
			text: []string{
				"Provider will report any Security Incident to Customer without undue delay.",
				"If a Security Incident occurs, it shall notify Customer without undue delay and in any event within 48 hours.",
			},
			rule: "breach-notification", want: "2",
		},
		{
			// Helping the customer notify an authority is the assistance
			// term; the vendor's own notice is the breach notice.
			name:     "the vendor's own notice beats its assistance with the customer's notice",
			headings: []string{"", ""},
			text: []string{
				"Provider shall assist Customer in notifying a personal data breach to the supervisory authority within 72 hours.",
				"Provider shall notify Customer of any personal data breach without undue delay.",
			},
			rule: "breach-notification", want: "2",
		},
		{
			// "shall be required to assist", "is obliged to assist": the
			// verb is still assisting, whatever stands between it and the
			// modal, and the customer's own notification is not the
			// vendor's notice.
			name:     "the content of the vendor's notice beats assistance introduced by 'be required to'",
			headings: []string{"", ""},
			text: []string{
				"Provider shall be required to assist in obtaining the following information, which shall be stated in the Customer notification to the supervisory authority: the nature of the personal data breach, the categories of data concerned and the likely consequences.",
				"Provider shall notify Customer of any personal data breach without undue delay. Such notification shall describe the nature of the personal data breach, the categories of data concerned and name a contact point.",
			},
			rule: "notification-content", want: "2",
		},
		{
			name:     "the content of the vendor's notice beats assistance introduced by 'is obliged to'",
			headings: []string{"", ""},
			text: []string{
				"Provider is obliged to assist in obtaining the following information, which shall be stated in the Customer notification to the supervisory authority: the nature of the personal data breach, the categories of data concerned and the likely consequences.",
				"Provider shall notify Customer of any personal data breach without undue delay. Such notification shall describe the nature of the personal data breach, the categories of data concerned and name a contact point.",
			},
			rule: "notification-content", want: "2",
		},
		{
			name:     "the content of the vendor's notice beats a list of what the vendor assists in obtaining",
			headings: []string{"", ""},
			text: []string{
				"Provider shall be required to assist in obtaining the following information which, under the applicable law, shall be stated in Customer's notice to the authority:\n(a) the categories of records concerned;\n(b) the likely consequences of the personal data breach;",
				"Provider shall notify Customer of any personal data breach without undue delay. Such notification shall describe the nature of the personal data breach, the categories of data concerned and name a contact point.",
			},
			rule: "notification-content", want: "2",
		},
		{
			// Data transferred abroad is not data given back, though the
			// sentence names the customer ("by reason of Customer's use")
			// and its heading names transfers of Customer Data.
			name:     "the deletion of the data beats a transfer abroad",
			headings: []string{"Transfers of Customer Data", "General"},
			text: []string{
				"Where Customer Data is transferred by reason of Customer's use of the Service to a country without an adequacy decision, Provider shall ensure the transfer is governed by the standard contractual clauses.",
				"All Customer Data shall be deleted within 60 days after the Agreement ends.",
			},
			rule: "data-return-exit", want: "2",
		},
		{
			// A sentence that moves the data to a subcontractor is no
			// return of it, even when the return that is stated is weak
			// (the customer only chooses its format).
			name:     "the customer's say over the returned data's format beats a transfer to a subprocessor",
			headings: []string{"", ""},
			text: []string{
				"Before transferring Customer Data to a subprocessor, Provider shall make sure the subprocessor has signed a written agreement with equivalent terms.",
				"Customer Data remains the property of Customer. When this Agreement ends, Customer is entitled to pick the file format to be used by Provider when returning Customer Data.",
			},
			rule: "data-return-exit", want: "2",
		},
		{
			// An item that opens with "to" completes its lead-in ("The
			// Supplier agrees: … to allow audits"): the supplier's
			// promise, over a sentence on audit paperwork the customer
			// asks for.
			name:     "an infinitive item under 'Provider agrees:' beats audit documents requested by the customer",
			headings: []string{"Documents", "Duties of the Supplier"},
			text: []string{
				"Any further audit paperwork requested by the Client shall be drawn up under a separate agreement.",
				"The Supplier agrees:\n(a) to keep its records of processing up to date; and\n(b) to allow for and contribute to audits carried out by the Client or an auditor the Client appoints.",
			},
			rule: "audit-rights", want: "2",
		},
		{
			// A transfer back to the customer is the return itself.
			name:     "a transfer back to the customer is cited over a transfer abroad",
			headings: []string{"Transfers of Customer Data", "Exit"},
			text: []string{
				"Where Customer Data is transferred by reason of Customer's use of the Service to a country without an adequacy decision, Provider shall ensure the transfer is governed by the standard contractual clauses.",
				"Upon termination, Provider shall transfer all Customer Data back to the Customer in a common format.",
			},
			rule: "data-return-exit", want: "2",
		},
		{
			// The customer's authorisation of transfers, which names
			// subprocessors in passing, is an essential element but ranks
			// below the clause about subprocessors: the better-ranked clause
			// is quoted first, the authorisation after it.
			name:     "the subprocessor clause beats a transfer authorisation that names subprocessors in passing",
			headings: []string{"Location of Processing", "Subprocessors"},
			text: []string{
				"Customer hereby authorises the transfer of Customer Data to locations outside the European Economic Area, including to Provider's affiliates and subprocessors.",
				"Provider shall impose on each subprocessor data protection obligations no less protective than this Agreement and shall remain liable for the acts and omissions of its subprocessors.",
			},
			rule: "subprocessors", want: "2",
		},
		{
			// A lead-in cut from its items says least of all, whether it
			// ends with a colon or, as in government contract clauses,
			// with a dash ("the Contractor shall—").
			name:     "a lead-in ending with a dash is cited after a sentence that states the duty",
			headings: []string{"Security Incidents", "Security Incidents"},
			text: []string{
				"Upon discovering a Security Incident affecting Customer Data, Provider shall assist Customer as follows—",
				"Provider shall assist Customer in investigating and mitigating each Security Incident affecting Customer Data.",
			},
			rule: "incident-cooperation", want: "2",
		},
		{
			// The object named only in a phrase fronted before the actor
			// is not what the verb governs: "take account of the risks"
			// is no security measure, though "level of security" and
			// "take" are the term's words.
			name:     "the object in a fronted phrase does not make the sentence the term",
			headings: []string{"Security", "Security"},
			text: []string{
				"In assessing the appropriate level of security, Provider shall take account of the risks presented by the processing of Customer Data.",
				"Provider shall in relation to Customer Data implement appropriate technical and organisational measures.",
			},
			rule: "vendor-security", want: "2",
		},
		{
			// A sentence about something else that names the term's object
			// only in parentheses ("(including its subprocessors)") names
			// it in passing: the clause about the term is cited, even where
			// it states the term weakly.
			name:     "the subprocessor clause beats a sentence naming subprocessors only in parentheses",
			headings: []string{"Reports", "Subcontracting"},
			text: []string{
				"Provider will report to Customer any use of Customer Data not permitted by this Agreement (including use by its employees or subprocessors) within five days.",
				"Provider may engage subprocessors to process Customer Data, provided that each subprocessor agrees in writing to the same restrictions.",
			},
			rule: "subprocessors", want: "2",
		},
		{
			// A parenthesis that defines the term ("a third party (a
			// "Subprocessor")") names what the sentence is about; it is no
			// mention in passing.
			name:     "a subprocessor defined in parentheses is the sentence's own object",
			headings: []string{"Reports", "Engagement of Third Parties"},
			text: []string{
				"Provider will report to Customer any use of Customer Data not permitted by this Agreement (including use by its employees or subprocessors) within five days.",
				"Provider may engage a third party (a \"Subprocessor\") to process Customer Data only after giving Customer thirty days' notice and a right to object.",
			},
			rule: "subprocessors", want: "2",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkCited(t, rs, tc.headings, tc.text, tc.rule, tc.want)
		})
	}
}

// TestEvidenceRankingParts: the body of an agreement is cited before its
// exhibits, whatever the exhibit's clause ids look like. Each row gives
// the clauses' ids, headings and text.
func TestEvidenceRankingParts(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name                string
		ids, headings, text []string
		rule, want          string
	}{
		{
			// An exhibit whose clause ids are its quoted heading is an
			// exhibit all the same.
			name:     "an exhibit named by its quoted heading is cited after the body",
			ids:      []string{`"Exhibit 2 - Security Measures" 1`, "5.1"},
			headings: []string{"Access control", "Security"},
			text: []string{
				"Provider shall implement multi-factor authentication and role-based access control for all administrative access to systems holding Customer Data.",
				"Provider shall implement and maintain appropriate technical and organisational measures to protect Customer Data.",
			},
			rule: "vendor-security", want: "5.1",
		},
		{
			// The essential element stated in the standard clauses of an
			// annex, under a heading that names the term, does not keep
			// its place over the body's clause that ranks higher.
			name:     "the body's return clause beats an annex's exit statement headed by the term",
			ids:      []string{"8", "Annex 2 1"},
			headings: []string{"Data Retention and Deletion", "Deletion or Return of Personal Data"},
			text: []string{
				"Provider shall return or destroy all Customer Data in its possession upon Customer's request.",
				"Upon expiry of the Agreement, the data importer will delete or return the personal data to the data exporter.",
			},
			rule: "data-return-exit", want: "8",
		},
		{
			// An element that only stands in for an essential one (the
			// return of confidential information, for the return of the
			// customer's data) is not quoted over it, though it ranks
			// higher and stands in the body.
			name:     "the return of the customer's data beats the return of confidential information",
			ids:      []string{"7", "Annex A 12"},
			headings: []string{"Return of Confidential Information", "After the Agreement"},
			text: []string{
				"Upon termination of this Agreement, Provider shall promptly return or destroy all Confidential Information of Customer.",
				"Upon termination of the Services, Provider shall, at Customer's choice, delete or return Personal Data.",
			},
			rule: "data-return-exit", want: "Annex A 12",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			citesSection(t, rs, tc.ids, tc.headings, nil, tc.text, tc.rule, tc.want)
		})
	}
}

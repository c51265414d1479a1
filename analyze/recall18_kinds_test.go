package analyze

import "testing"

// TestRecallKindsDev: kinds of miss found on the dev half's false
// negatives (a place named as the union's member states, the status of
// the vendor's own investigation, the report written after an incident,
// the recipient of a notice read as its subject, a short name given by
// "who will be referred to as"),
// in sentences of our own.
func TestRecallKindsDev(t *testing.T) {
	rs := loadRules(t)
	party := `This Agreement is between Quillfeather Ltd. ("Provider") and the customer ("Customer").`
	checkStatuses(t, rs, []statusCase{
		{
			name:    "the union's member states are a place for the data",
			clauses: []string{party, "Provider hosts Customer Data on servers within the Member States of the European Union."},
			rule:    "data-location", want: StatusMet,
		},
		{
			name: "the notice describes the status of the vendor's investigation",
			clauses: []string{party, "Provider will notify Customer of any Security Incident. " +
				"The notice will describe the Security Incident and the status of Provider's investigation."},
			rule: "notification-content", want: StatusMet,
		},
		{
			name:    "a post-mortem report alone is part of the response, not assistance",
			clauses: []string{party, "Provider will send Customer a post-mortem report within four weeks after any Security Incident."},
			rule:    "incident-cooperation", want: StatusWeak,
		},
		{
			name: "a root-cause analysis in a list of incident duties",
			clauses: []string{party, "On identifying a Security Incident, Provider shall: (a) notify Customer within 72 hours; " +
				"(b) provide updates every 24 hours; and (c) deliver a written root-cause analysis within 30 days."},
			rule: "incident-cooperation", want: StatusWeak,
		},
		{
			name: "the notice's recipient in a reduced relative is not its subject",
			clauses: []string{party, "Provider will notify Customer of any Security Incident without undue delay. " +
				"Any notices made to Customer under this Section shall contain: a description of the nature of the Security Incident; " +
				"and the likely consequences of the Security Incident."},
			rule: "notification-content", want: StatusMet,
		},
		{
			name: "the same with the recipient after the article",
			clauses: []string{party, "Provider will notify Customer of any Security Incident without undue delay. " +
				"Notices sent to the Customer shall contain a description of the nature of the incident and the likely consequences of the incident."},
			rule: "notification-content", want: StatusMet,
		},
		{
			name: "a short name given by a relative clause, without brackets",
			clauses: []string{
				"The following are the terms and conditions of use that regulate the services of Quillbook, who will be referred to as the Company.",
				"The Company may modify these terms at any time, notifying you of the new version by email. You may stop using Quillbook at any time.",
			},
			rule: "change-notice", want: StatusMet,
		},
	})
}

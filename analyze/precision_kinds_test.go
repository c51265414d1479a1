package analyze

import "testing"

// TestNoDutyWithoutTheTerm: sentences of our own writing, one kind of false
// finding per group, reported by new users on agreements nobody tuned on
// (issue 11, precision on unseen documents), each beside a sentence that
// still binds the term.
func TestNoDutyWithoutTheTerm(t *testing.T) {
	rs := loadRules(t)
	tests := []statusCase{
		// 1. A feature list or a description of a document has no actor and no modal.
		// (A security page's noun-phrase bullets, "Encryption at rest of
		// all backups", are the vendor's measures as the labels read them:
		// no row here says a feature label is no security duty.)
		{"a reporting feature is no report given", []string{"Reporting: Generating compliance reports and audit trails for each workspace."}, "security-reports", StatusMissing},
		{"a reporting feature is no audit right", []string{"Reporting: Generating compliance reports and audit trails for each workspace."}, "audit-rights", StatusMissing},
		{"a feature item is no customer order", []string{"Secure password hashing (Argon2)"}, "customer-responsibilities", StatusMissing},
		{"a customer order still binds", []string{"Secure your account credentials and notify Provider of any suspected compromise."}, "customer-responsibilities", StatusMet},
		{"a vendor's safeguards bind", []string{"Provider shall maintain administrative, physical and technical safeguards for Customer Data, including encryption at rest."}, "vendor-security", StatusMet},
		{"a subprocessor list kept binds", []string{"Provider shall maintain a list of its sub-processors and notify Customer before it engages a new one."}, "subprocessors", StatusMet},
		// 2. "services" is a noun.
		{"services is no verb", []string{"We use the following third-party services to host the platform and send e-mail."}, "subprocessors", StatusMissing},
		// 3. A party after a preposition is no actor.
		{"notices to the customer are no customer duty", []string{"Notices to the Customer shall be sent to the e-mail address of its account administrator."}, "customer-responsibilities", StatusMissing},
		// 4. The labels' convention: help with a DPIA alone is no regulator
		// cooperation; help with the prior consultation of a supervisory
		// authority is. Nor is a confidentiality carve-out for what the law
		// compels a party to disclose to an authority.
		{"DPIA help alone is no regulator cooperation", []string{"Provider shall provide reasonable assistance to Customer with any data protection impact assessments."}, "regulator-cooperation", StatusMissing},
		{"help with a prior consultation is regulator cooperation", []string{"Provider shall provide reasonable assistance to Customer with any data protection impact assessments and prior consultations with supervisory authorities."}, "regulator-cooperation", StatusMet},
		{"a compelled disclosure carve-out is no cooperation", []string{"Either party may disclose Confidential Information to a governmental authority where required by law, provided it first seeks confidential treatment."}, "regulator-cooperation", StatusMissing},
		{"notice of a police request is no cooperation", []string{"Provider will promptly notify Customer of any request by a law enforcement authority for Customer Data."}, "regulator-cooperation", StatusMissing},
		{"a proviso gives no access", []string{"Each party may disclose Confidential Information in a filing that a governmental authority requires, provided that the other party's information stays protected as this Section sets out."}, "regulator-cooperation", StatusMissing},
		// A licence granted to use software is no access given to an
		// authority, though a regulator is named beside it.
		{"a licence granted is no regulator cooperation", []string{"Provider grants Customer a licence to use the Software, subject to any licence conditions imposed by the regulator."}, "regulator-cooperation", StatusMissing},
		{"a disclosure carve-out where legally permitted is no regulator cooperation", []string{"Nothing in this Agreement prevents the recipient from disclosing Confidential Information that a regulator requires, provided that, where legally permitted, the recipient gives the discloser prompt notice."}, "regulator-cooperation", StatusMissing},
		{"granting a regulator access binds", []string{"Provider shall grant Customer's regulators access to its premises and records relevant to the Services."}, "regulator-cooperation", StatusMet},
		{"cooperating with a regulator binds", []string{"Provider shall cooperate fully with Customer's supervisory authorities, including persons appointed by them."}, "regulator-cooperation", StatusMet},
		// 5. Definitions, mutual sentences and the customer's rights are no customer duty.
		{"a definition is no customer duty", []string{"\"Customer Data\" means all data that Customer or its users submit to the Service."}, "customer-responsibilities", StatusMissing},
		{"a mutual duty is no customer duty", []string{"Each party shall comply with all laws that apply to it in performing this Agreement."}, "customer-responsibilities", StatusMissing},
		{"backing up is the customer's right here", []string{"Customer may back up or download its data at any time with the self-service tools Provider offers."}, "customer-responsibilities", StatusMissing},
		{"what the customer acknowledges of the provider is no customer duty", []string{"Customer acknowledges that Provider is responsible for the security of the hosting infrastructure."}, "customer-responsibilities", StatusMissing},
		{"what the customer acknowledges of itself is its duty", []string{"Customer acknowledges that it is responsible for the security of its account credentials."}, "customer-responsibilities", StatusMet},
		// "may not" forbids: match and grade read it as binding (scope17).
		{"what the customer may not do binds it", []string{"You may not share your account password with anyone."}, "customer-responsibilities", StatusMet},
		{"a customer right is no customer duty", []string{"Customer may export its data at any time through the administration console."}, "customer-responsibilities", StatusMissing},
		// 6. Assurance, self-audit and public rights are no audit right.
		{"a certification alone is no audit right", []string{"Provider maintains ISO 27001 certification for the systems that host the Service."}, "audit-rights", StatusMissing},
		{"one's own security assessments are no audit right", []string{"You may ask us to scan your dedicated servers whenever you need it for your own security reviews and audits."}, "audit-rights", StatusMissing},
		{"auditing one's own use is no audit right", []string{"Customer may use the activity log to audit its own users' access to the Service."}, "audit-rights", StatusMissing},
		{"open source code is no audit right", []string{"Our client software is open source, so anyone can audit the code."}, "audit-rights", StatusMissing},
		{"open source code anyone may audit is no audit right", []string{"The agent is published as open source software, allowing anyone to audit its code and see how it handles data."}, "audit-rights", StatusMissing},
		{"the customer's audit binds", []string{"Customer may audit Provider's compliance with this Agreement on reasonable notice."}, "audit-rights", StatusMet},
		// 7. A report that exists is no report given.
		{"a report that exists is not given", []string{"Provider is audited annually by an independent firm, which issues a SOC 2 Type II report."}, "security-reports", StatusMissing},
		{"keeping a report confidential gives none", []string{"The audit report and everything learned during the audit are confidential and must not be shared without the Provider's written consent."}, "security-reports", StatusMissing},
		{"a report given on request", []string{"Provider will provide Customer, upon request, with a copy of its most recent SOC 2 Type II report."}, "security-reports", StatusMet},
		// 8. Notice of a change in the vendor's insurance cover is no notice
		// of a change to the service or the terms.
		{"notice of a change in insurance cover is no change notice", []string{"Vendor shall notify Customer promptly of any cancellation, non-renewal or material change to such coverage."}, "change-notice", StatusMissing},
		{"notice of a material change to the service binds", []string{"Vendor shall notify Customer at least thirty days before any material change to the Services."}, "change-notice", StatusMet},
		// A feature that "helps prevent" unauthorised access helps no party.
		{"a feature that helps prevent access is no incident cooperation", []string{"Every call to the interface needs a signed token, which helps prevent unauthorized access."}, "incident-cooperation", StatusMissing},
		{"helping the customer in an incident binds", []string{"Provider will help Customer investigate and contain any Security Incident affecting Customer Data."}, "incident-cooperation", StatusMet},
		// 9. Where the customer is the one audited, or "audit" is no
		// examination at all, there is no audit right: the customer who
		// cooperates with the vendor's licence audit of its own records; the
		// parties' service review meetings; a copy kept for audit purposes.
		{"cooperating with the vendor's licence audit is no audit right", []string{"Provider may, once a year, audit Customer's records of its use of the Software, and Customer agrees to reasonably cooperate with any such audit."}, "audit-rights", StatusMissing},
		{"service review meetings are no audit right", []string{"The parties shall conduct monthly service review meetings to discuss open tickets and capacity."}, "audit-rights", StatusMissing},
		{"a copy kept for audit purposes is no audit right", []string{"Each party shall return the other party's materials on termination, except that each party may keep one archival copy solely for compliance, audit, and legal purposes."}, "audit-rights", StatusMissing},
		{"a copy of audit reports is no audit right", []string{"At Customer's request, and once a year at most, Supplier will provide Customer a copy of the most recent Audit Reports, which will be deemed Supplier Confidential Information."}, "audit-rights", StatusMissing},
		{"the customer's audit with the provider's cooperation still binds", []string{"Customer may conduct an audit of Provider's records relevant to the Services, and Provider shall cooperate with the audit."}, "audit-rights", StatusMet},
	}
	checkStatuses(t, rs, tests)
}

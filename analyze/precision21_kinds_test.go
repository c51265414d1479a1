package analyze

import "testing"

// TestPrecision21Kinds: false findings of the kinds behind the test half's
// precision (issue 11), found in new users' outside documents, the DPA
// sentence dataset's dev half and invented near misses; each kind in
// sentences of our own writing beside one that still binds.
func TestPrecision21Kinds(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		// a. A regulator's demand as the condition of the parties' joint
		// work on their own papers: they cooperate with each other.
		{"a regulator in the condition of aligning the texts is no regulator cooperation", []string{"If a court or regulator requires the German version to prevail, both parties shall cooperate in good faith to align the English text."}, "regulator-cooperation", StatusMissing},
		{"a regulator ordering a fee change is no regulator cooperation", []string{"Where a regulator orders a change to the fees, the parties shall cooperate to amend the Order Form."}, "regulator-cooperation", StatusMissing},
		{"cooperation with the regulator who asks still binds", []string{"If a regulator requests information about the Services, Provider shall cooperate with that regulator."}, "regulator-cooperation", StatusMet},
		{"an audit the authority requires still binds", []string{"Where required by a supervisory authority, Provider shall permit that authority to audit its processing facilities."}, "regulator-cooperation", StatusMet},
		// b. A law's name is no data: where the customer sits is no
		// data location.
		{"the Data Act addendum for EU customers is no data location", []string{"The EU Data Act Addendum forms part of this Agreement if your headquarters are located within the European Union."}, "data-location", StatusMissing},
		{"data stored in the Union still binds", []string{"Customer Data will be stored in data centres located in the European Union."}, "data-location", StatusMet},
		// c. The vendor's certification and outside audits are assurance,
		// no audit by the customer (the passive read the customer as actor).
		{"a certification and annual outside audits are no audit right", []string{"Provider is certified to ISO/IEC 27001 and undergoes annual SOC 2 Type II audits."}, "audit-rights", StatusMissing},
		{"a certified vendor audited by an outside firm is no audit right", []string{"Provider is certified under ISO 27001 and is audited each year by an external firm."}, "audit-rights", StatusMissing},
		{"the customer's audit still binds", []string{"Customer may audit Provider's compliance with this Agreement on reasonable notice."}, "audit-rights", StatusMet},
		// d. "remedies" as a noun, the customer's recourse capped by the
		// liability clause, is no handling of an incident.
		{"the customer's remedies for an incident are no incident cooperation", []string{"Notwithstanding anything in this Addendum to the contrary, Customer's remedies and Provider's obligations with respect to a Security Incident caused by Provider shall be subject to the limitations of liability in the Agreement."}, "incident-cooperation", StatusMissing},
		{"the vendor remedying an incident still binds", []string{"Provider shall remedy any Security Incident and cooperate with Customer in investigating it."}, "incident-cooperation", StatusMet},
		// e. What the customer buys from the vendor is the vendor's
		// product: downloading it is no data return.
		{"purchased content to download is no data return", []string{"Purchased content will be available for you to download through your account."}, "data-return-exit", StatusMissing},
		{"media bought from the vendor is no data return", []string{"Where media is bought from us, it will remain available for you to download from your library."}, "data-return-exit", StatusMissing},
		// Met since trialfix47: the customer's "may" grants a right, no hedge.
		{"the customer downloading its content still counts", []string{"Customer may download its content at any time before termination."}, "data-return-exit", StatusMet},
		// f. Government access is no cooperation with the customer's
		// regulators: lawful requests of public authorities answered, a
		// government's demand for data told, the police helped against
		// users' misuse.
		{"answering public authorities' lawful requests is no regulator cooperation", []string{"We will respond to lawful requests from public authorities, including to meet national security requirements."}, "regulator-cooperation", StatusMissing},
		{"notice of a government's demand for data is no regulator cooperation", []string{"Provider will notify Customer of any request by a government authority for Customer Data, unless prohibited by law."}, "regulator-cooperation", StatusMissing},
		{"helping the police against misuse is no regulator cooperation", []string{"Provider may cooperate with law enforcement in investigating violations of these Terms."}, "regulator-cooperation", StatusMissing},
		{"answering the supervisory authority still binds", []string{"Processor shall respond to requests from the supervisory authority."}, "regulator-cooperation", StatusMet},
		// g. The customer checking what is its own: the goods it receives
		// before accepting them, its users' activity in the admin console.
		{"inspecting deliverables on delivery is no audit right", []string{"Customer may inspect the deliverables upon delivery and reject non-conforming items."}, "audit-rights", StatusMissing},
		{"an administrator auditing user activity is no audit right", []string{"The Administrator can audit user activity through the audit log."}, "audit-rights", StatusMissing},
		{"inspecting the vendor's facilities still binds", []string{"Customer may inspect Provider's facilities and test its security controls once a year."}, "audit-rights", StatusWeak},
	})
}

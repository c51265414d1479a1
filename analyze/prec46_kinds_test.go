package analyze

import "testing"

// TestPrec46ConsentAskedOfVendor: a prohibition whose subject names no
// party, lifted by the vendor's own consent ("Hosts may not subcontract a
// booking without the written consent of the Guest and the Company"),
// binds someone else: a platform's other users, the people it puts in
// touch; it is no promise of the vendor's (issue 11; our own sentences).
// The vendor's own prohibition lifted by the customer's consent stays its
// promise.
func TestPrec46ConsentAskedOfVendor(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"the platform's hosts, consent of the guest and the vendor", []string{"Hosts may not subcontract any part of a booking to another person without the consent of the Guest and Vendor."}, "subprocessors", StatusMissing},
		{"the platform's sellers, the vendor's written consent", []string{"Sellers may not engage subcontractors to fulfil an order without the written consent of Vendor."}, "subprocessors", StatusMissing},
		{"the vendor's consent named by its pronoun", []string{"Tutors shall not use subcontractors to teach a lesson without our prior written approval."}, "subprocessors", StatusMissing},
		// The document calls the hosts "providers", a word of the vendor's.
		{"the hosts called providers", []string{"Walkers are independent providers and are not employees of Vendor.", "Walkers may not subcontract any part of a walk to another person without the prior written consent of the Owner and Vendor."}, "subprocessors", StatusMissing},
		{"the vendor's own prohibition stays its promise", []string{"Vendor shall not engage a subcontractor without the prior written consent of Customer."}, "subprocessors", StatusMet},
		{"a passive keeps its reading", []string{"Vendor will keep a list of its subprocessors, and no new subprocessor may be engaged without the prior written consent of Customer."}, "subprocessors", StatusMet},
	})
}

// TestPrec46DocumentGivesAccount: a sentence whose subject is another
// document that gives an account of the term ("The Privacy Notice and the
// Data Protection Addendum provide detailed notice of the vendor's security
// obligations") points at that document: the term is there by reference,
// not stated here (issue 11; our own sentences).
func TestPrec46DocumentGivesAccount(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"two documents give notice of the security duties", []string{"The Vendor Privacy Notice and the Vendor Data Processing Addendum provide detailed notice of Vendor's data handling practices and of Vendor's security obligations for Customer Personal Data."}, "vendor-security", StatusByReference},
		{"a whitepaper contains information on the measures", []string{"The Vendor Security Whitepaper contains further information on the encryption and access controls Vendor maintains for Customer Data."}, "vendor-security", StatusByReference},
		{"the vendor's own notice stays a duty", []string{"Vendor shall implement encryption and access controls to protect Customer Data and shall provide notice of any Security Incident to Customer."}, "vendor-security", StatusMet},
	})
}

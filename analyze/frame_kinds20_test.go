package analyze

import "testing"

// TestFrameKinds20: kinds of fault seen on the dev half of the blind batch
// corpus-q, each reproduced with sentences of our own writing (issue 11).
func TestFrameKinds20(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		// A clause closed by a semicolon is its own statement: what comes
		// after ("however, no method is completely secure") neither negates
		// it nor hands it to the customer.
		{"a commitment before a semicolon and a caveat", []string{"We use industry-standard encryption to protect your data; however, no method of transmission over the Internet is completely secure."}, "vendor-security", StatusMet},
		{"a commitment before a semicolon and a liability denial (weak: the caveat)", []string{"Vendor employs industry-standard security measures to protect the Service; however, it cannot guarantee absolute security and shall not be liable for unauthorised access."}, "vendor-security", StatusWeak},
		{"a vendor statement before the customer's duty", []string{"Vendor encrypts Customer Data at rest; Customer shall manage its own encryption keys."}, "vendor-security", StatusMet},
		// An introductory "By registering as a contractor," names no
		// party: the subject after the comma acts.
		{"a user's own certifications are no vendor report", []string{"By registering as a contractor, you represent and warrant that you hold all required professional licences, trade certifications, permits and regulatory approvals applicable to your trade."}, "security-reports", StatusMissing},
	})
	// The customer's duty after the semicolon stays the customer's.
	f := buildFrame("", "Vendor encrypts Customer Data at rest; Customer shall manage its own encryption keys.", rs.Vocabulary, nil, nil)
	if len(f.preds) != 2 || f.preds[0].actor != PartyVendor || f.preds[1].actor != PartyCustomer {
		t.Errorf("want the vendor's statement, then the customer's duty; got %d predicates", len(f.preds))
	}
	// A recital listed under "WHEREAS:" states background, it binds no one.
	r := buildFrame("WHEREAS:", "A. The Controller uses the Platform to manage its sub-accounts, sales funnels and payment processing.", rs.Vocabulary, nil, nil)
	if !r.definition {
		t.Errorf("an item under a WHEREAS lead-in: want a recital (no duty)")
	}
}

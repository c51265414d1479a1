package analyze

import "testing"

// TestFrameKinds19: kinds of fault seen on the dev half of the blind batch
// corpus-p, each reproduced with sentences of our own writing (issue 11).
func TestFrameKinds19(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		// Measures taken to keep data safe, or to keep an incident from
		// happening, are security, not the handling of an incident.
		{"measures to protect against unauthorized access", []string{"Vendor shall take appropriate measures to protect Customer Data against unauthorized access."}, "incident-cooperation", StatusMissing},
		{"measures to avoid unauthorized use", []string{"Each party shall take reasonable measures to avoid disclosure or unauthorized use of the other party's confidential information."}, "incident-cooperation", StatusMissing},
		{"steps to prevent unauthorized access", []string{"The Supplier will take all reasonable steps to prevent unauthorized access to the Customer's records."}, "incident-cooperation", StatusMissing},
		{"steps to prevent recurrence stay a response", []string{"After a Security Incident the Supplier will take all reasonable steps to prevent its recurrence."}, "incident-cooperation", StatusMet},
		// A country naming whose laws apply is no place for the data.
		{"a country's state laws", []string{"Where Vendor processes personal data subject to the CCPA or comparable U.S. state laws, it does so as a service provider."}, "data-location", StatusMissing},
		{"a country's federal laws", []string{"Vendor processes health data subject to United States federal privacy laws."}, "data-location", StatusMissing},
		{"data kept in the country stays a place", []string{"Vendor stores all Customer Data in the United States."}, "data-location", StatusMet},
		// Records opened so an individual can be answered are no audit.
		{"an accounting of disclosures is no audit", []string{"The Business Associate will keep records and make available to the Covered Entity the information it needs to give an accounting of disclosures."}, "audit-rights", StatusMissing},
	})
}

// TestInfinitiveSeriesNoOrder: an item split off its lead-in that opens
// with a series of infinitives ("to provide, secure, maintain and improve
// the Services") is no purpose phrase before an order to the reader: its
// "secure" binds no one (corpus-p: read as the customer's security duty).
func TestInfinitiveSeriesNoOrder(t *testing.T) {
	rs := loadRules(t)
	for _, s := range []string{
		"to provide, secure, operate, and improve the Services under the Agreement",
		"(a) to host, protect, and support the Services;",
	} {
		f := buildFrame("", s, rs.Vocabulary, nil, nil)
		if len(f.preds) > 0 && f.preds[0].actor == PartyCustomer {
			t.Errorf("%q: actor customer (%q), want no order to the reader", s, f.preds[0].word)
		}
	}
	// A purpose phrase with its object still stands before the order.
	f := buildFrame("", "To keep accounts safe, protect your password.", rs.Vocabulary, nil, nil)
	if len(f.preds) == 0 || f.preds[0].actor != PartyCustomer {
		t.Errorf("a purpose phrase before an order: want the customer bound")
	}
}

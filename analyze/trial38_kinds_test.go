package analyze

import "testing"

// Kinds of fault of new-user trial 38 (a hosting agreement's base terms),
// reproduced with sentences of our own writing.

// TestTrial38VendorByShortName: a preamble defines the vendor by a short
// name and the customer by its role word ("Customer"): the short name is
// the vendor's, whose legal name may break across a line.
func TestTrial38VendorByShortName(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct{ pre, body, want string }{
		{"Under this Managed Hosting Agreement (\"Agreement\") between Northwind Computing\nSystems Corporation (\"NCS\") and Halberd Outfitters, Inc. (\"Customer\"), NCS will\nprovide managed hosting and related services (\"Services\") to Customer.", "NCS will implement the security features specified in the Order Form. Customer shall keep its passwords secret.", "Northwind Computing Systems Corporation"},
		{"This Colocation Agreement is made between Quillmark Data Centres Limited (\"QDC\") and Ostrander Foods, Inc. (\"Customer\"). QDC will provide rack space and power to Customer.", "QDC shall maintain the cooling plant. Customer shall pay the fees monthly.", "Quillmark Data Centres Limited"},
		{"This agreement is entered into by Harrowgate Retail LLC (\"Customer\") and Velloway Network Services, Inc. (\"Velloway\"), under which Velloway will host Customer's online store.", "Velloway will back up the store daily. Customer must notify Velloway of any change of contact.", "Velloway Network Services, Inc."},
	} {
		md := "# Hosting Agreement\n\n" + tc.pre + "\n\n## 1. Services\n\n" + tc.body + "\n"
		if got := runMarkdown(t, rs, md).Vendor; got != tc.want {
			t.Errorf("%s: vendor %q, want %q", tc.pre, got, tc.want)
		}
	}
}

// wantDataLossFlag runs each sentence as a hosting agreement's liability
// clause and wants vendor-security's data-loss-disclaimer flag on it.
func wantDataLossFlag(t *testing.T, sentences []string) {
	t.Helper()
	rs := loadRules(t)
	for _, sentence := range sentences {
		md := "# Hosting Terms\n\nHost Co. (\"Provider\") hosts the Customer's web application.\n\n## 1. Liability\n\n" + sentence + "\n"
		if !hasRedFlag(runMarkdown(t, rs, md), "vendor-security", "data-loss-disclaimer") {
			t.Errorf("%s: no data-loss-disclaimer flag", sentence)
		}
	}
}

// TestTrial38DataLossAsLiabilityExclusion: the vendor's liability for the
// loss of, or damage to, the customer's data excluded is a data-loss
// disclaimer, whether the clause names the data right after "loss of" or
// after "or damage to", and in a list of exclusions too.
func TestTrial38DataLossAsLiabilityExclusion(t *testing.T) {
	wantDataLossFlag(t, []string{
		"The Provider will not be liable for any loss of, or damage to, Customer's or any third party's files or data.",
		"The Provider shall not be liable for the destruction of, or damage to, the Client's stored records or data.",
		"The Provider is not liable for any of the following:\n\na. claims by third parties against the Customer; or\n\nb. loss of, or damage to, the Customer's or its affiliates' databases or data.",
	})
}

// TestTrial38InvertedDenialOfLiability: "under no circumstances is (or
// will) the vendor (be) liable" denies the duty as "the vendor shall not be
// liable" does, in a list's lead-in too.
func TestTrial38InvertedDenialOfLiability(t *testing.T) {
	wantDataLossFlag(t, []string{
		"Under no circumstances is the Provider, its affiliates or its hosting partners liable for the corruption of Customer data.",
		"Under no circumstances will the Provider be responsible for lost customer records.",
		"The Provider's liability is capped at the fees paid. Under no circumstances is the Provider or its subcontractors liable for any of the following:\n\n1. claims of third parties; or\n\n2. loss of the Customer's stored content.",
	})
}

// TestTrial38VoluntaryAdviceIsNoSecurityDisclaimer: a limit of liability
// for security advice the vendor gives of its own accord, outside the
// agreement's scope, disclaims no security duty; a disclaimer of the
// service's security still does.
func TestTrial38VoluntaryAdviceIsNoSecurityDisclaimer(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		sentence string
		want     bool
	}{
		{"Customer agrees that the Provider shall have no liability for any security-related advice that the Provider may voluntarily give outside the scope of the ordered services.", false},
		{"The Provider accepts no liability for security recommendations it offers beyond the scope of the Statement of Work.", false},
		{"The Provider is not responsible for any security guidance gratuitously provided to the Customer's staff.", false},
		{"The Provider shall have no liability for the security of the Service.", true},
	} {
		md := "# Hosting Terms\n\nHost Co. (\"Provider\") hosts the Customer's web application.\n\n## 1. Security\n\n" + tc.sentence + "\n"
		if got := hasRedFlag(runMarkdown(t, rs, md), "vendor-security", "security-disclaimer"); got != tc.want {
			t.Errorf("%s: security-disclaimer %v, want %v", tc.sentence, got, tc.want)
		}
	}
}

// TestTrial38ServiceLevelsDesignatedElsewhere: service levels "designated
// in" an attachment are pointed at, as "set out in" ones are.
func TestTrial38ServiceLevelsDesignatedElsewhere(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"response times designated in a schedule", []string{"Response times for hosting failures are designated in the applicable Service Schedule."}, "service-levels", StatusByReference},
		{"restoration times through resolution", []string{"Restoration times for platform outages through final resolution is designated in the relevant Support Attachment."}, "service-levels", StatusByReference},
		{"the service levels designated in an exhibit", []string{"The Provider shall meet the service levels designated in the Service Level Exhibit."}, "service-levels", StatusByReference},
	})
}

// TestTrial38TitleKindWins: a title that opens with a brand in lower case
// ("e-business Hosting Agreement") is a title, and its kind wins over
// "these terms and conditions" in the preamble.
func TestTrial38TitleKindWins(t *testing.T) {
	ks, err := loadKinds()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"Exhibit 4.2\n\ne-commerce Hosting Agreement\n\nUnder this e-commerce Hosting Agreement (\"Agreement\") between Northwind Computing Systems Corporation (\"NCS\") and Halberd Outfitters, Inc. (\"Customer\"), NCS will provide hosting services to Customer. The Agreement includes these terms and conditions and the order forms.",
		"iNet Managed Hosting Services Agreement\n\nThe Agreement consists of these terms and conditions, the service attachments and the order forms accepted by the Provider.",
	} {
		if got := ks.detect(text, nil); got.Kind != "msa" || got.From != "title" {
			t.Errorf("%q: kind %s from %s (%q), want msa from the title", text[:40], got.Kind, got.From, got.Cue)
		}
	}
}

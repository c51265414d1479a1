package analyze

import "testing"

// Kinds a new user found on three outside agreements (a two-page DPA, an
// unnumbered hosting agreement, an unnumbered BAA), each reproduced with
// sentences of our own.

// TestDeadlineMisspeltOrInASubItem: a notification deadline is read where
// "calendar" is misspelt ("within 15 calender days"), and where it stands
// in a sub-item nested below the vendor's duty to report, passive or with
// no verb of its own; a sub-item binding the customer gives none.
func TestDeadlineMisspeltOrInASubItem(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		name, md string
		hours    float64 // 0: no deadline
	}{
		{"calendar misspelt", "# Security Terms\n\n## Incidents\n\nSupplier shall notify Client of any security breach affecting Client data within 15 calender days after discovery.\n", 360},
		{"a sub-item with no verb", "# Business Associate Agreement\n\n## Obligations of Business Associate\n\nBusiness Associate shall:\n\n(a) report to Covered Entity any security incident of which it becomes aware, including breaches of unsecured protected health information, as follows:\n\n(i) without unreasonable delay and in no case later than 10 days after discovery.\n\n(b) use appropriate safeguards to prevent use or disclosure of protected health information.\n", 240},
		{"a passive sub-item of a numbered list", "# Business Associate Agreement\n\n## Duties\n\nThe Business Associate agrees to:\n\n1.  Maintain safeguards for electronic health records;\n\n1.  Report to the hospital any security incident that it discovers;\n\n    1.  Such reports shall be delivered to the hospital within 20 days.\n\n1.  Keep its staff bound by confidentiality.\n", 480},
		{"a sub-item binding the customer", "# Business Associate Agreement\n\n## Duties\n\nThe Business Associate agrees to:\n\n1.  Maintain safeguards for electronic health records;\n\n1.  Report to the hospital any security incident that it discovers;\n\n    1.  Covered Entity shall acknowledge each such report within 20 days.\n\n1.  Keep its staff bound by confidentiality.\n", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := finding(runMarkdown(t, rs, tc.md), "breach-notification")
			if f == nil || f.Status != StatusWeak && f.Status != StatusMet {
				t.Fatalf("breach-notification not found: %+v", f)
			}
			switch {
			case tc.hours == 0 && f.Deadline != nil && f.Deadline.Hours != nil:
				t.Errorf("deadline %q (%v h), want none", f.Deadline.Text, *f.Deadline.Hours)
			case tc.hours > 0 && (f.Deadline == nil || f.Deadline.Hours == nil || *f.Deadline.Hours != tc.hours):
				t.Errorf("deadline %+v, want %v h", f.Deadline, tc.hours)
			}
		})
	}
}

// TestImperativeHelpUnderASideHeading: under a heading that names the
// vendor's side ("4. Processor duties"), a bullet that opens with a verb
// of help and its party ("Help the Client ... in consultations with
// regulators") is the vendor's duty, as "Notify" or "Return" are.
func TestImperativeHelpUnderASideHeading(t *testing.T) {
	rs := loadRules(t)
	doc := func(item string) string {
		return "# Data Processing Addendum\n\nThis addendum applies where a shop (\"Client\") uses Parcelwise (\"Processor\") to process personal data.\n\n## 4. Processor duties\n\n- Process Client Personal Data only on the Client's documented instructions.\n- " + item + "\n- Return or delete Client Personal Data at the end of the services.\n"
	}
	for _, tc := range []struct {
		name, item, rule, want string
	}{
		{"help with consultations with regulators, hedged", "Help the Client, where reasonably practicable, in meeting its duties concerning impact assessments and consultations with regulators.", "regulator-cooperation", StatusMet},
		{"assist with the supervisory authority", "Assist the Client in its dealings with the supervisory authority.", "regulator-cooperation", StatusMet},
		{"cooperate with the client on incidents", "Cooperate with the Client in investigating and mitigating any personal data breach.", "incident-cooperation", StatusMet},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := status(runMarkdown(t, rs, doc(tc.item)), tc.rule); got != tc.want {
				t.Errorf("%s: got %s, want %s", tc.rule, got, tc.want)
			}
		})
	}
}

// TestRenewalAssentAndDataLossDisclaimerAreFlagged: two terms that work
// against the customer (corpus/README.md's dangerous terms): the terms
// changed by deemed assent at renewal, with no notice ("renewal of the
// subscription indicates agreement to any revisions of these terms"), and
// the vendor's refusal of any responsibility for losing the customer's
// data. A mutual exclusion of indirect damages that names lost data is no
// security duty disclaimed.
func TestRenewalAssentAndDataLossDisclaimerAreFlagged(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		name, sentence, rule, flag string
		want                       bool
	}{
		{"renewal as assent to revised terms", "Renewal of the subscription by the Customer indicates agreement to any revisions of these terms.", "change-notice", "change-by-renewal", true},
		{"a renewing customer deemed to accept changes", "By renewing the Service, the Customer is deemed to accept any changes to this Agreement made since the last term.", "change-notice", "change-by-renewal", true},
		{"the vendor not responsible for lost data", "The Provider is not responsible for any loss of Customer data.", "vendor-security", "data-loss-disclaimer", true},
		{"no liability for damages including data loss", "The Provider will not be liable for any damages suffered by the Client, including loss of data caused by outages of the service.", "vendor-security", "data-loss-disclaimer", true},
		{"mutual exclusion of indirect damages", "Neither party shall be liable to the other for any indirect, incidental or consequential damages, including loss of profits or loss of data.", "vendor-security", "data-loss-disclaimer", false},
		{"the vendor's indirect damages", "In no event will the Provider be liable for indirect or consequential losses, such as loss of revenue or loss of data.", "vendor-security", "data-loss-disclaimer", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			md := "# Hosting Terms\n\nHost Co. (\"Provider\") hosts the Customer's web application.\n\n## Terms\n\n" + tc.sentence + "\n"
			if got := hasRedFlag(runMarkdown(t, rs, md), tc.rule, tc.flag); got != tc.want {
				t.Errorf("%s flag %s: got %v, want %v", tc.rule, tc.flag, got, tc.want)
			}
		})
	}
}

// TestDataLossDisclaimerKeepsTheGrade: beside security measures the
// vendor binds, the disclaimer of lost data is quoted, and the measures
// keep their grade.
func TestDataLossDisclaimerKeepsTheGrade(t *testing.T) {
	rs := loadRules(t)
	md := "# Hosting Terms\n\n## Security\n\nThe Provider shall implement appropriate technical and organisational measures to protect Customer data against unauthorised access.\n\n## Liability\n\nThe Provider is not responsible for any loss of Customer data.\n"
	res := runMarkdown(t, rs, md)
	if got := status(res, "vendor-security"); got != StatusMet {
		t.Errorf("vendor-security: got %s, want met", got)
	}
	if !hasRedFlag(res, "vendor-security", "data-loss-disclaimer") {
		t.Errorf("vendor-security: no data-loss-disclaimer flag")
	}
}

// TestVendorNamedBeforeItsRoleWithoutLegalForm: a name in front of the
// vendor's role word in quotes names the vendor though it has no legal
// form ("uses Parcelwise (\"Processor\")", "Brightline (\"Provider\")" at
// a sentence's start); a heading above it is no part of the name, and a
// role word before a role word names no one.
func TestVendorNamedBeforeItsRoleWithoutLegalForm(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct{ sentence, want string }{
		{`This addendum applies where a shop ("Client") uses Parcelwise ("Processor") to process personal data of its members.`, "Parcelwise"},
		{`Brightline ("Provider") hosts the web application of the customer ("Customer").`, "Brightline"},
		{`This addendum applies where a merchant ("Merchant", "Controller") uses The Cobble Lane ("Processor") to process personal data.`, "The Cobble Lane"},
		{`The Customer ("Controller") engages the Service Provider ("Processor").`, ""},
	} {
		md := "# Data Processing Addendum\n\n## 1. Scope\n\n" + tc.sentence + "\n\n## 2. Security\n\nThe Processor shall implement appropriate technical and organisational measures.\n"
		res := runMarkdown(t, rs, md)
		if got := res.Vendor; tc.want != "" && got != tc.want || tc.want == "" && res.VendorSource != "file" && res.VendorSource != "none" {
			t.Errorf("%q: vendor %q (%s), want %q", tc.sentence, got, res.VendorSource, tc.want)
		}
	}
}

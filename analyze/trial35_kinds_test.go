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

package analyze

import (
	"strings"
	"testing"
)

// Kinds of fault two new users (trials 31 and 33) found on outside
// agreements, each written again in sentences of our own, beside one
// that must stay as it was.

// TestTrialfix33aMarkdownKinds: kinds that need a whole agreement (its
// headings, its kind, the sentences of one clause).
func TestTrialfix33aMarkdownKinds(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		name, md, rule, want string
	}{
		// 1. A bound duty to keep the measures a web page sets out: the
		// measures are only pointed at (corpus/README.md: a web page
		// alone is by-reference), so the bound pointer is weak.
		{"measures on the vendor's web page", "# Processing Terms\n\n## 4. Security\n\n(a) The Provider will maintain the technical and organisational measures set out on its website at https://example.org/trust/measures to ensure a level of security appropriate to the risk of accidental or unlawful destruction, loss, alteration or unauthorised disclosure of the records the Client stores. The Provider may revise those measures from time to time, provided that protection does not materially decrease.\n\n## 5. Records\n\nThe Provider shall keep records of its processing.\n",
			"vendor-security", StatusWeak},
		{"measures in the agreement's own annex", "# Processing Terms\n\n## 4. Security\n\n(a) The Provider will maintain the technical and organisational measures set out in Annex 2 to ensure a level of security appropriate to the risk of accidental or unlawful destruction, loss, alteration or unauthorised disclosure of the records the Client stores.\n\n## Annex 2\n\nThe Provider encrypts stored records with AES-256 and requires multi-factor authentication for its staff.\n",
			"vendor-security", StatusMet},
		// 4. A DPA that grants the customer a termination right when its
		// objection to a new subprocessor cannot be settled: the term is
		// in the document, so it is assessed, not set aside.
		{"terminate on an unresolved subprocessor objection", "# Data Processing Addendum\n\n## 5. Subprocessors\n\n(b) The Supplier shall give the Client six weeks' notice before it engages a new subprocessor. The Client may object to a new subprocessor on reasonable data protection grounds within ten days of that notice. If the parties cannot agree on an alternative within the notice period, the Client shall have the right to terminate the affected Services on thirty days' written notice.\n\n## 6. Security\n\nThe Supplier shall implement appropriate technical and organisational measures to protect Client Data.\n",
			"termination-rights", StatusMet},
		{"a solution not agreed", "# Data Processing Addendum\n\n## 5. Subprocessors\n\n(b) The Supplier shall tell the Client of each new subprocessor a month ahead, and the Client may object within ten days. If a solution is not agreed within that month, the Client may terminate the affected order by written notice.\n\n## 6. Security\n\nThe Supplier shall implement appropriate technical and organisational measures to protect Client Data.\n",
			"termination-rights", StatusMet},
		// 5. An annex's "Categories of Data Subjects" says whose data is
		// processed: people who "communicate with" the customer's staff are
		// told nothing, and the list binds no one.
		{"categories of data subjects", "# Data Processing Addendum\n\n## 1. Definitions\n\n\"Personal Data\" means any information about an identifiable person that the Client keeps in the Service and that the law protects as personal data\n\"Personal Data Breach\" means a breach of security leading to unauthorised access to, or loss of, Personal Data.\n\n## 2. Details of the Processing\n\na. Categories of Data Subjects. The Client's staff, including its contractors, suppliers and volunteers. Data Subjects also include people attempting to communicate with or to send Personal Data to the Client's staff.\n\nb. Duration. The term of the Agreement.\n",
			"notification-content", StatusMissing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := status(runMarkdown(t, rs, tc.md), tc.rule); got != tc.want {
				t.Errorf("%s: got %s, want %s", tc.rule, got, tc.want)
			}
		})
	}
}

// TestTrialfix33aDeletionBeforeItsCertificate (2): the duty to delete the
// data when the processing ends is the clause cited, not the certificate
// of the deletion that follows it.
func TestTrialfix33aDeletionBeforeItsCertificate(t *testing.T) {
	rs := loadRules(t)
	md := "# Hosting Terms\n\n## 7. Customer Data\n\nThe Supplier shall correct Customer Data if the Customer instructs it. The Supplier shall, once the Services terminate and on the Customer's instruction, erase all Customer Data within 45 days unless the law requires it to be kept longer. On the Customer's request, the Supplier shall certify deletion.\n\n## 8. Security\n\nThe Supplier shall implement appropriate technical and organisational measures to protect Customer Data.\n"
	f := finding(runMarkdown(t, rs, md), "data-return-exit")
	if f == nil || len(f.Evidence) == 0 {
		t.Fatal("data-return-exit: no evidence")
	}
	if got := f.Evidence[0].Text; !strings.Contains(got, "within 45 days") {
		t.Errorf("data-return-exit quotes %q, want the sentence that erases the data", got)
	}
}

// TestTrialfix33aKinds: kinds read from single clauses.
func TestTrialfix33aKinds(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		// 3. Hedged help with the customer's own legal duties after a
		// breach, nothing investigated or mitigated: weak (hedged).
		{"reasonable help with the customer's obligations", []string{"If a Security Incident occurs, the Supplier shall cooperate with and reasonably help the Client to meet its obligations under data protection law, taking into account the information available to the Supplier."}, "incident-cooperation", StatusWeak},
		{"reasonable help that investigates and mitigates", []string{"If a Security Incident occurs, the Supplier shall reasonably help the Client to meet its obligations under data protection law and shall investigate and mitigate the Security Incident."}, "incident-cooperation", StatusMet},
		// 6. Where the customer is ("For Clients in the European Union")
		// says which law applies to it, not where the data is kept.
		{"for clients in a region", []string{"For Clients in the European Union, the Supplier acts as a processor and shall process personal data only on the Client's documented instructions."}, "data-location", StatusMissing},
		{"for clients in a country", []string{"For Clients in Canada, the Supplier shall process personal data only as PIPEDA permits."}, "data-location", StatusMissing},
		{"the data kept in a region stays a place", []string{"For Clients in the European Union, the Supplier shall store personal data only in data centres in Germany."}, "data-location", StatusMet},
	})
}

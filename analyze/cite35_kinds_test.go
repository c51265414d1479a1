package analyze

import (
	"testing"
)

// TestCite35Kinds: kinds of fault in the clause cited for a term (issue
// 11, cite35), each with clauses of our own wording (id, heading, parent,
// text), the rule and the section its lead evidence must name.
func TestCite35Kinds(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []citeCase{
		{
			// A subprocessor's onward transfer is a safeguard of the
			// term; the agreement's own transfer clause is what a lawyer
			// cites for it.
			name:     "a subprocessor's onward transfer quoted after the agreement's own transfer clause",
			ids:      []string{"4", "4(a)", "4(b)", "9"},
			headings: []string{"Subcontracting", "Appointment", "New sub-processors", "Cross-border transfers"},
			parents:  []string{"", "4", "4", ""},
			text: []string{
				"4. Subcontracting",
				"(a) Appointment. The Client agrees that the Supplier may engage sub-processors. If, in performing this addendum, the Supplier transfers any Client personal data outside the United Kingdom to a sub-processor, the Supplier shall, before the transfer, ensure that a lawful transfer mechanism applies to that processing.",
				"(b) New sub-processors. The Supplier will tell the Client of any new sub-processor by e-mail.",
				"9. Cross-border transfers. The International Data Transfer Agreement in Appendix 4 will apply to Client personal data that is transferred outside the United Kingdom, directly or onwards, to a country without an adequacy decision.",
			},
			rule: "data-location", want: "9",
		},
		{
			// Where a subprocessor may keep the data is quoted after the
			// agreement's own statement of where the data may be.
			name:     "a subprocessor's place of processing quoted after the agreement's own data location",
			ids:      []string{"3", "3.1", "3.2", "Annex 2"},
			headings: []string{"Hosting", "", "", "Onward processing"},
			parents:  []string{"", "3", "3", ""},
			text: []string{
				"3. Hosting",
				"3.1 The Supplier hosts the platform.",
				"3.2 Client personal data may be processed in Canada or in Australia.",
				"Annex 2 Onward processing. When the Supplier appoints a sub-processor, it will require that sub-processor to agree in writing to process Client personal data only in a country that the European Union has declared adequate.",
			},
			rule: "data-location", want: "3.2",
		},
		{
			// The vendor and its subprocessors together are the vendor:
			// its own statement of place keeps the lead.
			name:     "the vendor and its subprocessors processing abroad keep the lead",
			ids:      []string{"5", "5.1", "5.2"},
			headings: []string{"International transfers", "", ""},
			parents:  []string{"", "5", "5"},
			text: []string{
				"5. International transfers",
				"5.1 The Supplier and its sub-processors may transfer Client personal data outside the United Kingdom only where a lawful transfer mechanism such as the standard contractual clauses is in place.",
				"5.2 The Supplier keeps a record of its transfers.",
			},
			rule: "data-location", want: "5.1",
		},
		{
			// With no other place stated, the subprocessor's transfer
			// still leads: it is the only sentence of the term.
			name:     "a subprocessor's onward transfer alone keeps the lead",
			ids:      []string{"6", "6.3"},
			headings: []string{"Sub-processors", "Transfers by sub-processors"},
			parents:  []string{"", "6"},
			text: []string{
				"6. Sub-processors",
				"Where the Supplier transfers Client personal data outside the United Kingdom to a sub-processor, the Supplier shall first put a lawful transfer mechanism in place with that sub-processor.",
			},
			rule: "data-location", want: "6.3",
		},
	}
	checkCites(t, rs, tests)
}

// TestCite35OwnRetrieveDuty: the customer's own duty to take its data out
// before the end, written "is responsible to retrieve" as well as "is
// responsible for exporting", is a warning that the data will be lost, no
// return the vendor owes: alone it shows no data return, and beside the
// vendor's erasure on termination it is not quoted first.
func TestCite35OwnRetrieveDuty(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	res := runMarkdown(t, rs, "# Platform terms\n\n## 9. Term and termination\n\n9.2 The Client accepts that it is responsible to retrieve its Client Data from the platform before the termination of these terms.\n")
	for _, f := range res.Findings {
		if f.Rule == "data-return-exit" && f.Status != StatusMissing {
			t.Errorf("data-return-exit %s on the customer's own duty to retrieve: %+v", f.Status, f.Evidence)
		}
	}
}

package analyze

import (
	"context"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestCitedClause: the clause a lawyer would cite is the most specific one
// that states the term; when two state it alike, the body's before an
// exhibit's. Each row is one kind of fault, with two or three clauses of
// our own wording (id, heading, text), the rule and the section its lead
// evidence must name.
func TestCitedClause(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name                string
		ids, headings, text []string
		parents             []string // optional: each clause's parent id
		rule, want          string
	}{
		{
			// A clause whose text is only its heading ("6. Cross-Border
			// Transfers.") names the topic and states nothing: the
			// clause that says where the data is hosted is cited, though
			// it says so weakly.
			name:     "a clause that is only its heading is not cited",
			ids:      []string{"4", "6"},
			headings: []string{"Hosting", "Cross-Border Transfers"},
			text: []string{
				"Provider may host Customer Data in data centres located in Ireland or in the United States.",
				"Cross-Border Transfers.",
			},
			rule: "data-location", want: "4",
		},
		{
			// The duty of GDPR Art. 32 in its standard form opens with a
			// long qualification before its subject ("Taking into account
			// the state of the art, ..."): its length is no sign of a
			// weaker sentence than a sibling's confirmation that the
			// annex's measures are in place.
			name:     "a long qualification fronted before the security duty does not count against it",
			ids:      []string{"6.1", "6.2"},
			headings: []string{"", ""},
			text: []string{
				"Taking into account the state of the art, the costs of implementation and the nature, scope, context and purposes of the processing, as well as the risks of varying likelihood and severity for the rights and freedoms of the individuals whose data is processed, Provider shall, at its own expense, implement and maintain appropriate technical and organisational measures to ensure a level of security appropriate to the risk of the processing.",
				"Provider confirms that it has implemented the security measures listed in the Security Annex.",
			},
			rule: "vendor-security", want: "6.1",
		},
		{
			// The body's clause and the standard clauses of an annex rank
			// alike: the body is cited, though the annex states an
			// essential element and the body a further one.
			name:     "the body's subprocessor clause beats an annex's equal-ranked one",
			ids:      []string{"5.2", "Annex 2 9"},
			headings: []string{"", "Use of sub-processors"},
			text: []string{
				"Provider shall impose on each Sub-processor data protection obligations no less protective than those of this Addendum.",
				"The data importer shall not subcontract any of its processing operations without the prior written consent of the data exporter.",
			},
			rule: "subprocessors", want: "5.2",
		},
		{
			// Two sibling clauses alike but for where the incident is
			// named: one takes it from its heading ("Unauthorized Use or
			// Disclosure"), the other names it itself.
			name:     "a sentence that names the incident itself beats a sibling that takes it from its heading",
			ids:      []string{"3.3(a)", "3.3(b)"},
			headings: []string{"Unauthorized Use or Disclosure", "Security Incidents"},
			text: []string{
				"Provider will report to Customer any use or disclosure of Customer Data not permitted by this Agreement without unreasonable delay.",
				"Provider will report to Customer any Security Incident without unreasonable delay.",
			},
			rule: "breach-notification", want: "3.3(b)",
		},
		{
			// An item of a list is read with its lead-in ("Customer is
			// responsible for: … maintaining the security of its
			// credentials"): the item's verb is the duty's verb, as much
			// as in a sentence that says it in one piece.
			name:     "a list item's own verb after its lead-in counts as the duty's verb",
			ids:      []string{"3.1.2", "3.1.3", "3.1.3(i)", "3.1.3(ii)"},
			headings: []string{"", "", "", ""},
			parents:  []string{"", "", "3.1.3", "3.1.3"},
			text: []string{
				"Users must be at least 13 years old. Where a country sets a higher minimum age, Customer is responsible for complying with it when creating user accounts.",
				"Customer is responsible for: (i) all activity that occurs under its account; and (ii) maintaining the security of its login credentials.",
				"(i) all activity that occurs under its account; and",
				"(ii) maintaining the security of its login credentials.",
			},
			rule: "customer-responsibilities", want: "3.1.3(ii)",
		},
		{
			// "Deletion", "Destruction", "Erasure" in a heading name the
			// term as much as "Return" does: the clause so headed is cited
			// before an item of a list of duties that points to it.
			name:     "a heading naming the deletion of data keeps its clause first",
			ids:      []string{"4", "4(a)", "9"},
			headings: []string{"Provider Responsibilities", "", "Data Deletion at Contract End"},
			parents:  []string{"", "4", ""},
			text: []string{
				"The Provider undertakes to: (a) delete Customer Data upon termination of the Contract, in accordance with the procedure described in Section 9.",
				"(a) delete Customer Data upon termination of the Contract, in accordance with the procedure described in Section 9.",
				"Upon termination of the Contract, the Provider undertakes to securely erase all Customer Data within thirty days.",
			},
			rule: "data-return-exit", want: "9",
		},
		{
			// The record of processing names transfers abroad among what
			// it records; the clause on where the data may be stored is
			// the term.
			name:     "the storage clause beats the record of processing that lists transfers",
			ids:      []string{"14.7", "14.12"},
			headings: []string{"", ""},
			text: []string{
				"The Supplier must keep records of all processing of Government Data, including any transfers outside of the EU.",
				"The Supplier must request the Buyer's consent to store Government Data outside the UK.",
			},
			rule: "data-location", want: "14.12",
		},
		{
			// The place a law comes from ("the data protection laws in the
			// EU") is not a place for the data: a notice about unlawful
			// instructions is no notice of a change of location.
			name:     "a notice that names a law's place is no notice of the data's location",
			ids:      []string{"3.2", "7.1"},
			headings: []string{"", ""},
			text: []string{
				"Processor shall immediately inform Controller if, in its opinion, an instruction infringes the data protection laws in the EU.",
				"Processor may process Personal Data in the United States and in the European Union.",
			},
			rule: "data-location", want: "7.1",
		},
		{
			// The general security duty is the clause a lawyer cites; a
			// control under a heading that names security details it.
			name:     "the general security duty beats one control under a security heading",
			ids:      []string{"3", "7"},
			headings: []string{"Obligations of the Processor", "Security of Your Data"},
			text: []string{
				"Provider implements appropriate technical and organisational measures to protect the personal data it processes for the customer.",
				"We protect your data with nightly backups, redundant servers and encryption.",
			},
			rule: "vendor-security", want: "3",
		},
		{
			// An information security management system is the duty as a
			// whole; a firewall under a security heading is one control.
			name:     "an information security programme beats a firewall item",
			ids:      []string{"K.1", "K.9(c)"},
			headings: []string{"", "Network Security"},
			text: []string{
				"The Contractor shall maintain an information security management system certified to ISO/IEC 27001.",
				"The Contractor shall maintain firewalls, intrusion detection and logging proportionate to the services.",
			},
			rule: "vendor-security", want: "K.1",
		},
		{
			// A subprocessor's measures are not the vendor's own, though
			// named as technical and organisational measures.
			name:     "a subprocessor's measures do not state the vendor's security duty",
			ids:      []string{"5", "8"},
			headings: []string{"", ""},
			text: []string{
				"Provider shall ensure that each sub-processor implements appropriate technical and organisational measures before it is engaged.",
				"Provider encrypts all Customer Data at rest and in transit.",
			},
			rule: "vendor-security", want: "8",
		},
		{
			// An overview saying what it describes introduces the clauses
			// that state the measures; it is none of them.
			name:     "a document's account of what it describes is not cited before its measures",
			ids:      []string{"preamble", "\"Encryption\""},
			headings: []string{"Security Overview", "Encryption"},
			text: []string{
				"This Security Overview describes the technical and organisational measures Provider maintains for its platform.",
				"All Customer Data is encrypted at rest using AES-256.",
			},
			rule: "vendor-security", want: "\"Encryption\"",
		},
		{
			// Keeping the credentials secret is the customer's duty a
			// lawyer cites; the notice of misuse beside it is the
			// procedure, not the duty.
			name:     "the customer keeping its password secret beats its notice of misuse",
			ids:      []string{"3.1", "3.2"},
			headings: []string{"", ""},
			text: []string{
				"You must notify us without delay of any unauthorised access to your account or any other breach of security.",
				"You are responsible for keeping your password private and for all activity under your profile.",
			},
			rule: "customer-responsibilities", want: "3.2",
		},
		{
			// The customer's general duty to keep safeguards is cited as
			// its part, as the vendor's is.
			name:     "the customer's general duty of safeguards is cited with its credentials' secrecy",
			ids:      []string{"4.2", "9.1(c)"},
			headings: []string{"Your Security Obligations", ""},
			text: []string{
				"You will employ all administrative and technical safeguards necessary to secure your systems and the data you upload.",
				"You must keep your login credentials confidential and are responsible for their use.",
			},
			rule: "customer-responsibilities", want: "4.2",
		},
		{
			// An item of a defined term's meaning, in a list under the
			// definitions heading three levels up ("1. Interpretation" >
			// "1.2 ... shall mean:" > "(b) to the extent ...:" > "(i)"),
			// names the term in passing: the clause that states it is
			// cited, though its vendor is a word the reader does not know.
			name:     "an item of a definition under the interpretation heading is not cited",
			ids:      []string{"1", "1.2", "1.2(b)", "1.2(b)(i)", "8.3"},
			headings: []string{"Interpretation", "", "", "", ""},
			parents:  []string{"", "1", "1.2", "1.2(b)", ""},
			text: []string{
				"Interpretation.",
				"In this Agreement the following words shall mean: Claims are all demands and proceedings, and",
				"to the extent the law permits:",
				"penalties or other remedies imposed by a Supervisory Authority;",
				"From the Effective Date, the Company shall provide such reasonable assistance as the Customer reasonably requires in any prior consultation with a Supervisory Authority.",
			},
			rule: "regulator-cooperation", want: "8.3",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			citesSection(t, rs, tc.ids, tc.headings, tc.parents, tc.text, tc.rule, tc.want)
		})
	}
}

// citesSection analyses one agreement of the clauses given (id, heading,
// parent id or none, text) and checks that rule's lead evidence cites
// section want.
func citesSection(t *testing.T, rs *RuleSet, ids, headings, parents, text []string, rule, want string) {
	t.Helper()
	a := &extract.Agreement{Path: "test.md", Format: "md", Pages: []extract.Page{{Number: 1}}}
	for i, id := range ids {
		c := extract.Clause{ID: id, Heading: headings[i], Text: text[i]}
		if parents != nil {
			c.Parent = parents[i]
		}
		a.Clauses = append(a.Clauses, c)
		a.Pages[0].Text += text[i] + "\n"
	}
	res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Rule == rule {
			if len(f.Evidence) == 0 || f.Evidence[0].Section != want {
				t.Errorf("%s (%s): evidence %+v, want section %s", rule, f.Status, f.Evidence, want)
			}
			return
		}
	}
	t.Errorf("no %s finding", rule)
}

package extract

import (
	"slices"
	"testing"
)

// Kinds of structure found on the dev corpus by struct21, each reproduced
// by invented text, with the clause IDs a lawyer would cite.

// Model clauses in Markdown whose clause numbers are bold lines of their
// own ("**Clause 3**", a hard line break after it, the title run into the
// text below) hold their numbered paragraphs "3.1 Instructions (a) ...":
// the paragraphs are 3.1, 3.1(a) under clause 3, not letters of the
// section heading above. An all-caps annex title as long as the standard
// clauses' Annex II is that annex's heading.
func TestBoldClauseLineHoldsItsParagraphs(t *testing.T) {
	text := "# Data Processing Terms\n\n1. Scope. The Vendor shall process data only on instructions.\n\n" +
		"2. Security. The Vendor shall keep data safe.\n\n**Annex 1: Model Clauses**\n\n**SECTION I**\n\n" +
		"**Clause 1**  \nPurpose (a) The purpose of these clauses is to protect data. (b) The parties agree to them.\n\n" +
		"**Clause 2**  \nInvariability (a) These clauses are not modified. (b) They bind the parties.\n\n" +
		"**SECTION II – OBLIGATIONS OF THE PARTIES**\n\n" +
		"**Clause 3**  \nSafeguards The exporter warrants that the importer is able to comply.\n\n" +
		"3.1 Instructions (a) The importer shall process the data only on documented instructions. (b) The importer shall inform the exporter if it cannot follow them.\n\n" +
		"3.2 Security (a) The importer shall implement appropriate measures. (b) The importer shall notify the exporter of a breach without undue delay.\n\n" +
		"**Clause 4**  \nSub-processors (a) The importer shall inform the exporter of new sub-processors. (b) The importer shall bind them by contract.\n\n" +
		"**APPENDIX**\n\n**ANNEX I**  \nA. LIST OF PARTIES\n- Data exporter: the customer.\n\n" +
		"**ANNEX II - TECHNICAL AND ORGANISATIONAL MEASURES INCLUDING TECHNICAL AND ORGANISATIONAL MEASURES TO ENSURE THE SECURITY OF THE DATA**  \n" +
		"- Encryption of stored data.\n- Access control for staff.\n"
	cs := SplitClauses([]Page{{Number: 1, Text: text}}, false)
	var ids []string
	for _, c := range cs {
		ids = append(ids, c.ID)
	}
	for _, want := range []string{"Annex 1 1(b)", "Annex 1 2", "Annex 1 3", "Annex 1 3.1", "Annex 1 3.1(a)", "Annex 1 3.2(b)", "Annex 1 4(a)", "Annex II"} {
		if !slices.Contains(ids, want) {
			t.Errorf("no clause %q in %q", want, ids)
		}
	}
	for _, c := range cs {
		if c.ID == "Annex 1 3.2(b)" && c.Parent != "Annex 1 3.2" {
			t.Errorf("3.2(b) under %q, want 3.2", c.Parent)
		}
		if c.ID == "Annex II" && c.Heading != "TECHNICAL AND ORGANISATIONAL MEASURES INCLUDING TECHNICAL AND ORGANISATIONAL MEASURES TO ENSURE THE SECURITY OF THE DATA" {
			t.Errorf("Annex II heading %q", c.Heading)
		}
	}
}

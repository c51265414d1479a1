package extract

import (
	"slices"
	"strings"
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

// A lettered list under a run-in title of an exhibit ("Categories of
// data. (a) ... (b) ..."), then another under the next title: the second
// list is no sub-list of the first's item (a), so no clause is
// "Exhibit A (a)(a)", an ID the document never displays.
func TestLetterUnderLetterIsNoSubList(t *testing.T) {
	text := "1. Scope. The Vendor processes personal data for the Customer under this Addendum.\n\n" +
		"2. Security. The Vendor keeps the data safe with appropriate measures.\n\nEXHIBIT A\n\nDescription of Processing\n\n" +
		"Categories of data.\n(a) Account data of the Customer (name, email). (b) Content the Customer uploads to the\nService for review.\n" +
		"Categories of data subjects.\n(a) The Customer's authorised users. (b) Visitors to the Customer's site whose data the\nCustomer uploads.\n" +
		"Duration.\nThe term of the Agreement.\n"
	for _, c := range SplitClauses([]Page{{Number: 1, Text: text}}, false) {
		if strings.Contains(c.ID, "(a)(") {
			t.Errorf("clause %q under %q: a letter under a letter", c.ID, c.Parent)
		}
	}
	// Letters under a numbered item, romans under a letter stay sub-lists.
	cs := SplitClauses([]Page{{Number: 1, Text: "1. Duties. The Vendor shall (a) notify the Customer of a breach; and (b) assist it with (i) notices and (ii) records.\n\n2. Fees. The Customer pays the fees.\n"}}, false)
	var ids []string
	for _, c := range cs {
		ids = append(ids, c.ID)
	}
	for _, want := range []string{"1(a)", "1(b)", "1(b)(i)", "1(b)(ii)"} {
		if !slices.Contains(ids, want) {
			t.Errorf("no clause %q in %q", want, ids)
		}
	}
}

// A section heading whose title is on the next line ("SECTION 3" over
// "CONFIDENTIALITY") is one heading with the title joined, in text, in a
// PDF (TestSectionTitleOnNextLinePDF) and in Markdown bold lines of their own,
// where the bold number was read as no marker and the section lost.
func TestSectionTitleOnNextLine(t *testing.T) {
	for _, text := range []string{
		"MASTER SERVICES AGREEMENT\n\nSECTION 1\nDEFINITIONS\n\nIn this Agreement the words below have the meanings given to them.\n\nSECTION 2\nSERVICES\n\nThe Provider shall deliver the services described in each order form.\n\nSECTION 3\nCONFIDENTIALITY\n\nEach party shall keep the other party's confidential information secret.\n",
		"# Terms\n\n**SECTION 1**\n\n**DEFINITIONS**\n\nIn this Agreement the words below have the meanings given to them.\n\n**SECTION 2**\n\n**SERVICES**\n\nThe Provider shall deliver the services described in each order form.\n\n**SECTION 3**  \n**CONFIDENTIALITY**\n\nEach party shall keep the other party's confidential information secret.\n",
	} {
		var got []string
		for _, c := range SplitClauses([]Page{{Number: 1, Text: text}}, false) {
			got = append(got, c.ID+"="+c.Heading)
		}
		if want := []string{"1=DEFINITIONS", "2=SERVICES", "3=CONFIDENTIALITY"}; !slices.Equal(got[1:], want) {
			t.Errorf("clauses %q, want %q", got, want)
		}
	}
}

func TestSectionTitleOnNextLinePDF(t *testing.T) {
	tight := func(s string) typedLine { l := bold(s, 11); l.gap = false; return l }
	pdf, err := pdfParser{}.Parse(writeTemp(t, "sec.pdf", typesetPDF([]typedLine{
		bold("Master Services Agreement", 18),
		body("This agreement is made between Lantern Ltd and the customer named in the order form."),
		bold("SECTION 1", 11), tight("DEFINITIONS"),
		body("In this Agreement the words below have the meanings given to them by the parties."),
		bold("SECTION 2", 11), tight("CONFIDENTIALITY"),
		body("Each party shall keep the other party's confidential information secret at all times."),
	})), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range pdf.Agreement.Clauses[1:] {
		got = append(got, c.ID+"="+c.Heading)
	}
	if want := []string{"1=DEFINITIONS", "2=CONFIDENTIALITY"}; !slices.Equal(got, want) {
		t.Errorf("clauses %q, want %q", got, want)
	}
}

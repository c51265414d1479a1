package extract

import (
	"strings"
	"testing"
)

// TestCleanMarkdownDropsStyleAndScript (issue 11, trial31): a <style> or
// <script> block in a Markdown page is page code, never text: its CSS or
// JavaScript must not become the preamble's clauses.
func TestCleanMarkdownDropsStyleAndScript(t *testing.T) {
	for _, tc := range []struct{ name, md, gone string }{
		{"a style block before the title",
			"<style>\n  .banner { color: teal; }\n  footer .links { margin-top: 1rem; }\n</style>\n\n# Hosting Terms\n\nBrellow Ltd shall notify the customer of a security incident within 48 hours.\n",
			"margin-top"},
		{"a script block with attributes between clauses",
			"# Hosting Terms\n\n1. Brellow Ltd shall encrypt customer data at rest.\n\n<script type=\"text/javascript\">\n  window.dataLayer = window.dataLayer || [];\n  function track(){ dataLayer.push(arguments); }\n</script>\n\n2. Brellow Ltd shall notify the customer of a security incident within 48 hours.\n",
			"dataLayer"},
		{"a style block in capitals",
			"<STYLE media=\"print\">\nbody { font-size: 11pt; }\n</STYLE>\n# Hosting Terms\n\nBrellow Ltd shall keep daily backups.\n",
			"font-size"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := NormalizeText(cleanMarkdown(tc.md))
			if strings.Contains(text, tc.gone) {
				t.Errorf("page code kept: %q", text)
			}
			for _, c := range SplitClauses([]Page{{Number: 1, Text: text}}, false) {
				if strings.Contains(c.Text, tc.gone) {
					t.Errorf("clause %s holds page code: %q", c.ID, c.Text)
				}
			}
		})
	}
}

// TestSentenceHeadingsAreParagraphs (issue 11, trial31): a Markdown
// heading mark on a whole sentence ("#### If Brellow becomes aware of ...,
// Brellow will:") is a page's styling of a paragraph: the sentence opens
// no clause titled by itself, and stays the text of the clause it is in.
func TestSentenceHeadingsAreParagraphs(t *testing.T) {
	md := "# Brellow Processing Terms\n\n" +
		"## 5. Security\n\n#### Brellow keeps every copy of the customer's files encrypted at rest and in transit with current ciphers.\n\n" +
		"## 6. Breaches\n\n#### If Brellow becomes aware of a confirmed breach affecting the customer's personal data, Brellow will:\n\n" +
		"- tell the customer without undue delay and within 48 hours;\n- describe the breach and the data affected.\n\n" +
		"## 7. Contact\n\n#### Questions about these terms go to the privacy team.\n\n#### Office Hours\n\nThe team answers on working days.\n\n" +
		"## 8. Customer Duties\n\n#### The Customer, as the Controller, is responsible for these steps:\n\n- keep its passwords secret.\n"
	cs := SplitClauses([]Page{{Number: 1, Text: NormalizeText(cleanMarkdown(md))}}, false)
	ids := clauseIDs(cs)
	for _, id := range ids {
		if strings.Contains(id, "Brellow keeps") || strings.Contains(id, "If Brellow") || strings.Contains(id, "Questions about") || strings.Contains(id, "The Customer, as") {
			t.Errorf("a sentence titles a clause: %s (all: %q)", id, ids)
		}
	}
	found := false
	for _, c := range cs {
		if strings.Contains(c.Text, "If Brellow becomes aware") && strings.HasPrefix(c.ID, "6") {
			found = true
		}
		if strings.Contains(c.ID, "Office Hours") {
			found = found && true
		}
	}
	if !found {
		t.Errorf("the sentence is not the text of section 6: %q", ids)
	}
	if !strings.Contains(strings.Join(ids, " "), `"Office Hours"`) {
		t.Errorf("a short heading lost its clause: %q", ids)
	}
}

// TestBoldNumberedListItems (issue 11, trial31): numbered sub-clauses
// written as bullet items bold as a whole, number and short title
// ("- **7.2 Changes**"), their text on the lines under them, are each a
// sub-clause of their own, not one clause under the first.
func TestBoldNumberedListItems(t *testing.T) {
	md := "# Brellow Terms\n\n## 7. General\n\n- **7.1 Notices**  \n  Notices go to the addresses in the order form.\n\n" +
		"- **7.2 Changes**  \n  Brellow may update these terms. Material changes will be sent by email at least 14 days before they take effect.\n  \n" +
		"- **7.3 Severability**  \n  If any provision is invalid, the rest stays in force.\n\n## 8. Contact\n\nWrite to us.\n"
	cs := SplitClauses([]Page{{Number: 1, Text: NormalizeText(cleanMarkdown(md))}}, false)
	if got, want := strings.Join(clauseIDs(cs), " "), "preamble 7 7.1<7 7.2<7 7.3<7 8"; got != want {
		t.Errorf("clauses %s, want %s", got, want)
	}
	for _, c := range cs {
		if c.ID == "7.2<7" && !strings.Contains(c.Text, "14 days") {
			t.Errorf("7.2 lost its text: %q", c.Text)
		}
	}
}

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

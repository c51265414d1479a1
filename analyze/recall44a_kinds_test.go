package analyze

import "testing"

// TestRecall44aKinds: kinds of clause the dev half's agreements state
// their terms in that the engine missed (issue 11, recall44a), each
// reproduced with sentences of our own writing.
func TestRecall44aKinds(t *testing.T) {
	rs := loadRules(t)
	head := "# Security Overview\n\nLarch Cloud Ltd (\"Larch\") provides the hosted ledger service to its customers.\n\n## Encryption\n\nAll customer data is encrypted at rest with AES-256.\n\n"
	for _, tc := range []struct{ name, text, rule, want string }{
		// 1. A heading that names the reporting of vulnerabilities, and
		// under it only the channel: an address to write to is the
		// channel the term asks for.
		{"a reports heading and an address line", "## Reporting Vulnerabilities\n\nEmail: security@larch.example\nPGP key: on our website\n", "vulnerability-disclosure", StatusMet},
		{"a question heading and an invitation to write", "## Spotted a security vulnerability?\n\nPlease e-mail the details to security@larch.example.\n", "vulnerability-disclosure", StatusMet},
		{"a disclosure heading and a contact line", "## Responsible Disclosure\n\nContact: security@larch.example\n", "vulnerability-disclosure", StatusMet},
		{"an invitation to write under a security heading", "## Questions\n\nPlease write to us at security@larch.example with any questions about this page.\n", "vulnerability-disclosure", StatusMissing},
		{"a vulnerability heading without a channel", "## Vulnerability Management\n\nWe scan our hosts for vulnerabilities every week.\n", "vulnerability-disclosure", StatusMissing},
		// 2. The vendor's providers named in a list or a table, with no
		// verb of subprocessing: disclosed, with no notice or objection.
		{"the services used to run the platform", "## Providers\n\nWe use the following services to run the ledger:\n\n- Hetzner, to host our servers and store customer data.\n- Postmark, to send our transactional email.\n", "subprocessors", StatusWeak},
		{"other services the product relies on", "## Providers\n\nThe ledger uses other services for its hosting and features, including Hetzner cloud servers and Postmark email delivery.\n", "subprocessors", StatusWeak},
		{"a table under a subprocessors heading", "## Subprocessors\n\n| Provider | Purpose | Certification |\n|---|---|---|\n| Hetzner | Hosting | ISO 27001 |\n| Postmark | Email delivery | SOC 2 |\n", "subprocessors", StatusWeak},
		{"a table of integrations", "## Integrations\n\n| Provider | Purpose |\n|---|---|\n| Slack | Team chat |\n| Jira | Issue tracking |\n", "subprocessors", StatusMissing},
		{"the services the customer may use", "## Integrations\n\nYou may use the following services to import your ledgers: Dropbox and Box.\n", "subprocessors", StatusMissing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := status(runMarkdown(t, rs, head+tc.text), tc.rule); got != tc.want {
				t.Errorf("%s: got %s, want %s", tc.rule, got, tc.want)
			}
		})
	}
}

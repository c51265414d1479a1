package analyze

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestPrecision18Kinds: false findings of the corpus-o batch's dev half,
// each kind in sentences of our own writing beside one that still binds.
func TestPrecision18Kinds(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		// a. "refrain from" forbids: an acceptable-use list for the
		// reader is no security measure of the vendor's.
		{"a prohibition on members is no vendor security", []string{"Members shall refrain from tampering with or circumventing security features designed to protect our platform."}, "vendor-security", StatusMissing},
		{"the vendor's safeguards still bind", []string{"Provider shall implement security features designed to protect Customer Data against unauthorised access."}, "vendor-security", StatusMet},
		// c. What stands in a customer's "subject to ..." binds its act;
		// it is not what the customer does.
		{"a subject-to list is no data return", []string{"The Client may cease using the Platform whenever it wishes, subject to its outstanding fees, confidentiality, secure erasure, return or export obligations for data."}, "data-return-exit", StatusMissing},
		{"the customer exporting its data still counts", []string{"The Client may export its data from the Platform at any time, subject to the fair use limits."}, "data-return-exit", StatusWeak},
		// d. Notice before the service is cut off for non-payment is no
		// notice of a change.
		{"notice before discontinuing for unpaid invoices is no change notice", []string{"Vendor will give the Customer fifteen days' written notice before it discontinues the Platform for unpaid invoices."}, "change-notice", StatusMissing},
		{"notice before discontinuing a feature still binds", []string{"Vendor will give the Customer ninety days' written notice before it discontinues any feature of the Platform."}, "change-notice", StatusMet},
		// e. The change told by its verb in a condition, the notice owed.
		{"notice when the vendor modifies the platform binds", []string{"Where the Supplier modifies the Platform in a way that alters the kinds of data it handles, the Supplier shall inform the Client."}, "change-notice", StatusMet},
		{"advance notice when the vendor modifies the platform", []string{"Where the Supplier modifies the Platform in a way that alters the kinds of data it handles, the Supplier shall inform the Client in advance."}, "change-notice", StatusMet},
		{"a change with a right to leave is no notice", []string{"Where the Supplier modifies the Platform, the Client may terminate this Agreement."}, "change-notice", StatusMissing},
	})
}

// TestPrecision18Documents: kinds that need a document's headings or list
// lead-ins.
func TestPrecision18Documents(t *testing.T) {
	rs := loadRules(t)
	head := "# Terms of Use\n\nThese Terms govern your use of the Fizzbo portal operated by Fizzbo Ltd (\"we\", \"us\").\n\n"
	tail := "\n\n## 9. Fees\n\nYou will pay all fees when due.\n"
	tests := []struct {
		name, body, rule, want string
	}{
		// a. The prohibited-use list's items have no actor of their own.
		{"an acceptable-use list is no vendor security", "## 5. Acceptable Use\n\nSubscribers must refrain from:\n\n- Posting unlawful content.\n- Probing or disabling security features designed to protect our portal.\n", "vendor-security", StatusMissing},
		// b. A disclaimer that points to a page states no term by reference.
		{"a disclaimer with a link is no security by reference", "## 7. Disclaimer\n\nWe disclaim any warranties:\n\n- Regarding the security and speed of the Fizzbo Portal (available at https://www.fizzbo.example).\n- That the Fizzbo Portal will be error-free.\n", "vendor-security", StatusMissing},
		{"a security page by reference still counts", "## 7. Security\n\nOur security measures are described at https://www.fizzbo.example/security.\n", "vendor-security", StatusByReference},
		// e. Summaries of third-party audit reports under an "Audit and
		// reports" heading are assurance, no audit by the customer.
		{"report summaries under an audit heading are no audit right", "## 7. Audit and reports\n\nIf we obtain third-party audit reports or certifications, we will, on your written request, make summaries available on a confidential basis.\n", "audit-rights", StatusMissing},
		{"audits permitted under an audit heading still bind", "## 7. Audit and reports\n\nWe will permit you or your auditor to conduct audits of our processing once a year.\n", "audit-rights", StatusWeak},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "terms.md")
			if err := os.WriteFile(path, []byte(head+tc.body+tail), 0o644); err != nil {
				t.Fatal(err)
			}
			d, err := extract.Open(path, extract.Options{})
			if err != nil || d.Agreement == nil {
				t.Fatalf("open: %v", err)
			}
			res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{d.Agreement}}, rs, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := status(res, tc.rule); got != tc.want {
				t.Errorf("%s: got %s, want %s", tc.rule, got, tc.want)
			}
		})
	}
}

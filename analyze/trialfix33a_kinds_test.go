package analyze

import (
	"strings"
	"testing"
)

// Kinds of fault two new users (trials 31 and 33) found on outside
// agreements, each written again in sentences of our own, beside one
// that must stay as it was.

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

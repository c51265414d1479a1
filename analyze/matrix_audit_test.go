package analyze

import "testing"

// The audit conduct the matrix sets apart is read with the vocabulary's
// audit classes: a sentence naming an audit or an auditor is the audit's,
// but audit logs are a record, and the customer's duty over them is its
// own (LOG).
func TestMatrixAuditConductVocabulary(t *testing.T) {
	rs := loadRules(t)
	owner := func(md, domain string) Owner {
		for _, row := range runMarkdown(t, rs, md).Matrix {
			if row.Domain == domain {
				return row.AgreementOwner
			}
		}
		return ""
	}
	md := "# Terms\n\n## Logging\n\nThe Customer is responsible for monitoring the audit logs of its user accounts and for reviewing the security event logs of its own systems.\n"
	if got := owner(md, "LOG"); got != OwnerCustomer {
		t.Errorf("LOG: %s, want the customer's (audit logs are no audit)", got)
	}
	md = "# Terms\n\n## Audits\n\nThe Customer's assessors shall protect the confidentiality of the security event logs they see during an examination.\n"
	if got := owner(md, "LOG"); got == OwnerCustomer {
		t.Errorf("LOG: %s from the assessors' conduct in an examination", got)
	}
}

package analyze

import (
	"strings"
	"testing"
)

// Kinds of fault of new-user trial 35 (an MSA whose matrix disagreed with
// its findings), reproduced with sentences of our own writing.

// matrixRow is the matrix row of a domain.
func matrixRow(res *Result, domain string) MatrixRow {
	for _, r := range res.Matrix {
		if r.Domain == domain {
			return r
		}
	}
	return MatrixRow{}
}

// TestMatrix37Domains: the matrix takes no incident management from a
// confidentiality duty or a safeguard against unauthorised access, no
// supply-chain duty from a licence the customer grants, and a domain
// owner from a finding met or weak on its term.
func TestMatrix37Domains(t *testing.T) {
	rs := loadRules(t)
	md := "# Hosting Terms\n\nThese terms are between Larchfield Hosting Ltd (\"Provider\") and the client (\"Customer\").\n\n" +
		"## 2. Confidentiality\n\nEach party will answer for any unauthorised use or disclosure of the other party's Confidential Information by its advisers.\n\n" +
		"## 3. Security\n\nThe Provider shall maintain appropriate technical and organisational measures designed to protect Customer Data against unauthorised access.\n\n" +
		"## 4. Licence\n\nThe Customer grants the Provider and its subcontractors a non-exclusive licence to store and copy Customer Data as needed to run the service.\n\n" +
		"## 5. Subcontracting\n\nThe Provider remains liable for the acts of its subcontractors.\n\n" +
		"## 6. End of the Agreement\n\nOn termination the Provider shall hand back all Customer Data to the Customer in a common format.\n"
	res := runMarkdown(t, rs, md)
	if r := matrixRow(res, "SEF"); r.AgreementOwner != OwnerUnassigned {
		t.Errorf("SEF: %s from %v; want unassigned (confidentiality and safeguards are no incident management)", r.AgreementOwner, r.Evidence)
	}
	if r := matrixRow(res, "STA"); r.AgreementOwner != OwnerVendor {
		t.Errorf("STA: %s from %v; want the vendor's (a licence the customer grants is no duty of its own)", r.AgreementOwner, r.Evidence)
	}
	for _, d := range []string{"GRC", "IPY"} {
		r := matrixRow(res, d)
		if r.AgreementOwner != OwnerVendor || len(r.Evidence) == 0 || !strings.Contains(r.Evidence[0].Note, "finding") {
			t.Errorf("%s: %s from %v; want the vendor's, from the finding on its term", d, r.AgreementOwner, r.Evidence)
		}
	}
	// A confidentiality duty names third parties as those the information
	// may not reach: no supply chain. The customer's duty for its
	// accounts is quoted from its finding, not from a sentence that only
	// names accounts.
	res = runMarkdown(t, rs, "# Hosting Terms\n\nThese terms are between Larchfield Hosting Ltd (\"Provider\") and the client (\"Customer\").\n\n"+
		"## 2. Fees\n\nThe Customer shall settle all invoices from its accounts payable department within 30 days.\n\n"+
		"## 3. Confidentiality\n\nThe receiving party shall not disclose the other party's Confidential Information to any third party without prior written consent.\n\n"+
		"## 4. Accounts\n\nThe Customer must keep its passwords confidential.\n")
	if r := matrixRow(res, "STA"); r.AgreementOwner != OwnerUnassigned {
		t.Errorf("STA: %s from %v; want unassigned (a confidentiality duty is no supply chain)", r.AgreementOwner, r.Evidence)
	}
	if r := matrixRow(res, "IAM"); len(r.Evidence) == 0 || !strings.Contains(r.Evidence[0].Note, "finding customer-responsibilities") {
		t.Errorf("IAM: %v; want the customer-responsibilities finding's quote", r.Evidence)
	}
	// A notice of unauthorised access is incident management.
	res = runMarkdown(t, rs, "# Hosting Terms\n\nThese terms are between Larchfield Hosting Ltd (\"Provider\") and the client (\"Customer\").\n\n## 7. Notices\n\nThe Provider shall inform the Customer within 48 hours of any unauthorised access to Customer Data.\n")
	if r := matrixRow(res, "SEF"); r.AgreementOwner != OwnerVendor {
		t.Errorf("SEF: %s from %v; want the vendor's", r.AgreementOwner, r.Evidence)
	}
}

package analyze

import "testing"

// TestTrialfix37OutOfScopeEdition: a sentence about an edition the
// document puts out of its scope allocates no control area under it: the
// matrix takes no owner from it (new-user trial 36; our own sentences).
func TestTrialfix37OutOfScopeEdition(t *testing.T) {
	rs := loadRules(t)
	const head = "# Data Processing Agreement\n\nThis Data Processing Agreement is made between the customer and Larkspur Analytics Ltd (\"Larkspur\").\n\n"
	for _, tc := range []struct{ name, body string }{
		{"no DPA is needed for the on-premises edition", "For the on-premises edition, the customer is responsible for the servers, virtual machines and hypervisors it runs the software on; Larkspur does not act as a processor and no DPA is needed."},
		{"governed by another notice rather than by this DPA", "For the data Larkspur collects on its own website, the customer is responsible for the servers, virtual machines and hypervisors of its own deployment, and that processing is governed by the privacy notice rather than by this DPA."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := runMarkdown(t, rs, head+tc.body+"\n")
			for _, m := range res.Matrix {
				if m.Domain == "IVS" && m.AgreementOwner != OwnerUnassigned {
					t.Errorf("IVS: the agreement's owner is %s, want unassigned (the sentence is out of the document's scope)", m.AgreementOwner)
				}
			}
		})
	}
}

package analyze

import "testing"

// TestTrialfix31bKinds: kinds of fault a new user (trial31) found on five
// outside agreements, each in sentences of our own writing beside one that
// must stay as it was.
func TestTrialfix31bKinds(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		// 10b. Data deleted at the customer's request, at any time, is a
		// (weak) data exit term; what the law's data subjects ask is not.
		{"deletion at the customer's request", []string{"Customer Data will be deleted at the Customer's request."}, "data-return-exit", StatusWeak},
		{"erasure a data subject asks is no exit", []string{"The Processor shall help the Controller erase personal data when a data subject asks for it under Article 17."}, "data-return-exit", StatusMissing},
		// 10c. What the penetration tests found, handed over on request,
		// tells the customer of flaws (weakly).
		{"penetration test findings on request", []string{"On request, the Provider will share a summary of the penetration tests carried out and whether the flaws found have been fixed."}, "vulnerability-disclosure", StatusWeak},
		{"running penetration tests tells no one", []string{"The Provider will run penetration tests on the platform twice a year."}, "vulnerability-disclosure", StatusMissing},
		// 11. Follow-up reports on the remediation of a notified breach
		// are the notice's updates.
		{"reports on remediation after a breach notice", []string{"The Contractor shall inform the Buyer of any Data Breach within 24 hours and shall supply progress reports on its remediation work as the Buyer reasonably asks."}, "notification-content", StatusMet},
		{"remediation reports with no incident", []string{"The Contractor shall give the Buyer reports on its remediation of the flaws found in code reviews."}, "notification-content", StatusMissing},
		// 12. Questionnaires answered and documents made available for the
		// customer's risk review: information on compliance (a weak audit
		// right, no audit).
		{"questionnaires and documents for a risk review", []string{"The Supplier shall support the Client's reasonable vendor risk reviews by answering relevant questionnaires and making relevant documents available for the Client's use."}, "audit-rights", StatusWeak},
		{"documents to validate compliance", []string{"The Supplier shall make available such documents as the Client reasonably asks for to validate the Supplier's compliance with this Schedule."}, "audit-rights", StatusWeak},
		{"the customer answers the vendor's questionnaire", []string{"The Client shall answer the Supplier's onboarding questionnaire and make its own documents available to the Supplier."}, "audit-rights", StatusMissing},
		// 14. The customer's termination right granted by the vendor
		// ("authorizes termination ... by"), and either party's right when
		// an amendment the law needs cannot be agreed; a material term
		// violated is a ground.
		{"the vendor authorizes the customer's termination", []string{"The Contractor authorizes termination of this Addendum by the Buyer if the Buyer finds that the Contractor has breached a material term."}, "termination-rights", StatusMet},
		{"the customer authorizes the vendor's termination", []string{"The Buyer authorizes termination of this Addendum by the Contractor if the Contractor finds that the Buyer has breached a material term."}, "termination-rights", StatusMissing},
		{"either party on a failed amendment", []string{"If the parties fail to agree an amendment required by law, either party may terminate this Addendum on ten (10) days' written notice."}, "termination-rights", StatusMet},
		{"a material term violated", []string{"The Buyer may terminate this Addendum if the Contractor has violated a material term and not cured it within thirty days."}, "termination-rights", StatusMet},
		// 16c. Certifications shared only where the vendor keeps them.
		{"certifications only where kept", []string{"Where the Contractor holds third-party security certifications, the Buyer may request copies of them."}, "security-reports", StatusWeak},
		{"where it maintains certifications", []string{"Where the Contractor maintains information security certifications, it shall give the Buyer copies on request."}, "security-reports", StatusWeak},
	})
}

// TestTrialfix31bCapabilityItems: an agentless "can be ..." item under a
// lead-in that binds the vendor to its list is one of the measures
// promised, not a permission (10a).
func TestTrialfix31bCapabilityItems(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct{ lead, item, rule, want string }{
		{"The Provider will keep sound practices for its platform, which shall include the following measures and obligations:", "Stored client files can be erased when the agreement ends.", "data-return-exit", StatusMet},
		{"The Provider will keep sound practices for its platform, which shall include the following measures and obligations:", "Stored client files can be erased at the Client's request.", "data-return-exit", StatusWeak},
		// A lead-in that binds no one leaves "can" a possibility.
		{"The platform offers several options, for example:", "Stored client files can be erased when the agreement ends.", "data-return-exit", StatusMissing},
	} {
		md := "# Security Terms\n\n## 2. Records\n\n" + tc.lead + "\n\n1. Access to systems is limited to named staff.\n\n2. " + tc.item + "\n"
		if got := status(runMarkdown(t, rs, md), tc.rule); got != tc.want {
			t.Errorf("%q under %q: %s %s, want %s", tc.item, tc.lead, tc.rule, got, tc.want)
		}
	}
}

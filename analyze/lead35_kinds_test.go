package analyze

import (
	"strings"
	"testing"
)

// TestLead35Kinds: kinds of fault of a blind batch's development half
// (corpus-w), reproduced with sentences of our own writing.
func TestLead35Kinds(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		// GDPR Articles 32 to 36 (Art. 36: prior consultation) written as a
		// range without spaces.
		{"Articles 32-36 without spaces", []string{"The Supplier shall help the Client meet Articles 32-36 GDPR (security, breach notification, DPIA)."}, "regulator-cooperation", StatusMet},
		{"Art. 32–36 with an en dash", []string{"The Supplier shall help the Client meet Art. 32–36 of the GDPR."}, "regulator-cooperation", StatusMet},
		// Help with no object of its own, after the customer's notice to
		// the regulator in the sentence before.
		{"assist as needed after the customer's notice to the authority", []string{"The Client is responsible for notifying the supervisory authority as the law requires. The Supplier will assist as needed."}, "regulator-cooperation", StatusMet},
		{"help with such notifications", []string{"The Client must notify regulators of a breach itself. The Supplier will give reasonable help with such notifications."}, "regulator-cooperation", StatusMet},
		{"assist as needed after a password duty", []string{"The Client shall keep its passwords secret. The Supplier will assist as needed."}, "regulator-cooperation", StatusMissing},
		// A technical examination of systems is a test, no audit right.
		{"examination of container images", []string{"We run checks that enable the examination of container images and host configurations for misconfigurations."}, "audit-rights", StatusMissing},
	})
}

// TestLead35Headed: the customer's tester reports what it finds to the
// vendor, under a heading that names penetration tests: no assurance
// report shared with the customer (corpus-w dev kind; our own sentences).
func TestLead35Headed(t *testing.T) {
	rs := loadRules(t)
	pre := `This page is published by Northwind Cloud Ltd ("Northwind" or the "Supplier").`
	for _, tc := range []struct{ name, heading, items, rule, want string }{
		{"findings reported to the vendor by name", "Penetration Testing", "Clients may test the service with approval. Such testing must follow Northwind's provided terms, and any weaknesses found must be reported to Northwind within two days.", "security-reports", StatusMissing},
		{"findings reported to the vendor by role", "Penetration Testing", "Clients may test the service with approval. Such testing must follow the Supplier's provided terms, and any weaknesses found must be promptly reported to the Supplier.", "security-reports", StatusMissing},
		{"the vendor's own summary still counts", "Penetration Testing", "The Supplier will provide Clients with a summary of its annual penetration test on request.", "security-reports", StatusMet},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := runHeaded(t, rs, pre, tc.heading, tc.items)
			if got := status(res, tc.rule); got != tc.want {
				t.Errorf("%s: got %s, want %s", tc.rule, got, tc.want)
			}
		})
	}
}

// TestLead35FlagOfTheClause: a clause that says the vendor may change the
// terms without notice, then that renewal is acceptance of the changes,
// is quoted for the first (new-user trial 35; our own sentences): assent
// by renewal yields to another flag of the rule in its clause.
func TestLead35FlagOfTheClause(t *testing.T) {
	rs := loadRules(t)
	md := "# Hosting Terms\n\nHost Co. (\"Provider\") hosts the Customer's web application.\n\n## Changes\n\nWE MAY IN OUR DISCRETION CHANGE THIS AGREEMENT AT ANY TIME WITHOUT NOTICE TO YOU. ANY RENEWAL OF YOUR PLAN AFTER WE MAKE SUCH CHANGES CONSTITUTES YOUR ACCEPTANCE OF THE CHANGES.\n"
	res := runMarkdown(t, rs, md)
	for _, f := range res.Findings {
		if f.Rule != "change-notice" {
			continue
		}
		if len(f.RedFlags) != 1 || f.RedFlags[0].ID != "change-without-notice" || !strings.Contains(f.RedFlags[0].Evidence.Text, "WITHOUT NOTICE") {
			t.Errorf("red flags: got %+v, want one change-without-notice quoting the WITHOUT NOTICE sentence", f.RedFlags)
		}
		return
	}
	t.Fatal("no change-notice finding")
}

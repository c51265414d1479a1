package analyze

import "testing"

// Kinds found on the dev half of batch corpus-z (issue 11), each written
// here in our own sentences: a customer duty that is no security duty of
// its own (credits kept on the account to pay for the service, a lawful
// transfer, a limit on how often it may use a right) is not read as the
// customer's security duties, even under a security heading.
func TestCorpuszCustomerDutyNoSecurityDuty(t *testing.T) {
	rs := loadRules(t)
	head := "# Courier Portal Terms\n\nBramble Freight Ltd (\"Provider\") runs the Courier Portal for the Customer.\n\n## 4. Security and Audits\n\n"
	for _, tc := range []struct {
		name, text string
	}{
		{"prepaid credits on the account", "You are responsible for keeping enough prepaid credits on your account to send messages.\n"},
		{"a sufficient balance", "The Client must ensure its account balance is sufficient to cover the fees.\n"},
		{"a bank account linked", "You must ensure your bank account is properly connected for the receipt of funds.\n"},
		{"an approval a law requires", "Where the data protection laws require the Client to secure an authorization or approval from a public body, the Client remains responsible for obtaining it.\n"},
		{"a lawful transfer", "The Customer must ensure that any transfer of personal data to a third country is legal and subject to appropriate safeguards under applicable data protection law.\n"},
		{"a right used once a year", "The Client shall not invoke this right more than once in any twelve-month period, save following a confirmed incident.\n"},
		{"a right used at most once", "The Client will exercise such right at most once each calendar year, except following a confirmed incident.\n"},
		{"rights under the clause", "Customer shall not exercise its rights under this clause more than once annually unless following a breach.\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := runMarkdown(t, rs, head+tc.text)
			if f := finding(res, "customer-responsibilities"); f != nil && f.Status != "missing" {
				t.Errorf("customer-responsibilities %s, want missing: %+v", f.Status, f.Evidence)
			}
		})
	}
}

// The customer's own security duties under the same heading are still
// read.
func TestCorpuszCustomerSecurityDutyKept(t *testing.T) {
	rs := loadRules(t)
	head := "# Courier Portal Terms\n\nBramble Freight Ltd (\"Provider\") runs the Courier Portal for the Customer.\n\n## 4. Security and Audits\n\n"
	for _, text := range []string{
		"The Client shall keep its account passwords confidential and change them at least once a year.\n",
		"The Client shall follow the security guidelines in the Documentation.\n",
		"You are responsible for the security of the devices you use to reach your account.\n",
	} {
		res := runMarkdown(t, rs, head+text)
		if f := finding(res, "customer-responsibilities"); f == nil || f.Status != "met" {
			t.Errorf("customer-responsibilities not met on %q", text)
		}
	}
}

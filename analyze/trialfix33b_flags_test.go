package analyze

import (
	"strings"
	"testing"
)

// TestTrial31RedFlags (issue 11, trial31): a suspension of the customer's
// access at the vendor's will, and a deletion of the customer's data
// after unpaid months with no notice, are red flags; a suspension for a
// stated cause after notice, and a deletion told ahead, are not. Each row
// is a sentence written for the test.
func TestTrial31RedFlags(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		text, rule, flag string
		want             bool
	}{
		{"The Provider can suspend or end anyone's access to the Service at any time for any reason.", "service-levels", "suspend-at-will", true},
		{"We may suspend or terminate your access to the platform at any time, with or without cause.", "service-levels", "suspend-at-will", true},
		{"The Supplier may suspend the Client's access to the Service at its sole discretion.", "service-levels", "suspend-at-will", true},
		{"The Supplier may suspend the Client's access after thirty days' written notice if an invoice remains unpaid.", "service-levels", "suspend-at-will", false},
		{"The Client may end its subscription at any time for any reason.", "service-levels", "suspend-at-will", false},
		{"If you stop paying, we will suspend your account at once, and we may delete it after 3 months of not paying.", "data-return-exit", "delete-at-will", true},
		{"Accounts left unpaid for ninety days may be deleted by the Supplier.", "data-return-exit", "delete-at-will", true},
		{"Where an invoice stays unpaid for sixty days, the Supplier may erase the Client's data after giving the Client thirty days' notice to export them.", "data-return-exit", "delete-at-will", false},
	} {
		res := run(t, rs, Options{}, tc.text)
		if got := hasRedFlag(res, tc.rule, tc.flag); got != tc.want {
			t.Errorf("%q: %s red flag %v, want %v", tc.text, tc.flag, got, tc.want)
		}
	}
}

// TestQuoteAfterInlineItems: a sentence after an inline list of items
// ("You may not: (1) ...; (2) ...; (3) .... We will ...") is quoted as the
// document says it, not joined to the list's lead-in by the items'
// leftover semicolons ("You may not: ; ; We will ...").
func TestQuoteAfterInlineItems(t *testing.T) {
	rs := loadRules(t)
	md := "# Terms of Use\n\n## 4. Use of the App\n\nYour use of the app is subject to these terms. You may not: (1) copy or resell the app or any part of it to anyone; (2) probe, scan or test the servers that run the app in any way; (3) use the app to send unsolicited messages to other users. We will notify you of any security breach affecting your account within 72 hours.\n\n## 5. Fees\n\nYou will pay the fees shown in the app store.\n"
	res := runMarkdown(t, rs, md)
	flat := strings.Join(strings.Fields(md), " ")
	n := 0
	for _, f := range res.Findings {
		for _, e := range f.Evidence {
			if !strings.Contains(e.Text, "security breach") {
				continue
			}
			n++
			if !strings.Contains(flat, strings.Join(strings.Fields(e.Text), " ")) {
				t.Errorf("%s quotes %q, not in the document", f.Rule, e.Text)
			}
		}
	}
	if n == 0 {
		t.Error("the breach notice is quoted nowhere")
	}
}

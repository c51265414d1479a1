package analyze

import "testing"

// TestPlaceholderPointsNowhere: a template's placeholder ("{notice_email}",
// "{security_page_url}") is no address of another document: a sentence
// that states its term and names a placeholder is no pointer.
func TestPlaceholderPointsNowhere(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct{ rule, clause string }{
		{"vendor-security", "Supplier will encrypt Customer Data at rest and in transit and will apply the access controls described at {security_page_url}."},
		{"subprocessors", "Supplier will notify Customer thirty days before engaging a new subprocessor, by e-mail to {notice_email}."},
	} {
		res := run(t, rs, Options{}, tc.clause)
		if got := status(res, tc.rule); got == StatusByReference || got == "absent from findings" || got == StatusMissing {
			t.Errorf("%s: %s for %q", tc.rule, got, tc.clause)
		}
	}
}

package analyze

import "testing"

// TestTrial46HeadingNamesTheGround: a termination right under a heading
// that names its ground ("Termination for Convenience") has that ground,
// though its sentence does not repeat it: weak, as "for convenience" in
// the sentence is (new-user trial 46, issue 11; our own sentences). A
// heading naming a security ground, or none, leaves the sentence as it
// reads.
func TestTrial46HeadingNamesTheGround(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		name, md, want string
	}{
		{"convenience heading", "# Subscription Terms\n\n## 9. Term and Termination\n\n**9.1 Termination for Convenience**\n\nEither party may end this Agreement on written notice:\n- Monthly plans: 15 days notice\n- Yearly plans: 45 days before renewal\n", StatusWeak},
		{"without cause heading", "# Service Terms\n\n## 4. Ending the Service\n\n### 4.1 Termination Without Cause\n\nThe Client may terminate this Agreement by giving the Supplier ninety days' written notice.\n", StatusWeak},
		{"security ground in the sentence", "# Service Terms\n\n## 4. Ending the Service\n\n### 4.1 Termination for Convenience\n\nThe Client may also terminate this Agreement at once if the Supplier suffers a security breach affecting Client Data.\n", StatusMet},
		{"security heading", "# Service Terms\n\n## 4. Ending the Service\n\n### 4.2 Termination for Security Breach\n\nThe Client may terminate this Agreement immediately on written notice if the Supplier materially breaches its security obligations.\n", StatusMet},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := status(runMarkdown(t, rs, tc.md), "termination-rights"); got != tc.want {
				t.Errorf("termination-rights: got %s, want %s", got, tc.want)
			}
		})
	}
}

package analyze

import "testing"

// TestDocs47TierResponseTimes: service levels given per support tier as
// list items under a binding lead-in ("will provide support according to
// the plan:" then "- Email support (12-hour response)") are response times
// in hours: met, as "response time of 12 hours" is (new-user trial 46,
// issue 11; our own sentences). A list with no time, or a time that is no
// response, stays missing.
func TestDocs47TierResponseTimes(t *testing.T) {
	rs := loadRules(t)
	const head = "# Hosting Services Agreement\n\nThis Hosting Services Agreement is between Nimbleware Ltd (\"Provider\") and the customer (\"Customer\").\n\n## 4. Support\n\n**4.1 Support Levels**\n\n"
	for _, tc := range []struct {
		name, body, want string
	}{
		{"tiers under sub-headings", "Provider will provide support services according to the Customer's plan:\n\n**Basic Plan:**\n- Email support (12-hour response, weekdays)\n- Online help centre\n\n**Premium Plan:**\n- Email and chat support (2-hour response, every day)\n- Named support engineer\n", StatusMet},
		{"plain list", "The Supplier shall provide technical support at the level of the Client's package:\n- Standard: ticket support (one-business-day response)\n- Gold: telephone support (30-minute response time)\n", StatusMet},
		{"response first", "Nimbleware will support the Customer as follows:\n- Critical faults: response within 2 hours, around the clock\n- Minor faults: response within 3 business days\n", StatusMet},
		{"no times", "Provider will provide support services according to the Customer's plan:\n- Email support\n- Online help centre\n", StatusMissing},
		{"hours of support, no response", "Provider will provide support services during these hours:\n- Email support (8-hour day, weekdays)\n- Chat support (12 hours a day)\n", StatusMissing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := status(runMarkdown(t, rs, head+tc.body+"\n## 5. Fees\n\nCustomer shall pay the fees in the Order Form within thirty days of invoice.\n"), "service-levels"); got != tc.want {
				t.Errorf("service-levels: got %s, want %s", got, tc.want)
			}
		})
	}
}

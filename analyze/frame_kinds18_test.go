package analyze

import "testing"

// TestFrameKinds18: kinds of fault new users met on outside documents,
// each reproduced with sentences of our own writing (issue 11, frames18).
func TestFrameKinds18(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		// b. A conceding clause that opens the sentence ("While Provider
		// may ..., it is not obliged to ...") is neither a promise nor the
		// main clause's negation.
		{"a conceded notice is no promise", []string{"While Provider may notify Customer of suspected security incidents, it is under no obligation to do so."}, "breach-notification", StatusMissing},
		{"a conceded assistance is no promise", []string{"Although Provider may assist Customer with a Security Incident investigation, Provider is not obliged to provide forensic services."}, "incident-cooperation", StatusMissing},
		{"the main clause after a concession binds", []string{"Although Provider may suspend the Services for maintenance, Provider shall notify Customer of any Security Breach within 48 hours."}, "breach-notification", StatusMet},
		// c. What is given at the vendor's judgement ("as Provider
		// considers appropriate", "to the extent it deems necessary") is
		// a weak promise, never a full one.
		{"information as the vendor considers appropriate", []string{"Provider will provide such information about the Security Incident as Provider considers appropriate, including its likely consequences."}, "notification-content", StatusWeak},
		{"assistance to the extent the vendor deems necessary", []string{"Provider will assist Customer in investigating any Security Incident to the extent it reasonably deems necessary."}, "incident-cooperation", StatusWeak},
		{"a report as the vendor deems appropriate", []string{"Provider will make its SOC 2 Type II report available to Customer as Provider deems appropriate."}, "security-reports", StatusWeak},
		{"information the customer requires stays whole", []string{"Provider will make its SOC 2 Type II report available to Customer as Customer reasonably considers necessary."}, "security-reports", StatusMet},
		// d. A named company hosting the data or the service for the
		// vendor is a subprocessor disclosed, and nothing more.
		{"data hosted by a named cloud", []string{"You acknowledge and agree that your data will be hosted and stored by Salesforce on its platform."}, "subprocessors", StatusWeak},
		{"the service hosted on a named cloud", []string{"The Service is hosted on Amazon Web Services, Inc. infrastructure in its data centres in Virginia."}, "subprocessors", StatusWeak},
		{"the vendor's own hosting names no one", []string{"The Service is hosted by Provider in its own data centres in Frankfurt, Germany."}, "subprocessors", StatusMissing},
		// e. The vendor's own incident response, described, owes the
		// customer nothing: weak, not met; a duty to investigate stays met.
		{"an on-call team responding to incidents", []string{"Our security team is on call around the clock and responds to security incidents following a documented incident response plan."}, "incident-cooperation", StatusWeak},
		{"a duty to investigate and mitigate", []string{"Provider shall investigate the Security Incident and take reasonable steps to mitigate its effects."}, "incident-cooperation", StatusMet},
		// f. A Markdown table's row is read with its header: "| Priority 1
		// | 1 hour |" under "| Priority | Response time |" is a response
		// time of one hour.
		{"a support table read with its header", []string{"Provider will provide technical support to Customer by email.\n\n| Priority | Description | Response time |\n|---|---|---|\n| Priority 1 | The Service is unavailable for all users | 1 hour |\n| Priority 2 | A major feature is degraded | 4 hours |"}, "service-levels", StatusMet},
	})
}

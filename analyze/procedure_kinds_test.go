package analyze

import "testing"

// TestProcedureStepsBindNoReader: the bare verbs under a heading naming a
// procedure the document describes ("Security Incident Response
// Procedures") are its steps, not the customer's security duties; under a
// heading naming the customer, or a plain topic heading, they stay the
// reader's (sentences of our own writing).
func TestProcedureStepsBindNoReader(t *testing.T) {
	rs := loadRules(t)
	pre := `This Agreement is between Orbis Cloud Ltd ("Processor") and the customer ("Controller"). Processor hosts the Controller's records.`
	for _, tc := range []struct{ name, heading, items, want string }{
		{"steps of the vendor's response procedure", "Security Incident Response Procedures", "Isolate affected hosts. Implement fixes and verify them. Maintain chain of custody.", StatusMissing},
		{"steps of a breach handling process", "Security Breach Handling Process", "Rotate exposed credentials. Implement fixes.", StatusMissing},
		{"the customer's procedure by its name", "Controller Security Incident Response Procedures", "Keep all account passwords confidential. Implement fixes.", StatusMet},
		{"orders to the reader under a topic heading", "Account Security", "Keep all account passwords confidential. Notify Processor of any unauthorised use of your account.", StatusMet},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := runHeaded(t, rs, pre, tc.heading, tc.items)
			if got := status(res, "customer-responsibilities"); got != tc.want {
				t.Errorf("customer-responsibilities: got %s, want %s", got, tc.want)
			}
		})
	}
}

// TestRegulatoryNotificationIsRegulatorCooperation: helping the customer
// with its notices to regulators, named by the adjective ("regulatory
// notification obligations"), is cooperation with the regulator; the
// customer's own notices, or compliance in general, are not (corpus-v dev,
// sentences of our own writing).
func TestRegulatoryNotificationIsRegulatorCooperation(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"the vendor supports the customer's regulatory notices", []string{"The Supplier will support the Client's regulatory notification duties after an incident."}, "regulator-cooperation", StatusMet},
		{"the vendor helps with regulatory reporting", []string{"Provider shall assist Customer with any regulatory reporting that a Security Incident requires."}, "regulator-cooperation", StatusMet},
		{"the customer's own regulatory notices", []string{"Customer shall make any regulatory notifications that a Security Incident requires."}, "regulator-cooperation", StatusMissing},
		{"compliance in general", []string{"The Supplier will comply with all regulatory requirements that apply to it."}, "regulator-cooperation", StatusMissing},
	})
}

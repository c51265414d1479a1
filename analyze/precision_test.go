package analyze

import "testing"

// TestNoFindingWithoutTheTerm: sentences of our own writing, each a kind of
// false finding seen on real agreements (issue 11, precision): a term
// reported present where a careful reader finds it is not there.
func TestNoFindingWithoutTheTerm(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []statusCase{
		// The data subjects a notice goes to are its recipients, not its content.
		{"affected data subjects are the notice's recipients", []string{"Provider will help Customer to notify the supervisory authority and the affected data subjects of a Personal Data Breach."}, "notification-content", StatusMissing},
		{"affected information systems are no notice content", []string{"When Provider discovers a Security Incident, it shall keep copies of the affected information systems and their logs for 90 days from the submission of its incident report."}, "notification-content", StatusMissing},
		{"affected data is still notice content", []string{"Provider shall notify Customer of any Security Incident within 48 hours and describe the affected data and the number of affected data subjects."}, "notification-content", StatusMet},
		// Measures that help prevent an incident assist no one with one.
		{"measures that help protect are no assistance", []string{"These safeguards are designed to help protect Customer Data against unauthorized access or disclosure."}, "incident-cooperation", StatusMissing},
		{"a login feature is no assistance", []string{"Customer acknowledges that the Service supports login with multi-factor authentication, which lowers the risk of unauthorized access to its account."}, "incident-cooperation", StatusMissing},
		{"helping the customer with an incident is assistance", []string{"Provider will help Customer investigate and mitigate any Security Incident at no additional cost."}, "incident-cooperation", StatusMet},
		// The customer's own security duties: custody, indemnities, lists
		// and things named after the customer are none.
		{"records in its possession or control", []string{"Upon Provider's request, Customer shall return all audit records and security documentation in its possession or control."}, "customer-responsibilities", StatusMissing},
		{"an indemnity is no security duty", []string{"Customer shall defend, indemnify and hold harmless Provider against any claims arising from content shared through Customer's account."}, "customer-responsibilities", StatusMissing},
		{"the following categories are no duty to follow", []string{"Customer may upload the following categories of data to the Service: names, e-mail addresses and log-in details."}, "customer-responsibilities", StatusMissing},
		{"a plural thing named after the customer is no subject", []string{"Data from the various customer environments is logically separated on Provider's systems to ensure the security of each."}, "customer-responsibilities", StatusMissing},
		{"the customer's credential duty", []string{"Customer shall keep its account credentials confidential and follow the security guidance Provider publishes."}, "customer-responsibilities", StatusMet},
		// The reach of a licence grant is no place where data is kept.
		{"a worldwide licence is no data location", []string{"Subject to the terms of these Terms, you hereby grant us a worldwide, non-exclusive, royalty-free licence to host, copy and store Customer Content, solely to provide the Services."}, "data-location", StatusMissing},
		{"storing data anywhere is still data location", []string{"Provider may store and process Customer Data worldwide."}, "data-location", StatusWeak},
		// Performing the service hands over no document.
		{"systems used to provide the services disclose nothing", []string{"The Provider shall put in place tools to find vulnerabilities in the systems it uses to provide the Services to the Customer."}, "vulnerability-disclosure", StatusMissing},
		{"providing adequate security discloses nothing", []string{"The Provider shall apply other security measures when it determines that they are needed to provide adequate security against a known vulnerability."}, "vulnerability-disclosure", StatusMissing},
		{"telling the customer of a vulnerability is disclosure", []string{"The Provider shall provide the Customer with a report of any critical vulnerability in the Services within five days."}, "vulnerability-disclosure", StatusMet},
	}
	checkStatuses(t, rs, tests)
}

// TestPossibilityIsNoPredicate: "who may have been affected" states a
// possibility, no permission; its words stay in the predicate before it,
// whose negation reaches them.
func TestPossibilityIsNoPredicate(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	checkPredicates(t, rs, []predicateCase{
		{"The parties agree that there will be no obligation on Provider to give information about the persons who may have been affected, or a description of the type of information that may have been subject to a Security Incident.", 1},
		{"Provider shall notify the individuals who may be affected by a Security Incident.", 1},
		// A permission after a relative word stays a predicate of its own.
		{"Provider shall name a contact who may be reached at any time, and Customer may audit Provider once a year.", 3},
	})
}

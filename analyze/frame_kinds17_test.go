package analyze

import (
	"context"
	"slices"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestFrameKindsOfNewUsers: frame faults (polarity, modality, actor) that
// new-user trials met on real agreements, each reproduced with sentences
// of our own writing (issue 11, scope17).
func TestFrameKindsOfNewUsers(t *testing.T) {
	rs := loadRules(t)
	tests := []statusCase{
		// 1. A list's negative lead-in ends with its list: a line that
		// opens another list or part is no item of it.
		{"a new lead-in after a negated list", []string{"Provider is not responsible for:\n- any loss caused by a failure to install updates;\n- outages of third-party networks.\nCustomer responsibilities:\n- keeping its passwords and credentials confidential;\n- maintaining the security of its user accounts."}, "customer-responsibilities", StatusMet},
		// An item's later sentence with a subject of its own is no
		// complement of the list's lead-in.
		{"an item's own later sentence", []string{"You are responsible for:\n- Drafting a privacy notice for your forms. We also publish our retention schedule and the features we use to protect the security of the platform.\n- Obtaining the consent your forms need."}, "customer-responsibilities", StatusMissing},
		{"an item's own later sentence of the vendor", []string{"Provider is responsible for:\n- Hosting the platform. You must keep your account passwords confidential."}, "customer-responsibilities", StatusMet},
		// "You are responsible for:" then a gerund paragraph and "This
		// includes:": the items are the customer's, not the vendor's.
		{"items of a pointing lead-in keep its party", []string{"You are responsible for:\n\nEnsuring the API key of your form is secure. This includes:\n\n- Storing the API key in a safe place.\n- Using encrypted email to send the key to authorised staff."}, "vendor-security", StatusMissing},
		{"a gerund paragraph after a lead-in is its item", []string{"You are responsible for:\n\nEnsuring the API key of your form is secure. This includes:\n\n- Storing the API key in a safe place.\n- Using encrypted email to send the key to authorised staff."}, "customer-responsibilities", StatusMet},
		// 2. "in no event shall X" negates its own clause, not the duty
		// before the semicolon.
		{"an inverted negation after a duty", []string{"Provider shall cooperate with any supervisory authority in the performance of its tasks; in no event shall Provider be liable for fines imposed on Customer by such authority."}, "regulator-cooperation", StatusMet},
		// 3. "may not" forbids: graded as it is matched, a binding
		// prohibition.
		{"may not engage without consent", []string{"Provider may not engage any subprocessor without Customer's prior written consent."}, "subprocessors", StatusMet},
		{"may not share a password", []string{"Customer may not disclose its account credentials to any person."}, "customer-responsibilities", StatusMet},
		// 4. A relative clause's "may" qualifies its noun: it neither
		// splits the sentence nor weakens the duty.
		{"measures which may include", []string{"Provider shall implement appropriate technical and organisational measures, which may include encryption, pseudonymisation and access controls, to protect Customer Data."}, "vendor-security", StatusMet},
		{"an incident which may include", []string{"Provider shall notify Customer of any Security Incident, which may include unauthorised access to Customer Data, within 24 hours."}, "breach-notification", StatusMet},
		{"safeguards which may be updated", []string{"Provider will maintain safeguards, which may be updated from time to time, to protect Customer Data against unauthorised access."}, "vendor-security", StatusMet},
		// 5. The actor of a proviso or condition is not the actor of the
		// main clause.
		{"the customer's proviso is no vendor log access", []string{"Provider will issue a Service Credit if Customer provides Provider with the logs showing the downtime."}, "log-access", StatusMissing},
		{"the customer's proviso is no audit information", []string{"Provider shall remedy the failure within thirty days, provided that Customer gives written notice of the failure and makes its records available to Provider."}, "audit-rights", StatusMissing},
		{"credits issued on the customer's logs", []string{"Service Credits will be issued to Customer, provided that Customer submits a claim together with its system logs and makes them available to Provider."}, "log-access", StatusMissing},
		{"the customer's request keeps the vendor's duty", []string{"Provider shall, if Customer so requests, make the audit logs available to Customer."}, "log-access", StatusMet},
		{"the vendor's own proviso stays the vendor's", []string{"Provider may engage subprocessors, provided that Provider makes its list of subprocessors available to Customer and notifies Customer of any new subprocessor 30 days in advance."}, "subprocessors", StatusMet},
	}
	checkStatuses(t, rs, tests)

	// The customer's list after a heading line is no item of the vendor's
	// negated list: no security disclaimer.
	res := run(t, rs, Options{}, "Provider is not responsible for:\n- any loss caused by a failure to install updates;\n- the availability of third-party networks.\nCustomer Responsibilities\n- maintaining the security of its user accounts and devices;\n- keeping its passwords confidential.")
	if got := redFlagSections(res); len(got) > 0 {
		t.Errorf("a heading line after a negated list: red flags %q, want none", got)
	}

	// A heading that is a list's lead-in ("### Nimbus is responsible
	// for:") names the party of the gerunds under it: the vendor's
	// encryption is no customer duty, and it binds the vendor.
	heads := []struct {
		name, heading, items, rule, want string
	}{
		{"the vendor's list under its heading", "Nimbus is responsible for", "- Hosting and supporting the platform.\n- Encrypting all client data at rest and in transit with current ciphers.", "vendor-security", StatusMet},
		{"the vendor's list is no customer duty", "Nimbus is responsible for", "- Hosting and supporting the platform.\n- Keeping the platform's administrator passwords and credentials confidential.", "customer-responsibilities", StatusMissing},
		{"the customer's list under its heading", "The client is responsible for", "- Keeping its account passwords confidential.\n- Managing which of its staff have access to the platform.", "customer-responsibilities", StatusMet},
	}
	for _, tc := range heads {
		a := agreement(`This agreement is between Nimbus Hosting Ltd ("Nimbus") and the client.`)
		id := `"` + tc.heading + `"`
		a.Clauses = append(a.Clauses, extract.Clause{ID: id, Heading: tc.heading, Text: tc.heading + ":\n\n" + tc.items})
		res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := status(res, tc.rule); got != tc.want {
			t.Errorf("%s: %s %s, want %s", tc.name, tc.rule, got, tc.want)
		}
	}

	// A list item without a verb is the complement of its lead-in: the
	// lead-in's subject acts, not a party named in the item's object.
	for _, item := range []string{"the acts of Customer or its users.", "the security of the account credentials of Customer;"} {
		f := buildFrame("Provider is not responsible for:", item, rs.Vocabulary, nil, nil)
		if len(f.preds) == 0 || f.preds[0].actor != PartyVendor || !f.preds[0].noDuty {
			t.Errorf("%q under a vendor's lead-in: %+v, want the vendor denying the duty", item, f.preds)
		}
	}

	// The inverted subject names the actor of its predicate.
	f := buildFrame("", "Provider shall cooperate with any supervisory authority; in no event shall Provider be liable for fines imposed by such authority.", rs.Vocabulary, nil, nil)
	var got []string
	for _, p := range f.preds {
		got = append(got, string(p.actor)+" "+f.regionText(p.from, p.to))
	}
	want := []string{"vendor Provider shall cooperate with any supervisory authority;", "vendor in no event shall Provider be liable for fines imposed by such authority."}
	if !slices.Equal(got, want) {
		t.Errorf("predicates %q, want %q", got, want)
	}
}

package analyze

import (
	"slices"
	"strings"
	"testing"
)

// TestTrial29aKinds: kinds of fault a new user's trial (trial29a) found on
// outside documents, each reproduced with sentences of our own writing.
func TestTrial29aKinds(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		// Staying liable binds as being liable does: "We remain liable for
		// any subcontractors used in ..." is the vendor's, not the
		// participle's ("used") third party's.
		{"remain liable for subcontractors used", []string{"We may subcontract all or part of the Services to qualified vendors named on our website. We remain liable for any subcontractors used in the performance of our obligations."}, "subprocessors", StatusWeak},
		// GDPR Art. 28(2)'s own words: a general authorisation "to engage
		// processors" is the processor's subprocessors.
		{"a general authorisation to engage processors", []string{"By accepting these Terms, the Customer gives the Provider a general authorisation to engage processors to run the Service."}, "subprocessors", StatusWeak},
		// A requirements list naming an internal process ("a reporting
		// process must be introduced for breaches") tells no one of
		// anything.
		{"a reporting process to be introduced", []string{"Requirement: A documented reporting and handling process must be introduced for security incidents."}, "breach-notification", StatusMissing},
		{"a notice promise stays met", []string{"The Supplier shall report any security incident to the Client within 24 hours."}, "breach-notification", StatusMet},
	})
}

// TestTrial29aRedFlags: a carve-out for the customer's own fault and a
// free trial's deletion are no red flags; the vendor's own disclaimer and
// a deletion at will still are.
func TestTrial29aRedFlags(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		text, rule, flag string
		want             bool
	}{
		{"Provider shall not be liable to the Customer for any consequences resulting from any disclosure, loss or unauthorized use of the Customer's passwords caused by the Customer's failure to keep them confidential.", "vendor-security", "security-disclaimer", false},
		{"Provider is not liable for any loss arising from Customer's disclosure of its own login credentials.", "vendor-security", "security-disclaimer", false},
		{"Provider is not responsible for the security of Customer Data.", "vendor-security", "security-disclaimer", true},
		{"If the Customer does not move to a paid plan by the end of its free trial, Provider may delete the trial account and the data stored in it.", "data-return-exit", "delete-at-will", false},
		{"Provider may delete your account and all of your content at any time.", "data-return-exit", "delete-at-will", true},
	} {
		res := run(t, rs, Options{}, tc.text)
		got := hasRedFlag(res, tc.rule, tc.flag)
		if got != tc.want {
			t.Errorf("%q: %s red flag %v, want %v", tc.text, tc.flag, got, tc.want)
		}
	}
}

// TestTrial29aElements: an element stated in the clause's own words is not
// "not stated": the vendor liable for its subprocessors' processing
// activities, information about its compliance in a sibling sub-clause.
func TestTrial29aElements(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		clauses       []string
		rule, element string
	}{
		{[]string{"Use of sub-processors. (a) You consent to the sub-processors listed on our website. We are liable for the hosting activities of our sub-processors as if they were our own. (b) We shall notify You at least four weeks before engaging any new sub-processor, and You may object to it."}, "subprocessors", "liability"},
		{[]string{"Audits. (a) On request, we shall make available to you information about our compliance with this agreement in the form of independent audit reports. (b) You may audit our processing facilities once a year on 30 days' notice."}, "audit-rights", "information"},
	} {
		res := run(t, rs, Options{}, tc.clauses...)
		found := false
		for _, f := range res.Findings {
			if f.Rule != tc.rule {
				continue
			}
			for _, e := range f.Elements {
				if e.ID == tc.element && e.Found {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("%s: element %s not found in %q", tc.rule, tc.element, tc.clauses)
		}
	}
}

// TestTrial29aNoGuarantee: the security promise taken back past a
// semicolon of the same sentence is weak for that reason, also when the
// sentence ends on a carve-out for the customer's own fault (no red flag).
func TestTrial29aNoGuarantee(t *testing.T) {
	rs := loadRules(t)
	res := run(t, rs, Options{}, "Provider employs industry-standard measures to protect your data; however, we cannot guarantee absolute security and shall not be liable for any unauthorised access resulting from your failure to secure your password.")
	for _, f := range res.Findings {
		if f.Rule != "vendor-security" {
			continue
		}
		if f.Status != StatusWeak || !slices.Contains(f.Weakeners, "the vendor does not guarantee the security it describes") || len(f.RedFlags) > 0 {
			t.Errorf("vendor-security: %s, weakeners %q, %d red flags; want weak for the missing guarantee, no red flag", f.Status, f.Weakeners, len(f.RedFlags))
		}
	}
}

// TestTrial29aCheckMarks: a checklist's tick marks drawn after its rows
// (a two-column PDF) are no words of the quote; one "X" of a name stays.
func TestTrial29aCheckMarks(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Backups are kept in a second building\nSmoke detectors in every office\nX\nX\nX", "Backups are kept in a second building Smoke detectors in every office"},
		{"Access is logged X X ✓ and reviewed monthly.", "Access is logged and reviewed monthly."},
		{"The measures of Annex X apply.", "The measures of Annex X apply."},
	} {
		if got := trimQuote(tc.in); got != tc.want {
			t.Errorf("trimQuote(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestTrial29aLeadQuote: the lead quote is the sentence that carries the
// rule's core frame (the grant, the deletion, the place); the limits and
// the safeguards are quoted beside it.
func TestTrial29aLeadQuote(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		rule, text, lead string
	}{
		// A phrase set off by commas between the modal and the verb
		// ("We shall, upon termination ..., delete") hides no verb.
		{"data-return-exit", "Return and deletion. We shall, upon termination of the Agreement and upon Your written instruction, delete Customer Data within 30 days. Upon termination of the Agreement and on Your request, we shall certify the deletion of Customer Data.", "We shall, upon termination"},
		// A grant weak by its notice period leads over the clause's cap.
		// A sentence about a data subject's request names a subprocessor
		// in passing: the notice of new subprocessors leads (the verb
		// found past "shall, to the extent the law allows," made the two
		// equal).
		{"subprocessors", "Other duties. Provider shall, to the extent the law allows, tell Customer if Provider or any Sub-processor receives a request from a data subject to exercise their rights.\nFurther duties. Provider shall give Customer notice of any new Sub-processor at least 30 days before engaging it.", "Provider shall give Customer notice"},
		{"audit-rights", "Audits. You may audit Our processing facilities on 30 days' notice. Such audit will take place at most once per calendar year. You may request more frequent audits if We notify You of a Personal Data Breach; provided that in no event shall there be more than three audits in any twelve-month period.", "You may audit Our processing facilities"},
	} {
		res := run(t, rs, Options{}, tc.text)
		if tc.rule == "subprocessors" {
			res = run(t, rs, Options{}, strings.Split(tc.text, "\n")...)
		}
		for _, f := range res.Findings {
			if f.Rule != tc.rule {
				continue
			}
			if len(f.Evidence) == 0 {
				t.Errorf("%s: no quote, want one beginning %q", tc.rule, tc.lead)
			} else if !strings.HasPrefix(f.Evidence[0].Text, tc.lead) {
				t.Errorf("%s: lead quote %q, want it to begin %q", tc.rule, f.Evidence[0].Text, tc.lead)
			}
		}
	}
}

package analyze

import (
	"strings"
	"testing"
)

// TestTrial27cKinds: kinds of fault a new user's trial (trial27c) found on
// documents of its own, each reproduced with sentences of our own writing.
func TestTrial27cKinds(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		// Following changes of the law, and telling the customer what it
		// does to comply, is no notice of a change the vendor makes.
		{"changes to the regulations watched", []string{"The Supplier shall track changes to applicable privacy regulations and inform the Client of its compliance work."}, "change-notice", StatusMissing},
		{"changes in the law followed", []string{"Vendor will follow changes in data protection law and keep Customer informed of the steps it takes to comply."}, "change-notice", StatusMissing},
		{"a list of compliance duties", []string{"The Supplier shall: - Track changes to privacy regulations - Put changes in place within the required periods - Inform the Client of its compliance work - Revise procedures as needed"}, "change-notice", StatusMissing},
		{"a list of compliance duties, bulleted", []string{"Vendor shall: - Watch for changes in data protection laws - Tell Customer of its compliance activities - Update its policies and procedures as needed"}, "change-notice", StatusMissing},
		{"amendments to the legislation followed", []string{"The Supplier shall follow amendments to the privacy legislation, inform the Client of its compliance work and update its policies where needed."}, "change-notice", StatusMissing},
		{"a change of the service stays a notice", []string{"The Supplier shall inform the Client of any material change to the Platform."}, "change-notice", StatusMet},
		// Reports of vulnerability scans handed over are no notice of the
		// vulnerabilities that affect the customer, nor a channel to
		// report them: weak.
		{"scan reports on request", []string{"On request, the Supplier will give the Client its most recent vulnerability scan reports."}, "vulnerability-disclosure", StatusWeak},
		{"assessment results shared", []string{"Vendor shall share the results of its annual vulnerability assessments with Customer."}, "vulnerability-disclosure", StatusWeak},
		// The vendor's own staff trained, in a list of measures, with or
		// without the word security: the same term.
		{"staff training in a list of measures", []string{"The Supplier implements: - Access control - Staff training (yearly) - Encryption at rest"}, "awareness-training", StatusWeak},
		{"security awareness and training in a list", []string{"The Supplier implements: - Access control - Security awareness and training - Encryption at rest"}, "awareness-training", StatusWeak},
		{"training on the product is no security training", []string{"Vendor will provide training on the use of the Service to Customer's staff."}, "awareness-training", StatusMissing},
		{"assessments in a list of documents", []string{"The Supplier shall provide: - its ISO 27001 certificate - penetration test summaries - vulnerability assessments"}, "vulnerability-disclosure", StatusWeak},
		{"notice of a vulnerability stays met", []string{"The Supplier will notify the Client of any critical vulnerability affecting the Platform within three days."}, "vulnerability-disclosure", StatusMet},
	})
}

// TestWrappedArticleNoItem: a line opening with "32)" that closes the
// parenthesis the line before left open ("measures (Article\n32)") is a
// wrapped reference, no list item: the sentence is not cut at "(Article".
func TestWrappedArticleNoItem(t *testing.T) {
	text := "The Supplier shall: - keep records of processing - take the measures required (Article\n32) - help the Client answer requests (Articles 12 to 22)"
	bs := splitLines(text)
	if len(bs) != 1 {
		t.Fatalf("got %d blocks, want 1: %v", len(bs), bs)
	}
	if !strings.Contains(bs[0].text, "(Article 32)") {
		t.Errorf("block %q: want the reference whole", bs[0].text)
	}
	// A list numbered "1)", "2)" stays a list.
	if bs := splitLines("The Supplier shall:\n1) keep records;\n2) take the measures required."); len(bs) != 3 {
		t.Errorf("numbered list: got %d blocks, want 3", len(bs))
	}
}

// TestPlaceholderWarningShort: a template full of blanks gets one short
// warning: each placeholder once, the first four named and a count of the
// rest.
func TestPlaceholderWarningShort(t *testing.T) {
	rs := loadRules(t)
	res := run(t, rs, Options{},
		"This Agreement is made on [DATE] between [CLIENT NAME], of [ADDRESS], contact [PHONE], and Quillfeather Ltd (\"Vendor\"), of [VENDOR ADDRESS], contact [PHONE].",
		"Notices go to [EMAIL] or [PHONE], attention [CONTACT PERSON].")
	var msg string
	for _, w := range res.Warnings {
		if w.Code == WarnPlaceholders {
			msg = w.Message
		}
	}
	if strings.Count(msg, `"[PHONE]"`) != 1 || !strings.Contains(msg, "7 unfilled") || !strings.Contains(msg, "and 3 more") {
		t.Errorf("placeholder warning %q: want [PHONE] once, 7 placeholders, 3 more", msg)
	}
}

// TestSubprocessorElementsTrial27c: the customer's approval said of the
// new subprocessor ("new subprocessors require the Client's prior written
// consent"), and the same obligations listed among the conditions of the
// customer's general authorisation, are the elements they state.
func TestSubprocessorElementsTrial27c(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct {
		text, element string
	}{
		{"Additional subprocessors require prior written consent from the Client.", "approval"},
		{"Each new subprocessor requires the Client's prior approval in writing.", "approval"},
		{"The Client's prior approval is not required for new subprocessors.", ""},
		{"The Client gives a general authorisation for the Supplier to use subprocessors, on these conditions: - Notice given 30 days ahead - A written agreement imposing the same obligations", "flow-down"},
	} {
		res := run(t, rs, Options{}, `This agreement is made between Velsa Oy ("Supplier") and the Client.`, tc.text)
		found := false
		for _, f := range res.Findings {
			if f.Rule != "subprocessors" {
				continue
			}
			for _, e := range f.Elements {
				if e.ID == tc.element || (tc.element == "" && e.ID == "approval") {
					found = e.Found
				}
			}
		}
		if found == (tc.element == "") {
			t.Errorf("%q: subprocessors element %s found %v", tc.text, tc.element, found)
		}
	}
}

package analyze

import "testing"

// TestPredicateActor checks who acts in the first predicate of a sentence,
// read on its own (no defined names).
func TestPredicateActor(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		name, sentence string
		want           Party
	}{
		{"passive: the other party acts", "Customer will be notified within 24 hours.", PartyVendor},
		{"passive with its agent", "The Customer will be notified by Provider within 24 hours.", PartyVendor},
		{"a subject that names its agent", "Any transfer of data by the Provider shall be undertaken only with consent.", PartyVendor},
		// The vendor only as the agent of a participle in the subject: the
		// subject is a thing it did, and the passive names no actor.
		{"a thing the vendor did, described", "The technical measures implemented by Provider are listed in Annex 2 of this Agreement.", PartyUnknown},
		{"a thing the vendor did, bound", "The safeguards adopted by Provider shall be reviewed every year.", PartyUnknown},
		{"a thing the customer gave", "Personal data supplied by Customer shall be erased after termination.", PartyUnknown},
		// A possessive before a duty and "to": its owner is to act.
		{"a party's duty named without a verb", "The Customer's obligation to report the breach to the regulator without undue delay.", PartyCustomer},
		// The subject names who does what it describes ("entry ... by the
		// Supplier's staff"): that party, not the other side.
		{"a passive statement whose subject names its doer", "Entry to the server rooms by the Supplier's staff is recorded and audited every quarter.", PartyVendor},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := buildFrame("", tc.sentence, rs.Vocabulary, nil, nil)
			if len(f.preds) == 0 {
				t.Fatalf("no predicate in %q", tc.sentence)
			}
			if got := f.preds[0].actor; got != tc.want {
				t.Errorf("actor %q, want %q", got, tc.want)
			}
		})
	}
}

// TestRelativeClauseNoPredicate checks that a relative clause of a thing
// ("which may ...", "where more information can be obtained") is no
// predicate of its own, while a clause after a verb keeps its own.
func TestRelativeClauseNoPredicate(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		sentence string
		want     int
	}{
		{"Such notice shall name a contact point where more information can be obtained.", 1},
		{"Provider shall notify Customer of any change to the Service which may reduce its security.", 1},
		{"Provider shall report any event that could affect Customer Data.", 1},
		{"Customer agrees that it may not resell the Service.", 2},
		{"Provider shall notify Customer, and Customer may object within ten days.", 2},
	}
	for _, tc := range tests {
		f := buildFrame("", tc.sentence, rs.Vocabulary, nil, nil)
		if got := len(f.preds); got != tc.want {
			t.Errorf("%q: %d predicates, want %d", tc.sentence, got, tc.want)
		}
	}
}

// TestPlaceholderWordsAreNoText: a template's placeholder names a value to
// fill in; its words are not read ("support" in "{{support_email}}" is no
// assistance: a new user's trial found incident cooperation met on a
// contact line), and it is no address the unit points at (issue 11: a
// placeholder is never a pointer to another document).
func TestPlaceholderWordsAreNoText(t *testing.T) {
	rs := loadRules(t)
	for _, s := range []string{
		`{{support_email}} (use subject: "Security Incident")`,
		"Security incidents: {support_team}",
		"Notices go to {{ company.support_contact }}.",
	} {
		f := buildFrame("", s, rs.Vocabulary, nil, nil)
		if got := f.m.find("assist"); len(got) > 0 {
			t.Errorf("%q: assist found in %q", s, f.spanText(got[0]))
		}
		if f.pointer {
			t.Errorf("%q: the placeholder read as a pointer", s)
		}
	}
}

// TestLastItemHead: a list opening inside the last bullet of a clause is
// introduced by the clause's lead-in and that bullet, not by the bullets
// before it (a new user's trial: the breach notice cited as "6(i)" because
// the notice bullet stood in the lead-in of the notice-content items).
func TestLastItemHead(t *testing.T) {
	tests := []struct{ head, want string }{
		{"Processor shall:\n- Notify Controller of a breach within 72 hours\n- Provide information about: ", "Processor shall: Provide information about: "},
		{"- Keep logs for a year\n- Report on: ", "Report on: "},
		{"The Provider shall provide the following: ", "The Provider shall provide the following: "},
		{"Each party agrees to:\n• keep records; and\n• on request, provide ", "Each party agrees to: on request, provide "},
	}
	for _, tc := range tests {
		if got := lastItemHead(tc.head); got != tc.want {
			t.Errorf("lastItemHead(%q) = %q, want %q", tc.head, got, tc.want)
		}
	}
}

// TestPurposePhraseNoSubject checks that a party named in a purpose phrase
// before a modal ("..., and, in order to assist the Customer ..., should
// contain") is whom the act serves, not its subject: the predicate keeps
// the subject of the one before it.
func TestPurposePhraseNoSubject(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		name, sentence string
		want           Party
	}{
		{"in order to, after the vendor", "Provider shall send its notices to the Customer by email and, in order to help the Customer meet its own duties, should describe the nature of the incident.", PartyVendor},
		{"so as to, after the vendor", "Provider will keep records of its processing and, so as to allow the Customer to verify compliance, will make them available on request.", PartyVendor},
		{"the customer's own duty", "Provider will host the service and Customer shall, in order to protect its account, keep its password secret.", PartyCustomer},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := buildFrame("", tc.sentence, rs.Vocabulary, nil, nil)
			if len(f.preds) < 2 {
				t.Fatalf("%d predicates in %q, want 2", len(f.preds), tc.sentence)
			}
			if got := f.preds[len(f.preds)-1].actor; got != tc.want {
				t.Errorf("actor %q, want %q", got, tc.want)
			}
		})
	}
}

// TestPluralNounNoVerb checks that a word in -s whose verb class the rules
// know ("backups", "audits", "changes") reads as a noun after a determiner
// or a word in -ed, and as the verb after its subject.
func TestPluralNounNoVerb(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		name, sentence string
		want           string // the first predicate's word; "" for none
	}{
		{"after a participle", "Storage of invoices and encrypted backups.", ""},
		{"after a determiner", "Hosting of the audits and the backups for each region.", ""},
		{"after its subject", "Provider backups Customer Data every day.", "backups"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := buildFrame("", tc.sentence, rs.Vocabulary, nil, nil)
			got := ""
			if len(f.preds) > 0 && f.preds[0].modality != ModalNone {
				got = f.preds[0].word
			}
			if got != tc.want {
				t.Errorf("predicate word %q, want %q", got, tc.want)
			}
		})
	}
}

// TestHyphenCompoundNoImperative: the first part of a hyphenated compound
// at a sentence's start ("Follow-up notes", a table row) is no order to
// the reader; the verb alone still is.
func TestHyphenCompoundNoImperative(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"a compound noun in a table row", []string{"Follow-up reminders for account passwords | Free-text comments | 90-day retention"}, "customer-responsibilities", StatusMissing},
		{"the verb alone binds the reader", []string{"Follow the security guidance in the Documentation when configuring your account."}, "customer-responsibilities", StatusMet},
	})
}

// TestThirdPartyRelativeIsNoActor: "the following subcontractors that may
// access Customer Data" qualifies the third parties the vendor engages;
// the sentence is the vendor's statement, not the subcontractors'
// permission (a list of subprocessors was read as theirs, issue 11).
func TestThirdPartyRelativeIsNoActor(t *testing.T) {
	rs := loadRules(t)
	for _, s := range []string{
		"As of today, Provider engages the following subcontractors that may access Customer Data: Northwind Cloud and Pellucid Mail.",
		"Provider uses three subprocessors which may store Customer Data, each named in Annex 3.",
	} {
		f := buildFrame("", s, rs.Vocabulary, nil, nil)
		if len(f.preds) == 0 || f.preds[0].actor != PartyVendor || f.preds[0].modality == ModalPermissive {
			t.Errorf("%q: predicates %+v, want the vendor's statement", s, f.preds)
		}
	}
}

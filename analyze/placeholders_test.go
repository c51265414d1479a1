package analyze

import (
	"strings"
	"testing"
)

// TestPlaceholdersFound: a template's blanks are found; citations,
// footnote marks, abbreviations, defined terms and a form's signature
// lines are not (sentences of our own writing, trial27b).
func TestPlaceholdersFound(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Vendor shall carry cyber insurance of at least [AMOUNT].", []string{"[AMOUNT]"}},
		{"This Agreement is made between [Customer Name] and Quillfeather Ltd.", []string{"[Customer Name]"}},
		{"The fee is [●] per month.", []string{"[●]"}},
		{"Vendor shall notify Customer within [X] hours.", []string{"[X]"}},
		{"This Agreement takes effect on <insert date>.", []string{"<insert date>"}},
		{"Support is reached at [CONTACT_EMAIL].", []string{"[CONTACT_EMAIL]"}},
		{"Invoices are payable within ____ days of receipt.", []string{"____"}},
		{"See Lloyd v Google [2021] UKSC 50 and the note [1].", nil},
		{"Transfers outside the [EU] need consent of [the Processor].", nil},
		{"By: ____________ Name: ____________", nil},
		{"Customer: ______________", nil},
		// The frame's placeholder and the warning's are one: a hyphen in
		// the name is a blank too (trial27e).
		{"Questions go to {{support-email}} within two days.", []string{"{{support-email}}"}},
		{"The fee is {{ monthly_fee }} a month.", []string{"{{ monthly_fee }}"}},
		// An all-caps tag used as a label in running text (an e-mail
		// subject's tag) is no blank; a bracket naming a party, a date,
		// an amount or a contact is one wherever it stands (struct21).
		{"Write to legal@quillfeather.example with the subject [ADDENDUM-SIGNED] to receive a signed copy.", nil},
		{"Mark the message [CONFIDENTIAL] in the subject line and send it to the security team.", nil},
		{"Requests tagged [URGENT] are answered within one business day.", nil},
		{"Send notices to [VENDOR-NAME] at [E-MAIL] with the subject [NOTICE].", []string{"[VENDOR-NAME]", "[E-MAIL]"}},
		{"This Agreement is governed by the laws of [GOVERNING LAW].", []string{"[GOVERNING LAW]"}},
		{"The Licensor, [LICENSOR], grants the licence below.", []string{"[LICENSOR]"}},
		{"Quillfeather shall keep the records at [REDACTED] for six years.", []string{"[REDACTED]"}},
	} {
		if got := blanksIn(c.text); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
}

// TestPlaceholderWarningAndWeakTerm: an agreement with blanks says so in
// the result's warnings, naming each and its clause, and a term whose
// value is a blank is weak with the reason.
func TestPlaceholderWarningAndWeakTerm(t *testing.T) {
	rs := loadRules(t)
	res := run(t, rs, Options{},
		"This Agreement is made between [Customer Name] and Quillfeather Ltd (\"Vendor\").",
		"Vendor shall maintain cyber liability insurance with a limit of at least [AMOUNT] per claim.")
	var msgs []string
	for _, w := range res.Warnings {
		if w.Code == WarnPlaceholders {
			msgs = append(msgs, w.Message)
		}
	}
	if len(msgs) != 1 || !strings.Contains(msgs[0], `"[AMOUNT]" (§2)`) || !strings.Contains(msgs[0], `"[Customer Name]" (§1)`) {
		t.Errorf("placeholder warnings %q, want one naming [Customer Name] in §1 and [AMOUNT] in §2", msgs)
	}
	if got := status(res, "cyber-insurance"); got != StatusWeak {
		t.Errorf("cyber-insurance %s, want weak on a blank amount", got)
	}
	res = run(t, rs, Options{}, "Quillfeather Ltd (\"Vendor\") shall maintain cyber liability insurance with a limit of at least USD 5,000,000 per claim.")
	if len(res.Warnings) != 0 || status(res, "cyber-insurance") != StatusMet {
		t.Errorf("a filled agreement: warnings %v, cyber-insurance %s, want none and met", res.Warnings, status(res, "cyber-insurance"))
	}
}

// TestPlaceholderWarningOneBlank: one blank is "1 unfilled template
// placeholder", not "placeholders" (trial27e).
func TestPlaceholderWarningOneBlank(t *testing.T) {
	rs := loadRules(t)
	res := run(t, rs, Options{}, "Quillfeather Ltd (\"Vendor\") shall answer support requests sent to {{support_address}} within two business days.")
	var msgs []string
	for _, w := range res.Warnings {
		if w.Code == WarnPlaceholders {
			msgs = append(msgs, w.Message)
		}
	}
	if len(msgs) != 1 || !strings.Contains(msgs[0], "holds 1 unfilled template placeholder: ") {
		t.Errorf("placeholder warnings %q, want one saying \"1 unfilled template placeholder\"", msgs)
	}
}

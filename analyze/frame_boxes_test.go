package analyze

import "testing"

// TestDropUnchecked tells a form's option box from a template's blank.
func TestDropUnchecked(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"options on one line", "Hosting region: [ ] EU [x] US", "Hosting region:  [x] US"},
		{"box at a line's start", "[ ] Provider will provide its SOC 2 report\n[x] No report", " \n[x] No report"},
		{"box after a list marker", "(b) ☐ Provider encrypts backups", "(b)  "},
		{"box after a colon", "Reports: [ ] SOC 2 Type II on request", "Reports:  "},
		{"blank in a deadline", "Supplier shall notify Customer within [ ] hours of a breach.", "Supplier shall notify Customer within [ ] hours of a breach."},
		{"blank in a signature line", "Signed for and on behalf of [ ] The Processor agrees to apply security measures.", "Signed for and on behalf of [ ] The Processor agrees to apply security measures."},
		{"no box", "Provider shall encrypt data.", "Provider shall encrypt data."},
	}
	for _, tt := range tests {
		if got := dropUnchecked(tt.in); got != tt.want {
			t.Errorf("%s: dropUnchecked(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// TestBlankIsNoOption: a template's empty "[ ]" in running text keeps the
// sentence after it (it was read as an unticked option and cut).
func TestBlankIsNoOption(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	checkStatuses(t, rs, []statusCase{
		{"a blank before the sentence", []string{"The parties agree as follows.\n\nSigned for and on behalf of [ ]\n\nThe Processor agrees to apply appropriate security measures to the Personal Data."}, "vendor-security", StatusMet},
		{"a blank on a signature line before a notice", []string{"Signed for and on behalf of [ ] Supplier shall notify Customer of any Security Incident within 24 hours."}, "breach-notification", StatusMet},
		{"an unticked option stays unread", []string{"Assurance reports:\n[ ] Provider will provide its SOC 2 Type II report on request\n[x] None"}, "security-reports", StatusMissing},
	})
}

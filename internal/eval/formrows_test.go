package eval

import "testing"

// A form row's citation (`"Order Form" "Hosting Region"`) matches a label
// that names the row as a lawyer writes it: the form and the label, the
// label alone in quotes, or the form (an annex) alone.
func TestRowLabelledSections(t *testing.T) {
	for _, tc := range []struct {
		got, evidence string
		want          bool
	}{
		{`"Order Form" "Hosting Region"`, `yes Order Form "Hosting Region" [x] ("Frankfurt")`, true},
		{`"Order Form" "Hosting Region"`, `yes cover "Hosting Region"`, true},
		{`Schedule 2 "Backup Frequency"`, `yes Schedule 2`, true},
		{`Schedule 2 "Backup Frequency"`, `yes "Backup Frequency"`, true},
		{`"Order Form" "Hosting Region"`, `yes Order Form "Backup Frequency"`, false},
		{`"Order Form" "Hosting Region"`, `yes §4.2`, false},
	} {
		labelled := ParseEvidenceSections(tc.evidence)
		got := SectionMatches(tc.got, labelled) || RowLabelled(tc.got, labelled)
		if got != tc.want {
			t.Errorf("%s against %q (%v): %v, want %v", tc.got, tc.evidence, labelled, got, tc.want)
		}
	}
}

package analyze

import "testing"

// TestDeadlineForms: ways a lawyer writes a breach-notice deadline that
// the reader must count, in sentences of our own (the forms of dev
// documents' misses and the forms around them).
func TestDeadlineForms(t *testing.T) {
	tests := []struct {
		in      string
		text    string
		hours   float64 // -1: no hours
		grade   string
		trigger string
	}{
		// Forms the reader already counts, kept as they are.
		{"Provider shall notify Customer no later than two (2) business days after discovery.", "no later than two (2) business days", 96, GradeLong, "awareness"},
		{"Provider shall notify Customer within one day.", "within one day", 24, GradeStrong, ""},
		{"Provider shall notify Customer without undue delay and in any event within 48 hours.", "without undue delay and in any event within 48 hours", 48, GradeGood, ""},
		{"Provider shall promptly (and in any case within 48 hours) notify Customer.", "within 48 hours", 48, GradeGood, ""},
		// The figure first, its word in brackets.
		{"Provider shall notify Customer within 72 (seventy-two) hours of discovery.", "within 72 (seventy-two) hours", 72, GradeGood, "awareness"},
		{"The Supplier shall report the breach within 3 (three) working days.", "within 3 (three) working days", 120, GradeLong, ""},
		// "an hour", "a day": the article is the number.
		{"Provider will notify Customer within an hour of detecting the incident.", "within an hour", 1, GradeStrong, "awareness"},
		{"Provider will notify Customer within a day.", "within a day", 24, GradeStrong, ""},
		// A period or a maximum named before the figure.
		{"Provider shall notify Customer within a period of 72 hours.", "within a period of 72 hours", 72, GradeGood, ""},
		{"Provider shall notify Customer within a maximum of 48 hours.", "within a maximum of 48 hours", 48, GradeGood, ""},
		{"Provider shall notify Customer within the next 24 hours.", "within the next 24 hours", 24, GradeStrong, ""},
		{"Notice shall be given in a period not exceeding 72 hours.", "not exceeding 72 hours", 72, GradeGood, ""},
		{"Notice shall be given in a period not to exceed 36 hours.", "not to exceed 36 hours", 36, GradeGood, ""},
		// Number words beyond the common ones.
		{"Provider shall notify Customer within eighteen hours.", "within eighteen hours", 18, GradeStrong, ""},
		{"Provider shall notify Customer within ninety-six hours.", "within ninety-six hours", 96, GradeLong, ""},
		// The clock's start in other words.
		{"Provider shall notify Customer within 24 hours after having become aware of it.", "within 24 hours", 24, GradeStrong, "awareness"},
		{"Provider shall notify Customer within 24 hours upon gaining knowledge of the breach.", "within 24 hours", 24, GradeStrong, "awareness"},
		{"Provider shall notify Customer as quickly as possible.", "as quickly as possible", -1, GradeWeak, ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			d := ParseDeadline(tc.in)
			if d.Text != tc.text || d.Grade != tc.grade || d.Trigger != tc.trigger {
				t.Errorf("ParseDeadline(%q) = text %q grade %q trigger %q; want %q %q %q",
					tc.in, d.Text, d.Grade, d.Trigger, tc.text, tc.grade, tc.trigger)
			}
			switch {
			case tc.hours < 0 && d.Hours != nil:
				t.Errorf("hours = %v, want none", *d.Hours)
			case tc.hours >= 0 && (d.Hours == nil || *d.Hours != tc.hours):
				t.Errorf("hours = %v, want %v", d.Hours, tc.hours)
			}
		})
	}
}

// TestDeadlineDefinedPeriod: a breach notice's deadline named by a period
// the agreement defines as a bare length ("Notice Period" means five (5)
// business days) is that length; a sentence of our own.
func TestDeadlineDefinedPeriod(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		name    string
		clauses []string
		hours   float64
	}{
		{"a period defined as days", []string{
			`"Notice Period" means five (5) business days.`,
			"Provider will report to Customer any Security Incident without unreasonable delay, but no later than the Notice Period following discovery of it.",
		}, 168},
		{"a period defined as hours", []string{
			`"Reporting Window" means 48 hours.`,
			"Provider will notify Customer of any Security Incident within the Reporting Window after becoming aware of it.",
		}, 48},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := run(t, rs, Options{}, tc.clauses...)
			for _, f := range res.Findings {
				if f.Rule != "breach-notification" {
					continue
				}
				if f.Deadline == nil || f.Deadline.Hours == nil || *f.Deadline.Hours != tc.hours {
					t.Errorf("breach-notification: %s, deadline %+v; want %v hours", f.Status, f.Deadline, tc.hours)
				}
				return
			}
			t.Error("no breach-notification finding")
		})
	}
}

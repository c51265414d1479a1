package analyze

import "testing"

func TestParseDeadline(t *testing.T) {
	tests := []struct {
		in       string
		text     string
		hours    float64 // -1: no hours
		business bool
		grade    string
		trigger  string
	}{
		{"Processor shall notify Controller of a Personal Data Breach within 72 hours.", "within 72 hours", 72, false, GradeGood, ""},
		{"Provider will notify Customer without undue delay when feasible, but no later than 72 hours after becoming aware of a Security Incident.", "without undue delay when feasible, but no later than 72 hours", 72, false, GradeGood, "awareness"},
		{"The Client will be notified without unreasonable delay", "without unreasonable delay", -1, false, GradeUnquantified, ""},
		{"Vendor shall notify Customer within three (3) days of discovery.", "within three (3) days", 72, false, GradeGood, "awareness"},
		{"notice within two business days", "within two business days", 96, true, GradeLong, ""},
		{"notice within five (5) business days", "within five (5) business days", 168, true, GradeLong, ""},
		{"within 60 calendar days after discovery of a breach", "within 60 calendar days", 1440, false, GradeLong, "awareness"},
		{"Supplier shall report incidents within 48 hrs.", "within 48 hrs", 48, false, GradeGood, ""},
		{"within twenty-four (24) hours of becoming aware", "within twenty-four (24) hours", 24, false, GradeStrong, "awareness"},
		{"within 24h", "within 24h", 24, false, GradeStrong, ""},
		{"within forty-eight hours", "within forty-eight hours", 48, false, GradeGood, ""},
		{"within one week", "within one week", 168, false, GradeLong, ""},
		{"Each party shall promptly notify the other.", "promptly", -1, false, GradeWeak, ""},
		{"as soon as reasonably practicable after confirming the incident", "as soon as reasonably practicable", -1, false, GradeWeak, "confirmation"},
		{"in a timely manner following completion of its investigation", "in a timely manner", -1, false, GradeWeak, "confirmation"},
		{"Vendor shall notify Customer of any Security Incident.", "", -1, false, GradeNone, ""},
		{"notify Customer 24 hours after discovery", "24 hours after", 24, false, GradeStrong, "awareness"},
		{"Provider will notify Customer immediately.", "immediately", -1, false, GradeUnquantified, ""},
		{"Security incidents: immediate notification to Customer.", "immediate notification", -1, false, GradeUnquantified, ""},
		// "without delay" and "without any undue delay" say the same as
		// "without undue delay" (GDPR Art. 33(2)): acceptable, not weak.
		{"The processor will tell the controller without delay when it learns of a breach.", "without delay", -1, false, GradeUnquantified, "awareness"},
		{"Vendor must report each incident to Customer without any undue delay.", "without any undue delay", -1, false, GradeUnquantified, ""},
		{"We will report the Breach without unreasonable delay, and in no case later than five (5) calendar days after our discovery of it.", "without unreasonable delay, and in no case later than five (5) calendar days", 120, false, GradeLong, "awareness"},
		{"Supplier shall notify the Authority without unreasonable delay and in no event later than ten (10) hours after discovery.", "without unreasonable delay and in no event later than ten (10) hours", 10, false, GradeStrong, "awareness"},
		{"notice in no event more than 36 hours after the Processor learns of the incident", "in no event more than 36 hours", 36, false, GradeGood, "awareness"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			d := ParseDeadline(tc.in)
			if d.Text != tc.text || d.Grade != tc.grade || d.Business != tc.business || d.Trigger != tc.trigger {
				t.Errorf("ParseDeadline(%q) = text %q grade %q business %v trigger %q; want %q %q %v %q",
					tc.in, d.Text, d.Grade, d.Business, d.Trigger, tc.text, tc.grade, tc.business, tc.trigger)
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

func FuzzParseDeadline(f *testing.F) {
	for _, s := range []string{"within 72 hours", "within three (3) business days", "promptly", "no later than 48 hrs after discovery", "within (3) days"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := ParseDeadline(s)
		if d.Hours != nil && (*d.Hours < 0) {
			t.Errorf("negative hours %v for %q", *d.Hours, s)
		}
		if d.Grade == "" {
			t.Errorf("empty grade for %q", s)
		}
	})
}

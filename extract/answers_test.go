package extract

import "testing"

func TestNormalizeAnswer(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", AnswerUnanswered},
		{"   \n ", AnswerUnanswered},
		{"Yes", AnswerYes},
		{"YES ", AnswerYes},
		{"y", AnswerYes},
		{"Y", AnswerYes},
		{"yes.", AnswerYes},
		{"1) Yes", AnswerYes},
		{"Yes - see notes", AnswerYes},
		{"Yes, via SSO", AnswerYes},
		{"Yes\u2013documented", AnswerYes},
		{"No", AnswerNo},
		{"no", AnswerNo},
		{"N", AnswerNo},
		{"2. No", AnswerNo},
		{"2) No", AnswerNo},
		{"No, not yet", AnswerNo},
		{"N/A", AnswerNA},
		{"n/a ", AnswerNA},
		{"NA", AnswerNA},
		{"Not Applicable", AnswerNA},
		{"not  applicable", AnswerNA},
		{"3) Not Applicable", AnswerNA},
		{"N/A - no cardholder data", AnswerNA},
		{"Partial", AnswerPartial},
		{"Partially", AnswerPartial},
		{"Partially Implemented", AnswerPartial},
		{"partial - in progress", AnswerPartial},
		{"Implemented", AnswerYes},
		{"None", AnswerText},
		{"Nope", AnswerText},
		{"Yesterday", AnswerText},
		{"Yes/No", AnswerText},
		{"Not yet", AnswerText},
		{"We encrypt all data at rest.", AnswerText},
		{"1) Self owned and managed", AnswerText},
		{"Tier III", AnswerText},
	}
	for _, tt := range tests {
		if got := NormalizeAnswer(tt.in); got != tt.want {
			t.Errorf("NormalizeAnswer(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

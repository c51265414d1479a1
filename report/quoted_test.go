package report

import "testing"

// TestQuoted: a quote in the text report reads as the document does.
func TestQuoted(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`the measures ("Security Measures") apply`, `"the measures ("Security Measures") apply"`},
		{"two\nlines  and\ttabs", `"two lines and tabs"`},
		{"a bell\a rings", `"a bell rings"`},
		{"“curly” stays", `"“curly” stays"`},
	} {
		if got := quoted(tc.in); got != tc.want {
			t.Errorf("quoted(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

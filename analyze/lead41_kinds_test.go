package analyze

import "testing"

// TestLead41BracketedNote: a template's drafting note in brackets after a
// BAA's termination clause ("[Bracketed language may be added ...]") was
// read as the end of the clause's sentence, whose actor and "may" it then
// took: the HHS sample BAA's termination right read missing once the rule
// carried BAAs (stop 41). The note is a sentence of its own.
func TestLead41BracketedNote(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	const head = "# Business Associate Agreement\n\nThis Business Associate Agreement is between Harbor Clinic (\"Covered Entity\") and Lumen Records (\"Business Associate\").\n\n## 1. Safeguards\n\nBusiness Associate shall use appropriate safeguards to prevent use or disclosure of protected health information.\n\n## 2. Ending the agreement\n\n"
	for _, tc := range []struct{ text, want string }{
		{"Business associate authorizes termination of this Agreement by covered entity if covered entity finds that business associate has violated a material term of the Agreement. [Optional wording may be inserted here if the parties want a cure period.]", "met"},
		{"Business associate authorizes termination of this Agreement by covered entity if covered entity finds that business associate has violated a material term of the Agreement.", "met"},
	} {
		res := runMarkdown(t, rs, head+tc.text+"\n")
		got := ""
		for _, f := range res.Findings {
			if f.Rule == "termination-rights" {
				got = string(f.Status)
			}
		}
		if got != tc.want {
			t.Errorf("%q: termination-rights %s, want %s", tc.text, got, tc.want)
		}
	}
}

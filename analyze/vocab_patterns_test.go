package analyze

import "testing"

// TestVocabPatternsCompile fills and compiles every vocabulary pattern of
// the package (vocab_patterns.go): a {class} the vocabulary lacks, or a
// pattern that does not compile, fails here, not in a run.
func TestVocabPatternsCompile(t *testing.T) {
	vocabPatternsMu.Lock()
	ps := append([]*vocabPattern(nil), vocabPatterns...)
	vocabPatternsMu.Unlock()
	if len(ps) == 0 {
		t.Fatal("no vocabulary patterns")
	}
	for _, p := range ps {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s: %v", p.src, r)
				}
			}()
			p.Regexp()
		}()
	}
}

// TestVocabPatternWords holds the moved patterns to what they read before
// their words moved to the vocabulary (sentences of our own).
func TestVocabPatternWords(t *testing.T) {
	for _, c := range []struct {
		p    *vocabPattern
		s    string
		want bool
	}{
		{reIncidentProper, "The vendor keeps a cyber-incident playbook.", true},
		{reIncidentProper, "A databreach is reported at once.", true},
		{reIncidentProper, "any breach of security safeguards", true},
		{reIncidentProper, "the incident response team", true},
		{reIncidentProper, "Forensics are run by a third firm.", true},
		{reIncidentProper, "unauthorised access to Customer Data", false},
		{reSupplyProper, "its Sub-processors", true},
		{reSupplyProper, "subcontracting of the hosting", true},
		{reSupplyProper, "the Supply Chain", true},
		{reSupplyProper, "any third party or supplier", false},
		{reSupplyProper, "supply chains", false},
		{reDPAName, "Data Processing Addendum", true},
		{reDPAName, "personal data protection terms", true},
		{reDPAName, "DPAs", true},
		{reDPAName, "data processing activities", false},
		{reDPAName, "the DPA", false},
		{reOfAgreement, " of the Master Agreement", true},
		{reOfAgreement, " under the Standard Contractual Clauses", true},
		{reOfAgreement, " to GDPR", true},
		{reOfAgreement, " of this Addendum", false},
		{reOfAgreement, "of the Agreement", false},
		{rePointerHead, "the measures set forth at: [", true},
		{rePointerHead, "as published on ", true},
		{rePointerHead, "the measures available to", false},
		{reDefined, `"Security Incident" means a breach`, true},
		{reDefined, `"Term": refers to the period`, true},
		{reDefined, `"Security Incident" MEANS a breach`, false},
		{reDefined, `"Security Incident" includes a breach`, false},
	} {
		if got := c.p.MatchString(c.s); got != c.want {
			t.Errorf("%s on %q: %v, want %v", c.p.src, c.s, got, c.want)
		}
	}
}

package analyze

import "testing"

// An abbreviation joined to a word by a hyphen or slash ("EU-U.S.",
// "Swiss-U.S.") does not end the sentence.
func TestSplitSentencesHyphenatedAbbrev(t *testing.T) {
	for _, in := range []string{
		"Transfers to the parent company rely on the Swiss-U.S. Privacy Shield Framework and its successor.",
		"Onward transfers follow the EU-U.S. Data Privacy Framework where it applies.",
	} {
		if got := splitSentences(in); len(got) != 1 {
			t.Errorf("%q split into %d: %q", in, len(got), got)
		}
	}
	for _, in := range []string{
		"Backups are kept in a second EU-region. They are encrypted.",
		"Reports are on our portal (https://portal.example/). At least SOC 2 is kept.",
	} {
		if got := splitSentences(in); len(got) != 2 {
			t.Errorf("two sentences read as %d: %q", len(got), got)
		}
	}
}

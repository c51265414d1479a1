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
		// A template's drafting note in brackets opens a sentence of its own.
		"The Client may end this Agreement if the Supplier breaches a material term. [Optional wording may be inserted here by the parties.]",
		"Supplier keeps backups for thirty days. [Insert the retention period agreed.]",
	} {
		if got := splitSentences(in); len(got) != 2 {
			t.Errorf("two sentences read as %d: %q", len(got), got)
		}
	}
	// A placeholder in brackets opening the next words is no sentence of
	// its own: the split stays where it was before drafting notes.
	for _, in := range []string{
		"Backups are kept for thirty days. [Vendor] shall notify the Customer of any change.",
	} {
		if got := splitSentences(in); len(got) != 1 {
			t.Errorf("%q split into %d, want 1: %q", in, len(got), got)
		}
	}
}

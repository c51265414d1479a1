package analyze

import (
	"maps"
	"testing"
)

// TestKnownRuleIDs holds the ids knownRuleIDs reads from the embedded
// packs (their ids alone) to those of the packs parsed whole.
func TestKnownRuleIDs(t *testing.T) {
	got, err := knownRuleIDs()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, name := range EmbeddedPacks() {
		parts, _, err := parseEmbeddedPack(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range parts {
			for _, r := range p.Rules {
				want[r.ID] = true
			}
		}
	}
	if len(want) < 20 || !maps.Equal(got, want) {
		t.Errorf("knownRuleIDs: %d ids, ParsePack: %d", len(got), len(want))
	}
}

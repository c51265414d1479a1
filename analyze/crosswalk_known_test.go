package analyze

import (
	"maps"
	"testing"

	"github.com/ssrm-dev/ssrm/templates"
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
		data, err := templates.Rules.ReadFile("rules/" + name + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		p, err := ParsePack(data, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range p.Rules {
			want[r.ID] = true
		}
	}
	if len(want) < 20 || !maps.Equal(got, want) {
		t.Errorf("knownRuleIDs: %d ids, ParsePack: %d", len(got), len(want))
	}
}

package analyze

import (
	"maps"
	"slices"
	"testing"

	"go.yaml.in/yaml/v3"
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

// TestPackRuleIDs holds packRuleIDs to a YAML parse of the ids on packs of
// our own: ids plain, quoted and commented, keys before the id, nested
// lists whose items have ids of their own, block scalars holding "id:",
// other top-level sequences, comments at every level.
func TestPackRuleIDs(t *testing.T) {
	for _, tc := range []struct{ name, pack string }{
		{"plain", "schema: ssrm.rules/v1\npack: p\nrules:\n  - id: a-one\n    title: A\n  - id: b-two\n"},
		{"key before id", "rules:\n  - title: First\n    id: first\n    severity: high\n  - severity: low\n    id: second\n"},
		{"quoted and commented", "rules:\n  - id: \"dq-id\"\n  - id: 'sq-id' # a note\n  - id: plain-id # note\n  -   id: wide-dash\n"},
		{"nested ids", "rules:\n  - id: outer\n    examples:\n      - id: inner-example\n        text: x\n    elements:\n    - id: element-at-key-indent\n  - id: next\n"},
		{"block scalars", "rules:\n  - id: r1\n    description: >-\n      id: not-a-rule\n      more text\n    recommendation: |\n        - id: nor-this\n  - id: r2\n"},
		{"other sequences", "waivers:\n  - id: waiver-not-rule\nrules:\n  - id: only-rule\nexamples:\n  - id: example-not-rule\n"},
		{"comments", "# head\nrules: # the rules\n  # a comment\n  - id: c1\n    # id: commented-out\n  - id: c2\n"},
		{"no indent", "rules:\n- id: flush-one\n  title: T\n- id: flush-two\n"},
		{"deeper indent", "rules:\n    - id: deep-one\n      title: T\n    - id: deep-two\n"},
		{"dash alone", "rules:\n  -\n    id: alone-one\n  - id: alone-two\n"},
		{"no rules", "schema: ssrm.rules/v1\npack: empty\n"},
	} {
		var want struct {
			Rules []struct {
				ID string `yaml:"id"`
			} `yaml:"rules"`
		}
		if err := yaml.Unmarshal([]byte(tc.pack), &want); err != nil {
			t.Fatalf("%s: the fixture is not YAML: %v", tc.name, err)
		}
		var wantIDs []string
		for _, r := range want.Rules {
			wantIDs = append(wantIDs, r.ID)
		}
		if got := packRuleIDs([]byte(tc.pack)); !slices.Equal(got, wantIDs) {
			t.Errorf("%s: packRuleIDs = %q, a YAML parse gives %q", tc.name, got, wantIDs)
		}
	}
}

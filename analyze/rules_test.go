package analyze

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRuleExamples runs every rule's own labelled sentences through the
// engine: present must come out met, weak must come out weak, absent must
// not show the term (no match, or a negated one), and every vocabulary
// class must be found in its own match sentences and not in its no_match
// ones.
func TestRuleExamples(t *testing.T) {
	rs, err := LoadRules(EmbeddedPacks())
	if err != nil {
		t.Fatal(err)
	}
	if base, _ := LoadRules(nil); len(base.Rules) != 21 {
		t.Fatalf("baseline has %d rules, want the 21 of DESIGN.md section 3", len(base.Rules))
	}
	for _, r := range rs.Rules {
		ex := r.Examples
		if len(ex.Present) == 0 || len(ex.Weak) == 0 || len(ex.Absent) == 0 || len(ex.Negated) == 0 {
			t.Errorf("%s: needs present, weak, absent and negated examples", r.ID)
		}
	}
	for _, f := range rs.CheckExamples() {
		t.Error(f)
	}
}

func TestLoadRulesInvalid(t *testing.T) {
	tests := []struct {
		file string
		want string
	}{
		{"unknown-key.yaml", "field severty not found"},
		{"bad-pattern.yaml", "signals[0][0]: bad pattern"},
		{"duplicate-id.yaml", `duplicate id "dup-rule"`},
		{"duplicate-baseline.yaml", `duplicate id "audit-rights" (already defined by pack baseline)`},
		{"bad-domain.yaml", `domain: "XYZ" is not a CCM v4 domain code`},
		{"no-sources.yaml", "sources: a rule must cite"},
		{"disable-unknown.yaml", `disable: no rule "no-such-rule"`},
		{"waiver-bad-date.yaml", `waivers[0]: expires: want a date YYYY-MM-DD, got "31/03/2027"`},
		{"waiver-unknown-rule.yaml", `waivers[0]: rule: no rule "no-such-rule"`},
		{"waiver-no-reason.yaml", `waivers[0]: reason: missing`},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("testdata", "rules", "invalid", tc.file)
			_, err := LoadRules([]string{path})
			if err == nil {
				t.Fatalf("LoadRules(%s) succeeded, want error containing %q", tc.file, tc.want)
			}
			if !errors.Is(err, ErrRules) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.file) {
				t.Errorf("error %q: want ErrRules naming the file and containing %q", err, tc.want)
			}
		})
	}
}

func TestLoadRulesUserPack(t *testing.T) {
	rs, err := LoadRules([]string{filepath.Join("testdata", "rules", "valid", "mine.yaml")})
	if err != nil {
		t.Fatal(err)
	}
	if rs.Get("hardening-guidance") != nil {
		t.Error("hardening-guidance should be disabled")
	}
	if got := rs.Get("audit-rights").Severity; got != SeverityCritical {
		t.Errorf("audit-rights severity = %s, want critical (overridden)", got)
	}
	if got := rs.Get("breach-notification").MaxHours; got != 24 {
		t.Errorf("breach-notification max_hours = %v, want 24 (overridden)", got)
	}
	r := rs.Get("source-code-escrow")
	if r == nil || r.Pack != "mine" {
		t.Fatalf("user rule source-code-escrow not loaded: %+v", r)
	}
	if got, want := strings.Join(rs.Packs, ","), "baseline,mine"; got != want {
		t.Errorf("packs = %s, want %s", got, want)
	}
	if _, err := LoadRules([]string{"nosuchpack"}); err == nil || !strings.Contains(err.Error(), `no pack named "nosuchpack"`) {
		t.Errorf("unknown pack name: err = %v", err)
	}
}

func TestEmbeddedPacksParse(t *testing.T) {
	for _, name := range EmbeddedPacks() {
		if _, err := LoadRules([]string{name}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := os.Stat(filepath.Join("..", "templates", "rules", "baseline.yaml")); err != nil {
		t.Fatal(err)
	}
}

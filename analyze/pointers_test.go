package analyze

import (
	"strings"
	"testing"
)

// The embedded pointers build the pattern evidence_pointer.go reads: its
// one group is the section's number, whatever groups a phrase writes.
func TestPointersEmbedded(t *testing.T) {
	re := reSectionRef()
	if re.NumSubexp() != 1 {
		t.Fatalf("pattern has %d groups, want 1: %s", re.NumSubexp(), re)
	}
	for text, want := range map[string]string{
		"Provider notifies incidents as set out in Section 3.4.":    "3.4",
		"audits are conducted in accordance with clause 8(b) below": "8(b)",
		"the Processor assists per § 6":                             "6",
		"as laid down in the Article 28":                            "28",
		"subject to Section 7":                                      "",
	} {
		got := strings.Join(pointedSections(text), ",")
		if got != want {
			t.Errorf("pointedSections(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestParsePointers(t *testing.T) {
	for _, bad := range []string{
		"schema: ssrm.pointers/v2\npointers: [per]\n",
		"schema: ssrm.pointers/v1\n",
		"schema: ssrm.pointers/v1\npointers: ['as (set out in']\n",
		"schema: ssrm.pointers/v1\nphrases: [per]\n",
	} {
		if _, err := parsePointers([]byte(bad)); err == nil {
			t.Errorf("parsePointers(%q): no error", bad)
		}
	}
	for in, want := range map[string]string{
		`as (set out|set forth) in`: `as (?:set out|set forth) in`,
		`(?:a|b) \(c\) [(]x`:        `(?:a|b) \(c\) [(]x`,
	} {
		if got := nonCapturing(in); got != want {
			t.Errorf("nonCapturing(%q) = %q, want %q", in, got, want)
		}
	}
}

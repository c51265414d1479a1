package analyze

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// packPart writes a pack file holding the given rule ids (each a complete
// rule) after head, the pack's top-level keys.
func packPart(head string, ids ...string) *fstest.MapFile {
	var b strings.Builder
	b.WriteString("schema: ssrm.rules/v1\n" + head + "rules:\n")
	for _, id := range ids {
		b.WriteString("  - id: " + id + "\n    title: T\n    domain: SEF\n    owner: vendor\n    severity: low\n    sources: [\"S\"]\n    signals: [[\"notify\"]]\n")
	}
	return &fstest.MapFile{Data: []byte(b.String())}
}

func TestPackParts(t *testing.T) {
	tests := []struct {
		name    string
		files   fstest.MapFS
		wantIDs []string
		wantErr string
	}{
		{
			name: "head and two continuations in name order",
			files: fstest.MapFS{
				"rules/p.yaml":     packPart("pack: p\ndescription: D\n", "a", "b"),
				"rules/p.3.yaml":   packPart("pack: p\n", "e"),
				"rules/p.2.yaml":   packPart("pack: p\n", "c", "d"),
				"rules/px.yaml":    packPart("pack: px\n", "z"),
				"rules/p.x.y.yaml": packPart("pack: p\n", "not-a-part"),
			},
			wantIDs: []string{"a", "b", "c", "d", "e"},
		},
		{
			name:    "no head",
			files:   fstest.MapFS{"rules/p.2.yaml": packPart("pack: p\n", "a")},
			wantErr: `no pack named "p"`,
		},
		{
			name: "continuation of another pack",
			files: fstest.MapFS{
				"rules/p.yaml":   packPart("pack: p\n", "a"),
				"rules/p.2.yaml": packPart("pack: q\n", "b"),
			},
			wantErr: `embedded rules/p.2.yaml: pack: a continuation of "p" must name it, got "q"`,
		},
		{
			name: "continuation with a description",
			files: fstest.MapFS{
				"rules/p.yaml":   packPart("pack: p\n", "a"),
				"rules/p.2.yaml": packPart("pack: p\ndescription: again\n", "b"),
			},
			wantErr: "embedded rules/p.2.yaml: a continuation of a pack holds schema, pack and rules only",
		},
		{
			name: "an id defined in two files",
			files: fstest.MapFS{
				"rules/p.yaml":   packPart("pack: p\n", "a", "b"),
				"rules/p.2.yaml": packPart("pack: p\n", "c", "b"),
			},
			wantErr: `embedded rules/p.2.yaml: rules[1]: duplicate id "b" (already defined in embedded rules/p.yaml)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts, labels, err := parsePackFiles(tt.files, "p")
			if tt.wantErr != "" {
				if err == nil || !errors.Is(err, ErrRules) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want ErrRules containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, p := range parts {
				for _, r := range p.Rules {
					ids = append(ids, r.ID)
				}
			}
			if !slices.Equal(ids, tt.wantIDs) {
				t.Errorf("ids = %v, want %v", ids, tt.wantIDs)
			}
			if want := []string{"embedded rules/p.yaml", "embedded rules/p.2.yaml", "embedded rules/p.3.yaml"}; !slices.Equal(labels, want) {
				t.Errorf("labels = %v, want %v", labels, want)
			}
		})
	}
}

// TestBaselineInParts holds the embedded baseline pack, written in several
// files, to one pack in the packs list, with its rules in file order and
// each rule naming the file it comes from.
func TestBaselineInParts(t *testing.T) {
	if got := EmbeddedPacks(); slices.ContainsFunc(got, func(n string) bool { return strings.Contains(n, ".") }) {
		t.Errorf("EmbeddedPacks lists a continuation: %v", got)
	}
	files := embeddedPackFiles("baseline")
	if len(files) < 2 {
		t.Fatalf("baseline files = %v, want a head and at least one continuation", files)
	}
	rs := loadRules(t)
	if got := strings.Join(rs.Packs, ","); got != "baseline" {
		t.Errorf("Packs = %q, want baseline once", got)
	}
	for _, id := range []string{"breach-notification", "vulnerability-disclosure"} {
		if r := rs.Get(id); r == nil || r.file != "embedded rules/baseline.yaml" {
			t.Errorf("%s: not from the head file", id)
		}
	}
	for id, file := range map[string]string{"notification-content": "baseline.1.yaml", "regulator-cooperation": "baseline.1.yaml", "data-location": "baseline.2.yaml", "change-notice": "baseline.3.yaml", "log-access": "baseline.3.yaml", "cyber-insurance": "baseline.3.yaml"} {
		if r := rs.Get(id); r == nil || r.file != "embedded rules/"+file {
			t.Errorf("%s: not from the continuation %s", id, file)
		}
	}
}

package extract

import (
	"reflect"
	"strings"
	"testing"
)

func TestGluedHeading(t *testing.T) {
	tests := []struct {
		line      string
		paginated bool
		want      string // the heading found, "" for none
	}{
		{"... possible backups. ### 10.13.Intrusion test", false, "### 10.13.Intrusion test"},
		{"... possible backups. ### 10.13.Intrusion test", true, ""}, // a paginated document's line
		{"Backups are kept. 10.13 Intrusion test", false, ""},        // no "#": the pattern is not run
		{"## 10.13 Intrusion test", false, ""},                       // a heading of its own
		{"Done! # 2.1 Scope", false, "# 2.1 Scope"},
		{"", false, ""},
	}
	for _, tc := range tests {
		got := ""
		if g := gluedHeading(tc.line, tc.paginated); g != nil {
			got = tc.line[g[4]:g[5]]
		}
		if got != tc.want {
			t.Errorf("gluedHeading(%q, %v) = %q, want %q", tc.line, tc.paginated, got, tc.want)
		}
	}
}

// FuzzGluedHeading holds gluedHeading to its pattern, and the "." test
// before dotLetterRe to the pattern alone.
func FuzzGluedHeading(f *testing.F) {
	f.Add("... possible backups. ### 10.13.Intrusion test")
	f.Add("Done! # 2.1 Scope")
	f.Add("word.x")
	f.Fuzz(func(t *testing.T, line string) {
		if got, want := gluedHeading(line, false), gluedHeadingRe.FindStringSubmatchIndex(line); !reflect.DeepEqual(got, want) {
			t.Errorf("gluedHeading(%q) = %v, the pattern %v", line, got, want)
		}
		if dotLetterRe.MatchString(line) && !strings.Contains(line, ".") {
			t.Errorf("dotLetterRe matches %q, which holds no dot", line)
		}
	})
}

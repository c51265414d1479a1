package extract

import (
	"strings"
	"testing"
)

// edgeBody is a page body drawn top down from y=700, one line every 12 pt.
var edgeBody = []string{
	"1. Licence",
	"The Supplier grants the Buyer a licence",
	"to use the platform for its own purposes.",
	"2. Support",
	"The Supplier answers support requests",
	"within one working day of receipt.",
	"3. Ending",
	"Use of the platform in breach of these",
	"terms ends the licence at once.",
}

func edgePage(before, after []placed) []placed {
	items := append([]placed(nil), before...)
	for i, s := range edgeBody {
		items = append(items, placed{72, float64(700 - 12*i), s})
	}
	return append(items, after...)
}

// nonBlank is the text's non-blank lines.
func nonBlank(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

func TestPDFEdgeOrder(t *testing.T) {
	header := placed{72, 760, "Platform licence terms"}
	docID := placed{450, 772, "TERMS-0042"}
	footer := placed{72, 40, "Version 2 - March 2026"}
	pageNo := placed{500, 40, "page 1/3"}
	cases := []struct {
		name          string
		before, after []placed
		first, last   []string // the page's first and last lines, in order
	}{
		{"header drawn last", nil, []placed{header},
			[]string{"Platform licence terms", "1. Licence"}, []string{"terms ends the licence at once."}},
		{"two header lines and footers drawn last", nil, []placed{docID, header, footer, pageNo},
			[]string{"TERMS-0042", "Platform licence terms", "1. Licence"},
			[]string{"terms ends the licence at once.", "Version 2 - March 2026 page 1/3"}},
		{"footer drawn first", []placed{footer}, nil,
			[]string{"1. Licence"}, []string{"terms ends the licence at once.", "Version 2 - March 2026"}},
		{"header drawn first stays", []placed{header}, []placed{footer},
			[]string{"Platform licence terms", "1. Licence"}, []string{"terms ends the licence at once.", "Version 2 - March 2026"}},
		// A line drawn last inside the body's extent (a margin note) is
		// not an edge: the page is left in stream order.
		{"body line drawn last stays", nil, []placed{{400, 652, "Note to reader"}},
			[]string{"1. Licence"}, []string{"Note to reader"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text, _ := layoutText(t, edgePage(c.before, c.after))
			lines := nonBlank(text)
			if len(lines) < len(c.first)+len(c.last) {
				t.Fatalf("too few lines:\n%s", text)
			}
			got := strings.Join(lines[:len(c.first)], " | ")
			if want := strings.Join(c.first, " | "); got != want {
				t.Errorf("first lines %q, want %q\n%s", got, want, text)
			}
			got = strings.Join(lines[len(lines)-len(c.last):], " | ")
			if want := strings.Join(c.last, " | "); got != want {
				t.Errorf("last lines %q, want %q\n%s", got, want, text)
			}
		})
	}
}

// A page drawn in no top-down order keeps its stream order.
func TestPDFEdgeOrderScrambledPageKept(t *testing.T) {
	var items []placed
	for i, s := range edgeBody {
		y := float64(700 - 12*((i*4)%len(edgeBody))) // 0,4,8,3,7,2,6,1,5
		items = append(items, placed{72, y, s})
	}
	items = append(items, placed{72, 760, "Platform licence terms"})
	text, _ := layoutText(t, items)
	lines := nonBlank(text)
	if lines[len(lines)-1] != "Platform licence terms" {
		t.Errorf("scrambled page reordered:\n%s", text)
	}
}

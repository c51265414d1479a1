package analyze

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestEvidenceQuote: the quote reads as the document does. Each row is
// one kind of fault: the clauses (id, parent, text) of an agreement, the
// rule, and the text its first evidence must quote.
func TestEvidenceQuote(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	type clause struct{ id, parent, text string }
	tests := []struct {
		name    string
		clauses []clause
		rule    string
		want    string
	}{
		{
			// A later item of a list is quoted with its lead-in, and the
			// items between them are marked as left out.
			name:    "a later list item and its lead-in are joined with an ellipsis",
			clauses: []clause{{"3", "", "Provider shall:\n- keep the Service available during business hours;\n- answer support requests within one business day;\n- delete or return all Customer Data within 30 days after termination of the Agreement."}},
			rule:    "data-return-exit",
			want:    "Provider shall: … delete or return all Customer Data within 30 days after termination of the Agreement.",
		},
		{
			// The first item follows its lead-in: nothing is left out.
			name:    "the first list item follows its lead-in without an ellipsis",
			clauses: []clause{{"3", "", "Provider shall:\n- delete or return all Customer Data within 30 days after termination of the Agreement;\n- answer support requests within one business day."}},
			rule:    "data-return-exit",
			want:    "Provider shall: delete or return all Customer Data within 30 days after termination of the Agreement;",
		},
		{
			// The same when the items are sub-clauses of their own.
			name: "a later sub-clause and its parent's lead-in are joined with an ellipsis",
			clauses: []clause{
				{"4", "", "After the Agreement ends, Provider shall:\n(a) issue a final invoice;\n(b) delete or return all Customer Data within 30 days."},
				{"4(a)", "4", "issue a final invoice;"},
				{"4(b)", "4", "delete or return all Customer Data within 30 days."},
			},
			rule: "data-return-exit",
			want: "After the Agreement ends, Provider shall: … delete or return all Customer Data within 30 days.",
		},
		{
			// The first sub-clause follows its lead-in with its marker
			// between them: the quote keeps the marker, as the clause
			// reads, rather than splicing the two.
			name: "the first sub-clause is quoted with its marker after the lead-in",
			clauses: []clause{
				{"6", "", "When the Agreement ends, Provider shall:\n(a) delete or return all Customer Data within 30 days;\n(b) issue a final invoice."},
				{"6(a)", "6", "delete or return all Customer Data within 30 days;"},
				{"6(b)", "6", "issue a final invoice."},
			},
			rule: "data-return-exit",
			want: "When the Agreement ends, Provider shall: (a) delete or return all Customer Data within 30 days;",
		},
		{
			// A lead-in that points back ("Such ...") is read joined to the
			// sentence before it; the quote keeps both as written, not
			// "breach, such".
			name: "a lead-in pointing back keeps the sentence before it as written",
			clauses: []clause{
				{"8", "", "Provider shall support Customer when the Agreement ends. Such support means that Provider shall:\n(a) delete or return all Customer Data within 30 days;\n(b) stop using the Customer's marks."},
				{"8(a)", "8", "delete or return all Customer Data within 30 days;"},
				{"8(b)", "8", "stop using the Customer's marks."},
			},
			rule: "data-return-exit",
			want: "Provider shall support Customer when the Agreement ends. Such support means that Provider shall: (a) delete or return all Customer Data within 30 days;",
		},
		{
			// A clause's lead-in and a sub-clause that does not follow it
			// (a list's bullets stand between them) are quoted with "…",
			// never stitched as if adjacent.
			name: "a sub-clause and a lead-in it does not follow are joined with an ellipsis",
			clauses: []clause{
				{"9.6", "9", "9.6 Provider shall:\n- keep a log of all access to Customer Data;\n- answer support requests within one business day;\n- on termination of the Agreement:\n(i) delete or return all Customer Data within 30 days;\n(ii) issue a final invoice."},
				{"9.6(i)", "9.6", "delete or return all Customer Data within 30 days;"},
				{"9.6(ii)", "9.6", "issue a final invoice."},
			},
			rule: "data-return-exit",
			want: "Provider shall: … delete or return all Customer Data within 30 days;",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &extract.Agreement{Path: "test.md", Format: "md", Pages: []extract.Page{{Number: 1}}}
			for _, c := range tc.clauses {
				a.Clauses = append(a.Clauses, extract.Clause{ID: c.id, Parent: c.parent, Text: c.text})
				if c.parent == "" {
					a.Pages[0].Text += c.text + "\n"
				}
			}
			res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range res.Findings {
				if f.Rule == tc.rule {
					if len(f.Evidence) == 0 || f.Evidence[0].Text != tc.want {
						t.Errorf("%s (%s): evidence %+v,\nwant quote %q", tc.rule, f.Status, f.Evidence, tc.want)
					}
					return
				}
			}
			t.Errorf("no %s finding", tc.rule)
		})
	}
}

// TestTrimQuote: a long quote is cut at a word boundary near 400 bytes, or,
// where there is none, at a character's start: never inside a character.
func TestTrimQuote(t *testing.T) {
	tests := []struct {
		name, in string
		max      int // bytes before " …"
	}{
		{"short text is kept whole", "Provider shall notify Customer.", 31},
		{"a word boundary near the limit", strings.Repeat("word ", 100), 400},
		// 2-byte characters with no space: byte 400 is a character's start.
		{"two-byte characters without spaces", strings.Repeat("é", 300), 400},
		// 3-byte characters: byte 400 falls inside one.
		{"three-byte characters without spaces", strings.Repeat("データ", 100), 400},
		{"a space too early, then 3-byte characters", "Vorwort: " + strings.Repeat("ü€", 150), 400},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := trimQuote(tc.in)
			if !utf8.ValidString(got) {
				t.Fatalf("trimQuote cut inside a character: %q", got[len(got)-8:])
			}
			body := strings.TrimSuffix(got, " …")
			if len(body) > tc.max || len(body) < tc.max-3 && len(tc.in) > 400 {
				t.Errorf("kept %d bytes, want at most %d and close to it", len(body), tc.max)
			}
			if !strings.HasPrefix(strings.Join(strings.Fields(tc.in), " "), body) {
				t.Errorf("the quote is not the text's start: %q", body)
			}
		})
	}
}

// TestVerbatimQuoteDropsLonePunctuation: a part that opens with a comma
// the document does not hold there (", Provider may ask ...", left where a
// unit's first words were rewritten) is quoted without the comma as a
// piece of its own ("Information; , Provider" was no text of the
// document, corpus-p).
func TestVerbatimQuoteDropsLonePunctuation(t *testing.T) {
	src := "You agree to (i) keep your details current; (ii) protect your password. Provider may ask you for documents."
	got := verbatimQuote(src, []string{"You agree to (i) keep your details current;", ", Provider may ask you for documents."}, false)
	want := "You agree to (i) keep your details current; … Provider may ask you for documents."
	if got != want {
		t.Errorf("quote %q, want %q", got, want)
	}
}

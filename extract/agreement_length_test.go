package extract

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/internal/hostile"
)

// writeAgreement writes lines as an agreement in format ext (.md, .txt,
// .docx or .pdf) and returns the path.
func writeAgreement(t *testing.T, ext string, lines []string) string {
	t.Helper()
	var b []byte
	switch ext {
	case ".docx":
		z, err := hostile.Zip(hostile.DOCXParts(hostile.DocumentXML("", hostile.Paragraphs(lines)), ""))
		if err != nil {
			t.Fatal(err)
		}
		b = z
	case ".pdf":
		p := hostile.AgreementPDF(1, 1)
		p.Objects[4] = hostile.Stream("", hostile.TextContent(lines))
		b = p.Bytes()
	default:
		b = []byte(strings.Join(lines, "\n") + "\n")
	}
	path := filepath.Join(t.TempDir(), "a"+ext)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestLengthPolicy: one rule for every format. Before it, the 25-word
// clause was refused in Markdown and text ("25 words is too short for an
// agreement (at least 30)") while a one-word DOCX was analysed.
func TestLengthPolicy(t *testing.T) {
	clause := []string{
		"1. Breach notice",
		"The Contractor will report any security breach to the Client within 24 hours",
		"and will cooperate with the Client in its investigation of the breach.",
	}
	for _, tt := range []struct {
		name  string
		lines []string
		msg   string // "" when read
	}{
		{"a 25-word clause", clause, ""},
		{"one word", []string{"Agreement"}, "0 words of running text is too short for an agreement (at least 10)"},
		{"one short sentence", []string{"Vendor will notify Customer of breaches promptly."}, "7 words of running text is too short for an agreement (at least 10)"},
		{"headings and labels", []string{"MASTER SERVICES AGREEMENT", "Customer:", "Vendor:", "Date:"}, "3 words of running text is too short"},
	} {
		for _, ext := range []string{".md", ".txt", ".docx", ".pdf"} {
			t.Run(tt.name+ext, func(t *testing.T) {
				path := writeAgreement(t, ext, tt.lines)
				doc, err := Open(path, Options{})
				if tt.msg == "" {
					if err != nil || doc.Agreement == nil || len(doc.Agreement.Clauses) == 0 {
						t.Fatalf("err %v, want the clause read", err)
					}
					return
				}
				var ie *InputError
				if !errors.Is(err, ErrEmpty) || !errors.As(err, &ie) || ie.Path != path || !strings.Contains(err.Error(), tt.msg) {
					t.Errorf("err %v, want ErrEmpty naming the file with %q", err, tt.msg)
				}
			})
		}
	}
}

func TestRunningWords(t *testing.T) {
	for text, want := range map[string]int{
		"":          0,
		"Agreement": 0,
		"1. Term\nThis agreement runs for one year.": 6,
		"By: ____\nName: Jane Doe\nTitle: Director":  3,
	} {
		if got := runningWords(text); got != want {
			t.Errorf("runningWords(%q) = %d, want %d", text, got, want)
		}
	}
}

package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalizeText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"crlf", "a\r\nb\rc", "a\nb\nc"},
		{"ligatures", "ﬁle ﬂow eﬀort oﬃce baﬄe ﬅ ﬆ", "file flow effort office baffle st st"},
		{"zero width and bidi", "se\u200bcu\u200crity\u200d \u202aa\u202c\u2060b\ufeff\u200e\u200f", "security ab"},
		{"soft hyphen inside word", "secu\u00adrity", "security"},
		{"soft hyphen at line end", "secu\u00ad\nrity incident", "security incident"},
		{"nbsp", "72\u00a0hours\u202fand\u2007more", "72 hours and more"},
		{"curly quotes folded", "“Customer’s” ‘data’", "\"Customer's\" 'data'"},
		{"dashes kept", "a – b — c", "a – b — c"},
		{"non-breaking hyphen", "e\u2011mail", "e-mail"},
		{"hyphen join lowercase", "secu-\nrity incident", "security incident"},
		{"hyphen join keeps compound", "third-\nparty vendors", "third-party vendors"},
		{"hyphen kept before capital", "ISO-\nCertified", "ISO-\nCertified"},
		{"hyphen kept before digit", "ISO-\n27001", "ISO-\n27001"},
		{"capitalised compound joined", "its (\"Sub-\nProcessors\") and a Third-\nParty Auditor", "its (\"Sub-Processors\") and a Third-Party Auditor"},
		{"capitalised name written whole elsewhere", "AcmePay pays. Acme-\nPay keeps it", "AcmePay pays. AcmePay keeps it"},
		{"hyphen join inside quotes", "the \"notifi-\ncation\" and (\"Certifi-\ncations\")", "the \"notification\" and (\"Certifications\")"},
		{"hyphen join indented next line", "notifi-\n   cation", "notification"},
		{"hyphen of a web address kept", "measures at www.acme.example/technical-and-\norganizational-measures apply", "measures at www.acme.example/technical-and-organizational-measures apply"},
		{"web address hyphenated as a word", "see https://exam-\nple.com and example.com", "see https://example.com and example.com"},
		{"web address broken after a slash", "available at https://app.acme.example/policy-viewer/\npolicy.html?id=b62 today", "available at https://app.acme.example/policy-viewer/policy.html?id=b62 today"},
		{"sentence after a web address not joined", "see https://acme.example/\n2. Fees", "see https://acme.example/\n2. Fees"},
		{"prefix before a word keeps its hyphen", "the sub-\nprocessors and other processors", "the sub-processors and other processors"},
		{"prefix inside a word loses it", "the Client re-\nmains responsible", "the Client remains responsible"},
		{"the document's own spelling", "data-\nprocessing terms govern data-processing", "data-processing terms govern data-processing"},
		{"the document's own spelling, joined", "sub-\nprocessors are listed; subprocessors may change", "subprocessors are listed; subprocessors may change"},
		{"list dash not joined", "items:\n- one\n- two", "items:\n- one\n- two"},
		{"spaces collapsed", "a   b \t c   ", "a b c"},
		{"indent kept", "1. A\n    1. B", "1. A\n    1. B"},
		{"blank lines squeezed", "\n\n a\n\n\n\nb\n\n", " a\n\nb"},
		{"page x of y dropped", "text\nPage 3 of 12\nmore", "text\nmore"},
		{"page x dropped", "text\n- Page 4 -\nmore", "text\nmore"},
		{"bare page number at bottom", "1. PURPOSE\ntext\n\n3", "1. PURPOSE\ntext"},
		{"bare page number at top", "12\nSECTION\ntext\nmore\nlines", "SECTION\ntext\nmore\nlines"},
		{"n / m footer", "a\nb\nc\nd\n2 / 5", "a\nb\nc\nd"},
		{"number in middle kept", "a\nb\nc\n42\nd\ne\nf", "a\nb\nc\n42\nd\ne\nf"},
		{"single number line kept", "7", "7"},
		{"invalid utf8", "a\xffb", "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NormalizeText(tt.in); got != tt.want {
				t.Errorf("NormalizeText(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzNormalizeText(f *testing.F) {
	for _, s := range []string{"secu-\nrity", "a\u00ad\nb", "Page 1 of 2\n", "ﬁ\r\n\u200b", "-\n-\n", "\u00ad\u00ad\n\u00ad", "x-\n\n-\ny"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := NormalizeText(s)
		if !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 out of %q", s)
		}
		if strings.Contains(got, "\r") || strings.Contains(got, "\u00ad") || strings.Contains(got, "\ufeff") {
			t.Fatalf("left a CR, soft hyphen or BOM: %q", got)
		}
		if strings.Contains(got, "\n\n\n") {
			t.Fatalf("more than one blank line: %q", got)
		}
		if NormalizeText(got) != NormalizeText(NormalizeText(got)) {
			t.Fatalf("not stable: %q", got)
		}
	})
}

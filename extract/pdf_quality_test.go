package extract

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/internal/hostile"
)

// securityOverview is an invented two-column security overview in clean
// typeset text, dense with product and standard names: the kind of page
// the OCR-noise gate refused as "garbled text layer (1.0 % malformed)".
var securityOverview = []string{
	"1. Overview",
	"Northwind Cloud runs its platform on AWS in two regions. Customer data is stored in MongoDB and PostgreSQL clusters, encrypted at rest with AES-256 and in transit with TLS 1.2 or later over HTTPS. Our information security management system is certified to ISO27001 and audited every year for SOC 2 Type II.",
	"2. Engineering",
	"Source code lives in GitHub. Every change is reviewed by a second engineer and passes static analysis before it is merged. Builds run in isolated containers on Kubernetes, and images are signed. Dependencies written in JavaScript, TypeScript and Go are scanned daily for known vulnerabilities, and critical findings are fixed within seven days.",
	"3. Messaging and storage",
	"Services exchange events through RabbitMQ with mutual TLS. Backups of every PostgreSQL and MongoDB database are taken every six hours, copied to a second region in Amazon S3 and restored in a test at least once a quarter. Object storage buckets are private by default and access is logged.",
	"4. Identity",
	"Staff sign in through Okta with single sign-on over SAML 2.0 and a second factor on every login. Customers may use their own identity provider through OpenID Connect or OAuth2, and may require 2FA for all of their users. Administrative access to production uses short-lived credentials and is recorded.",
	"5. Endpoints",
	"Laptops run macOS or Windows with full disk encryption, CrowdStrike endpoint protection and automatic updates. Phones that reach company mail run a current version of iOS or Android under mobile device management. Lost devices are wiped remotely.",
	"6. Monitoring and response",
	"Logs from every service are collected centrally and kept for one year. Alerts reach the on-call engineer through PagerDuty at any hour, and the security team keeps a 24x7 rotation. We notify affected customers of a security incident without undue delay and in any event within 48 hours of confirming it, and we cooperate with their investigation.",
	"7. Subprocessors",
	"We list our subprocessors on our website and give customers thirty days' notice of any new subprocessor. Each subprocessor signs data protection terms no less protective than ours, and we remain responsible for its work.",
	"8. Network",
	"Production networks are segmented, and only the load balancers accept traffic from the internet. We support IPv6, rotate x509 certificates every ninety days and hash stored passwords with a slow, salted algorithm. Penetration tests by an independent firm take place every year and after major changes.",
	"9. People",
	"Every employee passes a background check where the law allows it, signs a confidentiality agreement and completes security awareness training when hired and every year after. Access is removed on the last working day. Our DevSecOps group reviews the architecture of every new service.",
	"10. Customer responsibilities",
	"Customers are responsible for the accounts they create, for the strength of their passwords, for the devices from which their users sign in, and for the data they choose to upload to the service. They should enable 2FA and review their audit log regularly.",
}

// overviewPDF lays the overview out in two columns of 42-character lines,
// written row by row, over as many pages as it takes.
func overviewPDF(paras []string) []byte {
	var lines []string
	for _, p := range paras {
		line := ""
		for _, w := range strings.Fields(p) {
			if len(line)+len(w) > 42 {
				lines = append(lines, line)
				line = ""
			}
			if line != "" {
				line += " "
			}
			line += w
		}
		lines = append(lines, line, "")
	}
	const perCol = 52
	p := &hostile.PDF{}
	p.Add("<< /Type /Catalog /Pages 2 0 R >>")
	p.Add("")
	p.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	esc := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
	var kids []string
	for start := 0; start < len(lines); start += 2 * perCol {
		var c bytes.Buffer
		for i := 0; i < perCol; i++ {
			for k, x := range []int{60, 320} {
				if j := start + k*perCol + i; j < len(lines) && lines[j] != "" {
					fmt.Fprintf(&c, "BT /F1 9 Tf 1 0 0 1 %d %d Tm (%s) Tj ET\n", x, 740-13*i, esc.Replace(lines[j]))
				}
			}
		}
		page := p.Add(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", len(p.Objects)+2))
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
		p.Add(hostile.Stream("", c.Bytes()))
	}
	p.Objects[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	return p.Bytes()
}

// TestCleanOverviewWithProductNames: a clean document dense with product
// names is read, never refused as a garbled layer. It failed before the
// gate judged characters: "text layer is garbled (3.9% of the words in the
// document are malformed: a poor OCR layer?)".
func TestCleanOverviewWithProductNames(t *testing.T) {
	b := overviewPDF(securityOverview)
	doc, err := parsePDF("overview.pdf", bytes.NewReader(b), int64(len(b)), Options{})
	if err != nil {
		t.Fatalf("clean overview refused: %v", err)
	}
	text := doc.Agreement.Pages[0].Text
	for _, name := range []string{"GitHub", "RabbitMQ", "ISO27001", "MongoDB", "PostgreSQL", "CrowdStrike", "PagerDuty", "DevSecOps"} {
		if !strings.Contains(text, name) {
			t.Errorf("page text lacks %q", name)
		}
	}
	if len(doc.Agreement.Unread) != 0 {
		t.Errorf("unread pages %v", doc.Agreement.Unread)
	}
}

// TestNoisyWord: the marks of OCR noise, and the names that are not.
func TestNoisyWord(t *testing.T) {
	vocab := map[string]int{"this": 12, "all": 9, "project": 5}
	for _, tt := range []struct{ tok, want string }{
		{"GitHub", ""}, {"RabbitMQ", ""}, {"ISO27001", ""}, {"MongoDB", ""}, {"PostgreSQL", ""},
		{"McAfee", ""}, {"iPhone", ""}, {"eBay", ""}, {"IDs", ""}, {"DevSecOps", ""}, {"JavaScript", ""},
		{"IPv6", ""}, {"x509", ""}, {"e2e", ""}, {"SHA-256", ""}, {"AES256", ""}, {"OAuth2", ""},
		{"HTTPS", ""}, {"SQL", ""}, {"strengths", ""}, {"Schwarzschild", ""}, {"contract(s)", ""},
		{"AT&T", ""}, {"C++", ""}, {"Node.js", ""}, {"and/or", ""}, {"24x7", ""}, {"10-K", ""},
		{"Cl0mp", "digit"}, {"ofl1ce", "digit"},
		{"4GRFFMFST", "consonants"}, {"rthdfkls", "consonants"},
		{"T‘Derelopment", "symbol"}, {"Kell)r", "symbol"}, {"Guaranty\"s", "symbol"}, {"wo!rd", "symbol"},
		{"tHiS", "case"}, {"AgReEmEnT", "case"},
		{"ofthis", "fused"}, {"ofall", "fused"}, {"ofProject", "fused"}, {"often", ""}, {"theory", ""},
	} {
		if got := noisyWord(tt.tok, vocab); got != tt.want {
			t.Errorf("noisyWord(%q) = %q, want %q", tt.tok, got, tt.want)
		}
	}
}

// TestOCRNoiseCorpus: the PrimeEnergy exhibit's OCR layer stays refused
// (its noise falls on the words obligations turn on: "shad be deemed",
// "win reduce", "wid ejpire"), and no typeset corpus PDF comes near the
// threshold.
func TestOCRNoiseCorpus(t *testing.T) {
	p := corpusFile(t, "cuad-ocr-primeenergy-2007.pdf")
	_, err := Open(p, Options{})
	if !errors.Is(err, ErrGarbled) {
		t.Errorf("PrimeEnergy: err %v, want ErrGarbled", err)
	}
	for _, name := range []string{"cuad-hosting-bluefly-2002.pdf", "cuad-servicing-verizonabs-2020.pdf", "dpa-make-celonis-2022.pdf", "baa-easeworkflow-2026.pdf"} {
		res := loadPDFFile(t, corpusFile(t, name))
		var texts []string
		for i := 1; i <= len(res.pages); i++ {
			texts = append(texts, NormalizeText(res.texts[i]))
		}
		share, n := oddTokenShare(strings.Join(texts, "\n"), docVocab(texts))
		t.Logf("%s: %.2f%% of %d words noisy", name, 100*share, n)
		if share > maxOddShare/2 {
			t.Errorf("%s: %.2f%% noisy words, over half the threshold", name, 100*share)
		}
	}
}

// TestOddTokenShareRepeatedNames: a brand name whose case the noise test
// marks ("LoanX", as "JimR" is) but which the document spells alike again
// and again is a name; case marks that scatter, or repeat under three
// times, stay noise. A clean page of terms naming such a service 3.8%
// of the time was refused as "2.8% ... OCR noise".
func TestOddTokenShareRepeatedNames(t *testing.T) {
	body := strings.Repeat("the customer shall keep its account secure and notify the provider promptly ", 5)
	for _, tt := range []struct {
		name string
		text string
		odd  int // noisy tokens counted
	}{
		{"name four times", body + "CredQ lends. CredQ may. CredQ shall. (CredQ)", 0},
		{"name three times", body + "CredQ lends. CredQ may. CredQ shall.", 0},
		{"name twice", body + "CredQ lends. CredQ may.", 2},
		{"scattered case noise", body + "JimR JiinE tHiS LIOUDm", 4},
		{"repeated symbol noise", body + "Kell)r Kell)r Kell)r", 3},
		{"name and other noise", body + "PayX PayX PayX Cl0mp", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			share, n := oddTokenShare(tt.text, docVocab([]string{tt.text}))
			if got := int(share*float64(n) + 0.5); got != tt.odd {
				t.Errorf("odd tokens %d (share %.3f of %d), want %d", got, share, n, tt.odd)
			}
		})
	}
}

// TestCleanTermsWithCasedBrand: a clean typeset page of terms that names
// its service "LendQ" throughout is read, not refused as an OCR layer.
func TestCleanTermsWithCasedBrand(t *testing.T) {
	terms := []string{
		"1. Your account",
		"LendQ provides a marketplace for small business loans. To use LendQ you must open an account and keep your password secret. LendQ may suspend an account that is used to break these terms.",
		"2. Fees",
		"LendQ charges the fees shown before you accept an offer. LendQ does not charge a fee to browse. Any tax due on the fees is yours to pay.",
		"3. Privacy",
		"LendQ processes personal data as its privacy notice explains. LendQ shares data with lenders only when you ask for an offer. You may ask LendQ to delete your data at any time.",
	}
	b := overviewPDF(terms)
	doc, err := parsePDF("terms.pdf", bytes.NewReader(b), int64(len(b)), Options{})
	if err != nil {
		t.Fatalf("clean terms refused: %v", err)
	}
	if len(doc.Agreement.Unread) != 0 {
		t.Errorf("unread pages %v", doc.Agreement.Unread)
	}
}

// TestZeroWidthNotNoise: zero-width and format characters (after headings
// and bullets, inside words, as web pages exported to PDF carry them) are
// gone after NormalizeText, which the gate reads, so they never count as
// OCR noise; unnormalised, the same text would.
func TestZeroWidthNotNoise(t *testing.T) {
	for _, tt := range []struct{ name, text string }{
		{"zero width space after headings and bullets", "1. Security\u200b\n\n•\u200b Customer keeps its password secret.\u200b\n• Provider encrypts data at rest.\u200b"},
		{"joiners and word joiner inside words", "Provider en\u200ccrypts al\u200dl stored da\u2060ta and ba\u200bcks it up daily."},
		{"byte order mark and soft hyphens", "\ufeffThe Pro\u00advider no\u00adtifies the Cus\u00adtomer of a breach within two days."},
		{"bidi isolates around names", "Contact \u2068Acme Cloud\u2069 or \u2066Northwind\u2069 for sup\u2067port\u2069 questions."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			clean := NormalizeText(tt.text)
			if share, _ := oddTokenShare(clean, docVocab([]string{clean})); share != 0 {
				t.Errorf("normalised text %q: %.3f noisy", clean, share)
			}
			if share, _ := oddTokenShare(tt.text, nil); share == 0 {
				t.Errorf("raw text scores no noise: the row tests nothing")
			}
		})
	}
}

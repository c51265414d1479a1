package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/analyze"
)

// TestHTMLRedFlags: the HTML report lists the red flags as the text and
// Markdown reports do, each with its rule, title and quote, and names the
// flag on its finding; the quote is escaped like other document text.
func TestHTMLRedFlags(t *testing.T) {
	res, _ := loadSample(t)
	quote := "We may change these terms <at any time> without notice."
	flagged := false
	for i := range res.Findings {
		if res.Findings[i].Rule == "change-notice" {
			ev := analyze.Evidence{File: "msa.md", Section: "12", Text: quote}
			res.Findings[i].RedFlags = []analyze.RedFlagFound{{ID: "change-without-notice", Title: "the vendor may change the terms or the service without notice to the customer", Evidence: ev}}
			flagged = true
		}
	}
	if !flagged {
		t.Fatal("the sample has no change-notice finding")
	}
	var b bytes.Buffer
	if err := Write(&b, "html", res); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		`<section id="red-flags">`,
		`<code>change-notice</code>: the vendor may change the terms or the service without notice to the customer`,
		"We may change these terms &lt;at any time&gt; without notice.",
		`<p class="red-flag-note"><strong>Red flag:</strong> the vendor may change the terms or the service without notice to the customer`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	var md bytes.Buffer
	if err := Write(&md, "md", res); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "## Red flags") {
		t.Error("Markdown lacks its Red flags section (the two formats should agree)")
	}
}

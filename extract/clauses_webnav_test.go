package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Kinds of structure in agreements saved from web pages as Markdown, each
// reproduced by invented text.

// A page's navigation list under "On this page": numbered sections, then
// schedules that the headings below name with escaped, doubled marks.
const mdWebNav = `[Back to the legal centre](https://example.test/legal)

On this page

* 1\. Scope
* 2\. Records
* Schedule 1
* Schedule 2

# \# Hosting Addendum

## \## 1\. Scope

This addendum applies to the hosting of the customer's records by the provider.

## \## 2\. Records

**2\.1** The provider shall keep the records in the region the customer chooses.

**2\.2** The provider shall give the customer a copy of the records on request.

## \## Schedule 1

The regions offered are listed on the provider's status page.

## \## Schedule 2

The support hours are those of the provider's main office.
`

// A navigation list whose items name the sections without their numbers
// ("Scope" for "## 1. Scope"), the schedules last.
const mdWebNavTitles = `Help centre  Legal

On this page

* Scope
* Records
* Schedule 1
* Schedule 2

# Hosting Addendum

## 1. Scope

This addendum applies to the hosting of the customer's records by the provider.

## 2. Records

2.1 The provider shall keep the records in the region the customer chooses.

2.2 The provider shall give the customer a copy of the records on request.

## Schedule 1 - Regions

The regions offered are listed on the provider's status page.
`

// A navigation list made of links to the page's anchors, with no title
// line above it.
const mdAnchorNav = `# Support Terms

* [Support](#support)
* [Fees](#fees)
* [Term](#term)

## 1. Support

The provider shall answer support requests within one business day.

## 2. Fees

The customer shall pay the fees within thirty days of each invoice.
`

// Numbered definitions whose number is bold and escaped and whose term is
// bold inside spaced quotes, some terms in lower case.
const mdSpacedTerms = `# Data Terms

## 1. Definitions

**1\.1** “ **Account** ” means the customer's account on the platform of the provider.

**1\.2** “ **off-site Copy** ” means a copy of customer data kept outside the main region.

**1\.3** “ **e-Notice** ” means a notice sent by e-mail to the customer's administrator.

**1\.4** “ **Region** ” means a geographic area where the provider hosts the platform.

## 2. Copies

The provider shall keep an off-site copy of customer data for thirty days.
`

// A bullet list that is the agreement's own, under a line ending in
// "contents" that is a sentence, not a navigation title: kept.
const mdOwnBullets = `# Export Terms

## 1. Export

1.1 The customer may export these contents

* Files
* Messages
* Audit logs

1.2 The provider shall keep the export available for seven days.
`

func TestSplitClausesWebNav(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want []string
	}{
		{"navigation list and doubled heading marks", mdWebNav,
			[]string{"preamble", "1", "2", "2.1<2", "2.2<2", "Schedule 1", "Schedule 2"}},
		{"navigation list of unnumbered titles", mdWebNavTitles,
			[]string{"preamble", "1", "2", "2.1<2", "2.2<2", "Schedule 1"}},
		{"navigation list of anchor links", mdAnchorNav,
			[]string{"preamble", "1", "2"}},
		{"bold escaped numbers, spaced quotes, lower-case terms", mdSpacedTerms,
			[]string{"preamble", "1", "1.1<1", "1.2<1", "1.3<1", "1.4<1", "2"}},
		{"the agreement's own bullets are kept", mdOwnBullets,
			[]string{"preamble", "1", "1.1<1", "1.2<1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs := SplitClauses([]Page{{Number: 1, Text: NormalizeText(cleanMarkdown(tc.text))}}, false)
			if diff := cmp.Diff(tc.want, clauseIDs(cs)); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

// A heading's title is the clause's heading, not the start of its first
// sentence, when its marks were doubled.
func TestWebNavHeadingTitle(t *testing.T) {
	cs := SplitClauses([]Page{{Number: 1, Text: NormalizeText(cleanMarkdown(mdWebNav))}}, false)
	got := map[string]string{}
	for _, c := range cs {
		got[c.ID] = c.Heading
	}
	for id, want := range map[string]string{"1": "Scope", "2": "Records"} {
		if got[id] != want {
			t.Errorf("clause %s: heading %q, want %q", id, got[id], want)
		}
	}
}

func TestDefinedTermLead(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{`"you" means`, 1},
		{`**"you"**`, 3},
		{`" **ex-EEA** "`, 4},
		{"“ **ex** ”", len("“ **")},
		{"* item", 1},
		{"plain", 0},
	} {
		if got := definedTermLead(tc.in); got != tc.want {
			t.Errorf("definedTermLead(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestUnescapeNumberLead(t *testing.T) {
	for in, want := range map[string]string{
		`**1\.7** text`: `**1.7** text`,
		`9\.6\.1 text`:  `9.6.1 text`,
		`1.2 text \.`:   `1.2 text \.`,
		`text 1\.2`:     `text 1\.2`,
	} {
		if got := unescapeNumberLead(in); got != want {
			t.Errorf("unescapeNumberLead(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDropEchoedHeadingMarks(t *testing.T) {
	for in, want := range map[string]string{
		"## \\## 1\\. Scope":      "## 1\\. Scope",
		"# \\# Title\ntext":       "# Title\ntext",
		"### \\#\\#\\# 2\\. Fees": "### 2\\. Fees",
		"## \\#hashtag campaign":  "## \\#hashtag campaign",
		"text \\## not a heading": "text \\## not a heading",
		"## Plain heading":        "## Plain heading",
	} {
		if got := dropEchoedHeadingMarks(in); got != want {
			t.Errorf("dropEchoedHeadingMarks(%q) = %q, want %q", in, got, want)
		}
	}
}

// An annex describing the processing as bold labels closed by their colon,
// some values in lower case: each label is a clause.
const mdLabelFields = `# Processing Annex

## Annex 1 - Details

**Subject matter:** Hosting of the customer's files.

**Duration:** the term of the subscription and thirty days after it.

**Data subjects:** staff and clients of the customer.

**Frequency:** Continuous.
`

func TestSplitClausesLabelFields(t *testing.T) {
	cs := SplitClauses([]Page{{Number: 1, Text: NormalizeText(cleanMarkdown(mdLabelFields))}}, false)
	want := []string{"preamble", `"Annex 1 - Details"`, `"Subject matter"<"Annex 1 - Details"`, `"Duration"<"Annex 1 - Details"`,
		`"Data subjects"<"Annex 1 - Details"`, `"Frequency"<"Annex 1 - Details"`}
	if diff := cmp.Diff(want, clauseIDs(cs)); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
}

// A bold number followed by a sentence holding a bold defined term: the
// words before the term are not the clause's title; a bold title run on
// from the number still is.
const mdBoldTermInSentence = `# Terms

## 6. Lists

**6\.1 Publication** The provider shall publish its security page.

**6\.2** A list of the provider's current subprocessors (the “ **List** ”) will be made available on request.

**6\.3** The provider shall keep the list current and tell the customer of changes in good time.
`

func TestBoldTermNotHeading(t *testing.T) {
	cs := SplitClauses([]Page{{Number: 1, Text: NormalizeText(cleanMarkdown(mdBoldTermInSentence))}}, false)
	got := map[string]string{}
	for _, c := range cs {
		got[c.ID] = c.Heading
	}
	for id, want := range map[string]string{"6": "Lists", "6.1": "Publication", "6.2": "", "6.3": ""} {
		if h, ok := got[id]; !ok || h != want {
			t.Errorf("clause %s: heading %q (present %v), want %q", id, h, ok, want)
		}
	}
}

package analyze

import (
	"strings"
	"testing"
)

// TestTrialStructureKinds (issue 11, trial31): the kind and the vendor of
// a Markdown agreement are read from its title and opening sentence, not
// from its table of contents nor from a style block; each row is one kind,
// in sentences written for the test.
func TestTrialStructureKinds(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		name   string
		md     string
		kind   string // the agreement's document kind
		vendor string // Result.Vendor ("" not checked)
	}{
		{
			name: "a table of contents of links: the kind comes from the opening sentence",
			md: "---\ntitle: Processing Terms\n---\n\n## Contents\n\n1. [Definitions](#1-definitions)\n2. [Service Levels](#2-service-levels)\n3. [Security Measures](#3-security-measures)\n4. [Breaches](#4-breaches)\n\n" +
				"This Data Processing Agreement forms part of the subscription between Corvelin Labs Ltd and the customer and governs how Corvelin Labs Ltd processes personal data on the customer's behalf.\n\n" +
				"## 1. Definitions\n\n\"Personal Data\" means any information about an identified person.\n\n## 3. Security Measures\n\nCorvelin Labs Ltd shall encrypt Personal Data at rest.\n\n## 4. Breaches\n\nCorvelin Labs Ltd shall notify the customer of a Personal Data Breach within 48 hours.\n",
			kind: "dpa",
		},
		{
			name: "a table of contents with page numbers: the kind comes from the opening sentence",
			md: "Table of Contents\n\n1. Definitions 2\n2. Service Level Agreement 3\n3. Security Exhibit 4\n\n" +
				"This Data Processing Addendum is made between Wrenfold Analytics Inc. and its customer and sets out the terms on which personal data is processed.\n\n" +
				"1. Definitions\n\n\"Personal Data\" means any information about an identified person.\n\n3. Security\n\nWrenfold Analytics Inc. shall notify the customer of a Personal Data Breach within 48 hours.\n",
			kind: "dpa",
		},
		{
			name: "a vendor with a lower-case brand name defined in the opening sentence",
			md: "# Data Processing Agreement\n\n" +
				"This Data Processing Agreement (\"DPA\") is a binding agreement between zephyrLearn (\"Provider\" or \"Processor\") and the school or teacher (\"Subscriber\" or \"Controller\") using the zephyrLearn platform.\n\n" +
				"## 1. Breaches\n\nzephyrLearn will notify the Subscriber of a Personal Data Breach within 48 hours.\n\n## 2. Deletion\n\nzephyrLearn will delete Personal Data within 30 days after the subscription ends.\n",
			kind:   "dpa",
			vendor: "zephyrLearn",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := runMarkdown(t, rs, tc.md)
			var kinds []string
			for _, d := range res.Inputs {
				if d.DocKind != nil {
					kinds = append(kinds, d.DocKind.Kind+" ("+d.DocKind.From+" "+d.DocKind.Cue+")")
				}
			}
			if len(kinds) != 1 || !strings.HasPrefix(kinds[0], tc.kind+" ") {
				t.Errorf("kind %v, want %s", kinds, tc.kind)
			}
			if tc.vendor != "" && res.Vendor != tc.vendor {
				t.Errorf("vendor %q, want %q", res.Vendor, tc.vendor)
			}
		})
	}
}

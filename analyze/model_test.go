package analyze

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestParseOwnerVocabularies maps the ownership wording of every layout in
// the questionnaire corpus (and the FedRAMP origination captions) onto the
// owner model.
func TestParseOwnerVocabularies(t *testing.T) {
	tests := []struct {
		in   string
		want Owner
	}{
		// CAIQ v4.
		{"CSP-owned", OwnerVendor},
		{"CSC-owned", OwnerCustomer},
		{"Shared CSP and CSC", OwnerShared},
		{"Shared CSP and 3rd-party", OwnerThirdParty},
		{"3rd-party outsourced", OwnerThirdParty},
		{"NA", OwnerNotApplicable},
		// CCM v4 per cell, and per service model (chosen model first).
		{"CSP-Owned", OwnerVendor},
		{"CSC-Owned", OwnerCustomer},
		{"Shared", OwnerShared},
		{"Shared (Independent)", OwnerShared},
		{"Shared (Dependent)", OwnerShared},
		{"IaaS=Shared; PaaS=Shared; SaaS=CSP-Owned", OwnerShared},
		{"SaaS=CSP-Owned; IaaS=Shared; PaaS=Shared", OwnerVendor},
		{"SaaS=CSC-Owned; IaaS=CSP-Owned; PaaS=CSP-Owned", OwnerCustomer},
		{"SaaS=Shared (Dependent); IaaS=Shared (Dependent)", OwnerShared},
		// CAIQ v1.1 flag pairs and CCM R1.1 party marks.
		{"SP=Y; CUST=Y", OwnerShared},
		{"SP=Y; CUST=N", OwnerVendor},
		{"SP=N; CUST=Y", OwnerCustomer},
		{"SP=N; CUST=N", OwnerNotApplicable},
		{"Service Provider", OwnerVendor},
		{"Tenant", OwnerCustomer},
		{"Service Provider; Tenant", OwnerShared},
		// FedRAMP control origination captions, spacing as found.
		{"Service Provider Corporate", OwnerVendor},
		{"Service Provider System Specific", OwnerVendor},
		{"Service Provider Hybrid (Corporate and System Specific)", OwnerVendor},
		{"Configured by Customer (Customer System Specific)", OwnerCustomer},
		{"Provided by Customer (Customer System Specific)", OwnerCustomer},
		{"Shared (Service Provider and Customer Responsibility)", OwnerShared},
		{"Inherited from Pre-Existing  Authorization", OwnerThirdParty},
		{"Inherited from pre-existing FedRAMP Authorization", OwnerThirdParty},
		{"Service Provider Corporate; Configured by Customer (Customer System Specific)", OwnerShared},
		// FedRAMP CRM "Can Be Inherited from CSP".
		{"Yes", OwnerVendor},
		{"No", OwnerCustomer},
		{"Partial", OwnerShared},
		// Vendor responsibility matrix.
		{"Customer", OwnerCustomer},
		{"Inherited (AWS)", OwnerThirdParty},
		// ISO 27001 SoA "Controlled by 3rd Party".
		{"Y", OwnerVendor},
		{"N", OwnerCustomer},
	}
	for _, tt := range tests {
		got, ok := ParseOwner(tt.in)
		if got != tt.want || !ok {
			t.Errorf("ParseOwner(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

// vendorNamed lists ownership values that name the vendor itself; they are
// resolved against --vendor or the workbook's legend ("Meridian (App
// Vendor)"), not by ParseOwner.
var vendorNamed = map[string]bool{"Meridian": true}

// TestParseOwnerCorpusVocabularies checks that every ownership value in the
// questionnaire corpus's expected/items.csv maps onto an owner.
func TestParseOwnerCorpusVocabularies(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "corpus", "questionnaires", "expected", "items.csv")
	fh, err := os.Open(path)
	if err != nil {
		t.Skip("corpus not found: " + err.Error())
	}
	defer fh.Close()
	r := csv.NewReader(fh)
	r.Comment = '#'
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("%s: %v", path, err)
	}
	col := -1
	for i, h := range recs[0] {
		if h == "ownership_vocabulary" {
			col = i
		}
	}
	if col < 0 {
		t.Fatal("no ownership_vocabulary column")
	}
	n := 0
	for _, rec := range recs[1:] {
		if col >= len(rec) || rec[col] == "" {
			continue
		}
		for _, v := range strings.Split(rec[col], "|") {
			n++
			got, ok := ParseOwner(v)
			if vendorNamed[v] {
				if got != OwnerUnassigned {
					t.Errorf("%s: ParseOwner(%q) = %q; a vendor's own name needs --vendor", rec[0], v, got)
				}
				continue
			}
			if !ok || got == OwnerUnassigned {
				t.Errorf("%s %q: ParseOwner(%q) = %q, %v: not mapped", rec[0], rec[1], v, got, ok)
			}
		}
	}
	if n == 0 {
		t.Error("no ownership values read")
	}
}

func TestItemOwnerNamesTheVendor(t *testing.T) {
	tests := []struct {
		ownership, vendor string
		want              Owner
	}{
		{"Meridian", "Meridian", OwnerVendor},
		{"Meridian LMS", "Meridian", OwnerVendor},
		{"meridian", "Meridian Learning", OwnerVendor},
		{"Customer", "Meridian", OwnerCustomer},
		{"Acme", "Meridian", OwnerUnassigned},
		{"", "Meridian", OwnerUnassigned},
	}
	for _, tc := range tests {
		if got := ItemOwner(extract.Item{Ownership: tc.ownership}, tc.vendor); got != tc.want {
			t.Errorf("itemOwner(%q, vendor %q) = %s, want %s", tc.ownership, tc.vendor, got, tc.want)
		}
	}
}

func TestItemDomain(t *testing.T) {
	tests := []struct {
		id, question, want string
	}{
		{"SEF-07.1", "Do you notify customers of breaches?", "SEF"},
		{"AC-2(13)", "Account management: disable accounts of high-risk individuals", "IAM"},
		{"SI-4", "System monitoring", "TVM"},
		{"HFIH-03", "Do you have a formal incident response plan for security incidents?", "SEF"},
		{"APPL-01", "Are you using a web application firewall and is the application's source code reviewed?", "AIS"},
		{"SOA!12", "Physical entry controls protect the data center and its facilities", "DCS"},
		{"GNRL-01", "Contact phone number", ""},
	}
	for _, tc := range tests {
		if got := ItemDomain(extract.Item{ID: tc.id, Question: tc.question}); got != tc.want {
			t.Errorf("ItemDomain(%s, %q) = %q, want %q", tc.id, tc.question, got, tc.want)
		}
	}
}

// TestScoreTextUnscored: a result whose every rule is not assessed prints
// no score, not 0 (which would read as the riskiest vendor).
func TestScoreTextUnscored(t *testing.T) {
	for _, tc := range []struct {
		s     Summary
		score int
		want  string
	}{
		{Summary{Rules: 21, NotAssessed: 21}, 0, NoScore},
		{Summary{Rules: 21, NotAssessed: 20, Missing: 1}, 0, "0"},
		{Summary{Rules: 3, Met: 3}, 100, "100"},
	} {
		r := &Result{Summary: tc.s, Score: tc.score}
		if got := r.ScoreText(); got != tc.want {
			t.Errorf("%+v: ScoreText %q, want %q", tc.s, got, tc.want)
		}
	}
}

// TestParseOwnerMemo: a value read again, from the memo, reads as the first
// time; so does a value too long to be kept.
func TestParseOwnerMemo(t *testing.T) {
	long := "Shared CSP and CSC" + strings.Repeat(" ", ownerMemoLen)
	for _, s := range []string{"CSP-owned", " csc-OWNED ", "Zeta Cloud", "", long, "SaaS=Shared; PaaS=CSP-owned"} {
		o1, ok1 := parseOwner(s)
		for range 2 {
			if o, ok := ParseOwner(s); o != o1 || ok != ok1 {
				t.Errorf("ParseOwner(%q) = %v, %v; parseOwner: %v, %v", s, o, ok, o1, ok1)
			}
		}
	}
}

package analyze

import (
	"strings"
	"testing"
)

// TestDocs47TierResponseTimes: service levels given per support tier as
// list items under a binding lead-in ("will provide support according to
// the plan:" then "- Email support (12-hour response)") are response times
// in hours: met, as "response time of 12 hours" is (new-user trial 46,
// issue 11; our own sentences). A list with no time, or a time that is no
// response, stays missing.
func TestDocs47TierResponseTimes(t *testing.T) {
	rs := loadRules(t)
	const head = "# Hosting Services Agreement\n\nThis Hosting Services Agreement is between Nimbleware Ltd (\"Provider\") and the customer (\"Customer\").\n\n## 4. Support\n\n**4.1 Support Levels**\n\n"
	for _, tc := range []struct {
		name, body, want string
	}{
		{"tiers under sub-headings", "Provider will provide support services according to the Customer's plan:\n\n**Basic Plan:**\n- Email support (12-hour response, weekdays)\n- Online help centre\n\n**Premium Plan:**\n- Email and chat support (2-hour response, every day)\n- Named support engineer\n", StatusMet},
		{"plain list", "The Supplier shall provide technical support at the level of the Client's package:\n- Standard: ticket support (one-business-day response)\n- Gold: telephone support (30-minute response time)\n", StatusMet},
		{"response first", "Nimbleware will support the Customer as follows:\n- Critical faults: response within 2 hours, around the clock\n- Minor faults: response within 3 business days\n", StatusMet},
		{"no times", "Provider will provide support services according to the Customer's plan:\n- Email support\n- Online help centre\n", StatusMissing},
		{"hours of support, no response", "Provider will provide support services during these hours:\n- Email support (8-hour day, weekdays)\n- Chat support (12 hours a day)\n", StatusMissing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := status(runMarkdown(t, rs, head+tc.body+"\n## 5. Fees\n\nCustomer shall pay the fees in the Order Form within thirty days of invoice.\n"), "service-levels"); got != tc.want {
				t.Errorf("service-levels: got %s, want %s", got, tc.want)
			}
		})
	}
}

// TestDocs47ExhibitsSentSeparately: an exhibit titled on its own line
// ("Exhibit B: Service Level Agreement (SLA)") whose text only points at a
// separate document ("See separate SLA document for uptime guarantees",
// "The Security Addendum is provided separately") is a term by reference
// and a document not sent: a warning names each such exhibit, the DPA's as
// before, the SLA's and the security addendum's too (new-user trial 46,
// issue 11; our own sentences). An exhibit whose text binds is no pointer;
// a policy the vendor keeps is no exhibit to send.
func TestDocs47ExhibitsSentSeparately(t *testing.T) {
	rs := loadRules(t)
	const head = "# Cloud Subscription Agreement\n\nThis Cloud Subscription Agreement is between Orbiton Inc. (\"Orbiton\") and the customer (\"Customer\").\n\n## 1. Fees\n\nCustomer shall pay the fees in the Order Form within thirty days of invoice.\n\n## Exhibits\n\n"
	for _, tc := range []struct {
		name, body  string
		sla         string
		dpa, sla2   bool // dpa-not-sent; exhibit-not-sent naming the SLA
		securityOut bool // exhibit-not-sent naming the security exhibit
	}{
		{"see separate", "### Exhibit A: Data Processing Agreement (DPA)\nSee separate DPA document for GDPR compliance terms.\n\n### Exhibit B: Service Level Agreement (SLA)\nSee separate SLA document for uptime guarantees and support commitments.\n\n### Exhibit C: Security Addendum\nSee separate Security Addendum for detailed security practices and controls.\n", StatusByReference, true, true, true},
		{"refer to", "### Schedule 2 - Service Level Agreement\nRefer to the separate Service Level Agreement for availability commitments.\n\n### Schedule 3 - Information Security Addendum\nSee the Information Security Addendum, supplied separately.\n", StatusByReference, false, true, true},
		{"lower case", "### Exhibit B: Uptime\nSee the separate sla for uptime guarantees and support commitments.\n", StatusByReference, false, true, false},
		{"a policy kept by the vendor", "### Exhibit B: Security\nSecurity incidents are handled as set out in Orbiton's Security Policy.\n", StatusMissing, false, false, false},
		{"exhibit states the term", "### Exhibit B: Service Levels\nOrbiton will make the Service available 99.9% of the time in each calendar month.\n", StatusMet, false, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := runMarkdown(t, rs, head+tc.body)
			if got := status(res, "service-levels"); got != tc.sla {
				t.Errorf("service-levels: got %s, want %s", got, tc.sla)
			}
			var dpa, sla, sec bool
			for _, w := range res.Warnings {
				dpa = dpa || w.Code == WarnDPANotSent
				sla = sla || w.Code == WarnExhibitNotSent && (strings.Contains(w.Message, "the SLA by") || strings.Contains(w.Message, "(SLA)"))
				sec = sec || w.Code == WarnExhibitNotSent && strings.Contains(w.Message, "(security exhibit)")
			}
			if dpa != tc.dpa || sla != tc.sla2 || sec != tc.securityOut {
				t.Errorf("warnings dpa %v sla %v security %v, want %v %v %v: %v", dpa, sla, sec, tc.dpa, tc.sla2, tc.securityOut, res.Warnings)
			}
		})
	}
}

// TestDocs47AnnexTitleNamesVendor: a security annex sent alone names its
// vendor in its title ("Technical and Organisational Measures for
// Brightwater", broken over two lines, or "Quillfeather Security Annex")
// and then states its measures with the name as subject ("Brightwater has
// implemented ..."): the vendor is that name, not the file's (new-user
// trial 47, issue 11; our own text). A title's word the text never uses as
// a subject names no vendor.
func TestDocs47AnnexTitleNamesVendor(t *testing.T) {
	rs := loadRules(t)
	const body = "\n\nThis document describes the measures for the secure processing of personal data.\n\n## 1. Entry control\n\nRooms holding servers are locked. %s has implemented the requirements as follows: locked building, visitor log.\n\n## 2. Access control\n\nEach user has a personal account. %s has implemented multi-factor authentication for all administrators.\n"
	for _, tc := range []struct {
		name, title, used, want string
	}{
		{"measures for, two lines", "Technical and Organisational\nMeasures for Brightwater", "Brightwater", "Brightwater"},
		{"name before", "Quillfeather Security Annex", "Quillfeather", "Quillfeather"},
		{"title word never a subject", "Technical and Organisational Measures for Processors", "The company", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := runMarkdown(t, rs, tc.title+strings.ReplaceAll(body, "%s", tc.used))
			if res.Vendor != tc.want {
				t.Errorf("vendor %q (%s), want %q", res.Vendor, res.VendorSource, tc.want)
			}
		})
	}
}

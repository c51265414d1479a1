package analyze

import (
	"context"
	"github.com/google/go-cmp/cmp"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ssrm-dev/ssrm/extract"
)

// agreement builds a one-clause-per-entry agreement for engine tests.
func agreement(clauses ...string) *extract.Agreement {
	a := &extract.Agreement{Path: "test.md", Format: "md", Pages: []extract.Page{{Number: 1}}}
	for i, c := range clauses {
		id := string(rune('1' + i))
		a.Clauses = append(a.Clauses, extract.Clause{ID: id, Text: c})
		a.Pages[0].Text += c + "\n"
	}
	return a
}

func run(t *testing.T, rs *RuleSet, opts Options, clauses ...string) *Result {
	t.Helper()
	res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{agreement(clauses...)}}, rs, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func status(res *Result, rule string) string {
	for _, f := range res.Findings {
		if f.Rule == rule {
			return f.Status
		}
	}
	return "absent from findings"
}

// TestEngineReadsLikeAReviewer runs whole agreements (not single sentences)
// through Run: definitions, party names, lead-ins and references.
func TestEngineReadsLikeAReviewer(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []statusCase{
		{"defined incident term", []string{`"Data Event" means any unauthorised access to or disclosure of Customer Data.`, "Provider shall notify Customer of any Data Event within 24 hours."}, "breach-notification", StatusMet},
		{"support incident is not a security incident", []string{`"Incident" means an unplanned interruption of the Service.`, "Provider shall notify Customer of any Incident within 24 hours."}, "breach-notification", StatusMissing},
		{"a definition binds no one", []string{`"Security Incident" means a breach of security, of which Provider shall notify Customer.`}, "breach-notification", StatusMissing},
		{"party names told apart by what they do", []string{`This agreement is made between Nimbus Systems Inc. ("NSI") and Harbor Bank ("Harbor").`, "NSI shall provide the hosting services. Harbor shall pay the fees.", "Harbor shall be solely responsible for the security of its user accounts and passwords."}, "customer-responsibilities", StatusMet},
		{"customer duty is not the vendor's notice", []string{"Customer will promptly notify Provider if its credentials are compromised."}, "breach-notification", StatusMissing},
		{"lead-in gives the trigger", []string{"If Provider becomes aware of a security incident affecting Customer Data:\n• Customer will be notified within 48 hours\n• Provider will assist with the investigation at no additional cost"}, "incident-cooperation", StatusMet},
		{"by reference only", []string{"Provider will notify Customer of Security Incidents as set out in the Data Processing Addendum."}, "breach-notification", StatusByReference},
		{"a party named in an opening phrase is no subject", []string{`For the purpose of safeguarding customer and end-user data ("Customer Data"), Provider is dedicated to adhering to industry-standard security practices.`}, "customer-responsibilities", StatusMissing},
		{"a right to update answered by the clause's notice", []string{"Provider may update this DPA from time to time to reflect changes in processing activities. Provider shall notify Customer of material changes at least 30 days before they take effect."}, "change-notice", StatusMet},
		{"an inverted condition is no advice", []string{"Should you decide to terminate your engagement with Provider or request the return of your data, Provider commits to facilitating this process."}, "data-return-exit", StatusMet},
		{"another party's duty to notify is no notice", []string{"Provider will assist in the Customer's obligation to notify authorities of any personal data breach."}, "breach-notification", StatusMissing},
		{"this agreement is no other document", []string{"Upon termination of the Agreement, Provider will delete all Customer Data in accordance with this DPA."}, "data-return-exit", StatusMet},
		{"unchecked option", []string{"Assurance reports: [ ] SOC 2 Type II report provided on request [x] none"}, "security-reports", StatusMissing},
		{"checked option", []string{"Assurance reports: [x] Provider will provide its SOC 2 Type II report on request"}, "security-reports", StatusMet},
		{"a relative clause only qualifies the object", []string{"Provider shall make available to Customer all information as Customer may reasonably require to demonstrate compliance with this Agreement."}, "audit-rights", StatusWeak},
		{"a that-clause of agreeing keeps its own actor", []string{"Provider agrees that Customer may audit Provider's compliance with this Agreement."}, "audit-rights", StatusMet},
		{"a purpose statement binds no one", []string{"The purpose of these standard contractual clauses is to ensure compliance with the Regulation for the transfer of personal data to a third country."}, "data-location", StatusMissing},
		{"an inline definitions lead-in", []string{"Definitions: \"Transfer Regionˮ means the European Union, where Provider shall store all Customer Data."}, "data-location", StatusMissing},
		{"a subject that names its agent", []string{"Any transfer of Customer Data to a country outside the European Union by the Provider shall be undertaken only with Customer's prior written consent."}, "data-location", StatusWeak},
		{"the agent of a participle in the subject", []string{"Customer Data uploaded by Customer shall be deleted within 30 days after termination."}, "data-return-exit", StatusMet},
		{"a statement in the passive with an adverb", []string{"Subprocessors are only engaged with the prior written consent of the Customer."}, "subprocessors", StatusMet},
		{"the vendor and its subcontractors as one subject", []string{"The Provider and each subcontractor will permit any inspection of records as may be required by the Customer."}, "audit-rights", StatusMet},
		{"a law's place is no data location", []string{"Provider shall process Customer Data in compliance with Regulation (EU) 2016/679 and UK data protection law."}, "data-location", StatusMissing},
		{"an adjective before a verb is no imperative", []string{"Secure deletion follows NIST SP 800-88 standards."}, "customer-responsibilities", StatusMissing},
		{"any verb in -s after a party's name", []string{"Provider generally performs the processing of Customer Data on servers within the European Union."}, "data-location", StatusMet},
		{"a noun after a party's name is no verb", []string{"Customer systems are encrypted by Provider with keys stored in Germany."}, "customer-responsibilities", StatusMissing},
		{"a run-in label is no imperative", []string{"Change management: The Processor makes sure that all changes to the IT system are registered and monitored by a security officer."}, "customer-responsibilities", StatusMissing},
		{"the vendor named by the preamble but never defined acts", []string{"This Hosting Agreement is entered into between Larkspur and the Customer named in the Order Form.", "Larkspur shall host the Services. Larkspur will provide support by e-mail.", "This Agreement may be amended by Larkspur with at least thirty days written notice to the Customer of any material change."}, "change-notice", StatusMet},
		{"a relative clause of a thing is no predicate", []string{"Provider shall keep the runbook current and inform Customer within ten (10) days of any material change to the Services which may reduce their security."}, "change-notice", StatusMet},
		{"a statement after an acknowledgement and consent", []string{"Customer acknowledges and consents that Provider hosts Customer Data in data centres in Ireland."}, "data-location", StatusMet},
		{"a promise not to keep data outside a place", []string{"Provider will not store or process Customer Data outside the European Union."}, "data-location", StatusMet},
		{"a table row is a sentence of its own", []string{"Term | Value\nProcessor | Larkspur Ltd, 1 Harbour Road, Dublin, Ireland\nPlace of storage and processing | At the business address of the processor\nTransfer outside of the EU/EEA | Only to countries where the processor is registered\nThe terms defined in this table shall apply throughout this Addendum."}, "data-location", StatusMissing},
		{"a promise not to transfer data outside a place", []string{"Provider shall not transfer Customer Data outside the European Economic Area without Customer's prior written consent."}, "data-location", StatusMet},
		{"a chain of references back to the incident", []string{"If Provider becomes aware of a personal data breach, Provider shall take measures to address it. Provider shall also inform Customer without undue delay after becoming aware of the breach. Such notification shall contain a contact point where more information can be obtained, a description of the nature of the breach and its likely consequences."}, "notification-content", StatusMet},
		{"negation scoped to its own verb", []string{"Provider shall not disclose Customer Data, and shall notify Customer of any security incident within 24 hours."}, "breach-notification", StatusMet},
	}
	checkStatuses(t, rs, tests)
}

func TestWaivers(t *testing.T) {
	rs, err := LoadRules([]string{filepath.Join("testdata", "rules", "valid", "waivers.yaml")})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	res := run(t, rs, Options{Vendor: "acme cloud", Now: now}, "Provider shall provide the Service.")
	waived := map[string]bool{}
	for _, f := range res.Findings {
		if f.Waiver != nil {
			waived[f.Rule] = true
		}
	}
	if !waived["audit-rights"] || !waived["cyber-insurance"] || waived["subprocessors"] {
		t.Errorf("waived = %v, want audit-rights and cyber-insurance (subprocessors' waiver expired)", waived)
	}
	if len(res.ExpiredWaivers) != 1 || res.ExpiredWaivers[0].Rule != "subprocessors" {
		t.Errorf("expired waivers = %+v, want the subprocessors one", res.ExpiredWaivers)
	}
	if res.Summary.Waived != 2 || !strings.Contains(res.Line(), "; 2 waived;") {
		t.Errorf("summary %+v, line %q: want 2 waived", res.Summary, res.Line())
	}
	// The last day of a waiver still counts; the day after it does not.
	last := time.Date(2027, 3, 31, 23, 0, 0, 0, time.UTC)
	res = run(t, rs, Options{Vendor: "Acme Cloud", Now: last}, "Provider shall provide the Service.")
	if f := find(res, "audit-rights"); f.Waiver == nil {
		t.Error("audit-rights waiver should apply on its expiry day")
	}
	res = run(t, rs, Options{Vendor: "Acme Cloud", Now: last.Add(2 * time.Hour)}, "Provider shall provide the Service.")
	if f := find(res, "audit-rights"); f.Waiver != nil {
		t.Error("audit-rights waiver should have expired")
	}
	// Another vendor gets only the "*" waiver.
	res = run(t, rs, Options{Vendor: "Other", Now: now}, "Provider shall provide the Service.")
	if res.Summary.Waived != 1 {
		t.Errorf("other vendor: %d waived, want 1", res.Summary.Waived)
	}
}

func find(res *Result, rule string) Finding {
	for _, f := range res.Findings {
		if f.Rule == rule {
			return f
		}
	}
	return Finding{}
}

func TestGateIgnoresWaivedAndNotAssessed(t *testing.T) {
	res := &Result{Findings: []Finding{
		{Rule: "a", Status: StatusMissing, Severity: SeverityCritical, Waiver: &Waiver{Rule: "a"}},
		{Rule: "b", Status: StatusNotAssessed, Severity: SeverityHigh},
		{Rule: "c", Status: StatusWeak, Severity: SeverityMedium},
		{Rule: "d", Status: StatusMet, Severity: SeverityCritical},
	}}
	if got := res.MaxSeverity(); got != SeverityMedium {
		t.Errorf("MaxSeverity = %q, want medium", got)
	}
}

func TestExpectedSplit(t *testing.T) {
	tests := []struct {
		domain, model string
		owner         Owner
		surprise      string
	}{
		{"TVM", "saas", OwnerCustomer, "Threat & Vulnerability Management (TVM) falls on the customer alone here; for SaaS it is usually the vendor's, shared or a third party's"},
		{"TVM", "iaas", OwnerCustomer, ""},
		{"TVM", "iaas", OwnerVendor, "Threat & Vulnerability Management (TVM) falls on the vendor alone here; for IaaS it is usually the customer's or shared"},
		{"IAM", "saas", OwnerVendor, "Identity & Access Management (IAM) falls on the vendor alone here; for SaaS it is usually shared or the customer's"},
		{"DCS", "paas", OwnerCustomer, "Datacenter Security (DCS) falls on the customer alone here; for PaaS it is usually the vendor's or a third party's"},
		{"DCS", "saas", OwnerUnassigned, ""},
		{"GRC", "saas", OwnerCustomer, ""},
	}
	for _, tc := range tests {
		if _, got := expectedSplit(tc.domain, tc.model, tc.owner); got != tc.surprise {
			t.Errorf("expectedSplit(%s, %s, %s) = %q, want %q", tc.domain, tc.model, tc.owner, got, tc.surprise)
		}
	}
}

func TestScore(t *testing.T) {
	mk := func(st ...string) *Result {
		r := &Result{}
		for i, s := range st {
			r.Findings = append(r.Findings, Finding{Rule: string(rune('a' + i)), Status: s, Severity: SeverityHigh})
		}
		return r
	}
	tests := []struct {
		res     *Result
		score   int
		verdict string
	}{
		{mk(StatusMet, StatusMet), 100, VerdictPass},
		{mk(StatusMet, StatusWeak), 75, VerdictReview},
		{mk(StatusMet, StatusMissing), 50, VerdictReview},
		{mk(StatusMissing, StatusByReference), 13, VerdictFail},
		{mk(StatusNotAssessed, StatusNotAssessed), 0, VerdictReview},
		{mk(StatusMet, StatusNotAssessed), 100, VerdictPass},
		// weak only by a wording against the term: no credit, a gap
		{func() *Result { r := mk(StatusMet, StatusWeak); r.Findings[1].OnlyAgainst = true; return r }(), 50, VerdictReview},
		{func() *Result { r := mk(StatusMet, StatusMet, StatusWeak); r.Findings[2].OnlyAgainst = true; return r }(), 67, VerdictReview},
	}
	for i, tc := range tests {
		score(tc.res)
		if tc.res.Score != tc.score || tc.res.Verdict != tc.verdict {
			t.Errorf("case %d: score %d verdict %s, want %d %s", i, tc.res.Score, tc.res.Verdict, tc.score, tc.verdict)
		}
	}
}

// TestOnlyAgainst: a term the agreement states only in a form that works
// against it is weak with OnlyAgainst set (no score credit); a clause that
// binds the term beside it clears it (new-user trial 35).
func TestOnlyAgainst(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text        []string
		status      string
		onlyAgainst bool
	}{
		{[]string{"1. Changes. Quillfeather may amend these Terms at any time without notice to Customer."}, StatusWeak, true},
		{[]string{"1. Changes. Quillfeather may amend these Terms at any time without notice to Customer.",
			"2. Notice of changes. Quillfeather shall notify Customer in writing at least 30 days before any material change to the Services takes effect."}, "", false},
	} {
		res := run(t, rs, Options{Vendor: "Quillfeather Ltd"}, tc.text...)
		f := find(res, "change-notice")
		if tc.status != "" && f.Status != tc.status || f.OnlyAgainst != tc.onlyAgainst {
			t.Errorf("%q: change-notice %s only_against %v, want %q %v", tc.text, f.Status, f.OnlyAgainst, tc.status, tc.onlyAgainst)
		}
	}
}

func TestSubprocessors(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	res := run(t, rs, Options{Vendor: "Nimbus Ledger Inc."}, // a domain name and a public benefit corporation too
		"Provider uses the following subprocessors: Amazon Web Services, Inc. (hosting, United States) and Twilio Inc. (SMS).",
		"Our subprocessors also include Paddle.com Market Limited (payments) and Help Scout PBC (support).",
		"The Service is hosted by Amazon Web Services in the EU.",
		"Nimbus Ledger Inc. may engage subcontractors.",
		"Customer shall pay Acme Widgets Inc. for hardware.")
	var got []string
	for _, s := range res.Subprocessors {
		got = append(got, s.Name+"@"+s.Evidence[0].Section)
	}
	want := "Amazon Web Services, Inc.@1 Help Scout PBC@2 Paddle.com Market Limited@2 Twilio Inc.@1"
	if strings.Join(got, " ") != want {
		t.Errorf("subprocessors = %v, want %s (AWS named twice is one supplier; the vendor and a non-subprocessor company are left out)", got, want)
	}
}

func TestLineWhenNothingAssessed(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	q := &extract.Questionnaire{Path: "q.xlsx", Items: []extract.Item{{ID: "SEF-07.1", Question: "Do you notify breaches?", Answer: "Yes", AnswerNormalized: extract.AnswerYes, Ownership: "CSP-owned"}}}
	res, err := Run(context.Background(), Inputs{Questionnaire: q}, rs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "21 rules: 21 not assessed (no agreement given: the matrix shows the questionnaire's split); verdict review"
	if got := res.Line(); got != want {
		t.Errorf("line = %q, want %q", got, want)
	}
}

// TestHeadingContext: a clause's heading lends its objects to the sentences
// under it, but a place named in a heading names a law's reach, not where
// data is kept.
func TestHeadingContext(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, heading, text, rule, want string
	}{
		// A new user's trial: a DPA's "5. Processor obligations" lists bare
		// verbs, read as the customer's own duties.
		{"a bare verb under a heading that names the vendor is the vendor's", "Processor obligations", "Implement appropriate technical and organisational security measures, including access controls and encryption of stored credentials.", "vendor-security", StatusMet},
		{"nor the customer's duty", "Processor obligations", "Implement appropriate technical and organisational security measures, including access controls and encryption of stored credentials.", "customer-responsibilities", StatusMissing},
		{"a bare verb under a customer heading stays the customer's", "Customer Responsibilities", "Protect your account credentials and enable multi-factor authentication for all users.", "customer-responsibilities", StatusMet},
		{"a place in a clause set's title", "Standard Contractual Clauses (UK)", "The data exporter shall keep a list of subprocessing agreements concluded under the Clauses, which shall be updated at least once a year.", "data-location", StatusMissing},
		{"a base-form verb after a party's name", "Network security", "Vendor ensure that all communications of the Vendor are secured with TLS encryption.", "customer-responsibilities", StatusMissing},
		{"a noun whose verb is two words is no imperative", "Physical and Environmental Security", "Backup power (UPS and generators) at all data centers.", "customer-responsibilities", StatusMissing},
		{"a glossary binds no one", "Glossary", "Incident Management: the process by which the Provider shall notify the Customer of any security incident within 24 hours.", "breach-notification", StatusMissing},
		{"an incident heading gives the object", "Security Incidents", "Provider shall notify Customer without undue delay and in any event within 48 hours of becoming aware of one.", "breach-notification", StatusMet},
		{"a termination heading puts the deletion at the end", "Effect of Termination", "Provider will delete all Customer Data within 30 days and certify the deletion on request.", "data-return-exit", StatusMet},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := agreement(tc.text)
			a.Clauses[0].Heading = tc.heading
			res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := status(res, tc.rule); got != tc.want {
				t.Errorf("%s: got %s, want %s", tc.rule, got, tc.want)
			}
		})
	}
}

// TestBodyBeforeStandardClauses: the agreement's own clause is cited before
// the standard contractual clauses appended to it, even where the standard
// text states the term better.
func TestBodyBeforeStandardClauses(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	a := agreement(
		"Provider may update its list of subprocessors on its website from time to time.",
		"The data importer shall specifically inform the data exporter in writing of any intended changes to that list through the addition or replacement of sub-processors at least 30 days in advance.",
	)
	a.Clauses[0].ID, a.Clauses[1].ID = "5.3", "Exhibit A 9(a)"
	res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Rule != "change-notice" {
			continue
		}
		if len(f.Evidence) == 0 || f.Evidence[0].Section != "5.3" {
			t.Errorf("change-notice: first evidence %+v, want §5.3", f.Evidence)
		}
		return
	}
	t.Error("no change-notice finding")
}

// TestDemotedEvidence: a rule's demote classes make a sentence weaker
// evidence: access given to law enforcement on its demand is quoted for
// regulator cooperation only when nothing better is there.
func TestDemotedEvidence(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	// Subprocessors named in passing in a sentence about an audit.
	sub := agreement(
		"The processor shall promptly inform the controller about the existence of legislation applicable to it or any subprocessor preventing the conduct of an audit of the processor or subprocessor.",
		"The processor shall inform the controller of any intended changes concerning the addition or replacement of other processors.",
	)
	sub.Clauses[0].ID, sub.Clauses[1].ID = "8", "9"
	res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{sub}}, rs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Rule == "subprocessors" && (len(f.Evidence) == 0 || f.Evidence[0].Section != "9") {
			t.Errorf("subprocessors: first evidence %+v, want §9", f.Evidence)
		}
	}
	a := agreement(
		"If compelled to disclose or provide access to any Customer Data to law enforcement, Provider will promptly notify Customer and provide a copy of the demand, unless legally prohibited from doing so.",
		"Provider shall, taking into account the nature of the processing and the information available to Provider, provide reasonable assistance to Customer with any prior consultation of the supervisory authority.",
	)
	a.Clauses[0].ID, a.Clauses[1].ID = "3", "7"
	res, err = Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Rule != "regulator-cooperation" {
			continue
		}
		if len(f.Evidence) == 0 || f.Evidence[0].Section != "7" {
			t.Errorf("regulator-cooperation: first evidence %+v, want §7", f.Evidence)
		}
		return
	}
	t.Error("no regulator-cooperation finding")
}

// TestConditionIsNoPredicate: a modal inside a condition that closes a duty
// ("only if such an audit may not impose a threat") is part of that duty,
// not a negated predicate of its own; "provided that X shall" binds.
func TestConditionIsNoPredicate(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	checkPredicates(t, rs, []predicateCase{
		{"Nimbo undertakes to allow audits, always within the limits of proportionality, and only if such an audit may not impose a threat to the rights of any third party.", 1},
		{"Provider shall notify Customer within 24 hours, and if Customer so requests, Provider shall assist with the investigation.", 2},
		// The customer's authorisation is a statement of its own; the
		// proviso binds the processor.
		{"Customer authorises new subprocessors, provided that the Processor shall inform the Controller of any intended changes.", 2},
	})
}

// TestListItemsKeepTheirLeadIn: sub-clauses split from a paragraph are read
// with the sentence that introduces them, even when it points back ("This
// includes") and the items open with a gerund.
func TestListItemsKeepTheirLeadIn(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, lead string
		items      []string
		rule, want string
	}{
		{"a lead-in that points back", "Customer is solely accountable for its use of the Services. This includes", []string{"ensuring the Services are used to maintain a level of security appropriate to the risk;", "configuring the Services to meet its own operational needs."}, "vendor-security", StatusMissing},
		{"a gerund item is the lead-in party's duty", "Customer is solely accountable for its use of the Services. This includes", []string{"ensuring the Services are used to maintain a level of security appropriate to the risk;", "safeguarding the authentication credentials used to access the Services."}, "customer-responsibilities", StatusMet},
		{"an item without a verb is the lead-in party's", "The Client takes care of the following:", []string{"protection of its account credentials;", "configuration of its own systems."}, "customer-responsibilities", StatusMet},
		{"a lead-in ending in including", "Provider is responsible for the security of the hosting environment, including", []string{"encrypting Customer Data at rest and in transit;", "implementing technical and organisational measures to protect Customer Data."}, "vendor-security", StatusMet},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := itemsAgreement("4.3", tc.lead, tc.items)
			res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := status(res, tc.rule); got != tc.want {
				t.Errorf("%s: got %s, want %s", tc.rule, got, tc.want)
			}
		})
	}
}

// TestCitesTheClauseItsHeadingNames: among clauses that state a term
// equally, the one whose heading gives it over to the term is cited.
func TestCitesTheClauseItsHeadingNames(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name           string
		headings, text []string
		rule, want     string
	}{
		{"the clause that opens with the term", []string{"", ""}, []string{"Provider will keep records of its processing. Provider shall notify Customer of any Security Incident without undue delay.", "Provider shall notify Customer of any Security Incident without undue delay."}, "breach-notification", "2"},
		{"a red flag in the clause about the term", []string{"Use of the Service", "Changes to these Terms"}, []string{"We may modify the Services at any time without notice to you.", "We may revise these Terms at any time without notice to you."}, "change-notice", "2"},
		{"customer duties heading", []string{"Use of the Service", "Customer Responsibilities"}, []string{"Customer is responsible for the security of its own systems.", "Customer is responsible for the security of its account credentials."}, "customer-responsibilities", "2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkCited(t, rs, tc.headings, tc.text, tc.rule, tc.want)
		})
	}
}

// checkCited runs the rules over an agreement of the given clauses
// (numbered 1, 2, ..., with their headings) and checks that rule's first
// evidence cites section want.
func checkCited(t *testing.T, rs *RuleSet, headings, text []string, rule, want string) {
	t.Helper()
	a := agreement(text...)
	for i, h := range headings {
		a.Clauses[i].Heading = h
	}
	res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Rule != rule {
			continue
		}
		if len(f.Evidence) == 0 || f.Evidence[0].Section != want {
			t.Errorf("%s (%s): evidence %+v, want section %s", rule, f.Status, f.Evidence, want)
		}
		return
	}
	t.Errorf("no %s finding", rule)
}

// TestInlineTail: a sentence cut where its inline enumeration was taken
// out as sub-clauses is quoted whole.
func TestInlineTail(t *testing.T) {
	clause := "4.4 Upon termination, Provider shall return or destroy all PHI, except that Provider may retain PHI (a) as required by law, (b) if return is not feasible, or (c) for its own administration. Provider shall keep retained PHI secure."
	items := []string{"(a) as required by law", "(b) if return is not feasible, or", "(c) for its own administration."}
	tests := []struct{ sentence, want string }{
		{"Upon termination, Provider shall return or destroy all PHI, except that Provider may retain PHI ;", "(a) as required by law, (b) if return is not feasible, or (c) for its own administration."},
		{"Provider shall keep retained PHI secure.", ""},
		{"", ""},
	}
	for _, tc := range tests {
		if got := inlineTail(clause, tc.sentence, items); got != tc.want {
			t.Errorf("inlineTail(%q) = %q, want %q", tc.sentence, got, tc.want)
		}
	}
}

// TestRedFlagOnceForItsItems: a red flag whose lead-in is read with each of
// its clause's items is reported once, at the clause, not once per item.
func TestRedFlagOnceForItsItems(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	lead := "Provider shall not be liable for security vulnerabilities, data breaches or outages arising from:"
	items := []string{"code supplied by Customer;", "third-party platforms or libraries;", "decisions made by prior developers."}
	a := itemsAgreement("2.1", lead, items)
	res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := redFlagSections(res)
	if want := []string{"vendor-security §2.1"}; !cmp.Equal(got, want) {
		t.Errorf("red flags %q, want %q", got, want)
	}
}

// itemsAgreement is an agreement of one clause id whose text is lead then
// its items inline ("(a) ...", "(b) ..."), each item also a sub-clause
// id(a), id(b), ... as the extractor gives them.
func itemsAgreement(id, lead string, items []string) *extract.Agreement {
	text := lead
	for i, it := range items {
		text += " (" + string(rune('a'+i)) + ") " + it
	}
	a := &extract.Agreement{Path: "test.md", Format: "md", Pages: []extract.Page{{Number: 1, Text: text}}}
	a.Clauses = append(a.Clauses, extract.Clause{ID: id, Text: text})
	for i, it := range items {
		l := string(rune('a' + i))
		a.Clauses = append(a.Clauses, extract.Clause{ID: id + "(" + l + ")", Parent: id, Text: "(" + l + ") " + it})
	}
	return a
}

// TestRedFlagOfASubClauseStays: a sub-clause that states its own red flag,
// not read with a lead-in, keeps it beside its parent's.
func TestRedFlagOfASubClauseStays(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	a := &extract.Agreement{Path: "test.md", Format: "md", Pages: []extract.Page{{Number: 1}}}
	for _, c := range []extract.Clause{
		{ID: "2", Text: "Provider shall not be liable for data breaches arising from code supplied by Customer."},
		{ID: "2.1", Parent: "2", Text: "Provider shall not be liable for security vulnerabilities in third-party libraries."},
	} {
		a.Clauses = append(a.Clauses, c)
		a.Pages[0].Text += c.Text + "\n"
	}
	res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := redFlagSections(res)
	if want := []string{"vendor-security §2", "vendor-security §2.1"}; !cmp.Equal(got, want) {
		t.Errorf("red flags %q, want %q", got, want)
	}
}

// statusCase is an agreement of the given clauses (numbered 1, 2, ...)
// and the status rule must have on it.
type statusCase struct {
	name    string
	clauses []string
	rule    string
	want    string
}

// checkStatuses runs each case through Run and checks its rule's status.
func checkStatuses(t *testing.T, rs *RuleSet, tests []statusCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := status(run(t, rs, Options{}, tc.clauses...), tc.rule); got != tc.want {
				t.Errorf("%s: got %s, want %s", tc.rule, got, tc.want)
			}
		})
	}
}

// redFlagSections lists a result's red flags as "rule §section".
func redFlagSections(res *Result) []string {
	var out []string
	for _, f := range res.Findings {
		for _, fl := range f.RedFlags {
			out = append(out, f.Rule+" §"+fl.Evidence.Section)
		}
	}
	return out
}

// predicateCase is a sentence and how many predicates its frame has.
type predicateCase struct {
	text  string
	preds int
}

// checkPredicates counts the predicates the rules' frame reads in each
// sentence.
func checkPredicates(t *testing.T, rs *RuleSet, cases []predicateCase) {
	t.Helper()
	for _, tc := range cases {
		d := rs.DescribeFrame(tc.text)
		if got := strings.Count(d, "  predicate "); got != tc.preds {
			t.Errorf("%q: %d predicates, want %d:\n%s", tc.text, got, tc.preds, d)
		}
	}
}

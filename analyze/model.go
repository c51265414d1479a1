package analyze

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Owner is who answers for a control, item or obligation in the shared
// security responsibility model (SSRM). See DESIGN.md section 2.
type Owner string

// The owner model. Every source vocabulary (CSA CAIQ v4 "SSRM Control
// Ownership", FedRAMP control origination, cloud providers' wording) is
// crosswalked onto these values by ParseOwner.
const (
	OwnerVendor        Owner = "vendor"         // CAIQ v4 "CSP-owned"
	OwnerCustomer      Owner = "customer"       // CAIQ v4 "CSC-owned"
	OwnerShared        Owner = "shared"         // CAIQ v4 "Shared CSP and CSC"
	OwnerThirdParty    Owner = "third-party"    // CAIQ v4 "3rd-party outsourced", "Shared CSP and 3rd-party"
	OwnerNotApplicable Owner = "not-applicable" // CAIQ v4 "NA"
	OwnerUnassigned    Owner = "unassigned"     // blank, or nothing in either document
)

var ownerWords = []struct {
	re    *lazyre.Regexp
	owner Owner
}{
	// Order matters: the shared and third-party forms contain the plain words.
	//
	// Pairs of flags (CAIQ v1.1 "SP=Y; CUST=N"): both Y is shared.
	{lazyre.New(`^sp=y;\s*cust=y$`), OwnerShared},
	{lazyre.New(`^sp=y;\s*cust=n$`), OwnerVendor},
	{lazyre.New(`^sp=n;\s*cust=y$`), OwnerCustomer},
	{lazyre.New(`^sp=n;\s*cust=n$`), OwnerNotApplicable},
	// One value per service model (CCM v4 "IaaS=Shared; PaaS=…; SaaS=CSP-Owned"):
	// the first pair decides; the reader puts the chosen service model first.
	{lazyre.New(`^[a-z]aas=\s*shared`), OwnerShared},
	{lazyre.New(`^[a-z]aas=\s*(csp|provider|vendor)`), OwnerVendor},
	{lazyre.New(`^[a-z]aas=\s*(csc|customer|tenant)`), OwnerCustomer},
	{lazyre.New(`^[a-z]aas=\s*(3rd|third)`), OwnerThirdParty},
	{lazyre.New(`^[a-z]aas=\s*(na|n/a|not applicable)$`), OwnerNotApplicable},
	// Several marked party columns naming both sides (CCM R1.1 "Service
	// Provider; Tenant", FedRAMP origination marks) are shared.
	{lazyre.New(`^(service provider|provider|csp|vendor)[^;]*;.*\b(tenant|customer|csc)\b`), OwnerShared},
	{lazyre.New(`^(tenant|customer|csc|configured by customer|provided by customer)[^;]*;.*\b(service provider|provider|csp|vendor)\b`), OwnerShared},
	{lazyre.New(`^(shared\s+csp\s+and\s+(3rd|third)[- ]?party|(3rd|third)[- ]?party(\s+outsourced)?|inherited|subservice|sub-?processor|can be inherited)`), OwnerThirdParty},
	{lazyre.New(`^(shared|hybrid\b.*shared|joint|both)`), OwnerShared},
	{lazyre.New(`^(csc|customer|tenant|client|consumer|configured by customer|provided by customer|in the cloud|cust\b)`), OwnerCustomer},
	{lazyre.New(`^(csp|provider|vendor|service provider|supplier|of the cloud|sp\b)`), OwnerVendor},
	{lazyre.New(`^(na|n/a|not applicable|not-applicable)$`), OwnerNotApplicable},
	// Yes/No/Partial flag columns: FedRAMP CRM "Can Be Inherited from CSP"
	// (Yes: the provider's; No: the customer's; Partial: shared), and the
	// ISO 27001 SoA "Controlled by 3rd Party" Y, read the same way as the
	// provider answering for it.
	{lazyre.New(`^(partial|partially|partly)\b`), OwnerShared},
	{lazyre.New(`^(yes|y)$`), OwnerVendor},
	{lazyre.New(`^(no|n)$`), OwnerCustomer},
}

// ParseOwner maps an ownership value as written in a questionnaire onto the
// owner model: "CSP-owned" → vendor, "CSC-owned" → customer, "Shared CSP and
// CSC" → shared, "3rd-party outsourced" and "Shared CSP and 3rd-party" →
// third-party, "NA" → not-applicable, blank → unassigned. Unknown wording
// returns unassigned and false.
func ParseOwner(s string) (Owner, bool) {
	if len(s) > ownerMemoLen {
		return parseOwner(s)
	}
	if r, ok := ownerMemo.Load(s); ok {
		r := r.(parsedOwner)
		return r.owner, r.ok
	}
	o, ok := parseOwner(s)
	if ownerMemoN.Add(1) <= ownerMemoMax {
		ownerMemo.Store(strings.Clone(s), parsedOwner{o, ok}) // not a slice of a sheet
	}
	return o, ok
}

// ParseOwner's values are read once each: a sheet's ownership column holds a
// few values over thousands of rows, and ParseOwner runs on every item (the
// matrix, the extract's JSON, the report's sheet). The memo keeps at most
// ownerMemoMax values (a process's first ones) of at most ownerMemoLen bytes.
var (
	ownerMemo  sync.Map // string → parsedOwner
	ownerMemoN atomic.Int64
)

const (
	ownerMemoMax = 1024
	ownerMemoLen = 64
)

type parsedOwner struct {
	owner Owner
	ok    bool
}

func parseOwner(s string) (Owner, bool) {
	t := strings.ToLower(strings.Join(strings.Fields(s), " "))
	if t == "" {
		return OwnerUnassigned, true
	}
	for _, w := range ownerWords {
		if w.re.MatchString(t) {
			return w.owner, true
		}
	}
	return OwnerUnassigned, false
}

// Domain is one of the 17 CSA Cloud Controls Matrix v4 domains.
type Domain struct {
	Code  string `json:"code"`
	Title string `json:"title"`
}

// Domains lists the 17 CCM v4 domains in the matrix's order (CSA CCM v4.0).
var Domains = []Domain{
	{"A&A", "Audit & Assurance"},
	{"AIS", "Application & Interface Security"},
	{"BCR", "Business Continuity Management & Operational Resilience"},
	{"CCC", "Change Control & Configuration Management"},
	{"CEK", "Cryptography, Encryption & Key Management"},
	{"DCS", "Datacenter Security"},
	{"DSP", "Data Security & Privacy Lifecycle Management"},
	{"GRC", "Governance, Risk & Compliance"},
	{"HRS", "Human Resources"},
	{"IAM", "Identity & Access Management"},
	{"IPY", "Interoperability & Portability"},
	{"IVS", "Infrastructure & Virtualization Security"},
	{"LOG", "Logging & Monitoring"},
	{"SEF", "Security Incident Management, E-Discovery & Cloud Forensics"},
	{"STA", "Supply Chain Management, Transparency & Accountability"},
	{"TVM", "Threat & Vulnerability Management"},
	{"UEM", "Universal Endpoint Management"},
}

// IsDomain reports whether code is one of the 17 CCM v4 domain codes.
func IsDomain(code string) bool {
	for _, d := range Domains {
		if d.Code == code {
			return true
		}
	}
	return false
}

var caiqID = lazyre.New(`^\s*([A-Z&]{3})\s*-\s*\d`)

// DomainOfID returns the CCM domain a CAIQ v4 or CCM v4 question or control
// id carries ("SEF-07.1" → "SEF"), or "" when the id names no CCM v4 domain.
func DomainOfID(id string) string {
	m := caiqID.FindStringSubmatch(id)
	if m == nil || !IsDomain(m[1]) {
		return ""
	}
	return m[1]
}

var reNISTID = lazyre.New(`^\s*([A-Z]{2})-\d`)

// ItemDomain returns the CCM domain of a questionnaire item: the one its id
// carries (CAIQ, CCM), else its NIST 800-53 family's, else the domain its
// question speaks to most (HECVAT, ISO and home-made layouts), else "".
func ItemDomain(it extract.Item) string {
	if d := DomainOfID(it.ID); d != "" {
		return d
	}
	if d := nistFamilyDomain(it.ID); d != "" {
		return d
	}
	return wordsDomain(it.Question)
}

// classifyDomains returns the CCM domains a sentence speaks to, in the
// order of Domains: those whose words (templates/phrases/domains.yaml) it
// holds. A sentence can fall into several.
func classifyDomains(s string) []string {
	var out []string
	folded := foldText(s)
	for _, d := range Domains {
		if re := domainPattern(d.Code); mayMatch(literalsOf(re), folded) && re.MatchString(s) {
			out = append(out, d.Code)
		}
	}
	return out
}

// Command gen writes the crosswalk tables that are derived from published
// mappings rather than written by hand (templates/crosswalk/*.gen.yaml):
//
//   - iso27001.gen.yaml: ISO/IEC 27001:2022 Annex A controls (and the 2013
//     numbering) → CCM v4 controls, read in reverse from CSA's CCM v4.0.12
//     "Scope Applicability (Mappings)" sheet;
//   - nist-800-53.gen.yaml: NIST SP 800-53 rev. 5 controls → CCM v4
//     controls, from the same sheet;
//   - caiq-v3.gen.yaml: CCM/CAIQ v3.0.1 controls → CCM v4 controls, from the
//     same sheet's CCM v3.0.1 column;
//   - hecvat.gen.yaml: the questions of each HECVAT and K-12CVAT version →
//     CCM v4 controls through the form's own "Standards Crosswalk" tab (its
//     ISO 27002:2013 column, else its NIST SP 800-53 column) and CSA's
//     mapping of those standards. A question is matched to a crosswalk row
//     by its wording, so a version without a filled crosswalk tab (HECVAT
//     3.x Full, 4.x) takes the mapping of the same question in another
//     version.
//
// Only ids are written: no text of the source workbooks is copied. The
// hand-written files (hecvat.yaml, caiq.yaml, topics.yaml) extend and
// override these tables by id.
//
// Run from the repository root, with the team's corpus beside it:
//
//	go run ./templates/crosswalk/gen [-corpus ../shared/corpus/questionnaires]
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/xuri/excelize/v2"
)

const out = "templates/crosswalk"

func main() {
	corpus := flag.String("corpus", "../shared/corpus/questionnaires", "the questionnaire corpus (CCM v4.0.12 workbook, HECVAT and K-12CVAT workbooks)")
	flag.Parse()
	m, err := readCCMMappings(filepath.Join(*corpus, "ccm-v4.0.12-blank.xlsx"))
	if err != nil {
		log.Fatal(err)
	}
	for _, w := range []struct {
		file string
		fn   func(*ccmMappings) string
	}{
		{"iso27001.gen.yaml", isoFile},
		{"nist-800-53.gen.yaml", nistFile},
		{"caiq-v3.gen.yaml", caiqV3File},
	} {
		if err := os.WriteFile(filepath.Join(out, w.file), []byte(w.fn(m)), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	h, err := hecvatFile(m, *corpus)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "hecvat.gen.yaml"), []byte(h), 0o644); err != nil {
		log.Fatal(err)
	}
}

// ccmMappings are CSA's mappings of each CCM v4 control, read in reverse:
// a control of another standard → the CCM v4 controls mapped to it, in CCM
// order.
type ccmMappings struct {
	order   map[string]int // CCM v4 control → its place in the CCM
	iso2013 map[string][]string
	iso2022 map[string][]string
	nist    map[string][]string
	v3      map[string][]string
}

var (
	reCCM      = regexp.MustCompile(`^[A-Z&]{3}-\d{2}$`)
	reISOEntry = regexp.MustCompile(`^2700[12]:\s*(?:A\.)?(\d{1,2}(?:\.\d{1,2}){1,2})`)
	reNISTCtl  = regexp.MustCompile(`^([A-Z]{2}-\d{1,2})(?:\((\d{1,2})\)(?:-\((\d{1,2})\))?)?$`)
)

func readCCMMappings(path string) (*ccmMappings, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := f.GetRows("Scope Applicability (Mappings)")
	if err != nil {
		return nil, err
	}
	m := &ccmMappings{order: map[string]int{}, iso2013: map[string][]string{}, iso2022: map[string][]string{}, nist: map[string][]string{}, v3: map[string][]string{}}
	// Columns by the caption above each "Control Mapping" group.
	col := map[string]int{}
	for c, v := range rows[1] {
		switch {
		case strings.HasPrefix(v, "CCM v3.0.1"):
			col["v3"] = c
		case strings.HasPrefix(v, "ISO/IEC 27001:2013"):
			col["iso2013"] = c
		case strings.HasPrefix(v, "ISO/IEC 27001:2022"):
			col["iso2022"] = c
		case strings.HasPrefix(v, "NIST 800-53 rev 5"):
			col["nist"] = c
		}
	}
	if len(col) != 4 {
		return nil, fmt.Errorf("%s: mapping columns not found: %v", path, col)
	}
	cell := func(r []string, c int) string {
		if c < len(r) {
			return r[c]
		}
		return ""
	}
	add := func(to map[string][]string, key, ccm string) {
		for _, k := range to[key] {
			if k == ccm {
				return
			}
		}
		to[key] = append(to[key], ccm)
	}
	for _, r := range rows[3:] {
		id := strings.TrimSpace(cell(r, 2))
		if !reCCM.MatchString(id) {
			continue
		}
		m.order[id] = len(m.order)
		for _, v := range lines(cell(r, col["v3"])) {
			v = strings.ReplaceAll(v, " ", "")
			if regexp.MustCompile(`^[A-Z]{3}-\d{2}$`).MatchString(v) {
				add(m.v3, v, id)
			}
		}
		for _, v := range lines(cell(r, col["iso2013"])) {
			if s := reISOEntry.FindStringSubmatch(v); s != nil && strings.Count(s[1], ".") == 2 {
				add(m.iso2013, s[1], id)
			}
		}
		for _, v := range lines(cell(r, col["iso2022"])) {
			if strings.HasPrefix(v, "27001: A.") {
				if s := reISOEntry.FindStringSubmatch(v); s != nil {
					add(m.iso2022, s[1], id)
				}
			}
		}
		for _, v := range lines(cell(r, col["nist"])) {
			for _, c := range expandNIST(v) {
				add(m.nist, c, id)
			}
		}
	}
	return m, nil
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// expandNIST reads "AC-2", "AC-2(1)" and the ranges "AU-13(1)-(3)".
func expandNIST(v string) []string {
	s := reNISTCtl.FindStringSubmatch(strings.ReplaceAll(v, " ", ""))
	if s == nil {
		return nil
	}
	base := normNIST(s[1])
	if s[2] == "" {
		return []string{base}
	}
	from, _ := strconv.Atoi(s[2])
	to := from
	if s[3] != "" {
		to, _ = strconv.Atoi(s[3])
	}
	var out []string
	for i := from; i <= to && i < from+40; i++ {
		out = append(out, fmt.Sprintf("%s(%d)", base, i))
	}
	return out
}

// normNIST drops leading zeros: "AC-02" → "AC-2".
func normNIST(id string) string {
	fam, num, _ := strings.Cut(id, "-")
	n, err := strconv.Atoi(num)
	if err != nil {
		return id
	}
	return fam + "-" + strconv.Itoa(n)
}

// domainOf picks the CCM domain most of the controls belong to; a tie goes
// to hint (the domain of the source control's family or clause) when it is
// one of the tied, else to the domain of the first control.
func domainOf(ccm []string, hint string) string {
	count := map[string]int{}
	for _, c := range ccm {
		count[c[:3]]++
	}
	best := ""
	for _, c := range ccm {
		if d := c[:3]; best == "" || count[d] > count[best] {
			best = d
		}
	}
	if hint != "" && count[hint] == count[best] {
		return hint
	}
	return best
}

// Domain hints, our reading: the subject of each NIST SP 800-53 family,
// ISO/IEC 27001:2022 theme and 27002:2013 clause, and CCM v3.0.1 domain.
// They break ties and place the ids CSA's mapping leaves out.
var (
	nistFamilies = []struct{ id, title, domain string }{
		{"AC-", "Access Control", "IAM"}, {"AT-", "Awareness and Training", "HRS"}, {"AU-", "Audit and Accountability", "LOG"},
		{"CA-", "Assessment, Authorization, and Monitoring", "A&A"}, {"CM-", "Configuration Management", "CCC"},
		{"CP-", "Contingency Planning", "BCR"}, {"IA-", "Identification and Authentication", "IAM"},
		{"IR-", "Incident Response", "SEF"}, {"MA-", "Maintenance", "DCS"}, {"MP-", "Media Protection", "DSP"},
		{"PE-", "Physical and Environmental Protection", "DCS"}, {"PL-", "Planning", "GRC"},
		{"PM-", "Program Management", "GRC"}, {"PS-", "Personnel Security", "HRS"},
		{"PT-", "PII Processing and Transparency", "DSP"}, {"RA-", "Risk Assessment", "GRC"},
		{"SA-", "System and Services Acquisition", "AIS"}, {"SC-", "System and Communications Protection", "IVS"},
		{"SI-", "System and Information Integrity", "TVM"}, {"SR-", "Supply Chain Risk Management", "STA"},
	}
	iso2022Themes = []struct{ id, title, domain string }{
		{"5.", "Organizational controls", "GRC"}, {"6.", "People controls", "HRS"},
		{"7.", "Physical controls", "DCS"}, {"8.", "Technological controls", "IVS"},
	}
	iso2013Clauses = []struct{ id, title, domain string }{
		{"5.", "Information security policies", "GRC"}, {"6.", "Organization of information security", "GRC"},
		{"7.", "Human resource security", "HRS"}, {"8.", "Asset management", "DSP"},
		{"9.", "Access control", "IAM"}, {"10.", "Cryptography", "CEK"},
		{"11.", "Physical and environmental security", "DCS"}, {"12.", "Operations security", "IVS"},
		{"13.", "Communications security", "IVS"}, {"14.", "System acquisition, development and maintenance", "AIS"},
		{"15.", "Supplier relationships", "STA"}, {"16.", "Information security incident management", "SEF"},
		{"17.", "Information security aspects of business continuity management", "BCR"}, {"18.", "Compliance", "A&A"},
	}
	v3Domains = []struct{ id, title, domain string }{
		{"AAC-", "Audit Assurance & Compliance", "A&A"}, {"AIS-", "Application & Interface Security", "AIS"},
		{"BCR-", "Business Continuity Management & Operational Resilience", "BCR"}, {"CCC-", "Change Control & Configuration Management", "CCC"},
		{"DSI-", "Data Security & Information Lifecycle Management", "DSP"}, {"DCS-", "Datacenter Security", "DCS"},
		{"EKM-", "Encryption & Key Management", "CEK"}, {"GRM-", "Governance and Risk Management", "GRC"},
		{"HRS-", "Human Resources", "HRS"}, {"IAM-", "Identity & Access Management", "IAM"},
		{"IVS-", "Infrastructure & Virtualization Security", "IVS"}, {"IPY-", "Interoperability & Portability", "IPY"},
		{"MOS-", "Mobile Security", "UEM"}, {"SEF-", "Security Incident Management, E-Discovery & Cloud Forensics", "SEF"},
		{"STA-", "Supply Chain Management, Transparency and Accountability", "STA"}, {"TVM-", "Threat and Vulnerability Management", "TVM"},
	}
)

// hintOf returns the domain of the longest entry of table id starts with.
func hintOf(table []struct{ id, title, domain string }, id string) string {
	best, n := "", 0
	for _, t := range table {
		if strings.HasPrefix(id, t.id) && len(t.id) > n {
			best, n = t.domain, len(t.id)
		}
	}
	return best
}

// sections writes a table as section entries of our reading.
func sections(b *strings.Builder, table []struct{ id, title, domain string }, prefix, source string) {
	b.WriteString("    sections:\n")
	for _, t := range table {
		fmt.Fprintf(b, "      - {prefix: %q, title: %q, domain: %q, basis: our-reading, source: %q}\n", prefix+t.id, t.title, t.domain, source)
	}
}

func (m *ccmMappings) sorted(ccm []string) []string {
	out := append([]string(nil), ccm...)
	sort.SliceStable(out, func(i, j int) bool { return m.order[out[i]] < m.order[out[j]] })
	return out
}

// entry writes one question entry in flow style.
func entry(id, domain string, controls []string, source string) string {
	s := fmt.Sprintf("      - {id: %q, domain: %q, controls: [%s]", id, domain, strings.Join(quoteAll(controls), ", "))
	if source != "" {
		s += fmt.Sprintf(", source: %q", source)
	}
	return s + "}\n"
}

func quoteAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strconv.Quote(x)
	}
	return out
}

const header = "# Generated by go run ./templates/crosswalk/gen from CSA's Cloud Controls Matrix v4.0.12\n# (\"Scope Applicability (Mappings)\" sheet). Do not edit: extend or override entries by id\n# in a hand-written file (see README, \"Crosswalk\").\nschema: ssrm.crosswalk/v1\n"

func sortKeys(m map[string][]string, less func(a, b string) bool) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return less(keys[i], keys[j]) })
	return keys
}

// numLess orders dotted numbers ("5.2" before "5.10") and ids with numbers
// ("AC-2" before "AC-10", "AC-2" before "AC-2(1)").
func numLess(a, b string) bool {
	na, nb := numParts(a), numParts(b)
	for i := 0; i < len(na) && i < len(nb); i++ {
		if na[i] != nb[i] {
			x, ex := strconv.Atoi(na[i])
			y, ey := strconv.Atoi(nb[i])
			if ex == nil && ey == nil {
				return x < y
			}
			return na[i] < nb[i]
		}
	}
	return len(na) < len(nb)
}

var reParts = regexp.MustCompile(`[A-Za-z]+|\d+`)

func numParts(s string) []string { return reParts.FindAllString(s, -1) }

func isoFile(m *ccmMappings) string {
	var b strings.Builder
	b.WriteString(header)
	b.WriteString(`crosswalk: iso27001
description: >-
  ISO/IEC 27001 Annex A controls, as a statement of applicability lists them, to CCM v4 domains and
  controls: CSA's mapping of each CCM v4 control to ISO/IEC 27001:2022 (controls 5.1 to 8.34) and to
  ISO/IEC 27001:2013 / 27002:2013 (controls 5.1.1 to 18.2.3), read in reverse. A control CSA maps to
  several CCM controls takes the domain most of them belong to.
forms:
  - id: iso27001-soa
    basis: ccm-mapping
    source: CSA CCM v4.0.12, Scope Applicability (Mappings), ISO/IEC 27001 columns, read in reverse
`)
	sections(&b, iso2022Themes, "", "ISO/IEC 27001:2022 Annex A themes, placed by their subject (ids CSA does not map)")
	b.WriteString("    questions:\n")
	for _, k := range sortKeys(m.iso2022, numLess) {
		ccm := m.sorted(m.iso2022[k])
		b.WriteString(entry(k, domainOf(ccm, hintOf(iso2022Themes, k)), ccm, ""))
	}
	for _, k := range sortKeys(m.iso2013, numLess) {
		ccm := m.sorted(m.iso2013[k])
		b.WriteString(entry(k, domainOf(ccm, hintOf(iso2013Clauses, k)), ccm, "CSA CCM v4.0.12, ISO/IEC 27001:2013 and 27002:2013 column"))
	}
	return b.String()
}

func nistFile(m *ccmMappings) string {
	var b strings.Builder
	b.WriteString(header)
	b.WriteString(`crosswalk: nist-800-53
description: >-
  NIST SP 800-53 rev. 5 controls (FedRAMP CIS/CRM workbooks, vendor customer responsibility matrices)
  to CCM v4 domains and controls: CSA's mapping of each CCM v4 control to NIST SP 800-53 rev. 5, read
  in reverse. A control enhancement CSA does not map ("AC-2(13)") takes its base control's entry; a
  control CSA does not map at all takes its family's domain.
forms:
  - id: nist-800-53
    basis: ccm-mapping
    source: CSA CCM v4.0.12, Scope Applicability (Mappings), NIST 800-53 rev 5 column, read in reverse
`)
	sections(&b, nistFamilies, "", "NIST SP 800-53 rev. 5 control families, placed by their subject")
	b.WriteString("    questions:\n")
	for _, k := range sortKeys(m.nist, numLess) {
		ccm := m.sorted(m.nist[k])
		b.WriteString(entry(k, domainOf(ccm, hintOf(nistFamilies, k)), ccm, ""))
	}
	return b.String()
}

func caiqV3File(m *ccmMappings) string {
	var b strings.Builder
	b.WriteString(header)
	b.WriteString(`crosswalk: caiq-v3
description: >-
  CSA CCM and CAIQ v3.0.1 controls to CCM v4 domains and controls: CSA's mapping of each CCM v4
  control to CCM v3.0.1, read in reverse. A CAIQ v3.0.1 question ("AAC-02.1") takes its control's
  entry ("AAC-02").
forms:
  - id: caiq-v3
    basis: ccm-mapping
    source: CSA CCM v4.0.12, Scope Applicability (Mappings), CCM v3.0.1 column, read in reverse
`)
	sections(&b, v3Domains, "", "CCM v3.0.1 domains, placed by their subject")
	b.WriteString("    questions:\n")
	for _, k := range sortKeys(m.v3, numLess) {
		ccm := m.sorted(m.v3[k])
		b.WriteString(entry(k, domainOf(ccm, hintOf(v3Domains, k)), ccm, ""))
	}
	return b.String()
}

// hecvatForms are the HECVAT and K-12CVAT versions of the corpus, each
// written as the form the hand-written hecvat.yaml describes.
var hecvatForms = []struct{ file, form string }{
	{"hecvat-full-v2.11-filled-portfolium.xlsx", "hecvat-full-2"},
	{"hecvat-full-v3.04-filled-canvas-lms.xlsx", "hecvat-full-3"},
	{"hecvat-full-v3.00-filled-opendsa.xlsx", "hecvat-full-3.00"},
	{"hecvat-lite-v3.04-filled-canvas-catalog.xlsx", "hecvat-lite-3"},
	{"hecvat-v4.1.4-blank.xlsx", "hecvat-4"},
	{"k12cvat-lite-v4.1-filled-canvas-lms.xlsx", "k12cvat"},
}

// xwalkRow is one row of a form's Standards Crosswalk tab.
type xwalkRow struct {
	form, id string
	iso      []string // ISO 27002:2013 controls
	nist     []string // NIST SP 800-53 controls
}

var (
	reISOCtl   = regexp.MustCompile(`\b\d{1,2}\.\d{1,2}\.\d{1,2}\b`)
	reNISTList = regexp.MustCompile(`\b[A-Z]{2}-\d{1,2}(?:\s?\(\d{1,2}\))?`)
	reXID      = regexp.MustCompile(`^([A-Z]{2,4})[- ](\d{2})$`)
	reWords    = regexp.MustCompile(`[a-z0-9]+`)
)

// normText is a question's wording for matching across versions: lower
// case, words only, the first 24 words.
func normText(s string) string {
	w := reWords.FindAllString(strings.ToLower(s), -1)
	if len(w) > 24 {
		w = w[:24]
	}
	return strings.Join(w, " ")
}

// readXwalk reads a workbook's Standards Crosswalk tab: question wording →
// row.
func readXwalk(path, form string) (map[string]xwalkRow, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := f.GetRows("Standards Crosswalk")
	if err != nil {
		return nil, nil // no crosswalk tab
	}
	out := map[string]xwalkRow{}
	isoCol, nistCol := -1, -1
	for _, r := range rows {
		for c, v := range r {
			switch {
			case strings.HasPrefix(v, "ISO 27002"):
				isoCol = c
			case strings.HasPrefix(v, "NIST SP 800-53"):
				nistCol = c
			}
		}
		if len(r) < 2 {
			continue
		}
		m := reXID.FindStringSubmatch(strings.TrimSpace(r[0]))
		if m == nil || strings.HasPrefix(r[1], "#") {
			continue
		}
		x := xwalkRow{form: form, id: m[1] + "-" + m[2]}
		if isoCol > 0 && isoCol < len(r) {
			x.iso = reISOCtl.FindAllString(r[isoCol], -1)
		}
		if nistCol > 0 && nistCol < len(r) {
			for _, n := range reNISTList.FindAllString(r[nistCol], -1) {
				x.nist = append(x.nist, expandNIST(n)...)
			}
		}
		if len(x.iso) > 0 || len(x.nist) > 0 {
			out[normText(r[1])] = x
		}
	}
	return out, nil
}

func hecvatFile(m *ccmMappings, corpus string) (string, error) {
	// Every crosswalk tab, by question wording; a form's own tab first.
	tabs := map[string]map[string]xwalkRow{}
	for _, h := range hecvatForms {
		x, err := readXwalk(filepath.Join(corpus, h.file), h.form)
		if err != nil {
			return "", err
		}
		tabs[h.form] = x
		markCatchAll(x)
	}
	var b strings.Builder
	b.WriteString(strings.Replace(header, "from CSA's Cloud Controls Matrix v4.0.12\n# (\"Scope Applicability (Mappings)\" sheet)",
		"from the \"Standards Crosswalk\" tabs of the HECVAT 2.11,\n# HECVAT Lite 3.04 and K-12CVAT 4.1 workbooks and CSA's CCM v4.0.12 mappings", 1))
	b.WriteString(`crosswalk: hecvat-standards
description: >-
  Each HECVAT and K-12CVAT question to CCM v4 controls through the form's own Standards Crosswalk
  (its ISO 27002:2013 column, else its NIST SP 800-53 column) and CSA's mapping of those standards to
  CCM v4 (v4.0.12). A question is matched to a crosswalk row by its wording, so versions whose tab is
  empty (HECVAT 3.x Full, 4.x) take the row of the same question in another version; the source says
  which row.
forms:
`)
	var base map[string]string // hecvat-full-3's entries, which hecvat-full-3.00 extends
	for _, h := range hecvatForms {
		doc, err := extract.Open(filepath.Join(corpus, h.file), extract.Options{})
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "  - id: %s\n    basis: form-mapping\n    source: the form's Standards Crosswalk tab and CSA CCM v4.0.12 mappings (each entry names its row)\n    questions:\n", h.form)
		own := map[string]string{}
		for _, it := range doc.Questionnaire.Items {
			key := normText(it.Question)
			x, ok := tabs[h.form][key]
			if !ok {
				for _, o := range hecvatForms {
					if x, ok = tabs[o.form][key]; ok {
						break
					}
				}
			}
			if !ok {
				continue
			}
			ccm, via := weigh(m, x)
			if len(ccm) == 0 {
				continue
			}
			src := fmt.Sprintf("%s Standards Crosswalk %s: %s", formTitle(x.form), x.id, via)
			e := entry(it.ID, ccm[0][:3], ccm, src)
			own[it.ID] = e
			if h.form == "hecvat-full-3.00" && base[it.ID] == e {
				continue // the same as hecvat-full-3, which it extends
			}
			b.WriteString(e)
		}
		if h.form == "hecvat-full-3" {
			base = own
		}
	}
	return b.String(), nil
}

func formTitle(form string) string {
	switch form {
	case "hecvat-full-2":
		return "HECVAT Full 2.11"
	case "hecvat-lite-3":
		return "HECVAT Lite 3.04"
	case "k12cvat":
		return "K-12CVAT 4.1"
	}
	return form
}

// catchAll are the source controls a crosswalk tab gives to questions of
// every kind, found by count (see markCatchAll): ISO 27002:2013 18.1.1
// (identification of applicable legislation) stands beside 67 questions of
// HECVAT 2.11, NIST CA-5 and PM-1 beside most of its policy questions.
// They say nothing of a question's subject and are skipped.
var catchAll = map[string]bool{}

// catchAllRows is the number of rows of one tab past which a source control
// is a catch-all.
const catchAllRows = 20

// markCatchAll adds to catchAll the controls a tab names on more than
// catchAllRows rows.
func markCatchAll(tab map[string]xwalkRow) {
	n := map[string]int{}
	for _, x := range tab {
		for _, c := range x.iso {
			n[c]++
		}
		for _, c := range x.nist {
			n[c]++
		}
	}
	for c, k := range n {
		if k > catchAllRows {
			catchAll[c] = true
		}
	}
}

// weigh maps a crosswalk row's ISO and NIST controls onto CCM v4 controls.
// Each source control gives each CCM control it maps to a weight of one
// over the number of them, so a broad control counts less than a precise
// one; the domain with the most weight wins. It returns up to four CCM
// controls of that domain, heaviest first (the first gives the domain),
// and the source controls used.
func weigh(m *ccmMappings, x xwalkRow) ([]string, string) {
	w := map[string]float64{}
	var used []string
	for _, c := range x.iso {
		ks := m.iso2013[c]
		if catchAll[c] || len(ks) == 0 {
			continue
		}
		used = append(used, "ISO 27002:2013 "+c)
		for _, k := range ks {
			w[k] += 1 / float64(len(ks))
		}
	}
	for _, c := range x.nist {
		ks := m.nist[c]
		if len(ks) == 0 {
			ks = m.nist[strings.SplitN(c, "(", 2)[0]]
		}
		if catchAll[c] || len(ks) == 0 {
			continue
		}
		used = append(used, "NIST SP 800-53 "+c)
		for _, k := range ks {
			w[k] += 1 / float64(len(ks))
		}
	}
	dw := map[string]float64{}
	for k, v := range w {
		dw[k[:3]] += v
	}
	best := ""
	for d, v := range dw {
		if best == "" || v > dw[best] || v == dw[best] && d < best {
			best = d
		}
	}
	var ks []string
	for k := range w {
		if k[:3] == best {
			ks = append(ks, k)
		}
	}
	sort.Slice(ks, func(i, j int) bool {
		if w[ks[i]] != w[ks[j]] {
			return w[ks[i]] > w[ks[j]]
		}
		return m.order[ks[i]] < m.order[ks[j]]
	})
	if len(ks) > 4 {
		ks = ks[:4]
	}
	return ks, strings.Join(used, ", ")
}

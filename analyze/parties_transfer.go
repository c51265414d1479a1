package analyze

import (
	"strings"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// The roles of the EU standard contractual clauses: the clauses appended
// to a DPA name the sides only "data exporter" and "data importer" ("The
// data importer agrees and warrants ... to submit its data processing
// facilities for audit"), and the DPA says which side is which:
// "Customer (as data exporter) and GitHub (as data importer)", "You are
// the Data Exporter and We are the Data Importer", "the data exporter is
// Acme and the data importer is the Customer".
var (
	// reNameThenRole finds a side named before its transfer role: "X (as
	// data importer)", "X (the "data exporter")", "X is the data
	// exporter", "X acts as data importer"; group 1 is the text before,
	// group 2 the role.
	reNameThenRole = lazyre.New(`(?i)([^.;:()\n]{1,80}?)\s*(?:\(\s*(?:as\s+|acting\s+as\s+)?(?:the\s+|a\s+)?|,\s+as\s+(?:the\s+|a\s+)?|\s+(?:is|are|shall\s+be|will\s+be|acts?\s+as|as)\s+(?:the\s+|a\s+)?)["“”'‘’]?data\s+(exporter|importer)s?\b`)
	// reRoleThenName finds a transfer role followed by the side it is:
	// "the data exporter is Acme", "the "data importer" shall be the
	// Customer"; group 1 is the role, group 2 the name after, in
	// capitalised words ("is liable", "is informed of your rights" name
	// no one; "is the Customer's processor" neither).
	reTransferRoleThenName = lazyre.New(`(?i:\bdata\s+(exporter|importer)s?)["“”'‘’]?\s+(?i:is|are|shall\s+be|will\s+be|means)\s+((?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})(?:[\s,;)]|$)`)
	// reProcessingRole finds the GDPR roles, which are not sides: "Where
	// the data exporter is a processor" says what it is, not who.
	reProcessingRole = lazyre.New(`(?i)\b(?:processor|controller|sub-?processor)s?\b`)
	// reBinds finds a word that binds or permits a side: a sentence
	// with one does more than give the roles.
	reBinds = lazyre.New(`(?i)\b(?:shall|must|will|may|agrees?|undertakes?|warrants?)\b`)
)

// statesTransferRoles says a sentence only gives the transfer roles to
// the sides ("Data Exporter is Customer as a data controller and the
// Data Importer is Acme"): like a definition, it binds no one.
func statesTransferRoles(s string) bool {
	// Every match holds "data", spaces, then the role (nextTransferRole):
	// the pattern, tried at every byte, runs only on sentences with one.
	if start, _ := nextTransferRole(s, 0); start < 0 {
		return false
	}
	return reTransferRoleThenName.MatchString(s) && !reBinds.MatchString(s)
}

// transferRoles returns, for an agreement that uses the roles of the
// standard contractual clauses, the vendor's role as a phrase of the
// vendor class: the role the agreement gives the vendor (by a role word
// or a party's name, or by giving the other role to the customer), and
// otherwise the usual one of a vendor's DPA (the vendor imports). Nil
// when the agreement never names the roles.
func transferRoles(a *extract.Agreement, parties []*party, v *Vocabulary) map[string][]phrase {
	var b strings.Builder
	for _, c := range a.Clauses {
		b.WriteString(c.Text)
		b.WriteString("\n")
	}
	text := strings.NewReplacer("**", "", "__", "", "*", "").Replace(b.String())
	lower := strings.ToLower(text)
	if !strings.Contains(lower, "data importer") && !strings.Contains(lower, "data exporter") {
		return nil
	}
	// votes[role][side]: how often the agreement gives role to side.
	votes := map[string]map[string]int{"importer": {}, "exporter": {}}
	for _, m := range kpNameThenRole.findAllSubmatch(text) {
		if side := transferSide(lastWords(m[1], 3), parties, v); side != "" {
			votes[strings.ToLower(m[2])][side]++
		}
	}
	for _, m := range reTransferRoleThenName.FindAllStringSubmatch(text, -1) {
		if side := transferSide(m[2], parties, v); side != "" {
			votes[strings.ToLower(m[1])][side]++
		}
	}
	importer, exporter := majority(votes["importer"]), majority(votes["exporter"])
	other := map[string]string{"vendor": "customer", "customer": "vendor"}
	// The exporter's side decides the role read below; with no role given
	// the vendor is the importer, as in a vendor's DPA.
	switch {
	case importer == "" && exporter == "":
		exporter = "customer"
	case exporter == "":
		exporter = other[importer]
	case importer == exporter:
		return nil // the agreement gives both roles to one side: not read
	}
	// Only the vendor's role is named: the customer's duties in the
	// clauses (a lawful transfer, its instructions) are the Commission's
	// text on transfers, not the security duties customer-responsibilities
	// asks for, and read as the customer's they were taken for them.
	role := "importer"
	if exporter == "vendor" {
		role = "exporter"
	}
	ph, err := compilePhrase("data ("+role+"|"+role+"s)", "none")
	if err != nil {
		return nil
	}
	return map[string][]phrase{"vendor": {ph}}
}

// transferSide is the side a few words name: a role word ("Customer",
// "We") or the name of a party whose side is known; "" for anything
// else, and for the GDPR roles ("a processor"), which say what a side
// is, not which.
func transferSide(words string, parties []*party, v *Vocabulary) string {
	if words == "" || reProcessingRole.MatchString(words) {
		return ""
	}
	if r := roleWordOf(v, words); r != "" {
		return r
	}
	side := ""
	for _, p := range parties {
		if p.role == "" {
			continue
		}
		for _, n := range []string{p.name, p.legal} {
			if n != "" && (len(after(words, n)) > 0 || len(after(n, words)) > 0) {
				if side != "" && side != p.role {
					return ""
				}
				side = p.role
			}
		}
	}
	return side
}

// lastWords is the last n words of s.
func lastWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[max(0, len(f)-n):], " ")
}

// majority is the side with the most votes; "" when none has more than
// the other.
func majority(votes map[string]int) string {
	switch {
	case votes["vendor"] > votes["customer"]:
		return "vendor"
	case votes["customer"] > votes["vendor"]:
		return "customer"
	}
	return ""
}

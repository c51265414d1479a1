package analyze

import (
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

var keyPatterns = map[string]*keyPattern{"nameThenRole": kpNameThenRole}

// keyFixtures are written to meet the pattern at the edges of its windows:
// barriers just before a name, names longer than the opening class, runs
// of spaces and newlines between the words, roles in capitals and with the
// long s, keywords inside words, several roles in one sentence, runes
// outside ASCII, and a text with no barrier for longer than a window.
var keyFixtures = []string{
	"Acme Cloud Inc. (as data importer) and the Customer (as data exporter) agree.",
	"The Customer, as the data exporter, and Acme, acting as a data importer; Zeta is the data importers.",
	"Customer (as Data Exporter) and Provider (AS DATA IMPORTER).",
	"Provider (the \"data importer\") and Customer (the “data exporter”), Beta ‘data importer’",
	"x(as data importer)",
	"(as data importer)",
	": Acme (data importer)",
	"Acme acts as data\n\n  importer and Zeta act as   data \t exporters and Beta shall be the data exporterX.",
	"Acme will be a data importerſ, Zeta is the data importerſx; Beta is data IMPORTERS",
	"metadata importer; Acme as metadata exporter; Acme as data importer",
	"Éclair Société (as data importer) et Ça (as data exporter)",
	strings.Repeat("word ", 30) + "is the data importer and " + strings.Repeat("more ", 20) + "(as data exporter)",
	strings.Repeat("a", 100) + " (as data importer)",
	"Acme (as data importer" + strings.Repeat(" ", 5000) + ")",
	strings.Repeat("no barrier here ", 400) + "Acme (as data importer) and Zeta (as data exporter). Beta, as data importer",
	"data importer data exporter data importer",
	"Acme is" + strings.Repeat(" ", 3000) + "the data importer; Zeta is" + strings.Repeat("\n", 5000) + "data exporter",
	"Acme (\n as data importer)",
	"data",
	"",
}

func checkKeyPattern(t *testing.T, name string, p *keyPattern, s string) {
	t.Helper()
	checkPattern(t, name, p.re, p, s)
}

// TestKeyPatterns holds each keyPattern to its pattern's
// FindAllStringSubmatchIndex over the fixtures and the whole text of the
// corpus's agreements (when present), as transferRoles joins it.
func TestKeyPatterns(t *testing.T) {
	texts := corpusTexts(t, keyFixtures, func(a *extract.Agreement) string {
		var b strings.Builder
		for _, c := range a.Clauses {
			b.WriteString(c.Text)
			b.WriteString("\n")
		}
		return b.String()
	})
	checkPatterns(t, texts, keyPatterns, func(p *keyPattern) *lazyre.Regexp { return p.re })
}

// TestNextTransferRole pins the keyword scan: every "data", spaces,
// "exporter" or "importer", in any ASCII case, and nothing else.
func TestNextTransferRole(t *testing.T) {
	for _, c := range []struct {
		s          string
		from       int
		start, end int
	}{
		{"the data importer", 0, 4, 17},
		{"the DATA\t\n Exporters", 0, 4, 19},
		{"metadata importer", 0, 4, 17},
		{"data importer", 1, -1, -1},
		{"dataimporter data exporter", 0, 13, 26},
		{"data importe", 0, -1, -1},
		{"data\vimporter", 0, -1, -1},
		{"data ımporter", 0, -1, -1},
		{"", 0, -1, -1},
	} {
		if s, e := nextTransferRole(c.s, c.from); s != c.start || e != c.end {
			t.Errorf("nextTransferRole(%q, %d) = %d, %d; want %d, %d", c.s, c.from, s, e, c.start, c.end)
		}
	}
}

// keyPieces are the fragments FuzzKeyPatterns builds texts of.
var keyPieces = []string{
	"data", " ", "importer", "exporter", "IMPORTER", "Data", "s", "ſ", "S", "x", "(", ")", "as ", "acting as ",
	"the ", "a ", ", ", "is ", "are ", "shall be ", "acts as ", "\"", "“", "'", "’", ".", ";", ":", "\n", "\t",
	"Acme", "é", "Customer", strings.Repeat("w", 79), "meta",
}

// FuzzKeyPatterns holds every keyPattern to its pattern over texts made of
// pieces its matches are made of, and over raw text.
func FuzzKeyPatterns(f *testing.F) {
	f.Add([]byte{30, 1, 10, 12, 14, 0, 1, 2, 11}, "")
	f.Add([]byte{}, keyFixtures[1])
	f.Add([]byte{33, 33, 1, 12, 0, 1, 3, 7, 9}, "")
	f.Fuzz(func(t *testing.T, pick []byte, raw string) {
		var b strings.Builder
		for _, c := range pick {
			b.WriteString(keyPieces[int(c)%len(keyPieces)])
		}
		for name, p := range keyPatterns {
			checkKeyPattern(t, name, p, b.String())
			checkKeyPattern(t, name, p, raw)
		}
		for _, s := range []string{b.String(), raw} {
			checkTransferRoleGate(t, s)
		}
	})
}

// checkTransferRoleGate holds the gate of statesTransferRoles: a text
// reTransferRoleThenName matches holds a keyword nextTransferRole finds.
func checkTransferRoleGate(t *testing.T, s string) {
	t.Helper()
	if start, _ := nextTransferRole(s, 0); start < 0 && reTransferRoleThenName.MatchString(s) {
		t.Errorf("reTransferRoleThenName matches %q, which nextTransferRole finds no keyword in", s)
	}
}

// TestTransferRoleGate runs checkTransferRoleGate over the fixtures and
// sentences written to give the roles, and checks statesTransferRoles on
// them.
func TestTransferRoleGate(t *testing.T) {
	for _, s := range keyFixtures {
		checkTransferRoleGate(t, s)
	}
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"The Data Exporter is Harbor Bank and the Data Importer is Acme Cloud.", true},
		{"the data\n importer means the Provider", true},
		{"The data importer shall notify the data exporter.", false},
		{"Data importers are Acme and Zeta", true},
		{"The data exporter is liable.", false},
		{"Metadata Importer is Acme", false},
		{"The exporter is Acme", false},
	} {
		checkTransferRoleGate(t, c.s)
		if got := statesTransferRoles(c.s); got != c.want {
			t.Errorf("statesTransferRoles(%q) = %v; want %v", c.s, got, c.want)
		}
	}
}

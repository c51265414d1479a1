package analyze

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

var startPatterns = map[string]*startPattern{
	"between": spBetweenVendor, "hereinafter": spHereinafter, "roleThenName": spRoleThenName,
	"weAre": spWeAre, "meansParty": spMeansParty, "definedName": spDefinedName,
	"signs": spSigns, "signedCompany": spSignedCompany, "sentenceEnd": spSentenceEnd, "listItem": spListItem,
}

// startFixtures are written to meet each pattern at the edges of where its
// matches start: a word glued before the literal, capitals, a line start,
// the text's first and last bytes, runes outside ASCII before a match.
var startFixtures = []string{
	"This Agreement is made between Acme Cloud, Inc. and the Customer.",
	"Made between the Customer and Acme Cloud GmbH, governing use.",
	"Inbetween Acme Inc. and the Customer; and between Zeta LLC and the Client.",
	"between Beta Labs and the customer",
	"éBetween Acme and the Customer, ébetween Acme Inc. and the Customer.",
	"Acme GmbH, 1 Road, Berlin - hereinafter referred to as the Processor - and",
	"Acme Ltd (HEREINAFTER called \"Provider\"), Zeta Inc. hereinafter called the Customer.",
	"Xhereinafter called Provider, _hereinafter called Vendor.",
	"the Processor (CAOS Ltd., also ZITADEL) and THE Provider (Acme Inc.) and theProvider (Zeta LLC)",
	"When we say \"we\" or \"us\" we are referring to 37signals LLC, and 'our' means Acme Inc.",
	"“Company” refers to Deckard Technologies Inc. ‘Customer’ means the buyer.",
	"\"Anthropic\" means Anthropic Ireland, Limited if you are in Europe. “Acme” refers to Acme, Inc.",
	"Acme Corp. (\"Acme\" or the \"Provider\") and Zeta LLC (the \"Customer\"), Zeta, as Licensee,",
	"(hereinafter referred to as \"Provider\"), (the 'Vendor' and 'Supplier'), , as Agent",
	"Customer: Harbor Bank\nProvider Name: Acme Cloud Inc.\n**Vendor**: Zeta LLC | x\nno colon here\n  | Supplier legal name : Beta GmbH",
	"Customer: \nVendor:Acme Inc.",
	"ACME CLOUD INC.\nBy: ______\nCUSTOMER\n  By :\nHarbor Bank\n| By: x\nx\nBy",
	"\nBy:\nBy:\nBy:",
	"Acme Inc.\r\nBy: x",
	"The Provider shall notify. Then it acts! Does it? “Yes.” (b) no.  9 days. e.g. Sec. 4.",
	"Ends with a dot.",
	"Intro:\n(a) first item;\n  (iv) second item\n\n• bullet\n- dash\n12. numbered\n3) third\n\t\n (b)x",
	"\n\n(a) after blank lines\n–\tdash",
	"a",
	"",
}

// shortcutPattern is a pattern tried only where a match can be (startPattern,
// keyPattern): it must find what its regexp finds everywhere.
type shortcutPattern interface {
	findAllSubmatchIndex(s string) [][]int
	findAllSubmatch(s string) [][]string
}

// checkPattern holds a shortcut to its regexp re over s.
func checkPattern(t *testing.T, name string, re *lazyre.Regexp, p shortcutPattern, s string) {
	t.Helper()
	want := re.FindAllStringSubmatchIndex(s, -1)
	if got := p.findAllSubmatchIndex(s); !reflect.DeepEqual(got, want) {
		t.Errorf("%s over %q:\n got %v\nwant %v", name, s, got, want)
	}
	wantS := re.FindAllStringSubmatch(s, -1)
	if got := p.findAllSubmatch(s); !reflect.DeepEqual(got, wantS) {
		t.Errorf("%s over %q: strings\n got %q\nwant %q", name, s, got, wantS)
	}
}

func checkStartPattern(t *testing.T, name string, p *startPattern, s string) {
	t.Helper()
	checkPattern(t, name, p.re, p, s)
}

// corpusTexts is fixtures and, for each agreement of the shared corpus that
// reads (when present), text(agreement).
func corpusTexts(t *testing.T, fixtures []string, text func(*extract.Agreement) string) []string {
	t.Helper()
	texts := append([]string{}, fixtures...)
	paths, _ := filepath.Glob("../../shared/corpus/agreements/*")
	for _, path := range paths {
		if strings.HasSuffix(path, "NOTICE.md") || strings.Contains(path, "scanned") {
			continue
		}
		d, err := extract.Open(path, extract.Options{})
		if err != nil || d.Agreement == nil {
			continue // not an agreement this reads (labels, a folder)
		}
		texts = append(texts, text(d.Agreement))
	}
	if len(paths) == 0 {
		t.Log("corpus not found (../shared/corpus beside the repository): fixtures only")
	}
	return texts
}

// checkPatterns holds each pattern to its regexp over every text, and
// fails a pattern no text matches (the check would compare nothing).
func checkPatterns[P shortcutPattern](t *testing.T, texts []string, patterns map[string]P, re func(P) *lazyre.Regexp) {
	t.Helper()
	matched := map[string]int{}
	for _, s := range texts {
		for name, p := range patterns {
			checkPattern(t, name, re(p), p, s)
			matched[name] += len(re(p).FindAllStringIndex(s, -1))
		}
	}
	for name := range patterns {
		if matched[name] == 0 {
			t.Errorf("%s: no text matches it: the check compares nothing", name)
		}
	}
}

// TestStartPatterns holds each startPattern to its pattern's
// FindAllStringSubmatchIndex over the fixtures and the heads of the
// corpus's agreements (when present).
func TestStartPatterns(t *testing.T) {
	texts := corpusTexts(t, startFixtures, agreementHead)
	checkPatterns(t, texts, startPatterns, func(p *startPattern) *lazyre.Regexp { return p.re })
}

// startPieces are the fragments FuzzStartPatterns builds texts of.
var startPieces = []string{
	"between ", "Between ", "x", "é", "Acme", " Cloud", ", Inc.", " GmbH", " and ", "the ", "Customer", "customer",
	"Client", ".", ",", " ", "\n", "hereinafter ", "HEREINAFTER ", "referred to as ", "called ", "\"", "“", "”",
	"'", "‘", "’", "we", "! ", "? ", "(a) ", "• ", "12. ", "iv) ", " means ", " refers to ", "(", ")", "Provider", "Processor", ": ", "|", "*", "_", "By",
	": ", "Vendor", "Name", " as ", "us", "LLC", "\t", "-", "Ltd", "the Processor (",
}

// FuzzStartPatterns holds every startPattern to its pattern over texts
// made of pieces its matches are made of, and over raw text.
func FuzzStartPatterns(f *testing.F) {
	f.Add([]byte{0, 3, 4, 8, 9, 10}, "")
	f.Add([]byte{}, startFixtures[14])
	f.Add([]byte{38, 34, 3, 6, 16, 39, 40}, "")
	f.Fuzz(func(t *testing.T, pick []byte, raw string) {
		var b strings.Builder
		for _, c := range pick {
			b.WriteString(startPieces[int(c)%len(startPieces)])
		}
		for name, p := range startPatterns {
			checkStartPattern(t, name, p, b.String())
			checkStartPattern(t, name, p, raw)
		}
	})
}

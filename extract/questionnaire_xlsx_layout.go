package extract

import (
	"regexp"
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// Column roles.
const (
	roleID = iota
	roleQuestion
	roleAnswer
	roleOwner
	roleCSPImpl
	roleCSCResp
	roleNotes
	nRoles
)

// caption is one way a column caption may read: exactly Exact, or matching
// Re (a whole-word pattern) somewhere in the caption.
type caption struct {
	exact string
	re    *lazyre.Regexp
}

func caps(words ...string) []caption {
	c := make([]caption, len(words))
	for i, w := range words {
		exact, pat, _ := strings.Cut(w, "|")
		if pat == "" {
			pat = `\b` + regexp.QuoteMeta(exact) + `\b`
		}
		c[i] = caption{exact: exact, re: lazyre.New(pat)}
	}
	return c
}

// roleCaptions lists, per role and most specific first, the captions that
// name the column. Matching is on the caption lower-cased with whitespace
// runs collapsed: an exact match beats a prefix match beats a match inside.
var roleCaptions = [nRoles][]caption{
	roleID: caps("question id", "control id", "cid", "question #", "question number", "ref id",
		"requirement id", "item id", `id|\bids?\b`, "ref", "reference"),
	roleQuestion: caps("question", "control question", "consensus assessment questions",
		`questions|\bquestions?\b`, "question text", "control specification", "control name",
		"requirement", `control|\bcontrols?\b`, "description", `requirements|\brequirements\b`),
	roleAnswer: caps("csp caiq answer", "answer", `answers|\banswers?\b`, "vendor answers",
		`response|\bresponses?\b`, "yes/no|yes\\s*/\\s*no", "applicab|^applicab",
		"applicable|\\bapplicable\\b", "implementation status", "implemented|^implemented\\b"),
	roleOwner: caps("ssrm control ownership", "control ownership", "ownership", "responsibility type",
		"responsibility", "control origination", "can be inherited from csp", "controlled by 3rd party",
		"owner", "scope applicability"),
	roleCSPImpl: caps("csp implementation description", "implementation description"),
	roleCSCResp: caps("csc responsibilities|^csc responsibilit", "customer responsibilities|customer responsibilit"),
	roleNotes: caps("notes", `comments|\bcomments?\b`, "additional information", "comments and notes",
		`note|\bnotes?\b`, "explanation", "remarks|\\bremarks?\\b", "responsibilities|responsibilities"),
}

// roleWeight scores a header row by the roles its captions name.
var roleWeight = [nRoles]int{roleID: 3, roleQuestion: 3, roleAnswer: 2, roleOwner: 2, roleCSPImpl: 1, roleCSCResp: 1, roleNotes: 1}

// normCaption lower-cases s and collapses whitespace runs. A long
// multi-line caption is judged by its first line.
func normCaption(s string) string {
	c := strings.ToLower(strings.Join(strings.Fields(s), " "))
	if len(c) > 80 {
		if first, _, ok := strings.Cut(strings.TrimSpace(s), "\n"); ok {
			return strings.ToLower(strings.Join(strings.Fields(first), " "))
		}
	}
	return c
}

// captionScore rates how well the normalised caption c names role r (0: not).
func captionScore(c string, r int) int {
	if c == "" || len(c) > 80 {
		return 0
	}
	for i, p := range roleCaptions[r] {
		switch {
		case c == p.exact:
			return 1000 - i
		case p.re.MatchString(c):
			if strings.HasPrefix(c, p.exact) {
				return 500 - i
			}
			return 100 - i
		}
	}
	return 0
}

var (
	// questionID reads like a question or control ID: A&A-01.1, AIS- 02.2,
	// QUAL-01, AC-2(13), AC-02 (01), AC-1(a).
	questionID = lazyre.New(`^[A-Z][A-Z&]{0,5}-\s?[0-9]{1,3}[a-z]?(\.[0-9]+)*(\s?\([0-9A-Za-z]{1,3}\))*(\.[0-9]+)*$`)
	// metadataID are HECVAT general-information rows, not questions.
	metadataID = lazyre.New(`^(GNRL|DATE)-`)
	// multiQLine starts one of several questions in one cell (CAIQ v1.0):
	// "CO-02a - Do you…", "IS01 - …".
	multiQLine = lazyre.New(`^([A-Z]{2,4}-?\s?[0-9]{1,3}[a-z]?)\s*[-–—]\s*(\S.*)$`)
	// titleNumber is a numbered clause title: "5.10: Acceptable Use…".
	titleNumber = lazyre.New(`^([0-9]{1,2}(?:\.[0-9]{1,3})+)(?:\s*[:\-–.]\s*|\s+)\S`)
	// caiqSheet names a CAIQ sheet, with the version where given.
	caiqSheet   = lazyre.New(`(?i)^(?:csa\s*)?caiq\s*v?([0-9]+(?:\.[0-9]+)*)?`)
	versionCell = lazyre.New(`(?i)(?:\bv|\bv\.|\bversion)\s?([0-9]+(?:\.[0-9]+)+)\b`)
	markCell    = lazyre.New(`^(?i:x+|[✓✔☑•●■])$`)
	placeholder = lazyre.New(`(?i)^[<\[{(].*[>\]})]$|^enter\b|^tbd$`)
	serviceSubs = lazyre.New(`(?i)^(iaas|paas|saas)$`)
)

// colSet is the column (or, for a caption over several sub-captioned
// columns, the columns) holding one role. Columns are 0-based.
type colSet struct {
	cols []int
	subs []string // sub-captions, one per column, when len(cols) > 1
}

func (c colSet) ok() bool { return len(c.cols) > 0 }

// sheetLayout is the header of one questionnaire sheet.
type sheetLayout struct {
	headerRow int // 1-based; the lowest row holding a used caption
	roles     [nRoles]colSet
	captions  []string // normalised captions of the header row
	// titleID is the column whose numbered titles ("5.10: …") give the IDs
	// where the ID column does not (-1: none).
	titleID int
	// multiQ: one question cell holds several ID-prefixed questions.
	multiQ bool
	// serviceModel puts its pair first in per-service-model ranges.
	serviceModel string
}

// mergeRange is a merged cell range, 1-based inclusive.
type mergeRange struct {
	r1, c1, r2, c2 int
	val            string
}

// sheetResult is what one sheet yields.
type sheetResult struct {
	layout          *sheetLayout
	items           []Item
	vendor, product string
	title           string // text above the header row
	version         string
	caiqV4          bool
	captions        []string // captions of a likely header, when no layout was found
	captionRows     []int    // section caption rows below the header
	kept            int      // items taken from the sheet
	header          int      // header row of the section of the first item
}

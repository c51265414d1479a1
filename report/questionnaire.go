package report

import (
	"fmt"
	"strings"

	"github.com/ssrm-dev/ssrm/analyze"
)

// vendorNote says where the vendor's name comes from when the reader
// should know: named only in the answers, or only in the file's
// properties ("" when given or stated by the form).
func vendorNote(res *analyze.Result) string {
	switch res.VendorSource {
	case "answers":
		return "named by the questionnaire's answers"
	case "file properties":
		return "named only in the questionnaire file's properties"
	case analyze.VendorFromAgreement:
		return "named by the agreement"
	case analyze.VendorFromFolder:
		return "no document names it: named after its folder"
	case analyze.VendorFromFile:
		return "no document names it: named after its file"
	case analyze.VendorDiffers:
		if res.Vendor == "" {
			return "the documents name it differently: " + strings.Join(res.VendorNames, "; ")
		}
		return "the documents name it differently: " + strings.Join(res.VendorNames, "; ") + "; named after its folder or file"
	}
	return ""
}

// vendorTitle is the vendor's name with the note on where it comes from.
func vendorTitle(res *analyze.Result, none string) string {
	if res.Vendor == "" {
		if res.VendorSource == analyze.VendorDiffers {
			return none + " (" + vendorNote(res) + ")"
		}
		return none
	}
	if n := vendorNote(res); n != "" {
		return res.Vendor + " (" + n + ")"
	}
	return res.Vendor
}

// crosswalkNote says how the crosswalk read a questionnaire, when there is
// something to say: the form, items left out on purpose or placed
// nowhere, and ownership the form does not state. "" for a form whose
// every item states its owner and lands in a domain (a filled CAIQ v4).
func crosswalkNote(in analyze.Input) string {
	c := in.Crosswalk
	if c == nil || in.Ownership == "stated" && c.Unmapped == 0 && c.Nowhere == 0 {
		return ""
	}
	var parts []string
	form := c.Title
	if form == "" {
		form = "no known form: placed by topic, id and words"
	} else if c.ByIDs {
		form += ", recognised by its question ids"
	}
	parts = append(parts, "crosswalk "+form)
	counts := fmt.Sprintf("%d placed", c.Placed+c.Fallback)
	if c.Unmapped > 0 {
		counts += fmt.Sprintf(", %d left out on purpose", c.Unmapped)
	}
	if c.Nowhere > 0 {
		counts += fmt.Sprintf(", %d in no domain", c.Nowhere)
	}
	parts = append(parts, counts)
	switch in.Ownership {
	case "not stated":
		parts = append(parts, "states no ownership (owners inferred from the answers)")
	case "partly stated":
		parts = append(parts, "states ownership for some items: the others' owners are inferred from the answers")
	}
	return strings.Join(parts, "; ")
}

// ownershipNote is the matrix's note when a questionnaire states no
// ownership at all.
func ownershipNote(res *analyze.Result) string {
	for _, in := range res.Inputs {
		if in.Kind == "questionnaire" && in.Ownership == "not stated" {
			return "the questionnaire states no ownership, so its owners are inferred from the answers: a yes to a question about the vendor's side says the vendor performs it, one about what the institution configures says the customer or both do"
		}
	}
	return ""
}

// qOwner is a matrix row's questionnaire owner, with the number of items
// whose owner was inferred: "vendor (inferred 12)".
// hasQuestionnaire says a questionnaire was among the documents: without
// one the matrix has no questionnaire column to show (every row would say
// "unassigned", trial27e).
func hasQuestionnaire(res *analyze.Result) bool {
	for _, in := range res.Inputs {
		if in.Kind == "questionnaire" {
			return true
		}
	}
	return false
}

func qOwner(m analyze.MatrixRow) string {
	if m.QuestionnaireInferred > 0 {
		return fmt.Sprintf("%s (inferred %d)", m.QuestionnaireOwner, m.QuestionnaireInferred)
	}
	return string(m.QuestionnaireOwner)
}

// promiseShown reports whether the finding's questionnaire answer is
// already among its evidence.
func promiseShown(f analyze.Finding) bool {
	if f.Promise == nil {
		return true
	}
	for _, e := range f.Evidence {
		if e.Text == f.Promise.Text && e.File == f.Promise.File {
			return true
		}
	}
	return false
}

package analyze

import (
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestInlineItemsLeaveNoComma: a clause's own words, once the inline items
// read as its sub-clauses are cut out (ownText), hold no comma that parted
// two items: it opened the clause's next sentence (tos-obol-2024: a unit
// read "... Information; , Obol may require you ...").
func TestInlineItemsLeaveNoComma(t *testing.T) {
	c := extract.Clause{ID: "3", Text: "You agree to (i) give us accurate account details; (ii) update your details from time to time as needed, (iii) keep your password secret and accept the risks of its misuse, and (iv) tell us at once of any misuse. Quillmark may ask you for further documents."}
	kids := []extract.Clause{
		{ID: "3(ii)", Parent: "3", Text: "(ii) update your details from time to time as needed"},
		{ID: "3(iii)", Parent: "3", Text: "(iii) keep your password secret and accept the risks of its misuse, and"},
		{ID: "3(iv)", Parent: "3", Text: "(iv) tell us at once of any misuse."},
	}
	got := strings.Join(strings.Fields(ownText(c, kids)), " ")
	if strings.Contains(got, " ,") || !strings.Contains(got, "Quillmark may ask you for further documents.") {
		t.Errorf("own text %q: a stray comma before the clause's next words", got)
	}
}

package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A ToS read from a PDF whose middle sections lost their numbers: after
// "4.2", unnumbered headings stand for sections 5-7, then "8.1 Governing
// Law:" opens section 8, confirmed by "8.2" in the next lines (issue 11;
// our own text). A jump of four is more than successor allows; the short
// title and its sibling confirm it.
const pdfUnnumberedMiddle = `1. Definitions
1.1 Platform: the booking platform Larch Cloud Ltd hosts for the Client.
1.2 Client Data: data the Client enters in the Platform.
2. Use of the Platform
2.1 Access: the Client may use the Platform for its own bookings.
2.2 Accounts: the Client keeps its passwords secret.
3. Fees
3.1 Invoices: fees are invoiced monthly in advance.
3.2 Late payment: unpaid invoices bear interest after thirty days.
4. Data
4.1 Backups: Larch Cloud keeps a daily copy of Client Data.
4.2 Export: the Client may export Client Data at any time.
Limitation of Liability
Neither party is liable for indirect losses under these terms.
Indemnification
The Client will defend Larch Cloud against claims about Client Data.
Termination
Either party may end these terms on ninety days' notice.
General Provisions
8.1 Governing Law: these terms are governed by the laws of Ireland.
8.2 Assignment: neither party may assign these terms without consent.
8.3 Modifications: Larch Cloud may revise these terms on notice.
8.4 Notices: notices are sent by e-mail to the contacts on the order.
`

func TestSplitClausesUnnumberedMiddleSections(t *testing.T) {
	got := clauseIDs(SplitClauses([]Page{{Number: 1, Text: NormalizeText(pdfUnnumberedMiddle)}}, true))
	want := []string{"1", "1.1<1", "1.2<1", "2", "2.1<2", "2.2<2", "3", "3.1<3", "3.2<3", "4", "4.1<4", "4.2<4", "8.1", "8.2", "8.3", "8.4"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
}

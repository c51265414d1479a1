package analyze

import "testing"

// TestTrial45RecitalPlacesNoDomain: a recital binds no one, so it places
// no domain of the matrix on either party, and raises no surprise
// (new-user trial 45, issue 11; our own sentences).
func TestTrial45RecitalPlacesNoDomain(t *testing.T) {
	rs := loadRules(t)
	for _, recital := range []string{
		"WHEREAS, the Client wishes to modernise the applications and interfaces through which its members reach its services, and would like to engage the Provider to host them as described herein;",
		"Whereas the Client maintains laptops and mobile devices for its field staff and wishes the Provider to supply software for them;",
	} {
		md := "This Hosting Agreement is made between Norvale Ltd (the \"Provider\") and Quintex Corp (the \"Client\").\n\n" + recital +
			"\n\n1. Services. The Provider shall host the Client's website.\n"
		res := runMarkdown(t, rs, md)
		for _, d := range []string{"AIS", "UEM", "HRS"} {
			if r := matrixRow(res, d); r.AgreementOwner != OwnerUnassigned || r.Surprise != "" {
				t.Errorf("%s: %s (%s) from %v; want unassigned (a recital binds no one)", d, r.AgreementOwner, r.Surprise, r.Evidence)
			}
		}
	}
}

package analyze

import "testing"

// Kinds of fault of new-user trial 40 (a hardware-maintenance agreement of
// the 1990s), reproduced with sentences of our own writing.

// TestTrialfix39aVendorHereinafter: a preamble that defines the vendor by
// "<LEGAL NAME>, hereinafter referred to as "<SHORT>"" (or "hereinafter
// called", or "(hereinafter "<SHORT>")") names the vendor.
func TestTrialfix39aVendorHereinafter(t *testing.T) {
	rs := loadRules(t)
	for _, tc := range []struct{ pre, body, want string }{
		{"BRIGHTWATER SYSTEMS, INC., hereinafter referred to as \"BSI\", hereby agrees to provide repair service for the equipment and HOLLIS FOODS, INC., hereinafter referred to as \"Customer\", agrees to accept such service, subject to the following terms and conditions:", "BSI will repair the equipment within two business days. The Customer shall keep the equipment in a clean room.", "BRIGHTWATER SYSTEMS, INC."},
		{"Carraway Networks LLC, hereinafter called \"Carraway\", shall provide network support to Pellham County Hospital, hereinafter called \"Customer\", on the terms below.", "Carraway will patch the routers monthly. Customer shall restrict physical access to the routers.", "Carraway Networks LLC"},
		{"This Support Agreement is made between Ostwald Datentechnik GmbH (hereinafter \"Ostwald\") and Fairbairn Mills plc (hereinafter \"Customer\").", "Ostwald will answer support calls within one hour. Customer shall name two support contacts.", "Ostwald Datentechnik GmbH"},
	} {
		md := "# Maintenance Agreement\n\n" + tc.pre + "\n\n## 1. Service\n\n" + tc.body + "\n"
		if got := runMarkdown(t, rs, md).Vendor; got != tc.want {
			t.Errorf("%s: vendor %q, want %q", tc.pre, got, tc.want)
		}
	}
}

// TestTrialfix39aReturnToVendorIsNoDataReturn: a duty to return or destroy
// the vendor's own proprietary information, running toward the vendor, is
// no data-return term; the customer's data returned still is.
func TestTrialfix39aReturnToVendorIsNoDataReturn(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"proprietary information returned to the vendor", []string{"Brightwater Systems, Inc. (\"Provider\") maintains the Customer's servers.", "Upon expiry of this Agreement all proprietary information shall be returned to Provider or destroyed."}, "data-return-exit", StatusMissing},
		{"the customer returns the vendor's materials", []string{"Brightwater Systems, Inc. (\"Provider\") maintains the Customer's servers.", "When this Agreement terminates, the Customer shall destroy or return to the Provider all diagnostic software and manuals of the Provider."}, "data-return-exit", StatusMissing},
		{"the customer's data returned to it", []string{"Brightwater Systems, Inc. (\"Provider\") maintains the Customer's servers.", "Upon expiry of this Agreement the Provider shall return all Customer Data to the Customer and then delete its copies."}, "data-return-exit", StatusMet},
	})
}

// TestTrialfix39aEquipmentLocationIsNoDataLocation: where the hardware
// sits for on-site service, and a notice the customer owes of its move, is
// not where data is stored or processed; the matrix takes no DSP owner
// from it.
func TestTrialfix39aEquipmentLocationIsNoDataLocation(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"the customer notifies a change in location", []string{"Brightwater Systems, Inc. (\"Provider\") maintains the Customer's servers on site.", "The Customer shall notify Provider of any change in location and Provider may decline to provide on-site service at the new location."}, "data-location", StatusMissing},
		{"the customer tells of moving the equipment", []string{"Brightwater Systems, Inc. (\"Provider\") maintains the Customer's servers on site.", "The Customer must inform the Provider in writing before relocating the covered equipment to other premises."}, "data-location", StatusMissing},
		{"the data's region stated", []string{"Brightwater Systems, Inc. (\"Provider\") hosts the Customer's records.", "The Provider shall store Customer Data only in data centres located in the European Union."}, "data-location", StatusMet},
	})
	md := "# Maintenance Agreement\n\nBrightwater Systems, Inc. (\"Provider\") maintains the Customer's servers on site.\n\n## 1. Location\n\nThe Customer shall notify Provider of any change in location and Provider may decline to provide on-site service at the new location.\n"
	for _, m := range runMarkdown(t, rs, md).Matrix {
		if m.Domain == "DSP" && m.AgreementOwner != OwnerUnassigned {
			t.Errorf("DSP: the agreement's owner is %s, want unassigned (a location of equipment)", m.AgreementOwner)
		}
	}
}

// TestTrialfix39aHedgeGovernsItsPhrase: "a guaranteed response time of 4
// hours with a goal of on-site arrival within 8 hours": the goal hedges its
// own phrase, not the guaranteed response time.
func TestTrialfix39aHedgeGovernsItsPhrase(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"a guaranteed response time with a goal", []string{"Brightwater Systems, Inc. (\"Provider\") maintains the Customer's servers.", "Provider will provide telephone support from 8:00am to 6:00pm, with a guaranteed response time of 4 hours with a goal of on-site arrival within 8 hours."}, "service-levels", StatusMet},
		{"only a goal", []string{"Brightwater Systems, Inc. (\"Provider\") maintains the Customer's servers.", "Provider will aim for a response time of 4 hours for service calls."}, "service-levels", StatusWeak},
	})
}

// TestTrialfix39aConditionalInversion: "should it be lost" is "if it is
// lost": "The Customer is responsible to <verb> ..., should <X> happen" is
// a duty of the customer, not advice.
func TestTrialfix39aConditionalInversion(t *testing.T) {
	rs := loadRules(t)
	checkStatuses(t, rs, []statusCase{
		{"responsible to back up, should the data be lost", []string{"Brightwater Systems, Inc. (\"Provider\") maintains the Customer's servers.", "The Customer is responsible to keep current backup copies of its files and to restore them, should they be lost through disk failure or otherwise."}, "customer-responsibilities", StatusMet},
		{"shall protect, should the system be compromised", []string{"Brightwater Systems, Inc. (\"Provider\") maintains the Customer's servers.", "The Customer shall change all administrator passwords at once, should its network be compromised by an intruder."}, "customer-responsibilities", StatusMet},
	})
}

package analyze

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/company"
)

// TestPartiesAndVendorName reads short preambles and says which defined
// names are the vendor's and the customer's, and the vendor's name the
// report shows when no --vendor is given.
func TestPartiesAndVendorName(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		name               string
		clauses            []string
		vendors, customers []string // defined names, as partyNames' phrases read them
		vendor             string   // Result.Vendor
	}{
		{
			name: "a city that may inspect is the customer",
			clauses: []string{
				`This Agreement is made between the City of Springfield, a municipal corporation ("City"), and Flockly Inc., a Delaware corporation ("Flockly").`,
				"Flockly shall provide the license plate reader services.",
				"City or its authorized representatives may, at any time, inspect and audit Flockly's records.",
				"City shall provide Flockly with access to its facilities. City shall provide notice of any defect. City shall provide a point of contact.",
			},
			vendors: []string{"flockly"}, customers: []string{"city"}, vendor: "Flockly Inc.",
		},
		{
			name: "a name defined as 'the X LLC company' is named without its article",
			clauses: []string{
				`"Brightwell" means the Brightwell LLC company. "Customer" means the entity that accepts these Terms.`,
				"Brightwell shall provide the Service to Customer and maintain appropriate safeguards for Customer Data.",
				"Brightwell will notify Customer of any security breach within 72 hours.",
				"Customer shall pay the fees and keep its passwords confidential.",
			},
			vendors: []string{"brightwell"}, vendor: "Brightwell LLC",
		},
		{
			name: "a defined document is never a party",
			clauses: []string{
				`This Data Processing Addendum ("Agreement") forms part of the Terms.`,
				"Agreement shall remain in force while Provider processes Personal Data.",
				"Customer shall ensure it has a lawful basis. Customer will keep its passwords safe.",
			},
		},
		{
			name: "the order form and the effective date are no parties",
			clauses: []string{
				`This Agreement is made on the date of the last signature (the "Effective Date") between Acme Cloud, Inc., a Delaware corporation ("Acme"), and the customer identified in the Order Form ("Customer").`,
				`Each ordering document (an "Order Form") states the fees.`,
				"Effective Date shall mean the date above. Order Form shall set out the subscription term.",
				"Acme shall host the Services in the United States.",
			},
			vendors: []string{"acme"}, vendor: "Acme Cloud, Inc.",
		},
		{
			name: "the vendor named by the title the text goes on to use",
			clauses: []string{
				"Zephyr Data Processing Addendum",
				"Zephyr will process Personal Data only on documented instructions of Customer.",
				"Zephyr shall notify Customer of a Personal Data Breach without undue delay.",
			},
			vendor: "Zephyr",
		},
		{
			name: "whose platform it is outweighs who provides details",
			clauses: []string{
				`This Agreement is made between Borealis Labs Ltd ("Borealis") and Northwind Traders LLC ("Northwind").`,
				"Northwind's use of Borealis's Platform is subject to the Acceptable Use Policy.",
				"Borealis will maintain backups. Northwind shall provide accurate billing details. Northwind shall provide a contact.",
			},
			vendors: []string{"borealis"}, customers: []string{"northwind"}, vendor: "Borealis Labs Ltd",
		},
		{
			name: "the one that provides the Services",
			clauses: []string{
				`This Agreement is between Osprey Systems Inc. ("Osprey") and Wren Retail Ltd ("Wren").`,
				"Osprey provides the Services described in the Order Form.",
				"Wren shall provide Osprey with the data needed. Wren shall provide timely feedback.",
			},
			vendors: []string{"osprey"}, customers: []string{"wren"}, vendor: "Osprey Systems Inc.",
		},
		{
			name: "the signature block shows who is the customer",
			clauses: []string{
				`This Agreement is between Kestrel GmbH ("Kestrel") and Heron AG ("Heron").`,
				"Heron shall provide the hosting environment. Heron shall provide the data. Kestrel shall pay the invoices within 30 days.",
				"CUSTOMER: Heron AG\nPROVIDER: Kestrel GmbH",
			},
			vendors: []string{"kestrel"}, customers: []string{"heron"}, vendor: "Kestrel GmbH",
		},
		{
			name: "a public body that clearly provides is the vendor",
			clauses: []string{
				`This Agreement is between the State Data Authority ("Authority") and Pine Bank plc ("Pine").`,
				"Authority provides the Services to Pine. Authority's platform is hosted in the State.",
				"Pine shall pay the fees.",
			},
			vendors: []string{"authority"}, customers: []string{"pine"}, vendor: "State Data Authority",
		},
		{
			name: "a role word defined alone keeps the legal name before it",
			clauses: []string{
				`This DPA is made as of the Effective Date by and between Tern, Inc. ("Vendor") and the entity that accepts it ("Customer").`,
				"Vendor shall notify Customer of a Security Incident within 48 hours.",
			},
			vendor: "Tern, Inc.",
		},
		{
			name: "markdown emphasis around the defined name",
			clauses: []string{
				`This Agreement is between **Plover, Inc.** (**"Plover"**, **"we"** or **"us"**) and you.`,
				"Plover shall notify you of a Security Incident.",
			},
			vendors: []string{"plover"}, vendor: "Plover, Inc.",
		},
		{
			name: "a person who signs is not the party",
			clauses: []string{
				`Covered Entity: Hillside Pharmacy, represented by Jane Roe ("Covered Entity"); and Business Associate: MedLedger, represented by John Doe ("Business Associate").`,
				"Business Associate shall report any Breach of Unsecured PHI to Covered Entity.",
			},
			vendor: "MedLedger",
		},
		{
			name: "single quotes and several alternatives",
			clauses: []string{
				"We are Skua Labs Ltd ('Company', 'we', 'us', or 'our'), a company registered in England.",
				"Company shall keep the Site available. You may cancel at any time.",
			},
			vendors: []string{"company"}, vendor: "Skua Labs Ltd",
		},
		{
			name: "referred to herein as",
			clauses: []string{
				`Customer and Tigon Data Inc. (referred to herein as "Tigon") agree as follows.`,
				"Tigon will process Customer Personal Data only on documented instructions. Customer shall ensure its instructions are lawful.",
			},
			vendors: []string{"tigon"}, vendor: "Tigon Data Inc.",
		},
		{
			name: "a product operated by a public body",
			clauses: []string{
				"These terms apply to the use of Quill Forms, a product operated by the Northern Digital Service (NDS) at the Department of Works (DOW).",
				"NDS may suspend access. Departments are responsible for their forms.",
			},
			vendors: []string{"nds"}, vendor: "Northern Digital Service",
		},
		{
			name: "a company on a line of its own under the title",
			clauses: []string{
				"DATA PROCESSING ADDENDUM\nQuokka LLC\nEffective May 1, 2026.",
				"Quokka will process Personal Data only on documented instructions. Quokka shall notify Customer of a breach.",
			},
			vendor: "Quokka LLC",
		},
		{
			name: "between a name and the customer",
			clauses: []string{
				"This DPA is an addendum to the Terms between Bittern Analytics and the customer.",
				"Bittern Analytics will delete the data on request. Bittern Analytics shall assist the customer.",
			},
			vendor: "Bittern Analytics",
		},
		{
			name: "an edition's word in the title is not the vendor's name",
			clauses: []string{
				"# Pelican Self-Serve Enterprise Terms of Service",
				"Pelican will provide the Service. Pelican may suspend accounts.",
			},
			vendor: "Pelican",
		},
		{
			name: "a regulator defined deep in the text is no customer",
			clauses: []string{
				`This Agreement is between Lynx Processing Inc. ("Lynx") and Ibis Bank ("Ibis").`,
				"Lynx provides the Services. Ibis shall pay the fees.",
				strings.Repeat("Lynx shall keep records of every transaction it processes for the bank. ", 50),
				`The Federal Examination Council ("Council") may examine the records.`,
			},
			vendors: []string{"lynx"}, customers: []string{"ibis"}, vendor: "Lynx Processing Inc.",
		},
		{
			name: "the role word, then the legal name in brackets",
			clauses: []string{
				"Within the scope of the Framework Agreement, the **Processor** (Gannet Ltd., also **GANNETIO**) processes **Personal Data** on behalf of the **Customer**.",
				"The Processor shall notify the Customer of a breach.",
			},
			vendor: "Gannet Ltd.",
		},
		{
			name: "a legal name with its description before the customer's role word",
			clauses: []string{
				"This Business Associate Agreement is entered into between Veridian Care, Inc., a Delaware corporation, and the covered entity identified on the order form.",
				"Business Associate shall report to Covered Entity any Breach of Unsecured Protected Health Information.",
			},
			vendor: "Veridian Care, Inc.",
		},
		{
			name: "between you and a legal name, the text saying we",
			clauses: []string{
				"Marten Data Processing Agreement",
				`This Data Processing Agreement forms part of the agreement between You and Marten, Inc. governing Our provision of the Services to You (the "Agreement").`,
				"We shall Process Personal Data only on documented instructions from You.",
			},
			vendor: "Marten, Inc.",
		},
		{
			name: "a company named only in the signature block under a role word",
			clauses: []string{
				"Business Associate shall report to Covered Entity any Breach of Unsecured Protected Health Information.",
				"BUSINESS ASSOCIATE: Fennec Health Ltd\nBy: ________\nCOVERED ENTITY: ________\nBy: ________",
			},
			vendor: "Fennec Health Ltd",
		},
		{
			name: "a company signing against the customer's role word",
			clauses: []string{
				"Provider shall notify Customer of a Security Incident within 48 hours.",
				"IN WITNESS WHEREOF, the parties have signed this Agreement.\nGrebe Analytics LLC\nBy: ________\nName:\nCUSTOMER\nBy: ________\nName:",
			},
			vendor: "Grebe Analytics LLC",
		},
		{
			name: "the title's name and the vendor's e-mail domain",
			clauses: []string{
				"CORMORANT SYSTEMS TERMS OF SERVICE",
				"If you do not agree, please do not use the Service. Write to us at support@cormorant.example.com.",
				"We may change these Terms at any time.",
			},
			vendor: "Cormorant Systems",
		},
		{
			name: "a company on the first line and its e-mail domain",
			clauses: []string{
				"AVOCET LTD\nRegistered in England & Wales\nWEBSITE TERMS OF SERVICE",
				"Contact: info@avocet.example. We build and operate digital products.",
			},
			vendor: "Avocet Ltd",
		},
		{
			name: "we defined as a company",
			clauses: []string{
				`When we say "Company", "we", "our", or "us" in this document, we are referring to [12birds LLC](https://example.com/about).`,
				"We may suspend your account. You shall keep your password safe.",
			},
			vendor: "12birds LLC",
		},
		{
			name: "a role given after the name and its address",
			clauses: []string{
				"Data Processing Agreement between\n\nClient (to be inserted)\n\n- hereinafter referred to as the Controller -\n\nand\n\nSiskin Daten GmbH, Hauptstr. 4, 10115 Berlin\n\n- hereinafter referred to as the Processor -",
				"The Processor processes personal data on behalf of the Controller.",
			},
			vendor: "Siskin Daten GmbH",
		},
		{
			name: "the vendor's role word defined as a company",
			clauses: []string{
				"# Tanager HIPAA Business Associate Agreement",
				"This BAA defines the rights of Provider and Customer with respect to PHI.",
				"“Business Associate” shall mean Provider, or Tanager, Inc.",
				"Provider shall report to Customer any Breach of Unsecured PHI.",
			},
			vendor: "Tanager, Inc.",
		},
		{
			name: "between the name and the client",
			clauses: []string{
				"This Data Processing Agreement is incorporated in the agreement entered into between the Plover and the Client by signing the Order Form.",
				"Plover provides the Client with Services. Plover undertakes to process personal data only on instructions. Plover shall engage subprocessors only with consent.",
			},
			vendor: "Plover",
		},
		// Guards (these pass before the change too): no guess.
		{
			name: "the customer's role word defined as a company: no vendor's name",
			clauses: []string{
				"“Customer” shall mean Wigeon Retail Ltd.",
				"Provider shall notify Customer of a breach.",
			},
		},
		{
			name: "a generic title word with no domain of its own: no name",
			clauses: []string{
				"PLATFORM TERMS OF SERVICE",
				"Write to us at support@example.com. We may change these Terms at any time.",
			},
		},
		{
			name: "the controller's company before a hereinafter: no vendor's name",
			clauses: []string{
				"This agreement is between Linnet Bank AG\n- hereinafter referred to as the Controller -\nand the provider named in the order\n- hereinafter referred to as the Processor -",
				"The Processor processes personal data on behalf of the Controller.",
			},
		},
		{
			name: "two companies signing: no name",
			clauses: []string{
				"Provider shall notify Customer of a Security Incident within 48 hours.",
				"Grebe Analytics LLC\nBy: ________\nLoon Bank plc\nBy: ________",
			},
		},
		{
			name: "between two legal names with no role word: no name from the preamble",
			clauses: []string{
				"This Agreement is entered into between Grebe Analytics LLC, a Delaware company, and Loon Bank plc.",
				"Each party shall keep the other's Confidential Information secret.",
			},
		},

		{
			name: "two providers with different names: no name",
			clauses: []string{
				`This Agreement is between Gull Ltd ("Gull") and Puffin Ltd ("Puffin").`,
				"Gull provides the hosting services. Puffin provides the support services.",
			},
			vendors: []string{"gull", "puffin"},
		},
		{
			name: "a role word named as a side is no vendor's name",
			clauses: []string{
				"These terms apply between Customer and Provider.",
				"Provider shall notify Customer of a Security Incident. Provider will assist Customer.",
			},
		},
		{
			name: "a subprocessor hosting is not the vendor",
			clauses: []string{
				`Your Custom Apps are hosted by Amazon Web Services, Inc. ("AWS") in the United States.`,
				"We will notify you of a Security Incident.",
			},
		},
		{
			name: "a term defined deep in the body is no party, whatever it must do",
			clauses: []string{
				`These Terms are an agreement between Zephyrine and you ("Customer").`,
				"Zephyrine will provide the Services.",
				strings.Repeat("Customer shall keep its account credentials confidential and use the Services lawfully. ", 40),
				`In the event of a dispute relating to these Terms ("Dispute"), the party raising the Dispute must notify the other party.`,
				`The receiving party ("Recipient") will protect the disclosing party's ("Discloser") Confidential Information.`,
				"Recipient will notify Discloser of any unauthorised disclosure.",
			},
		},
		{
			name: "a party defined by what its name means",
			clauses: []string{
				`These Terms are an agreement between Quokka and you or the entity you represent ("Customer"). "Quokka" means Quokka Labs Ireland, Limited if Customer resides in the EEA, and Quokka Labs, PBC otherwise.`,
				"Quokka may update these Terms at any time. Customer shall keep its credentials safe.",
			},
			vendors: []string{"quokka"}, vendor: "Quokka Labs Ireland, Limited",
		},
		{
			name: "the vendor named after the customer: customers of X",
			clauses: []string{
				`This Data Processing Agreement ("DPA") applies to all customers ("Customer") of Quokkasoft Sp. z o.o. ("Provider") and governs Provider's processing of personal data.`,
				"Provider shall notify Customer of a Personal Data Breach without undue delay.",
			},
			vendor: "Quokkasoft Sp. z o.o.",
		},
		{
			name: "the vendor named after the customer, with a common legal form",
			clauses: []string{
				`These terms apply to all customers ("Customer") of Quokkasoft GmbH ("Provider").`,
				"Provider shall notify Customer of a Personal Data Breach without undue delay.",
			},
			vendor: "Quokkasoft GmbH",
		},
		{
			// A new user's trial: a DPA that gives its legal name the
			// processor's role without defining it.
			name: "a company given the processor's role in so many words",
			clauses: []string{
				"A data processing addendum is available to Enterprise customers on request.",
				"The customer is the controller of the personal data. Harrowgate Mail Ltd is the processor, acting only on the controller's documented instructions.",
				"Harrowgate Mail Ltd shall notify the customer of a personal data breach without undue delay.",
			},
			vendor: "Harrowgate Mail Ltd",
		},
		{
			name: "a parties block that labels the vendor by its role",
			clauses: []string{
				"BUSINESS ASSOCIATE AGREEMENT",
				"**COVERED ENTITY:**\nthe customer named in the order form\n(\"Covered Entity\")\n\n**BUSINESS ASSOCIATE:**\nLindqvist Health Analytics, Inc.\nAddress: [ADDRESS]\n(\"Business Associate\" or \"Lindqvist\")",
				"Business Associate shall report to Covered Entity any Breach of Unsecured PHI within five days.",
			},
			vendor: "Lindqvist Health Analytics, Inc.",
		},
		{
			name: "a sub-processor named by its role is not the vendor",
			clauses: []string{
				"Provider engages Stonebridge Hosting Ltd as a sub-processor for the hosting of the Services.",
				"Provider shall notify Customer of changes to its sub-processors.",
			},
		},
		{
			name: "a template's placeholders name no one",
			clauses: []string{
				`This Agreement is between {provider_name} ("Provider") and {customer_name} ("Customer").`,
				"Provider shall notify Customer of a Security Incident.",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := agreement(tc.clauses...)
			_, parties := readAgreements([]*extract.Agreement{a}, "", rs.Vocabulary)
			names := partyNames(parties[a])
			if got := phraseSources(names["vendor"]); !cmp.Equal(got, tc.vendors) {
				t.Errorf("vendor names %q, want %q", got, tc.vendors)
			}
			if got := phraseSources(names["customer"]); !cmp.Equal(got, tc.customers) {
				t.Errorf("customer names %q, want %q", got, tc.customers)
			}
			res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{a}}, rs, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Vendor != tc.vendor {
				t.Errorf("vendor %q, want %q", res.Vendor, tc.vendor)
			}
			if want := map[bool]string{true: VendorFromAgreement, false: VendorNone}[tc.vendor != ""]; res.VendorSource != want {
				t.Errorf("vendor source %q, want %q", res.VendorSource, want)
			}
		})
	}
}

// TestGivenVendorWins keeps --vendor over the agreement's own names.
func TestGivenVendorWins(t *testing.T) {
	rs := loadRules(t)
	res := run(t, rs, Options{Vendor: "Acme"}, `This Agreement is between Acme Cloud, Inc. ("Acme") and Harbor Bank ("Harbor").`, "Acme provides the Services.")
	if res.Vendor != "Acme" || res.VendorSource != "given" {
		t.Errorf("vendor %q from %q, want Acme given", res.Vendor, res.VendorSource)
	}
}

// TestGivenVendorNotInTextNamesNoSide: a --vendor name (or a batch
// folder's) that the agreement never uses tells nothing of its parties; the
// agreement's own defined name for the vendor stays the vendor's, not the
// "other side" of the given name.
func TestGivenVendorNotInTextNamesNoSide(t *testing.T) {
	rs := loadRules(t)
	clauses := []string{
		`This Agreement is made effective as of [DATE] ("Effective Date"), by and between Jane Roe d/b/a Quill Work, having a principal place of business in Texas ("Operator"), and [CLIENT COMPANY NAME] ("Client").`,
		"If Operator discovers unknown technical conditions (including encrypted data, missing credentials or corrupted systems), Operator shall issue a Change Order.",
		"Operator retains sole control over the manner and means of performance. Operator shall deliver the Deliverables.",
	}
	for _, given := range []string{"", "quillwork", "Quill Work", "Harbor Software"} {
		res := run(t, rs, Options{Vendor: given}, clauses...)
		if got := status(res, "customer-responsibilities"); got != StatusMissing {
			t.Errorf("--vendor %q: customer-responsibilities %s, want %s (the Operator's duty is no customer duty)", given, got, StatusMissing)
		}
	}
}

func phraseSources(ps []phrase) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.src)
	}
	sort.Strings(out)
	return out
}

// FuzzAgreementVendor reads any preamble without panicking, and a vendor's
// name it gives is one line of a proper name's length, found in the text.
func FuzzAgreementVendor(f *testing.F) {
	f.Add(`This Agreement is between Acme Cloud, Inc. ("Acme") and Harbor Bank ("Harbor").`, "Acme provides the Services. Harbor shall pay the fees.")
	f.Add("# Zephyr Data Processing Addendum", "Zephyr will notify Customer. Zephyr shall assist Customer.")
	f.Add(`between: (i) S.A.S.U Kite, 12 rue X, 75008 PARIS ("Vendor" or "Data Processor") and (ii) {COMPANY} ("Company")`, "Vendor shall notify Company.")
	f.Add("the Processor (Gannet Ltd., also GANNETIO) (", `("`)
	rs, err := LoadRules(nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, head, body string) {
		a := agreement(head, body)
		units, parties := readAgreements([]*extract.Agreement{a}, "", rs.Vocabulary)
		partyNames(parties[a])
		v := agreementVendor([]*extract.Agreement{a}, units, parties, rs.Vocabulary)
		if strings.ContainsAny(v, "\n\r") || len(v) > 200 {
			t.Errorf("vendor %q", v)
		}
		if v != "" && !strings.Contains(strings.ToLower(strings.Join(strings.Fields(head+" "+body), " ")), strings.ToLower(strings.Fields(v)[0])) {
			t.Errorf("vendor %q is not in the text", v)
		}
	})
}

// TestOwnPartyNoSubprocessor: a party of the agreement is never its own
// subprocessor, whether the vendor is named by the agreement, given in
// another form of its name, or the party is the customer.
func TestOwnPartyNoSubprocessor(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		name    string
		vendor  string // Options.Vendor
		clauses []string
		want    []string // subprocessor names
	}{
		{
			name: "the vendor named only by the preamble",
			clauses: []string{
				"This Business Associate Agreement is entered into between Veridian Care, Inc., a Delaware corporation, and the covered entity identified on the order form.",
				"Veridian Care, Inc. may engage subcontractors, such as Amazon Web Services, Inc. for hosting.",
			},
			want: []string{"Amazon Web Services, Inc."},
		},
		{
			name:   "the vendor given by a shorter form of its name",
			vendor: "Veridian Care",
			clauses: []string{
				"Veridian Care Labs, Inc. uses the following subprocessors: Twilio Inc. (SMS).",
			},
			want: []string{"Twilio Inc."},
		},
		{
			name: "the customer is no subprocessor",
			clauses: []string{
				`This Agreement is between Harbor Bank plc ("Harbor") and Osprey Systems Inc. ("Osprey").`,
				"Osprey provides the Services. Harbor shall pay the fees.",
				"Osprey shall not disclose data of Harbor Bank plc to subprocessors other than Twilio Inc.",
			},
			want: []string{"Twilio Inc."},
		},
		{
			name: "a defined supplier that hosts stays a subprocessor",
			clauses: []string{
				`Your Custom Apps are hosted by Amazon Web Services, Inc. ("AWS") in the United States.`,
				"We will notify you of a Security Incident.",
			},
			want: []string{"Amazon Web Services, Inc."},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := run(t, rs, Options{Vendor: tc.vendor}, tc.clauses...)
			var got []string
			for _, s := range res.Subprocessors {
				got = append(got, s.Name)
			}
			if !cmp.Equal(got, tc.want) {
				t.Errorf("subprocessors %q, want %q", got, tc.want)
			}
		})
	}
}

// TestPartyAddressNoDataLocation: a party's address in a notice clause,
// party table or signature block is where the party sits, not where the
// data is kept.
func TestPartyAddressNoDataLocation(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		name    string
		clauses []string
		want    string // status of data-location
	}{
		{
			name: "notices sent to a party's address",
			clauses: []string{
				"Processor shall implement appropriate technical and organisational measures.",
				"Processor will notify Customer of any change to this DPA at: Address: 1 Market St, San Francisco, CA, United States.",
			},
			want: StatusMissing,
		},
		{
			name: "a party table row",
			clauses: []string{
				"Processor shall implement appropriate technical and organisational measures.",
				"| Processor | Veridian Care, Inc. |\n| Address | 1 Market St, San Francisco, CA, United States |\nProcessor shall notify Customer of changes to these details.",
			},
			want: StatusMissing,
		},
		{
			name: "where data is kept is still read",
			clauses: []string{
				"Processor shall store Customer Data only within the European Union and will notify Customer in advance of any change of location.",
				"Processor will send notices to: Address: 1 Market St, San Francisco, CA, United States.",
			},
			want: StatusMet,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := run(t, rs, Options{}, tc.clauses...)
			if got := status(res, "data-location"); got != tc.want {
				t.Errorf("data-location %s, want %s", got, tc.want)
			}
		})
	}
}

// TestSubprocessorFullestName: names of one company are one subprocessor,
// shown by the fullest of them whichever comes first.
func TestSubprocessorFullestName(t *testing.T) {
	rs := loadRules(t)
	res := run(t, rs, Options{Vendor: "Pipit Ltd"},
		"Our subprocessors are AWS (hosting) and Slack (chat).",
		"Subprocessors: Amazon Web Services, Inc. and Slack Technologies Limited.")
	var got []string
	for _, s := range res.Subprocessors {
		got = append(got, s.Name)
	}
	want := []string{"Amazon Web Services, Inc.", "Slack Technologies Limited"}
	if !cmp.Equal(got, want) {
		t.Errorf("subprocessors %q, want %q", got, want)
	}
}

// TestSharedCorpusVendorNames reads the shared corpus's agreements whose
// vendor the agreement names only in its title and preamble ("between You
// and Celonis, Inc."): the report names it. Skips without ../shared.
func TestSharedCorpusVendorNames(t *testing.T) {
	rs := loadRules(t)
	for file, want := range map[string]string{
		"dpa-make-celonis-2022.pdf": "Celonis, Inc.",
	} {
		path := filepath.Join("../../shared/corpus/agreements", file)
		if _, err := os.Stat(path); err != nil {
			t.Skipf("corpus not found at %s (it sits beside the repository as ../shared/corpus): %v", path, err)
		}
		doc, err := extract.Open(path, extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		res, err := Run(context.Background(), Inputs{Agreements: []*extract.Agreement{doc.Agreement}}, rs, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Vendor != want {
			t.Errorf("%s: vendor %q, want %q", file, res.Vendor, want)
		}
		for _, s := range res.Subprocessors {
			if company.Key(s.Name) == company.Key(want) {
				t.Errorf("%s: the vendor %q listed as its own subprocessor", file, s.Name)
			}
		}
	}
}

// FuzzRoleVendor: any text, however odd its bytes or case (offsets of a
// lower-cased copy must stay those of the text), gives no panic, and a
// name found stands in the text.
func FuzzRoleVendor(f *testing.F) {
	f.Add("The customer is the controller. Harrowgate Mail Ltd is the processor.")
	f.Add("**BUSINESS ASSOCIATE:**\nLindqvist Health Analytics, Inc.\n")
	f.Add("İİİ Acme GmbH acts as the data processor")
	f.Fuzz(func(t *testing.T, head string) {
		n := roleVendor(head)
		if n != "" && !strings.Contains(strings.Join(strings.Fields(head), " "), n) {
			t.Errorf("roleVendor(%q) = %q, not in the text", head, n)
		}
	})
}

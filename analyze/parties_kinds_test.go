package analyze

import (
	"strings"
	"testing"
)

// TestVendorNameKinds reads the vendor's name from the kinds of party
// blocks new users met on outside documents (issue 11): each row is one
// kind, in sentences written for the test.
func TestVendorNameKinds(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		name    string
		clauses []string
		vendor  string // Result.Vendor
	}{
		{
			name: "the vendor's role word defined by a legal name in a definition list",
			clauses: []string{
				"General Terms and Conditions",
				"1.2 The definitions below have the following meanings:\nCustomer\nmeans the person who orders the Service;\nProvider\nrefers to the company Harlowmere s.r.o., ID No. 12345678, with registered office at Main Street 1, Prague;\nService\nmeans the hosted software provided by the Provider;",
				"The Provider shall notify the Customer of any security incident within 72 hours.",
			},
			vendor: "Harlowmere s.r.o.",
		},
		{
			name: "the vendor's role word then a colon and a legal name",
			clauses: []string{
				"Data Processing Terms",
				"Parties\nProvider: Tessaly Cloud GmbH\nCustomer: the entity named in the Order Form",
				"The Provider shall notify the Customer of a personal data breach without undue delay.",
			},
			vendor: "Tessaly Cloud GmbH",
		},
		{
			name: "a name in another script, then the English legal name with its trade name in brackets",
			clauses: []string{
				"Master Service Agreement",
				"1.1 Parties. This Master Service Agreement is entered into by and between:\n1. مؤسسة الابتكار لتقنية المعلومات (Quorvane Establishment for Information\nTechnology, doing business under the trade name \u201cQUORVANE\u201d), a registered establishment with its principal place of business at Riyadh (the \u201cService Provider\u201d); and\n2. The legal entity identified as the Client on the executed Service Order Form (the \u201cClient\u201d).",
				"The Service Provider shall notify the Client of any security incident within 72 hours.",
			},
			vendor: "Quorvane Establishment for Information Technology",
		},
		{
			name: "a party defined in capitals that grants you access, you defined as the authorised user",
			clauses: []string{
				"BRINDLEWOOD SYSTEMS, INC., A DELAWARE CORPORATION (BRINDLEWOOD) IS WILLING TO GRANT YOU (AUTHORIZED USER) ACCESS TO THE BRINDLEWOOD SERVICE ONLY UPON THE CONDITION THAT YOU ACCEPT ALL THE TERMS CONTAINED HEREIN.",
				"Brindlewood shall encrypt Client Data at rest. Brindlewood will notify You of any security incident within 72 hours.",
			},
			vendor: "BRINDLEWOOD SYSTEMS, INC.",
		},
		{
			name: "a Nordic legal form (ApS) set against you, the role defined with we",
			clauses: []string{
				"Data Processor Agreement",
				"Between you and Tindravik ApS",
				`1.1 This data processing agreement is entered into in connection with the contract between you and Tindravik ApS (the "Data Processor, we, us") concerning the use of our services.`,
				"The Data Processor shall notify you of a personal data breach without undue delay.",
			},
			vendor: "Tindravik ApS",
		},
		{
			name: "a legal name with its affiliates before the short name",
			clauses: []string{
				"Quillbay Service Level Agreement",
				`This Service Level Agreement governs the use of the service between Quillbay Inc. and its affiliates ("Quillbay", "us" or "we") and users of its services ("you").`,
				"Quillbay will make the service available 99.9% of each month.",
			},
			vendor: "Quillbay Inc.",
		},
		{
			name: "a role word defined with a legal name beside a placeholder party",
			clauses: []string{
				"BUSINESS ASSOCIATE AGREEMENT",
				`This Business Associate Agreement is entered into by and between [Covered Entity Name] ("Covered Entity") and Brackwater Records LLC, a New York limited liability company ("Business Associate").`,
				"Business Associate shall report to Covered Entity any Breach of Unsecured PHI within five days of discovery.",
			},
			vendor: "Brackwater Records LLC",
		},
		{
			name: "a legal name with an appositive before its role word",
			clauses: []string{
				"BUSINESS ASSOCIATE AGREEMENT",
				`This Business Associate Agreement is entered into by and between you, the covered entity ("Covered Entity"), and Quillfern Health LLC, operating the Quillfern platform ("Business Associate"), effective on acceptance.`,
				"Business Associate shall report to Covered Entity any Breach of Unsecured PHI within five days of discovery.",
			},
			vendor: "Quillfern Health LLC",
		},
		{
			name: "a name defined by a word of either side, the other side the customer's role word",
			clauses: []string{
				"DATA PROCESSING ADDENDUM",
				`This Data Processing Addendum supplements the Master Service Agreement entered into by and between Customer and Orrinpath Systems, Inc. ("Company").`,
				"Company shall notify Customer of a Personal Data Breach without undue delay.",
			},
			vendor: "Orrinpath Systems, Inc.",
		},
		{
			name: "the same, spaces inside the quotes of the defined name",
			clauses: []string{
				"DATA PROCESSING ADDENDUM",
				"This Data Processing Addendum supplements the agreement between Customer and Orrinpath Systems, Inc. (“ Company ”).",
				"Company shall notify Customer of a Personal Data Breach without undue delay.",
			},
			vendor: "Orrinpath Systems, Inc.",
		},
		{
			name: "a word of either side, the other side named: no guess",
			clauses: []string{
				"DATA PROCESSING ADDENDUM",
				`This Addendum is entered into between Brightwell Ltd ("Company") and Orrinpath Systems, Inc. ("Processor").`,
				"Processor shall notify Company of a Personal Data Breach without undue delay.",
			},
			vendor: "Orrinpath Systems, Inc.",
		},
		{
			name: "a company's name in capitals alone on a title block line",
			clauses: []string{
				"TALLOWMERE INC",
				"SUBSCRIPTION TERMS",
				"These terms govern the customer's use of the hosted service.",
				"Tallowmere shall notify the customer of a security incident within 48 hours.",
				"Tallowmere will maintain backups of customer data.",
			},
			vendor: "Tallowmere Inc",
		},
		{
			name: "a legal name defined only after clauses that already use the short name",
			clauses: []string{
				"Welcome to Quibbleton. These terms explain how you may use the Quibbleton command line tool and its hosted service.",
				"You must keep your access tokens secret.",
				"Quibbleton may suspend an account that abuses the service.",
				"Quibbleton will not sell your data.",
				"Quibbleton CLI, Inc. (\"Quibbleton\") provides the service from the United States.",
				"Quibbleton shall notify you of a security incident affecting your data without undue delay.",
			},
			vendor: "Quibbleton CLI, Inc.",
		},
		{
			name: "a cover line labels the vendor by role, brand in brackets, no legal form",
			clauses: []string{
				"ORDER FORM",
				"Service Provider: Fernwick (Fernwick Cloud)\nCustomer: the subscriber named below",
				"Service Provider shall notify Customer of a Security Incident within 72 hours.",
			},
			vendor: "Fernwick",
		},
		{
			name: "a title naming the product and its maker in brackets",
			clauses: []string{
				"GANNETPROCURE (a PRODUCT OF GANNET-AI)",
				"Terms of Service",
				"Gannet-AI will notify the customer of any security incident affecting customer data.",
				"Gannet-AI shall keep customer data encrypted at rest.",
			},
			vendor: "Gannet-AI",
		},
		{
			name: "a title naming the maker, the text then saying the Company",
			clauses: []string{
				"TERMS OF USE\nWRENTALLY (a PRODUCT OF OSPREY-LABS)",
				"By using the Wrentally platform you agree to these terms.",
				"The Company may suspend an account that abuses the service.",
				"The Company will not sell your data.",
			},
			vendor: "Osprey-Labs",
		},
		{
			name: "a defined name that is the acronym of a document is no party",
			clauses: []string{
				"DATA PROCESSING AGREEMENT",
				`This Data Processing Agreement forms part of the Hosting Services Agreement ("HSA") and governs Pellucid's Processing of Personal Data.`,
				"Pellucid shall notify the Customer of a Personal Data Breach without undue delay.",
				"Pellucid will assist the Customer with data subject requests.",
			},
			vendor: "Pellucid",
		},
		{
			name: "the legal name given with we and a brand name",
			clauses: []string{
				`These terms govern your use of the Larkspur website and services operated by Meridian Quill Limited ("we" or "our" or "Larkspur").`,
				"Larkspur will notify you of a security incident affecting your data.",
			},
			vendor: "Meridian Quill Limited",
		},
		{
			name: "a legal name defined by the vendor's pronouns alone",
			clauses: []string{
				`This Agreement is between Tamsin Works d.o.o. ("us", "we", or "our") and you or the entity you represent ("you" or "your").`,
				"We will notify you of a security incident affecting your data without undue delay.",
			},
			vendor: "Tamsin Works d.o.o.",
		},
		{
			name: "a name with no legal form defined by pronouns and Company",
			clauses: []string{
				`These Terms are a binding agreement between Lumen Harrow ("the Company," "we," "our," or "us") and the customer ("Client," "you," or "your").`,
				"Client must keep its password secret.",
			},
			vendor: "Lumen Harrow",
		},
		{
			name: "pronouns joined by slashes in one quoted term",
			clauses: []string{
				`These Terms are between Saltmarsh Learning Private Limited ("Company/We/Us/Our") and its users ("User/You/Your").`,
				"User must not share an account.",
			},
			vendor: "Saltmarsh Learning Private Limited",
		},
		{
			name: "Company alone names no side",
			clauses: []string{
				`This Addendum is between Quarry Vale Ltd ("Vendor") and Ostrich Fields ("Company").`,
				"Vendor shall notify Company of a Personal Data Breach without undue delay.",
			},
			vendor: "Quarry Vale Ltd",
		},
		{
			name: "a title's first word that is what is sold names no vendor",
			clauses: []string{
				"# Service Subscription Agreement",
				"The Service will be available 99.9% of each month.",
				"The Service will keep daily backups of customer data.",
			},
		},
		{
			name: "a role label over a name with no legal form",
			clauses: []string{
				"# Business Associate Agreement",
				"**Covered Entity**: [Healthcare Provider Name]\n**Business Associate**: Halberd Records\n**Address**: [Address]",
				"Business Associate shall report to Covered Entity any Breach of Unsecured PHI.",
			},
			vendor: "Halberd Records",
		},
		{
			name: "a role label over a name that opens with a number",
			clauses: []string{
				"# Business Associate Agreement",
				"**Covered Entity**: [Clinic Name]\n**Business Associate**: 9 Rivers Health Software\n**Contact**: [Email]",
				"Business Associate shall report to Covered Entity any Breach of Unsecured PHI.",
			},
			vendor: "9 Rivers Health Software",
		},
		{
			name: "a parties block whose name stands over a placeholder address",
			clauses: []string{
				"# Data Processing Agreement",
				"## Parties\n**Data Controller:**\n[Customer Name]\n[Address]\n(\"Customer\" or \"Controller\")\n\n**Data Processor:**\nOsprey Ledger\n[Address]\n(\"Processor\")",
				"Processor shall notify Controller of a Personal Data Breach without undue delay.",
			},
			vendor: "Osprey Ledger",
		},
		{
			name: "a jurisdiction in the name's description is no name",
			clauses: []string{
				"This Agreement is made between:",
				"- Harbor Bank plc, a company organised under the laws of England and Wales, with its office at 1 Quay Street, Leeds (\"Harbor\" or \"Client\"); and",
				"- Plover Systems Ltd, a company organised under the laws of England and Wales, with its office at 2 Mill Lane, York (\"Plover\" or \"Vendor\").",
				"Vendor shall notify Client of a Security Incident within 48 hours.",
			},
			vendor: "Plover Systems Ltd",
		},
		{
			name: "a thing named after a side's role word is no party",
			clauses: []string{
				`This Addendum is between Wrenfield Analytics Inc. ("Wrenfield" or "Vendor") and the customer ("Customer").`,
				"Vendor keeps all rights in the templates and tools made under Professional Services (\"Vendor Materials\").",
				"Vendor shall notify Customer of a Personal Data Breach without undue delay.",
			},
			vendor: "Wrenfield Analytics Inc.",
		},
		{
			name: "a Commonwealth preamble: incorporation and office before hereinafter referred to as the role",
			clauses: []string{
				"DATA PROCESSING AGREEMENT",
				"This Agreement is executed by and between:",
				`[insert customer name], having its office at [insert address] (hereinafter referred to as the "Customer", which expression shall include its successors and permitted assigns),`,
				"AND",
				`Tindlewick Analytics Private Limited, a company incorporated under the Companies Act, 2013, having its registered office at [insert address] (hereinafter referred to as the "Processor", which expression shall, unless repugnant to the context, include its successors and assigns).`,
				"The Processor shall notify the Customer of a Personal Data Breach without undue delay.",
			},
			vendor: "Tindlewick Analytics Private Limited",
		},
		{
			name: "hereinafter called the role, two role words joined by a slash",
			clauses: []string{
				"DATA PROCESSING AGREEMENT",
				`Marrowby Infotech Pvt Ltd, having its office at [address] (hereinafter called the "Processor" / "Service Provider"),`,
				"AND",
				`[customer name], having its office at [address] (hereinafter called the "Customer"),`,
				"The Processor shall notify the Customer of a Personal Data Breach without undue delay.",
			},
			vendor: "Marrowby Infotech Pvt Ltd",
		},
		{
			name: "a dash-delimited role then hereafter named the role word in quotes",
			clauses: []string{
				"Data Processing Agreement between",
				"Client Company (to be inserted) \u2013 the Controller \u2013 hereinafter named the \"Client\"",
				"and",
				"Quillbright Software GmbH, Ahornweg 7, 50667 Cologne \u2013 the Processor \u2013 hereafter named the \"Supplier\"",
				"The Supplier shall notify the Client of a personal data breach without undue delay.",
			},
			vendor: "Quillbright Software GmbH",
		},
		{
			name: "hereinafter referred to as the role in low-high quotes",
			clauses: []string{
				"Agreement on commissioned processing between",
				"the customer named in the order, hereinafter referred to as \u201eClient\u201c,",
				"and",
				"Tarnhelm Hosting AG, Seestrasse 3, 8002 Zurich, hereinafter referred to as \u201aContractor\u2018.",
				"The Contractor shall notify the Client of a personal data breach without undue delay.",
			},
			vendor: "Tarnhelm Hosting AG",
		},
		{
			name: "the role alone between dashes on the line after the name",
			clauses: []string{
				"Data Processing Agreement between",
				"Ostrava Cloudworks Ltd, 5 Station Road, Leeds\n- the Processor -",
				"and the customer\n- the Controller -",
				"The Processor shall notify the Controller of a personal data breach without undue delay.",
			},
			vendor: "Ostrava Cloudworks Ltd",
		},
		{
			name: "a legal name followed by its street address ends at its legal form",
			clauses: []string{
				"Terms of Service",
				"Corvidane Backup \u2013 Managed Backups",
				"by Corvidane Systems GmbH, Lindwurmstr. 14, 80337 Munich (referred to hereinafter as \u201cCorvidane\u201d)",
				"Corvidane offers a managed backup service to businesses (referred to hereinafter as \u201cCUSTOMER\u201d or \u201cyou\u201d).",
				"Corvidane shall notify the customer of a security incident affecting customer data without undue delay.",
			},
			vendor: "Corvidane Systems GmbH",
		},
		{
			name: "a legal name in B.V. form followed by its address",
			clauses: []string{
				"Terms of Service",
				"These terms are offered by Pelworm Data B.V., Keizersgracht 12, 1015 CS Amsterdam (\"Pelworm\").",
				"Pelworm shall notify the customer of a security incident affecting customer data without undue delay.",
			},
			vendor: "Pelworm Data B.V.",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := run(t, rs, Options{}, tc.clauses...)
			if res.Vendor != tc.vendor {
				t.Errorf("vendor %q, want %q", res.Vendor, tc.vendor)
			}
		})
	}
}

// TestSubprocessorsInDisclosureExceptions: infrastructure suppliers named
// where the vendor says to whom it may disclose (a confidentiality or
// privacy exception) are subprocessors, as in a subprocessor list.
func TestSubprocessorsInDisclosureExceptions(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		name   string
		clause string
		want   string // subprocessor names, sorted, space-separated
	}{
		{
			name:   "hosting and infrastructure providers",
			clause: "We may disclose your Confidential Information to our hosting and infrastructure providers (currently Hetzner Online GmbH and Backblaze, Inc.), who are bound by duties of confidentiality.",
			want:   "Backblaze, Inc. Hetzner Online GmbH",
		},
		{
			name:   "infrastructure providers",
			clause: "We may share customer data with our infrastructure providers, such as Vultr Holdings LLC, only to run the service.",
			want:   "Vultr Holdings LLC",
		},
		{
			name:   "service providers that store data",
			clause: "We may share information with service providers that store or process data for us, including Wasabi Technologies LLC.",
			want:   "Wasabi Technologies LLC",
		},
		{
			name:   "a company named outside any supplier context is none",
			clause: "We may share information with Customer's auditors, such as Grant Keller LLP, on Customer's request.",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := run(t, rs, Options{Vendor: "Tessellate Cloud Ltd"}, tc.clause)
			var got []string
			for _, s := range res.Subprocessors {
				got = append(got, s.Name)
			}
			if strings.Join(got, " ") != tc.want {
				t.Errorf("subprocessors %q, want %q", strings.Join(got, " "), tc.want)
			}
		})
	}
}

package assurancegen

import "fmt"

// The fictional vendor, its auditor and its providers.
const (
	Vendor  = "Cobalt Harbor Inc."
	System  = "Harbor Payroll Cloud"
	Auditor = "Larchmont & Reyes LLP"
)

// CUECs are the complementary user entity controls of the SOC 2, each with
// the criteria it supports.
var CUECs = [][2]string{
	{"User entities are responsible for provisioning and deprovisioning their own users' access to Harbor Payroll Cloud and for reviewing that access at least quarterly.", "CC6.1, CC6.2, CC6.3"},
	{"User entities are responsible for enabling multi-factor authentication for their administrator accounts.", "CC6.1"},
	{"User entities are responsible for the accuracy and completeness of the payroll data they submit and for classifying it as confidential.", "C1.1"},
	{"User entities are responsible for notifying Cobalt Harbor of security incidents they detect involving their accounts within 24 hours.", "CC7.3, CC7.4"},
	{"User entities are responsible for securing the devices and networks from which their users access the service.", "CC6.7, CC6.8"},
	{"User entities are responsible for backing up the exports they download and for testing the restoration of their own records.", "A1.2"},
}

// Subservice are the subservice organizations and the services they give.
var Subservice = [][2]string{
	{"Amazon Web Services, Inc. (AWS)", "Infrastructure hosting of the production environment in the US East region"},
	{"Twilio Inc.", "Delivery of SMS one-time passcodes for user sign-in"},
}

// CSOCs are the complementary subservice organization controls.
var CSOCs = [][2]string{
	{"AWS is responsible for restricting physical access to the data center facilities that house the production environment to authorized personnel.", "CC6.4"},
	{"AWS is responsible for environmental protections, including power, fire suppression and climate control, at those facilities.", "A1.2"},
	{"Twilio is responsible for protecting the confidentiality of the passcodes it delivers.", "CC6.1"},
}

// Tests are the rows of the tests of controls: control, activity, test,
// result. Three results are exceptions.
var Tests = [][4]string{}

// Exceptions are the controls whose tests found a deviation, in order.
var Exceptions = []string{"CC6.2.1", "CC7.2.3", "A1.2.2"}

func init() {
	areas := []struct{ crit, act, test string }{
		{"CC1.1", "Employees acknowledge the code of conduct when hired and every year after.", "Inspected the acknowledgements of a sample of employees."},
		{"CC1.4", "Background checks are completed for new employees before their start date.", "Inspected background check records for a sample of new hires."},
		{"CC2.1", "Security policies are reviewed and approved by management every year.", "Inspected the policies and the record of their approval."},
		{"CC3.1", "A risk assessment is performed every year and its results are tracked to closure.", "Inspected the risk assessment and the risk register."},
		{"CC4.1", "Internal audits of the control environment are performed every year.", "Inspected the internal audit report and its follow-up."},
		{"CC5.2", "Change management procedures are documented and approved.", "Inspected the change management procedure."},
		{"CC6.1", "Access to production systems requires multi-factor authentication through the corporate identity provider.", "Inspected the identity provider configuration and a sample of sign-in events."},
		{"CC6.2", "New user access is approved by the user's manager before it is granted.", "Inspected access tickets for a sample of 25 new users."},
		{"CC6.3", "Access is removed within one business day of an employee's termination.", "Inspected the access removal records for a sample of terminated employees."},
		{"CC6.6", "Network traffic to production is filtered by security groups that deny by default.", "Inspected the security group configuration."},
		{"CC6.7", "Customer data is encrypted in transit with TLS 1.2 or later.", "Observed the TLS configuration of the public endpoints."},
		{"CC6.8", "Endpoint protection is installed on all employee laptops.", "Inspected the endpoint management console for a sample of laptops."},
		{"CC7.1", "Vulnerability scans of the production environment are performed every week.", "Inspected the scan reports for a sample of weeks."},
		{"CC7.2", "Security alerts from the monitoring system are triaged within one business day.", "Inspected a sample of security alerts and their triage records."},
		{"CC7.3", "Security incidents are logged, investigated and closed under the incident response plan.", "Inspected the incident log and a sample of incident tickets."},
		{"CC7.4", "The incident response plan is tested every year.", "Inspected the record of the annual tabletop exercise."},
		{"CC8.1", "Changes to production are peer reviewed and approved before deployment.", "Inspected a sample of production changes for review and approval."},
		{"CC9.2", "Vendors that process customer data are assessed before they are engaged and every year after.", "Inspected vendor assessments for a sample of vendors."},
		{"A1.1", "Capacity of the production environment is monitored and alerts are raised at 80 percent use.", "Inspected the capacity monitoring configuration."},
		{"A1.2", "Customer databases are backed up every day and backups are replicated to a second region.", "Inspected the backup configuration and a sample of daily backup jobs."},
		{"A1.3", "Restoration from backup is tested every quarter.", "Inspected the records of the quarterly restore tests."},
		{"C1.1", "Confidential customer data is identified and classified under the data classification policy.", "Inspected the data classification policy and data inventory."},
		{"C1.2", "Customer data is deleted within 30 days of the end of the subscription.", "Inspected deletion records for a sample of ended subscriptions."},
	}
	for _, a := range areas {
		for k := 1; k <= 3; k++ {
			id := fmt.Sprintf("%s.%d", a.crit, k)
			act, test := a.act, a.test
			if k > 1 {
				act = fmt.Sprintf("%s (control %d of the criterion)", a.act, k)
			}
			res := "No exceptions noted."
			switch id {
			case "CC6.2.1":
				res = "Exception noted. For 2 of 25 new users sampled, manager approval was recorded after access was granted."
			case "CC7.2.3":
				res = "Exception noted. For 1 of 40 security alerts sampled, triage was completed five business days after the alert. Management's response: The alert was raised during a change of on-call rota; the rota tool now pages a second responder after four hours."
			case "A1.2.2":
				res = "Exception noted. Backups of one customer database were not replicated to the second region for 9 days in October 2025."
			}
			if k == 3 && a.crit >= "CC6" && id != "CC7.2.3" {
				continue // fewer rows for the later criteria
			}
			Tests = append(Tests, [4]string{id, act, test, res})
		}
	}
}

// SOC2 is the SOC 2 Type II report: a qualified opinion (the backup
// exception), security, availability and confidentiality in scope.
func SOC2() Doc {
	var b []Block
	add := func(kind, text string) { b = append(b, Block{Kind: kind, Text: text}) }
	add(Title, "SOC 2 Type II Report")
	add(Title, Vendor)
	add(Para, "Report on Cobalt Harbor Inc.'s Description of Its Harbor Payroll Cloud System and on the Suitability of the Design and Operating Effectiveness of Its Controls Relevant to Security, Availability and Confidentiality Throughout the Period April 1, 2025 to March 31, 2026.")
	add(Line, "Section I: Management's Assertion 2")
	add(Line, "Section II: Independent Service Auditor's Report 3")
	add(Line, "Section III: Description of the System 5")
	add(Line, "Section IV: Trust Services Criteria, Related Controls, and Tests of Controls 7")
	add(Line, "Section V: Other Information 11")
	add(Para, "This report is intended solely for the information and use of Cobalt Harbor, user entities of the Harbor Payroll Cloud system during some or all of the period, and prospective user entities.")

	add(H1, "Section I: Management's Assertion")
	add(Para, "We have prepared the accompanying description of Cobalt Harbor Inc.'s Harbor Payroll Cloud system throughout the period April 1, 2025 to March 31, 2026, based on the description criteria. The description is intended to provide report users with information about the system that may be useful when assessing the risks arising from interactions with the system.")
	add(Para, "Cobalt Harbor uses subservice organizations for infrastructure hosting and for the delivery of sign-in passcodes. The description includes only the controls of Cobalt Harbor and excludes the controls of the subservice organizations. The description also indicates that certain trust services criteria can be met only if complementary user entity controls assumed in the design of Cobalt Harbor's controls are suitably designed and operating effectively.")
	add(Para, "We confirm, to the best of our knowledge and belief, that the controls stated in the description were suitably designed and operated effectively throughout that period, except for the matter described in Section IV regarding the replication of backups.")
	add(Line, "Cobalt Harbor Inc. management")

	add(H1, "Section II: Independent Service Auditor's Report")
	add(Line, "To the Board of Directors of Cobalt Harbor Inc.")
	add(H2, "Scope")
	add(Para, "We have examined Cobalt Harbor Inc.'s description of its Harbor Payroll Cloud system throughout the period April 1, 2025 to March 31, 2026, and the suitability of the design and operating effectiveness of controls stated in the description to provide reasonable assurance that Cobalt Harbor's service commitments and system requirements were achieved based on the trust services criteria relevant to security, availability, and confidentiality set forth in TSP section 100.")
	add(Para, "Cobalt Harbor uses Amazon Web Services, Inc. and Twilio Inc. as subservice organizations. The description excludes the controls of the subservice organizations; this is the carve-out method. Our examination did not extend to the services provided by the subservice organizations.")
	add(H2, "Basis for Qualified Opinion")
	add(Para, "Cobalt Harbor states in its description that customer databases are backed up every day and that backups are replicated to a second region. However, as noted in Section IV, backups of one customer database were not replicated to the second region for 9 days in October 2025. As a result, the control did not operate effectively throughout the period to achieve criterion A1.2.")
	add(H2, "Qualified Opinion")
	add(Para, "In our opinion, except for the matter described in the Basis for Qualified Opinion paragraph, in all material respects, the description presents the Harbor Payroll Cloud system that was designed and implemented throughout the period April 1, 2025 to March 31, 2026, and the controls stated in the description operated effectively to provide reasonable assurance that the service commitments and system requirements were achieved.")
	add(H2, "Other Matter")
	add(Para, "The information in Section V is presented by management of Cobalt Harbor to provide additional information and is not a part of the description. It has not been subjected to the procedures applied in the examination, and accordingly, we express no opinion on it.")
	add(Line, "Larchmont & Reyes LLP")
	add(Line, "Denver, Colorado")
	add(Line, "May 15, 2026")

	add(H1, "Section III: Description of the System")
	add(H2, "Overview of Services")
	add(Para, "Cobalt Harbor provides Harbor Payroll Cloud, a payroll processing service used by small and mid-sized employers. Customers upload employee and payroll data, approve pay runs and download reports through a web application.")
	add(H2, "Subservice Organizations")
	add(Para, "Cobalt Harbor uses the subservice organizations listed below. The description includes only the controls of Cobalt Harbor and excludes the controls of the subservice organizations (the carve-out method).")
	rows := [][]string{{"Subservice Organization", "Services Provided"}}
	for _, s := range Subservice {
		rows = append(rows, []string{s[0], s[1]})
	}
	b = append(b, Block{Kind: Table, Rows: rows, Widths: []float64{60, 100}})
	add(H2, "Complementary Subservice Organization Controls")
	add(Para, "The controls of Cobalt Harbor were designed with the assumption that the subservice organizations would implement the following controls.")
	rows = [][]string{{"Control expected of the subservice organization", "Related Criteria"}}
	for _, s := range CSOCs {
		rows = append(rows, []string{s[0], s[1]})
	}
	b = append(b, Block{Kind: Table, Rows: rows, Widths: []float64{125, 35}})
	add(H2, "Complementary User Entity Controls")
	add(Para, "The controls of Cobalt Harbor were designed with the assumption that certain controls would be implemented by user entities. The following controls should be in operation at user entities to complement the controls of Cobalt Harbor.")
	rows = [][]string{{"Complementary User Entity Control", "Related Criteria"}}
	for _, s := range CUECs {
		rows = append(rows, []string{s[0], s[1]})
	}
	b = append(b, Block{Kind: Table, Rows: rows, Widths: []float64{125, 35}})
	add(H2, "Changes to the System")
	add(Para, "There were no changes to the system during the period that are likely to affect report users' understanding of it.")

	add(H1, "Section IV: Trust Services Criteria, Related Controls, and Tests of Controls")
	add(Para, "The tests below were performed by Larchmont & Reyes LLP. Where a test found a deviation, the result says so; management's responses are in Section V.")
	rows = [][]string{{"Control Number", "Control Activity", "Test Performed", "Results of Testing"}}
	for _, t := range Tests {
		rows = append(rows, []string{t[0], t[1], t[2], t[3]})
	}
	b = append(b, Block{Kind: Table, Rows: rows, Widths: []float64{20, 55, 50, 35}})

	add(H1, "Section V: Other Information Provided by Cobalt Harbor Inc.")
	add(H2, "Management's Responses to Exceptions")
	add(Para, "CC6.2.1: Management has added a check to the access request workflow that blocks provisioning until the manager's approval is recorded.")
	add(Para, "A1.2.2: The replication job failed silently after a storage quota change; replication is now monitored and an alert is raised within one hour of a failed job.")
	return Doc{Name: "Cobalt Harbor SOC 2 Type II", Blocks: b}
}

// SOC3 is the SOC 3 report for the same period: security and availability,
// an unqualified opinion.
func SOC3() Doc {
	var b []Block
	add := func(kind, text string) { b = append(b, Block{Kind: kind, Text: text}) }
	add(Title, "SOC 3 Report")
	add(Title, "SOC for Service Organizations: Trust Services Criteria for General Use Report")
	add(H2, "Independent Service Auditor's Report")
	add(Para, "We have examined Cobalt Harbor Inc.'s accompanying assertion that the controls within the Harbor Payroll Cloud system were effective throughout the period April 1, 2025 to March 31, 2026, to provide reasonable assurance that its service commitments and system requirements were achieved based on the trust services criteria relevant to security and availability.")
	add(Para, "Cobalt Harbor uses Amazon Web Services, Inc. for infrastructure hosting under the carve-out method.")
	add(H2, "Opinion")
	add(Para, "In our opinion, management's assertion that the controls within the system were effective throughout the period is fairly stated, in all material respects.")
	add(Line, "Larchmont & Reyes LLP")
	add(Line, "May 15, 2026")
	return Doc{Name: "Cobalt Harbor SOC 3", Blocks: b}
}

// ISOCert is the ISO/IEC 27001 certificate of the same vendor.
func ISOCert() Doc {
	var b []Block
	add := func(kind, text string) { b = append(b, Block{Kind: kind, Text: text}) }
	add(Title, "Certificate of Registration")
	add(Para, "This is to certify that the information security management system of Cobalt Harbor Inc. has been assessed and found to conform to the requirements of ISO/IEC 27001:2022.")
	add(Line, "Organization: Cobalt Harbor Inc.")
	add(Line, "Scope: The information security management system supporting the development and operation of Harbor Payroll Cloud")
	add(Line, "Certificate number: IS 771204")
	add(Line, "Date of issue: 12 June 2024")
	add(Line, "Valid until: 11 June 2027")
	add(Line, "Certification body: Northgate Assurance Ltd.")
	return Doc{Name: "Cobalt Harbor ISO/IEC 27001 certificate", Blocks: b}
}

// Bridge is the bridge letter that covers the gap after the SOC 2.
func Bridge() Doc {
	var b []Block
	add := func(kind, text string) { b = append(b, Block{Kind: kind, Text: text}) }
	add(Title, "Bridge Letter")
	add(Line, "June 30, 2026")
	add(Para, "To the customers of Cobalt Harbor Inc.: our most recent SOC 2 Type II report covered the period April 1, 2025 to March 31, 2026.")
	add(Para, "This letter covers the period from April 1, 2026 to June 30, 2026, the gap between the end of that report's period and the date of this letter. We are not aware of any material changes to the Harbor Payroll Cloud system or its controls during this bridge period. Our next SOC 2 Type II report will cover the period April 1, 2026 to March 31, 2027.")
	add(Line, "Cobalt Harbor Inc.")
	return Doc{Name: "Cobalt Harbor bridge letter", Blocks: b}
}

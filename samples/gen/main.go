// Command gen writes the sample vendor under samples/nimbus-ledger: a
// security questionnaire in the CSA CAIQ v4 layout (own question texts) and a
// cloud services agreement as a PDF. Both are fiction written for ssrm; the
// pair shows every finding status (met, weak, by-reference, missing) and one
// questionnaire promise the agreement does not keep (24-hour breach notice).
//
// Run from the repository root: go run ./samples/gen
package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/go-pdf/fpdf"
	"github.com/xuri/excelize/v2"
)

const dir = "samples/nimbus-ledger"

func main() {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatal(err)
	}
	if err := writeQuestionnaire(filepath.Join(dir, "questionnaire.xlsx")); err != nil {
		log.Fatal(err)
	}
	if err := writeAgreement(filepath.Join(dir, "agreement.pdf")); err != nil {
		log.Fatal(err)
	}
}

// question is one row: id, question, answer, SSRM ownership, CSP
// implementation description, CSC responsibilities.
type question [6]string

var questions = []question{
	{"A&A-01.1", "Do you keep written audit and assurance policies that management approves and reviews every year?", "Yes", "CSP-owned", "Our assurance policy is owned by the CISO and reviewed each January.", ""},
	{"A&A-02.1", "Does an independent firm assess your controls at least once a year?", "Yes", "CSP-owned", "An independent CPA firm issues a SOC 2 Type II report every year; customers receive it on request.", ""},
	{"AIS-01.1", "Do you follow a written secure development standard for the application and its APIs?", "Yes", "CSP-owned", "Code review and static analysis gate every release.", ""},
	{"BCR-01.1", "Do you maintain and test a business continuity and disaster recovery plan for the service?", "Yes", "Shared CSP and CSC", "Daily backups, restored in a yearly test.", "Export your ledgers if you need copies outside the service."},
	{"CCC-01.1", "Are changes to the production service approved, tested and recorded before release?", "Yes", "CSP-owned", "All changes pass a change advisory review.", ""},
	{"CEK-01.1", "Is customer data encrypted at rest and in transit?", "Yes", "Shared CSP and CSC", "AES-256 at rest, TLS 1.2 or later in transit.", "Customers that bring their own keys manage their rotation."},
	{"DCS-01.1", "Are the data centres that host the service physically secured and monitored?", "Yes", "3rd-party outsourced", "Hosted with a public cloud provider holding ISO/IEC 27001 certification.", ""},
	{"DSP-01.1", "Do you classify customer data and limit its use to providing the service?", "Yes", "Shared CSP and CSC", "", "Customers decide what data they upload."},
	{"GRC-01.1", "Is there an information security programme approved by senior management?", "Yes", "CSP-owned", "", ""},
	{"HRS-01.1", "Are staff screened before hiring and trained in security every year?", "Yes", "CSP-owned", "", ""},
	{"IAM-01.1", "Does the service support single sign-on and multi-factor authentication?", "Yes", "Shared CSP and CSC", "SAML single sign-on and TOTP multi-factor authentication are available.", "Customers enable MFA and manage their users."},
	{"IAM-02.1", "Who grants, reviews and removes customer user accounts?", "Yes", "CSC-owned", "", "Customer administrators own user provisioning and reviews."},
	{"IPY-01.1", "Can customers export all of their data in an open format?", "Yes", "CSP-owned", "CSV and JSON export at any time.", ""},
	{"IVS-01.1", "Is the network segmented and protected by firewalls?", "Yes", "3rd-party outsourced", "", ""},
	{"LOG-01.1", "Are security events logged, and can customers see the audit log of their tenant?", "Yes", "Shared CSP and CSC", "Tenant audit logs are kept for one year.", "Customers review their own audit logs."},
	{"SEF-01.1", "Is there a documented security incident response plan that is tested every year?", "Yes", "CSP-owned", "", ""},
	{"SEF-07.1", "Do you notify affected customers of security breaches, and within what time?", "Yes", "CSP-owned", "Affected customers are notified within 24 hours of discovery of a security breach.", ""},
	{"STA-03.1", "Do you give customers guidance on their part of the shared security responsibility?", "Yes", "CSP-owned", "A hardening guide for tenant administrators is published in the help centre.", ""},
	{"STA-09.1", "Do your customer agreements allow customers to audit your controls?", "No", "CSP-owned", "We provide our SOC 2 report instead of customer audits.", ""},
	{"TVM-09.1", "Do you notify customers of vulnerabilities that affect them?", "Yes", "CSP-owned", "Security advisories are e-mailed to administrators.", ""},
	{"UEM-01.1", "Who secures the devices that users sign in from?", "Yes", "CSC-owned", "", "Customers manage their own endpoints."},
}

func writeQuestionnaire(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "CAIQv4.0.3"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	rows := [][]any{
		{"Nimbus Ledger security questionnaire (CAIQ v4 layout) for Nimbus Ledger Cloud"},
		{"Question ID", "Question", "CSP CAIQ Answer", "SSRM Control Ownership", "CSP Implementation Description (Optional/Recommended)", "CSC Responsibilities (Optional/Recommended)"},
	}
	for _, q := range questions {
		rows = append(rows, []any{q[0], q[1], q[2], q[3], q[4], q[5]})
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(sheet, "B", "B", 60); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "E", "F", 45); err != nil {
		return err
	}
	// A cover sheet first, as in CSA's published CAIQ v4 workbook (a CAIQ
	// v4 without it is read with a warning).
	if _, err := f.NewSheet("Introduction"); err != nil {
		return err
	}
	if err := f.SetCellValue("Introduction", "A1", "Nimbus Ledger answers to the CAIQ v4.0.3 questions are on the next sheet."); err != nil {
		return err
	}
	if err := f.MoveSheet("Introduction", sheet); err != nil {
		return err
	}
	return f.SaveAs(path)
}

// The agreement, one heading and its paragraphs per section.
var sections = []struct {
	heading string
	paras   []string
}{
	{"1. Definitions", []string{
		`1.1 "Customer Data" means data that Customer or its users submit to the Service.`,
		`1.2 "Security Incident" means any unauthorized access to, or disclosure or loss of, Customer Data.`,
	}},
	{"2. The Service", []string{
		"2.1 Provider will make the Nimbus Ledger Cloud service available to Customer during the Subscription Term in accordance with the Documentation.",
		"2.2 Provider will respond to support incidents reported through the help desk within one business day.",
	}},
	{"3. Customer Responsibilities", []string{
		"3.1 Customer is responsible for all activity on its user accounts and must keep its passwords and login credentials confidential.",
		"3.2 Customer is responsible for configuring the security settings of the Service, including multi-factor authentication, and for securing the devices and networks from which its users access the Service.",
		"3.3 Customer will promptly notify Provider if it suspects that its credentials have been compromised.",
	}},
	{"4. Security", []string{
		"4.1 Provider shall maintain administrative, physical and technical safeguards for Customer Data, including encryption of Customer Data at rest and in transit.",
		"4.2 Provider will publish and keep current hardening guidance that describes the recommended secure configuration of the Service for Customer administrators.",
	}},
	{"5. Security Incidents", []string{
		"5.1 Provider will notify Customer promptly after it confirms a Security Incident affecting Customer Data.",
		"5.2 Provider shall cooperate with Customer and assist in the investigation, mitigation and remediation of any Security Incident at no additional cost to Customer.",
	}},
	{"6. Assurance", []string{
		"6.1 Provider will provide Customer, upon request, with a copy of its most recent SOC 2 Type II report covering the Service.",
		"6.2 Provider may audit Customer's use of the Service to verify compliance with the subscription limits.",
	}},
	{"7. Subprocessors", []string{
		"7.1 Provider may engage subprocessors in its sole discretion and will remain responsible for their performance.",
	}},
	{"8. Acceptable Use", []string{
		"8.1 Customer will not conduct security or vulnerability tests on the Service, or attempt to circumvent its access restrictions.",
	}},
	{"9. Service Levels and Resilience", []string{
		"9.1 Provider will make the Service available 99.9% of the time in each calendar month, excluding scheduled maintenance, and will credit Customer as set out in the Order Form when it does not.",
		"9.2 Provider shall maintain a disaster recovery plan for the Service, back up Customer Data daily and test the plan at least annually.",
		"9.3 Provider will make the audit logs of Customer's tenant available to Customer administrators and retain them for twelve months.",
		"9.4 The content of security incident notices, and the updates that follow them, are as set out in Provider's Security Policy.",
	}},
	{"10. Data Location and Changes", []string{
		"10.1 Provider stores and processes Customer Data only in the United States.",
		"10.2 Provider may modify these terms at any time by posting the updated terms on its website.",
	}},
	{"11. Insurance", []string{
		"11.1 Provider shall maintain cyber liability insurance with limits of at least USD 2,000,000 per claim during the Subscription Term.",
	}},
	{"12. Term and Termination", []string{
		"12.1 This Agreement starts on the Effective Date and continues for the Subscription Term.",
		"12.2 Either party may terminate this Agreement on thirty days written notice if the other party materially breaches it and does not cure the breach within that period.",
		"12.3 On termination Provider will make Customer Data available for export for thirty days and then delete it.",
	}},
	{"13. General", []string{
		"13.1 This Agreement is governed by the laws of the State of Delaware.",
		"13.2 Notices must be in writing and sent to the addresses on the Order Form.",
	}},
}

func writeAgreement(path string) error {
	pdf := fpdf.New("P", "mm", "A4", "")
	stamp := time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
	pdf.SetCreationDate(stamp)
	pdf.SetModificationDate(stamp)
	pdf.SetCatalogSort(true)
	pdf.SetTitle("Nimbus Ledger Cloud Services Agreement", false)
	pdf.SetMargins(25, 25, 25)
	pdf.SetAutoPageBreak(true, 25)
	pdf.SetFooterFunc(func() {
		pdf.SetY(-15)
		pdf.SetFont("Helvetica", "", 8)
		pdf.CellFormat(0, 10, fmt.Sprintf("Page %d", pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 15)
	pdf.MultiCell(0, 8, "NIMBUS LEDGER CLOUD SERVICES AGREEMENT", "", "C", false)
	pdf.Ln(4)
	pdf.SetFont("Helvetica", "", 10.5)
	pdf.MultiCell(0, 5.5, `This Cloud Services Agreement ("Agreement") is made between Nimbus Ledger Inc. ("Provider") and the customer named in the Order Form ("Customer").`, "", "J", false)
	for i, s := range sections {
		if i == 5 || i == 9 {
			pdf.AddPage() // clauses on three pages, for page evidence
		}
		pdf.Ln(3)
		pdf.SetFont("Helvetica", "B", 11.5)
		pdf.MultiCell(0, 6, s.heading, "", "L", false)
		pdf.SetFont("Helvetica", "", 10.5)
		for _, p := range s.paras {
			pdf.MultiCell(0, 5.5, p, "", "J", false)
			pdf.Ln(1.5)
		}
	}
	return pdf.OutputFileAndClose(path)
}

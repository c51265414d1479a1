// Package templates holds the data embedded in the ssrm binary: the rule
// packs (rules/*.yaml), the engine's legal vocabulary (vocabulary/*.yaml)
// and the questionnaire crosswalk (crosswalk/*.yaml). The baseline pack is
// always on; analyze.LoadRules reads packs by name from here and user packs
// from disk.
package templates

import "embed"

// Rules holds the embedded rule packs under rules/, one pack per PACK.yaml
// (rules/baseline.yaml, ...), continued where a pack is long in PACK.PART.yaml
// files read in name order (rules/baseline.2.yaml), and vocabulary/*.yaml,
// the classes of phrases the rules name ({vendor}, {notify}, {incident}), one
// file per kind (parties, modality, actions, objects, cues, weakeners,
// references).
//
//go:embed rules/*.yaml vocabulary/*.yaml
var Rules embed.FS

// Crosswalk holds crosswalk/*.yaml: the questions of each questionnaire
// family (HECVAT, K-12CVAT, ISO 27001 SoA, NIST SP 800-53, CAIQ, and the
// topics of home-made sheets) mapped onto CCM v4 domains and controls and
// onto the rules whose promise a question makes. Files named *.gen.yaml are
// written by go run ./templates/crosswalk/gen; the others by hand.
//
//go:embed crosswalk/*.yaml crosswalk/crosswalk-v1.schema.json
var Crosswalk embed.FS

// Assurance holds assurance/*.yaml: how an assurance report (SOC 1, SOC 2,
// SOC 3, ISO/IEC 27001 certificate, bridge letter) is recognised and read
// (report.yaml, read by package extract), the Trust Services Criteria to
// CCM v4 crosswalk (tsc-ccm.yaml) and the names of providers that are one
// supplier (aliases.yaml), read by package analyze.
//
//go:embed assurance/*.yaml
var Assurance embed.FS

// Addendum holds addendum/addendum.yaml: the title, preamble, closing and
// signature lines of the rider that ssrm writes with --format addendum
// around the rules' recommended wording (kept as data, for a lawyer to
// change).
//
//go:embed addendum/addendum.yaml
var Addendum embed.FS

// Kinds holds kinds/kinds.yaml: the kinds of agreement documents (DPA,
// BAA, SLA, security exhibit, privacy notice, order form, MSA, terms of
// service), each with the phrases that name it in a title or preamble and
// the headings typical of it, read by package analyze to tell which terms
// the documents sent can carry.
//
//go:embed kinds/kinds.yaml
var Kinds embed.FS

// Company holds company/legal_forms.yaml: the legal forms that close a
// company's name ("Inc.", "GmbH", "B.V.", "OÜ"), read by package
// internal/company for every place that finds or groups a name by its
// legal form.
//
//go:embed company/legal_forms.yaml
var Company embed.FS

// Phrases holds phrases/*.yaml: lists of wording a lawyer may change that
// are no vocabulary class: the phrases by which a sentence points at
// another section of its own agreement (pointers.yaml, read by package
// analyze), the words that name the value a template's blank stands
// for (blanks.yaml, read by package extract for both extract and
// analyze), the words that place a sentence or a question in a CCM v4
// domain with the NIST SP 800-53 families' domains (domains.yaml, read by
// package analyze for the responsibility matrix and the crosswalk), and the
// headings of a form page of fields and tick boxes (forms.yaml, read by
// package analyze).
//
//go:embed phrases/*.yaml
var Phrases embed.FS

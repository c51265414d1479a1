// Package templates holds the data embedded in the ssrm binary: the rule
// packs (rules/*.yaml) and the engine's legal vocabulary (vocabulary/*.yaml).
// The baseline pack is always on; analyze.LoadRules reads packs by name from
// here and user packs from disk.
package templates

import "embed"

// Rules holds the embedded rule packs, one YAML file per pack under rules/,
// named PACK.yaml (rules/baseline.yaml, ...), and vocabulary/*.yaml, the
// classes of phrases the rules name ({vendor}, {notify}, {incident}), one
// file per kind (parties, modality, actions, objects, cues, weakeners,
// references).
//
//go:embed rules/*.yaml vocabulary/*.yaml
var Rules embed.FS

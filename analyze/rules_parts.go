package analyze

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/ssrm-dev/ssrm/templates"
)

// An embedded pack may be written in several files, so that no file of the
// pack passes the project's 800-line limit: rules/PACK.yaml holds the
// pack's head (schema, name, description) and its first rules, and
// rules/PACK.PART.yaml (rules/baseline.2.yaml, ...) continue it, read in
// name order. A continuation holds schema, pack (the same name) and rules
// only; its rules follow the head's in the pack's order, as if the files
// were one. EmbeddedPacks lists the pack once.

// embeddedPackFiles returns the embedded files of the pack name, head first,
// then its continuations in name order; nil when there is no such pack.
func embeddedPackFiles(name string) []string {
	return packFiles(templates.Rules, name)
}

// packFiles returns the files of the pack name under rules/ in fsys, head
// first, then its continuations in name order; nil when there is no head.
func packFiles(fsys fs.FS, name string) []string {
	entries, _ := fs.ReadDir(fsys, "rules")
	var parts []string
	head := false
	for _, e := range entries {
		pack, isHead, ok := packOf(e.Name())
		switch {
		case !ok || pack != name:
		case isHead:
			head = true
		default:
			parts = append(parts, e.Name())
		}
	}
	if !head {
		return nil
	}
	sort.Strings(parts)
	out := []string{path.Join("rules", name+".yaml")}
	for _, p := range parts {
		out = append(out, path.Join("rules", p))
	}
	return out
}

// packOf reads an embedded rules/ file name: the pack it belongs to and
// whether it is the pack's head (PACK.yaml) or a continuation
// (PACK.PART.yaml); ok is false for any other name.
func packOf(file string) (pack string, head, ok bool) {
	stem, isYAML := strings.CutSuffix(file, ".yaml")
	if !isYAML {
		return "", false, false
	}
	pack, part, cont := strings.Cut(stem, ".")
	if cont && (part == "" || strings.Contains(part, ".")) {
		return "", false, false
	}
	return pack, !cont, pack != ""
}

// parseEmbeddedPack reads and validates the embedded pack name: its head and
// then each continuation, one Pack per file (the rules stay where ParsePack
// compiled them), with the label of each file. Errors wrap ErrRules and name the embedded file: no such
// pack, a continuation of another pack, one with keys other than schema,
// pack and rules, or a rule id defined twice across the files.
func parseEmbeddedPack(name string) ([]*Pack, []string, error) {
	return parsePackFiles(templates.Rules, name)
}

// parsePackFiles is parseEmbeddedPack over the rules/ folder of fsys.
func parsePackFiles(fsys fs.FS, name string) ([]*Pack, []string, error) {
	files := packFiles(fsys, name)
	if files == nil {
		return nil, nil, fmt.Errorf("%w: no pack named %q (built in: %s)", ErrRules, name, strings.Join(EmbeddedPacks(), ", "))
	}
	var parts []*Pack
	var labels []string
	ids := map[string]string{}
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, nil, fmt.Errorf("%w: %v", ErrRules, err)
		}
		label := "embedded " + f
		var p *Pack
		if fsys == fs.FS(templates.Rules) {
			p, err = decodeEmbeddedPack(f, data, label)
		} else {
			p, err = decodePack(data, label)
		}
		if err == nil {
			p, err = checkPack(p, label)
		}
		if err != nil {
			return nil, nil, err
		}
		for i, r := range p.Rules {
			if first, ok := ids[r.ID]; ok {
				return nil, nil, fmt.Errorf("%w: %s: rules[%d]: duplicate id %q (already defined in %s)", ErrRules, label, i, r.ID, first)
			}
			ids[r.ID] = label
		}
		if len(parts) > 0 {
			switch {
			case p.Name != parts[0].Name:
				return nil, nil, fmt.Errorf("%w: %s: pack: a continuation of %q must name it, got %q", ErrRules, label, parts[0].Name, p.Name)
			case p.Description != "" || len(p.Disable) > 0 || len(p.Override) > 0 || len(p.Waivers) > 0 || len(p.Vocabulary) > 0:
				return nil, nil, fmt.Errorf("%w: %s: a continuation of a pack holds schema, pack and rules only", ErrRules, label)
			}
		}
		parts = append(parts, p)
		labels = append(labels, label)
	}
	return parts, labels, nil
}

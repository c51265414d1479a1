package report

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/ssrm-dev/ssrm/analyze"
)

// nistComponentSchema is NIST's published JSON Schema for OSCAL 1.1.2
// component definitions (testdata/oscal/README.md says where it comes
// from).
const nistComponentSchema = "testdata/oscal/oscal_component_schema.json"

func compileNIST(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(nistComponentSchema)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	if n := pointAnchors(doc); n != 12 {
		t.Fatalf("%d anchors beside a $ref rewritten, want the 12 of OSCAL 1.1.2", n)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // date-time, uri, uri-reference, email: checked, not only annotated
	// Added under its own $id, against which its draft-07 anchors
	// ("$id": "#json-schema-directive") resolve.
	const id = "http://csrc.nist.gov/ns/oscal/" + OSCALVersion + "/oscal-component-definition-schema.json"
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(id)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// pointAnchors makes NIST's schema resolvable by a draft-07 validator that
// follows the specification to the letter, in memory (the file stays as
// published). Twelve of its definitions hold a "$ref" and, beside it, an
// "$id" anchor ("#field_oscal-metadata_last-modified") that other
// definitions refer to; draft-07 ignores every keyword beside "$ref"
// (section 8.3), so santhosh-tekuri/jsonschema finds no such anchor
// (ajv, which NIST tests with, accepts it). Each reference to one of
// those anchors is pointed at the same definition by JSON pointer
// ("#/definitions/oscal-component-definition-oscal-metadata:last-modified").
// It returns how many anchors it rewrote.
func pointAnchors(doc any) int {
	defs, _ := doc.(map[string]any)["definitions"].(map[string]any)
	anchors := map[string]string{}
	for name, d := range defs {
		obj, _ := d.(map[string]any)
		id, _ := obj["$id"].(string)
		if _, hasRef := obj["$ref"]; hasRef && strings.HasPrefix(id, "#") && !strings.HasPrefix(id, "#/") {
			anchors[id] = "#/definitions/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(name)
		}
	}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if r, ok := x["$ref"].(string); ok && anchors[r] != "" {
				x["$ref"] = anchors[r]
			}
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(doc)
	return len(anchors)
}

func oscalBytes(t *testing.T, res *analyze.Result) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteOptions(&b, "oscal", res, Options{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestOSCALMatchesNISTSchema validates the OSCAL export against NIST's
// schema: the sample vendor, the sample with hostile text in every field
// (markup, control characters, formula-like cells), and a vendor without
// an agreement.
func TestOSCALMatchesNISTSchema(t *testing.T) {
	sch := compileNIST(t)
	var oscalVersion struct {
		ID string `json:"$id"`
	}
	raw, err := os.ReadFile(nistComponentSchema)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &oscalVersion); err != nil || !strings.Contains(oscalVersion.ID, "/"+OSCALVersion+"/") {
		t.Fatalf("the schema is %q, the export declares OSCAL %s: update both together", oscalVersion.ID, OSCALVersion)
	}
	res, _ := loadSample(t)
	hostile, hdocs := loadSample(t)
	poison(hostile, hdocs)
	questionnaireOnly, _ := loadSample(t)
	questionnaireOnly.Inputs = questionnaireOnly.Inputs[:1]
	for i := range questionnaireOnly.Findings {
		questionnaireOnly.Findings[i].Status = analyze.StatusNotAssessed
		questionnaireOnly.Findings[i].Evidence = nil
	}
	for name, r := range map[string]*analyze.Result{"sample": res, "hostile text": hostile, "questionnaire only": questionnaireOnly} {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(oscalBytes(t, r)))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s: the OSCAL export does not pass NIST's schema:\n%v", name, err)
		}
	}
}

// TestNISTSchemaRejects: the schema is in force, not decorative: a missing
// required field, an unknown property, a malformed UUID or date fail.
func TestNISTSchemaRejects(t *testing.T) {
	sch := compileNIST(t)
	res, _ := loadSample(t)
	good := oscalBytes(t, res)
	edits := map[string]func(doc map[string]any){
		"no metadata title": func(doc map[string]any) {
			delete(doc["component-definition"].(map[string]any)["metadata"].(map[string]any), "title")
		},
		"unknown property": func(doc map[string]any) {
			doc["component-definition"].(map[string]any)["ssrm-verdict"] = "review"
		},
		"bad uuid": func(doc map[string]any) {
			doc["component-definition"].(map[string]any)["uuid"] = "not-a-uuid"
		},
		"bad last-modified": func(doc map[string]any) {
			doc["component-definition"].(map[string]any)["metadata"].(map[string]any)["last-modified"] = "yesterday"
		},
		"component without description": func(doc map[string]any) {
			comps := doc["component-definition"].(map[string]any)["components"].([]any)
			delete(comps[0].(map[string]any), "description")
		},
	}
	for name, edit := range edits {
		var doc map[string]any
		if err := json.Unmarshal(good, &doc); err != nil {
			t.Fatal(err)
		}
		edit(doc)
		b, _ := json.Marshal(doc)
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(inst) == nil {
			t.Errorf("%s: NIST's schema accepted it", name)
		}
	}
}

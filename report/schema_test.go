package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSONSchema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("report-v1.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("report-v1.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// TestJSONMatchesSchema validates the sample's JSON report against
// report/schema/report-v1.schema.json.
func TestJSONMatchesSchema(t *testing.T) {
	sch := compileSchema(t)
	res, _ := loadSample(t)
	var b bytes.Buffer
	if err := Write(&b, "json", res); err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(&b)
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("the sample's JSON report does not match the schema:\n%v", err)
	}
}

// TestSchemaRejectsRenames: the schema catches a renamed or mistyped field.
func TestSchemaRejectsRenames(t *testing.T) {
	sch := compileSchema(t)
	res, _ := loadSample(t)
	good, _ := json.Marshal(res)
	for name, edit := range map[string][2]string{
		"renamed verdict": {`"verdict":`, `"outcome":`},
		"bad status":      {`"status":"weak"`, `"status":"feeble"`},
		"string score":    {`"score":`, `"score":"1",  "x":`},
		"schema bump":     {`"ssrm.report/v1"`, `"ssrm.report/v2"`},
	} {
		bad := strings.Replace(string(good), edit[0], edit[1], 1)
		if bad == string(good) {
			t.Errorf("%s: %q not found in the report", name, edit[0])
			continue
		}
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(inst) == nil {
			t.Errorf("%s: schema accepted it", name)
		}
	}
}

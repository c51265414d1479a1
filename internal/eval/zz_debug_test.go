package eval

import (
	"encoding/json"
	"os"
	"testing"
)

func TestDebugSecMatch(t *testing.T) {
	p := os.Getenv("SSRM_SECJOBS")
	if p == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(p)
	var jobs []struct {
		IDs   []string `json:"ids"`
		Label string   `json:"label"`
	}
	if err := json.Unmarshal(b, &jobs); err != nil {
		t.Fatal(err)
	}
	out := make([]bool, len(jobs))
	for i, j := range jobs {
		for _, id := range j.IDs {
			if SectionUnder(id, j.Label) {
				out[i] = true
				break
			}
		}
	}
	ob, _ := json.Marshal(out)
	os.WriteFile(p+".out", ob, 0o644)
}

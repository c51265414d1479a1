package analyze

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestPlacerSameAsPlace: placing items one at a time from their ids and the
// metadata gives Place's form and placements, on every corpus
// questionnaire and the sample's.
func TestPlacerSameAsPlace(t *testing.T) {
	rs, err := LoadRules(nil)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../shared/corpus/questionnaires/*.*")
	files = append(files, "../samples/nimbus-ledger/questionnaire.xlsx")
	n := 0
	for _, path := range files {
		doc, err := extract.Open(path, extract.Options{})
		if err != nil || doc.Questionnaire == nil {
			continue
		}
		q := doc.Questionnaire
		want := rs.Crosswalk.Place(q)
		ids := make([]string, len(q.Items))
		for i, it := range q.Items {
			ids[i] = it.ID
		}
		meta := *q
		meta.Items = nil
		got, place := rs.Crosswalk.Placer(&meta, ids)
		if got.Form != want.Form || got.ByIDs != want.ByIDs {
			t.Errorf("%s: form %v (by ids %v), Place says %v (%v)", path, got.Form, got.ByIDs, want.Form, want.ByIDs)
		}
		for i, it := range q.Items {
			if p := place(it); !reflect.DeepEqual(p, want.Items[i]) {
				t.Errorf("%s: item %s placed %+v, Place says %+v", path, it.ID, p, want.Items[i])
				break
			}
		}
		// The same with the topics found first, as ssrm extract does while
		// it reads.
		got, placeTopics := rs.Crosswalk.PlacerTopics(&meta, ids)
		if got.Form != want.Form || got.ByIDs != want.ByIDs {
			t.Errorf("%s: PlacerTopics: form %v (by ids %v), Place says %v (%v)", path, got.Form, got.ByIDs, want.Form, want.ByIDs)
		}
		for i, it := range q.Items {
			if p := placeTopics(it, rs.Crosswalk.TopicsOf(it.Question)); !reflect.DeepEqual(p, want.Items[i]) {
				t.Errorf("%s: PlacerTopics: item %s placed %+v, Place says %+v", path, it.ID, p, want.Items[i])
				break
			}
		}
		n++
	}
	if n == 0 {
		t.Fatal("no questionnaire read")
	}
	t.Logf("%d questionnaires placed the same", n)
}

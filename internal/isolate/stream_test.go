package isolate

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ssrm-dev/ssrm/extract"
)

// TestItemLineMatchesJSON: the child's hand-written item lines are the
// bytes encoding/json writes for the same streamLine, and the item's
// fields are the ones appendItemLine knows (a field added to extract.Item
// must be added there).
func TestItemLineMatchesJSON(t *testing.T) {
	var tags []string
	typ := reflect.TypeOf(extract.Item{})
	for i := range typ.NumField() {
		tags = append(tags, typ.Field(i).Tag.Get("json"))
	}
	want := "id,question,answer,answer_normalized,notes,ownership,csp_implementation,omitempty,csc_responsibilities,omitempty,sheet,row,cell"
	if got := strings.Join(tags, ","); got != want {
		t.Fatalf("extract.Item's fields are %s; appendItemLine writes %s: update it", got, want)
	}
	items := []extract.Item{
		{},
		{ID: "IAM-01.1", Question: `Is "MFA" <enforced> & logged?`, Answer: "Yes\tno\r\n", AnswerNormalized: "yes", Notes: "a\\b\u0001\u001f\u007f", Ownership: "CSP-owned", Sheet: "CAIQ", Row: 12, Cell: "C12"},
		{ID: "x", Question: "bad \xff\xfe utf-8 \u2028 line \u2029 sep é 漢字 😀", CSPImplementation: "impl", CSCResponsibilities: "resp", Row: -3},
		{Question: "\b\f", CSCResponsibilities: "only"},
	}
	for _, path := range corpusQuestionnaires(t) {
		doc, err := extract.Open(path, extract.Options{})
		if err == nil && doc.Questionnaire != nil {
			items = append(items, doc.Questionnaire.Items...)
		}
	}
	for i, it := range items {
		for _, vendor := range []string{"", "Acme <Cloud> \"Inc\""} {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(streamLine{Item: &it, Vendor: vendor}); err != nil {
				t.Fatal(err)
			}
			if got := appendItemLine(nil, &it, vendor); !bytes.Equal(got, buf.Bytes()) {
				t.Fatalf("item %d: appendItemLine\n%s\nencoding/json\n%s", i, got, buf.Bytes())
			}
		}
	}
	t.Logf("%d items encoded the same", len(items))
}

func corpusQuestionnaires(t *testing.T) []string {
	var files []string
	filepath.WalkDir("../../../shared/corpus/questionnaires", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.Contains(p, "/expected/") {
			files = append(files, p)
		}
		return nil
	})
	return files
}

// streamed reads path with Stream and returns the document with its items
// put back, and the vendor each item was given.
func streamed(x *Extractor, path string) (extract.Document, []string, error) {
	var items []extract.Item
	var vendors []string
	doc, err := x.Stream(context.Background(), path, extract.Options{}, func(it extract.Item, vendor string) error {
		items = append(items, it)
		vendors = append(vendors, vendor)
		return nil
	})
	if err == nil && doc.Questionnaire != nil {
		if doc.Questionnaire.Items != nil {
			return doc, nil, errors.New("the streamed document kept its items")
		}
		doc.Questionnaire.Items = items
		if items == nil {
			doc.Questionnaire.Items = []extract.Item{}
		}
	}
	return doc, vendors, err
}

// TestStreamSameAsOpen: a document streamed, in a child or in process, is
// the one Open reads (items in order, metadata, errors), and an item sees
// no vendor or the one the questionnaire finally states.
func TestStreamSameAsOpen(t *testing.T) {
	files := append(sameFiles(t), corpusQuestionnaires(t)...)
	for _, path := range files {
		want, wantErr := extract.Open(path, extract.Options{})
		for _, x := range []*Extractor{{InProcess: true}, {}} {
			got, vendors, err := streamed(x, path)
			if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
				t.Errorf("%s (in process %v): error %v, want %v", path, x.InProcess, err, wantErr)
				continue
			}
			if err != nil {
				continue
			}
			expect := want
			if !x.InProcess {
				expect = handedOn(want)
			}
			if !reflect.DeepEqual(got, expect) {
				t.Errorf("%s (in process %v): streamed document differs from Open's", path, x.InProcess)
			}
			// The vendor an item sees is the one stated so far: none yet, or
			// the questionnaire's (it is never another).
			for _, v := range vendors {
				if v != "" && v != want.Questionnaire.Vendor {
					t.Errorf("%s: an item saw vendor %q, the questionnaire states %q", path, v, want.Questionnaire.Vendor)
					break
				}
			}
		}
	}
}

// TestStreamItemErrorStops: an error from the item function stops the
// child and is returned as it is.
func TestStreamItemErrorStops(t *testing.T) {
	stop := errors.New("enough")
	for _, x := range []*Extractor{{InProcess: true}, {}} {
		n := 0
		_, err := x.Stream(context.Background(), filepath.Join(sampleDir, "questionnaire.xlsx"), extract.Options{}, func(extract.Item, string) error {
			if n++; n == 3 {
				return stop
			}
			return nil
		})
		if err != stop || n != 3 {
			t.Errorf("in process %v: Stream = %v after %d items, want %v after 3", x.InProcess, err, n, stop)
		}
	}
}

package extract

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// corruptSources are the corpus files the corruption test mutates: small
// ones of every kind (xlsx layouts, the legacy .xls, the CSV export).
var corruptSources = []string{
	"caiq-v1.0-blank.xlsx",
	"caiq-v4.0.3-filled-whitepact.xlsx",
	"crm-nist-800-53r5-filled-meridian-lms.xlsx",
	"iso27001-soa-filled-instructure.xlsx",
	"fedramp-package-checklist-blank.xls",
	"hecvat-lite-export-filled-intelligent-insights.csv",
}

// TestQuestionnaireCorruptCorpus reads 600 damaged copies of corpus files
// (truncated, bytes flipped, XML broken inside the zip): every case must
// end in an *InputError or a document, without a panic and within 10 s.
func TestQuestionnaireCorruptCorpus(t *testing.T) {
	dir := questionnaireCorpus(t)
	var srcs [][]byte
	var names []string
	for _, name := range corruptSources {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Skip("corpus file missing: " + err.Error())
		}
		srcs = append(srcs, b)
		names = append(names, name)
	}
	cases := 600
	if testing.Short() {
		cases = 60
	}
	rng := rand.New(rand.NewPCG(3, 600))
	tmp := t.TempDir()
	kinds := map[string]int{}
	outcomes := map[string]int{}
	var slowest time.Duration
	for i := range cases {
		k := rng.IntN(len(srcs))
		data, kind := corrupt(rng, srcs[k])
		kinds[kind]++
		path := filepath.Join(tmp, fmt.Sprintf("case%03d-%s", i, names[k]))
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		type result struct {
			doc   Document
			err   error
			panic any
		}
		ch := make(chan result, 1)
		start := time.Now()
		go func() {
			defer func() {
				if r := recover(); r != nil {
					ch <- result{panic: r}
				}
			}()
			doc, err := Open(path, Options{})
			ch <- result{doc: doc, err: err}
		}()
		select {
		case r := <-ch:
			elapsed := time.Since(start)
			slowest = max(slowest, elapsed)
			var ie *InputError
			switch {
			case r.panic != nil:
				t.Errorf("case %d (%s, %s): panic: %v", i, names[k], kind, r.panic)
			case r.err != nil && !errors.As(r.err, &ie):
				t.Errorf("case %d (%s, %s): error %T is not *InputError: %v", i, names[k], kind, r.err, r.err)
			case r.err != nil:
				outcomes["error"]++
			case r.doc.Questionnaire == nil && r.doc.Agreement == nil:
				t.Errorf("case %d (%s, %s): no error and no document", i, names[k], kind)
			case r.doc.Questionnaire != nil && len(r.doc.Questionnaire.Items) == 0:
				t.Errorf("case %d (%s, %s): questionnaire without items and no error", i, names[k], kind)
			default:
				outcomes["document"]++
			}
			if elapsed > 10*time.Second {
				t.Errorf("case %d (%s, %s): took %v", i, names[k], kind, elapsed)
			}
		case <-time.After(10 * time.Second):
			t.Errorf("case %d (%s, %s): no result after 10 s (hang)", i, names[k], kind)
		}
		os.Remove(path)
	}
	t.Logf("%d cases: %v; outcomes %v; slowest %v", cases, kinds, outcomes, slowest.Round(time.Millisecond))
}

// corrupt damages b one way, chosen at random.
func corrupt(rng *rand.Rand, b []byte) ([]byte, string) {
	out := append([]byte(nil), b...)
	kind := rng.IntN(3)
	if kind == 2 && !bytes.HasPrefix(b, zipMagic) {
		kind = rng.IntN(2)
	}
	switch kind {
	case 0:
		return out[:rng.IntN(len(out))], "truncated"
	case 1:
		for range 1 + rng.IntN(16) {
			out[rng.IntN(len(out))] ^= byte(1 + rng.IntN(255))
		}
		return out, "flipped"
	}
	if z, err := breakXML(rng, b); err == nil {
		return z, "broken-xml"
	}
	return out[:rng.IntN(len(out))], "truncated"
}

// breakXML rewrites a zip with one XML part damaged: cut short, a tag
// opened twice, a closing tag dropped, an attribute value made huge or
// wrong, or a chunk duplicated.
func breakXML(rng *rand.Rand, b []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	var xmls []int
	for i, f := range zr.File {
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			xmls = append(xmls, i)
		}
	}
	if len(xmls) == 0 {
		return nil, errors.New("no XML parts")
	}
	victim := xmls[rng.IntN(len(xmls))]
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if i == victim && len(data) > 0 {
			data = damageXML(rng, data)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func damageXML(rng *rand.Rand, data []byte) []byte {
	at := rng.IntN(len(data))
	switch rng.IntN(6) {
	case 0:
		return data[:at]
	case 1:
		return append(append(append([]byte(nil), data[:at]...), "<<c r=\"A1\">"...), data[at:]...)
	case 2:
		if i := bytes.Index(data[at:], []byte("</")); i >= 0 {
			j := bytes.IndexByte(data[at+i:], '>')
			if j >= 0 {
				return append(append([]byte(nil), data[:at+i]...), data[at+i+j+1:]...)
			}
		}
		return data[:at]
	case 3:
		if i := bytes.Index(data[at:], []byte(`r="`)); i >= 0 {
			return append(append(append([]byte(nil), data[:at+i]...), `r="XFD99999999" x="`...), data[at+i+3:]...)
		}
		return data[:at]
	case 4:
		if i := bytes.Index(data[at:], []byte(`ref="`)); i >= 0 {
			return append(append(append([]byte(nil), data[:at+i]...), `ref="A1:XFD1048576" x="`...), data[at+i+5:]...)
		}
		return data[:at]
	}
	end := min(len(data), at+1+rng.IntN(4096))
	return append(append(append([]byte(nil), data[:end]...), data[at:end]...), data[end:]...)
}

package eval

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// The DPA sentence dataset (Amaral et al., "NLP-based Automated Compliance
// Checking of Data Processing Agreements against GDPR", IEEE TSE 2023): 69
// real DPAs, each sentence labelled with up to three requirement ids
// (R1..R46) or "other". Its files sit in the shared corpus's labels folder.
const (
	DPATrainFile = "dpa-gdpr-sentences-train.csv"
	DPATestFile  = "dpa-gdpr-sentences-test.csv"
)

//go:embed dpa-requirements.csv
var dpaRequirementsCSV []byte

//go:embed dpa-split.csv
var dpaSplitCSV []byte

// Requirement is one requirement id of the dataset, with what it means as
// read from its sentences and the baseline rule that evidences it ("" for
// none).
type Requirement struct {
	ID       string
	Meaning  string
	Examples []string // sentence keys "DPA:ID"
	Rule     string
	// Scope is "full" when the ids of Rule together cover what the rule
	// asks of a DPA, "partial" when the rule is wider (a finding on a DPA
	// without the ids may be right), "" when Rule is "".
	Scope string
}

// DPARequirements returns the committed mapping (dpa-requirements.csv).
func DPARequirements() ([]Requirement, error) {
	r := csv.NewReader(bytes.NewReader(dpaRequirementsCSV))
	r.Comment = '#'
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("dpa-requirements.csv: %w", err)
	}
	var out []Requirement
	scopes := map[string]string{}
	for i, row := range rows {
		if i == 0 {
			continue
		}
		if len(row) != 5 || !reqIDRe.MatchString(row[0]) {
			return nil, fmt.Errorf("dpa-requirements.csv: row %d: want id,meaning,examples,rule,scope", i+1)
		}
		q := Requirement{ID: row[0], Meaning: row[1], Rule: row[3], Scope: row[4]}
		if (q.Rule == "") != (q.Scope == "") || q.Scope != "" && q.Scope != "full" && q.Scope != "partial" {
			return nil, fmt.Errorf("dpa-requirements.csv: %s: scope %q: want full or partial with a rule, empty without", q.ID, q.Scope)
		}
		if prev, ok := scopes[q.Rule]; ok && prev != q.Scope {
			return nil, fmt.Errorf("dpa-requirements.csv: %s: rule %s is %s here and %s above", q.ID, q.Rule, q.Scope, prev)
		}
		scopes[q.Rule] = q.Scope
		for _, e := range strings.Split(row[2], ";") {
			if e = strings.TrimSpace(e); e != "" {
				q.Examples = append(q.Examples, e)
			}
		}
		out = append(out, q)
	}
	return out, nil
}

var reqIDRe = lazyre.New(`^R[0-9]+$`)

// DPASentence is one labelled sentence.
type DPASentence struct {
	ID   int
	Text string
	Reqs []string // requirement ids; "other" and stray values dropped
}

// DPA is one agreement of the dataset: its sentences in their order.
type DPA struct {
	Name      string
	Split     string
	Sentences []DPASentence
}

// DPADataset is the dataset as measured: each DPA once, with its split.
type DPADataset struct {
	Dir          string
	DPAs         []DPA
	Requirements []Requirement
	// Dedup says what was done with the test file's rows.
	Dedup string
}

// LoadDPADataset reads the train file of dir and, when present, the test
// file. The test file repeats 8 of the train file's DPAs (there marked
// dataset_type "test") with the same sentence ids and, but for white
// space and a few rows, the same text, some relabelled: each DPA is taken
// once, from the train file; a test-file DPA absent from the train file is
// added. Each DPA gets its split from the committed dpa-split.csv; a DPA
// not listed there is an error.
func LoadDPADataset(dir string) (*DPADataset, error) {
	reqs, err := DPARequirements()
	if err != nil {
		return nil, err
	}
	splits, err := dpaSplits()
	if err != nil {
		return nil, err
	}
	train, err := readDPAFile(filepath.Join(dir, DPATrainFile))
	if err != nil {
		return nil, err
	}
	ds := &DPADataset{Dir: dir, Requirements: reqs, DPAs: train}
	known := map[string]int{}
	for i, d := range train {
		known[d.Name] = i
	}
	test, err := readDPAFile(filepath.Join(dir, DPATestFile))
	switch {
	case errors.Is(err, os.ErrNotExist):
		ds.Dedup = DPATestFile + " not found: the train file alone"
	case err != nil:
		return nil, err
	default:
		var repeated []string
		var rows, sameText, relabelled int
		for _, d := range test {
			i, ok := known[d.Name]
			if !ok {
				ds.DPAs = append(ds.DPAs, d)
				continue
			}
			repeated = append(repeated, d.Name)
			byID := map[int]DPASentence{}
			for _, s := range train[i].Sentences {
				byID[s.ID] = s
			}
			for _, s := range d.Sentences {
				rows++
				t, ok := byID[s.ID]
				if ok && normSpace(t.Text) == normSpace(s.Text) {
					sameText++
				}
				if ok && !slices.Equal(t.Reqs, s.Reqs) {
					relabelled++
				}
			}
		}
		ds.Dedup = fmt.Sprintf("%s: %d of its %d DPAs repeat a train DPA (%d rows: %d with the same id and text, %d labelled differently); each is taken once, from %s",
			DPATestFile, len(repeated), len(test), rows, sameText, relabelled, DPATrainFile)
	}
	for i := range ds.DPAs {
		s, ok := splits[ds.DPAs[i].Name]
		if !ok {
			return nil, fmt.Errorf("%s: DPA %q is not in dpa-split.csv: regenerate it (go test ./internal/eval -run TestDPASplitFile -update)", dir, ds.DPAs[i].Name)
		}
		ds.DPAs[i].Split = s
	}
	return ds, nil
}

// readDPAFile reads one sentence file: columns ID, DPA, Sentence and
// Requirement-1..3, any others ignored; sentences sorted by ID per DPA,
// DPAs in the order first seen.
func readDPAFile(path string) ([]DPA, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(h)] = i
	}
	for _, c := range []string{"ID", "DPA", "Sentence", "Requirement-1", "Requirement-2", "Requirement-3"} {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("%s:1: no %s column", path, c)
		}
	}
	byName := map[string]int{}
	var out []DPA
	seen := map[string]bool{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		line, _ := r.FieldPos(0)
		get := func(c string) string {
			if i := col[c]; i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		name := get("DPA")
		id, err := strconv.Atoi(get("ID"))
		if err != nil || name == "" {
			return nil, fmt.Errorf("%s:%d: want a DPA name and a numeric ID", path, line)
		}
		key := name + ":" + strconv.Itoa(id)
		if seen[key] {
			return nil, fmt.Errorf("%s:%d: sentence %s appears twice", path, line, key)
		}
		seen[key] = true
		s := DPASentence{ID: id, Text: normSpace(get("Sentence"))}
		for _, c := range []string{"Requirement-1", "Requirement-2", "Requirement-3"} {
			if v := get(c); reqIDRe.MatchString(v) && !slices.Contains(s.Reqs, v) {
				s.Reqs = append(s.Reqs, v)
			}
		}
		sort.Strings(s.Reqs)
		i, ok := byName[name]
		if !ok {
			i = len(out)
			byName[name] = i
			out = append(out, DPA{Name: name})
		}
		out[i].Sentences = append(out[i].Sentences, s)
	}
	for i := range out {
		sort.Slice(out[i].Sentences, func(a, b int) bool { return out[i].Sentences[a].ID < out[i].Sentences[b].ID })
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no sentences", path)
	}
	return out, nil
}

func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// dpaSplits reads the committed split list.
func dpaSplits() (map[string]string, error) {
	r := csv.NewReader(bytes.NewReader(dpaSplitCSV))
	r.Comment = '#'
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("dpa-split.csv: %w", err)
	}
	out := map[string]string{}
	for i, row := range rows {
		if i == 0 {
			continue
		}
		if len(row) != 3 || (row[2] != SplitDev && row[2] != SplitTest) {
			return nil, fmt.Errorf("dpa-split.csv: row %d: want dpa,sentences,split (dev or test)", i+1)
		}
		out[row[0]] = row[2]
	}
	return out, nil
}

// SplitDPAs halves the DPAs deterministically and balanced by size: sorted
// by sentence count (largest first, then name), taken in pairs, and in
// each pair the FNV-1a hash of the first one's name decides which goes to
// dev; an odd last one goes by its own hash.
func SplitDPAs(dpas []DPA) map[string]string {
	sorted := slices.Clone(dpas)
	sort.Slice(sorted, func(i, j int) bool {
		if len(sorted[i].Sentences) != len(sorted[j].Sentences) {
			return len(sorted[i].Sentences) > len(sorted[j].Sentences)
		}
		return sorted[i].Name < sorted[j].Name
	})
	out := map[string]string{}
	for i := 0; i < len(sorted); i += 2 {
		h := fnv.New32a()
		h.Write([]byte(sorted[i].Name))
		first, second := SplitDev, SplitTest
		if h.Sum32()%2 == 1 {
			first, second = second, first
		}
		out[sorted[i].Name] = first
		if i+1 < len(sorted) {
			out[sorted[i+1].Name] = second
		}
	}
	return out
}

// WriteDPASplit writes the split list as dpa-split.csv holds it.
func WriteDPASplit(w io.Writer, dpas []DPA) error {
	split := SplitDPAs(dpas)
	sorted := slices.Clone(dpas)
	sort.Slice(sorted, func(i, j int) bool { return dpaOrder(sorted[i].Name, sorted[j].Name) })
	fmt.Fprintf(w, "# The DPA sentence dataset halved for ssrm eval --dpa (eval.SplitDPAs: pairs by size, FNV-1a of the name).\n")
	cw := csv.NewWriter(w)
	cw.Write([]string{"dpa", "sentences", "split"})
	for _, d := range sorted {
		cw.Write([]string{d.Name, strconv.Itoa(len(d.Sentences)), split[d.Name]})
	}
	cw.Flush()
	return cw.Error()
}

// dpaOrder sorts "Online 9" before "Online 10".
func dpaOrder(a, b string) bool {
	na, ea := strconv.Atoi(strings.TrimPrefix(a, "Online "))
	nb, eb := strconv.Atoi(strings.TrimPrefix(b, "Online "))
	if ea == nil && eb == nil {
		return na < nb
	}
	return a < b
}

// Select keeps the DPAs of one split: dev, test or all.
func (ds *DPADataset) Select(split string) (*DPADataset, error) {
	if split == "" || split == SplitAll {
		return ds, nil
	}
	if split != SplitDev && split != SplitTest {
		return nil, fmt.Errorf("split %q: want dev, test or all", split)
	}
	out := *ds
	out.DPAs = nil
	for _, d := range ds.DPAs {
		if d.Split == split {
			out.DPAs = append(out.DPAs, d)
		}
	}
	return &out, nil
}

// ruleReqs maps each mapped rule to its requirement ids, in rule order of
// first mention.
func ruleReqs(reqs []Requirement) (rules []string, ids map[string][]string) {
	ids = map[string][]string{}
	for _, q := range reqs {
		if q.Rule == "" {
			continue
		}
		if _, ok := ids[q.Rule]; !ok {
			rules = append(rules, q.Rule)
		}
		ids[q.Rule] = append(ids[q.Rule], q.ID)
	}
	return rules, ids
}

// Document is the DPA rebuilt as a text document: its sentences in order,
// one paragraph each.
func (d DPA) Document() string {
	var b strings.Builder
	for i, s := range d.Sentences {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(s.Text)
	}
	b.WriteString("\n")
	return b.String()
}

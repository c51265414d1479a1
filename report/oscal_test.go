package report

import (
	"bytes"
	"encoding/json"
	"regexp"
	"testing"
	"time"
)

var reUUID = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
var reToken = regexp.MustCompile(`^(\pL|_)(\pL|\pN|[.\-_])*$`)

func renderOSCAL(t *testing.T, at time.Time) map[string]any {
	t.Helper()
	defer func(old func() time.Time) { now = old }(now)
	now = func() time.Time { return at }
	res, _ := loadSample(t)
	var b bytes.Buffer
	if err := Write(&b, "oscal", res); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// collectUUIDs lists every "uuid" value in document order.
func collectUUIDs(v any, out *[]string) {
	switch x := v.(type) {
	case map[string]any:
		if u, ok := x["uuid"].(string); ok {
			*out = append(*out, u)
		}
		for _, k := range []string{"component-definition", "components", "control-implementations", "implemented-requirements", "statements"} {
			if c, ok := x[k]; ok {
				collectUUIDs(c, out)
			}
		}
	case []any:
		for _, e := range x {
			collectUUIDs(e, out)
		}
	}
}

func require(t *testing.T, obj map[string]any, where string, keys ...string) {
	t.Helper()
	for _, k := range keys {
		v, ok := obj[k]
		if !ok || v == nil || v == "" {
			t.Errorf("%s: required %q missing", where, k)
		}
	}
}

// TestOSCALRequiredFields checks the OSCAL 1.1 component-definition model's
// required fields, token and UUID shapes.
func TestOSCALRequiredFields(t *testing.T) {
	doc := renderOSCAL(t, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	cd, ok := doc["component-definition"].(map[string]any)
	if !ok {
		t.Fatal("no component-definition root")
	}
	require(t, cd, "component-definition", "uuid", "metadata")
	md := cd["metadata"].(map[string]any)
	require(t, md, "metadata", "title", "last-modified", "version", "oscal-version")
	if md["oscal-version"] != "1.1.2" || md["last-modified"] != "2026-01-02T03:04:05Z" {
		t.Errorf("metadata: %v", md)
	}
	roles := map[string]bool{}
	for _, r := range md["roles"].([]any) {
		roles[r.(map[string]any)["id"].(string)] = true
	}
	comps := cd["components"].([]any)
	if len(comps) != 1 {
		t.Fatalf("%d components, want 1", len(comps))
	}
	comp := comps[0].(map[string]any)
	require(t, comp, "component", "uuid", "type", "title", "description", "control-implementations")
	cis := comp["control-implementations"].([]any)
	ci := cis[0].(map[string]any)
	require(t, ci, "control-implementation", "uuid", "source", "description", "implemented-requirements")
	reqs := ci["implemented-requirements"].([]any)
	if len(reqs) < 17 {
		t.Fatalf("%d implemented requirements, want at least the 17 domains", len(reqs))
	}
	provided, responsibility := 0, 0
	seen := map[string]bool{}
	for _, r := range reqs {
		req := r.(map[string]any)
		require(t, req, "implemented-requirement", "uuid", "control-id", "description")
		cid := req["control-id"].(string)
		if !reToken.MatchString(cid) || seen[cid] {
			t.Errorf("control-id %q is not a unique token", cid)
		}
		seen[cid] = true
		for _, s := range asList(req["statements"]) {
			st := s.(map[string]any)
			require(t, st, "statement", "statement-id", "uuid", "description")
			for _, rr := range asList(st["responsible-roles"]) {
				if id := rr.(map[string]any)["role-id"].(string); !roles[id] {
					t.Errorf("statement %v names undefined role %q", st["statement-id"], id)
				}
			}
			switch {
			case regexp.MustCompile(`_smt\.provided$`).MatchString(st["statement-id"].(string)):
				provided++
			case regexp.MustCompile(`_smt\.responsibility$`).MatchString(st["statement-id"].(string)):
				responsibility++
			}
		}
	}
	if provided == 0 || responsibility == 0 {
		t.Errorf("statements: %d provided, %d responsibility; want both", provided, responsibility)
	}
	if !seen["sef"] || !seen["aa"] || !seen["sef-07"] {
		t.Errorf("control ids lack sef, aa or sef-07: %v", seen)
	}
	var ids []string
	collectUUIDs(doc, &ids)
	uniq := map[string]bool{}
	for _, u := range ids {
		if !reUUID.MatchString(u) || uniq[u] {
			t.Errorf("uuid %q is not a unique v5 UUID", u)
		}
		uniq[u] = true
	}
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// TestOSCALStableUUIDs: two runs on the same input, at different times, give
// the same UUIDs.
func TestOSCALStableUUIDs(t *testing.T) {
	var a, b []string
	collectUUIDs(renderOSCAL(t, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)), &a)
	collectUUIDs(renderOSCAL(t, time.Date(2027, 6, 1, 12, 0, 0, 0, time.UTC)), &b)
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("uuid counts %d and %d", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("uuid %d differs between runs: %s vs %s", i, a[i], b[i])
		}
	}
	res, _ := loadSample(t)
	res.Vendor = "Another Vendor"
	if OSCAL(res).ComponentDefinition.Components[0].UUID == a[1] {
		t.Error("another vendor got the same component uuid")
	}
}

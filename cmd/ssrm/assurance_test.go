package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/ssrm-dev/ssrm/internal/assurancegen"
)

const cobalt = "testdata/cobalt-harbor"

// TestAssuranceFixture keeps testdata/cobalt-harbor/soc2.pdf the PDF that
// internal/assurancegen writes (go test -update rewrites it).
func TestAssuranceFixture(t *testing.T) {
	path := filepath.Join(cobalt, "soc2.pdf")
	tmp := filepath.Join(t.TempDir(), "soc2.pdf")
	if err := assurancegen.PDF(assurancegen.SOC2(), tmp); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(tmp)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./cmd/ssrm -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not what internal/assurancegen writes (go test ./cmd/ssrm -update rewrites it)", path)
	}
}

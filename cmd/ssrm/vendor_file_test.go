package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestAnalyzeNamesAnUnnamedVendorAfterItsFile: one file that names no
// vendor is named after the file by analyze, as batch names it (trial27b:
// analyze said "(vendor not named)" where batch said "tos-smartprocure").
func TestAnalyzeNamesAnUnnamedVendorAfterItsFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "terms-quillfeather.md")
	text := "# Terms of Use\n\n## 1. Accounts\n\nYou must keep your password secret and tell us of any unauthorised use of your account.\n\n## 2. Data\n\nWe will delete your data within thirty days after you close your account.\n"
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if got := Run([]string{"analyze", p, "--format", "json", "--fail-on", "never"}, &stdout, &stderr); got != exitOK {
		t.Fatalf("exit %d: %s", got, stderr.String())
	}
	var res struct {
		Vendor       string `json:"vendor"`
		VendorSource string `json:"vendor_source"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if res.Vendor != "terms-quillfeather" || res.VendorSource != "file" { // not "folder" (trial27e)
		t.Errorf("vendor %q from %q, want terms-quillfeather from its file", res.Vendor, res.VendorSource)
	}
}

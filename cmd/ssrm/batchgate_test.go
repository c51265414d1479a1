package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBatchOneCompanyTwoFiles: two files of a flat folder, each one vendor,
// whose documents name one company (a short name and its legal name): the
// batch says so and how to assess them together. Our own documents.
func TestBatchOneCompanyTwoFiles(t *testing.T) {
	in := t.TempDir()
	docs := map[string]string{
		"dpa-quill.md": "# Data Processing Addendum\n\nThis Data Processing Addendum (\"DPA\") forms part of the Terms of Service (\"Agreement\") between Quillmere Cloud Ltd. (\"Quillmere\") and Customer identified in the Agreement.\n\n## 1. Roles\n\nCustomer acts as a Controller and Quillmere will act as a Processor of Personal Data.\n\n## 2. Breach\n\nQuillmere shall notify Customer of any Personal Data Breach within 48 hours.\n\n## 3. Security\n\nQuillmere shall encrypt Personal Data at rest.\n\n## 4. Audits\n\nQuillmere shall allow for and contribute to audits conducted by Customer.\n\n## 5. Return\n\nQuillmere shall delete Personal Data on termination.\n",
		"tos-quill.md": "# Quillmere Terms of Service\n\nThese Terms are an agreement between Quillmere (\"we\", \"us\") and you.\n\n## 1. Security\n\nQuillmere will encrypt Customer Data at rest and in transit. Quillmere will notify you of a security incident within 72 hours.\n",
	}
	for name, text := range docs {
		if err := os.WriteFile(filepath.Join(in, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	Run([]string{"batch", in, "-o", filepath.Join(t.TempDir(), "out"), "--format", "json", "--portfolio-format", "csv", "--jobs", "1"}, &stdout, &stderr)
	if !strings.Contains(stdout.String(), "(dpa-quill), Quillmere (tos-quill): each was assessed alone; put their files in one sub-folder") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
	}
}

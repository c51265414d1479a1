package serve

import (
	"path/filepath"
	"strings"
)

// acceptedExts are the file types the page takes: those ssrm reads
// (questionnaires in Excel or CSV, agreements in PDF, Word, Markdown or
// text). The file input's accept attribute lists them, and an upload of
// any other type is refused with 415 before it is spooled, so the page
// never offers what the readers refuse (an OpenDocument .ods, a .doc).
var acceptedExts = []string{".xlsx", ".xlsm", ".xltx", ".xls", ".csv", ".pdf", ".docx", ".md", ".markdown", ".txt"}

// acceptAttr is the file input's accept attribute: ".xlsx,.xlsm,...".
func acceptAttr() string { return strings.Join(acceptedExts, ",") }

// accepted reports whether a client's file name has one of acceptedExts
// (case does not matter).
func accepted(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range acceptedExts {
		if ext == e {
			return true
		}
	}
	return false
}

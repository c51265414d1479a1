package extract

import (
	"archive/zip"
	"strings"
)

// docxMainInArchive reports whether the zip archive at p is a Word
// document: it holds word/document.xml, or its package relationships
// (_rels/.rels) name a main part under word/ that the archive holds.
// Word for the web and some converters save the main part under another
// name (word/document2.xml); the relationship, not the name, is what
// makes it the main part (ECMA-376 Part 2, 9.3).
func docxMainInArchive(p string) bool {
	zr, err := zip.OpenReader(p)
	if err != nil {
		return false
	}
	defer zr.Close()
	files := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			return true
		}
		files[f.Name] = f
	}
	rels, err := readZipPart(files["_rels/.rels"], docxMaxPart)
	if err != nil || rels == nil {
		return false
	}
	t := officeDocumentTarget(rels)
	return strings.HasPrefix(t, "word/") && strings.HasSuffix(t, ".xml") && files[t] != nil
}

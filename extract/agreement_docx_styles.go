package extract

// The styles of a .docx (word/styles.xml): which are headings, at what
// level, and the numbering a style carries.

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

type docxStyle struct {
	id, name, basedOn string
	numID, ilvl       string
	hasNum, hasIlvl   bool
	outline           int // -1 when absent
}

type docxStyles struct {
	byID map[string]*docxStyle
}

func (s *docxStyles) parse(b []byte) {
	d := xml.NewDecoder(bytes.NewReader(b))
	var cur *docxStyle
	inPPr := false
	for {
		tok, err := d.Token()
		if err != nil {
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "style":
				cur = &docxStyle{id: attr(t, "styleId"), outline: -1}
				// Paragraph styles, and numbering styles: a list may name its
				// numbering through one (w:numStyleLink, ECMA-376 17.9.21),
				// whose numPr leads to the abstract numbering that defines the
				// levels (see resolve). Style IDs are unique across types.
				if typ := attr(t, "type"); typ != "" && typ != "paragraph" && typ != "numbering" {
					cur = nil
				}
			case "name":
				if cur != nil {
					cur.name = attr(t, "val")
				}
			case "basedOn":
				if cur != nil {
					cur.basedOn = attr(t, "val")
				}
			case "pPr":
				inPPr = true
			case "numId":
				if cur != nil && inPPr {
					cur.numID, cur.hasNum = attr(t, "val"), true
				}
			case "ilvl":
				if cur != nil && inPPr {
					cur.ilvl, cur.hasIlvl = attr(t, "val"), true
				}
			case "outlineLvl":
				if cur != nil && inPPr {
					if n, err := strconv.Atoi(attr(t, "val")); err == nil && n >= 0 && n < 9 {
						cur.outline = n
					}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "style":
				if cur != nil && cur.id != "" {
					s.byID[cur.id] = cur
				}
				cur = nil
			case "pPr":
				inPPr = false
			}
		}
	}
}

var headingNameRe = lazyre.New(`^(?i)heading\s*([1-9])$`)

// headingLevel is 1-9 for Heading styles, 1 for Title, else 0; it follows
// basedOn and outline levels.
func (s *docxStyles) headingLevel(id string) int {
	for depth := 0; id != "" && depth < 12; depth++ {
		if g := headingNameRe.FindStringSubmatch(id); g != nil {
			return atoi(g[1])
		}
		if strings.EqualFold(id, "Title") {
			return 1
		}
		st := s.byID[id]
		if st == nil {
			return 0
		}
		if g := headingNameRe.FindStringSubmatch(st.name); g != nil {
			return atoi(g[1])
		}
		if strings.EqualFold(st.name, "title") {
			return 1
		}
		if st.outline >= 0 {
			return st.outline + 1
		}
		id = st.basedOn
	}
	return 0
}

// numPr is the numbering a style gives its paragraphs (through basedOn).
func (s *docxStyles) numPr(id string) (numID, ilvl string, ok bool) {
	for depth := 0; id != "" && depth < 12; depth++ {
		st := s.byID[id]
		if st == nil {
			return "", "", false
		}
		if st.hasNum {
			return st.numID, st.ilvl, true
		}
		id = st.basedOn
	}
	return "", "", false
}

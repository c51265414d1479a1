package extract

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
)

// Word list numbering (numbering.xml): abstract numberings, their levels
// and overrides, and the counters that render a paragraph's number as
// Word shows it (moved from agreement_docx.go unchanged).

type docxLevel struct {
	start      int
	fmt        string
	text       string
	restart    int // -1: default (restart after any higher level)
	legal      bool
	suff       string
	pStyle     string
	hasStart   bool
	defined    bool
	hasRestart bool
}

type docxAbstract struct {
	id       string
	levels   [9]docxLevel
	styleRef string // numStyleLink
}

type docxNum struct {
	abstract  string
	overrides map[int]int // ilvl -> startOverride
	lvl       map[int]docxLevel
}

type docxCounter struct {
	vals    [9]int
	started [9]bool
}

type docxNumbering struct {
	abstract map[string]*docxAbstract
	nums     map[string]*docxNum
	counters map[string]*docxCounter
	styles   *docxStyles
	seen     map[string]bool // nums already used by a paragraph
}

func (n *docxNumbering) parse(b []byte) {
	d := xml.NewDecoder(bytes.NewReader(b))
	var abs *docxAbstract
	var num *docxNum
	lvl := -1
	overrideLvl := -1
	var lv *docxLevel
	var ovLevel docxLevel
	inOverrideLvl := false
	for {
		tok, err := d.Token()
		if err != nil {
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "abstractNum":
				abs = &docxAbstract{id: attr(t, "abstractNumId")}
				for i := range abs.levels {
					abs.levels[i] = docxLevel{start: 1, fmt: "decimal", restart: -1}
				}
			case "num":
				num = &docxNum{overrides: map[int]int{}, lvl: map[int]docxLevel{}}
				n.nums[attr(t, "numId")] = num
			case "abstractNumId":
				if num != nil {
					num.abstract = attr(t, "val")
				}
			case "lvlOverride":
				overrideLvl = atoiDefault(attr(t, "ilvl"), -1)
			case "startOverride":
				if num != nil && overrideLvl >= 0 && overrideLvl < 9 {
					num.overrides[overrideLvl] = atoiDefault(attr(t, "val"), 0)
				}
			case "lvl":
				l := atoiDefault(attr(t, "ilvl"), -1)
				if l < 0 || l >= 9 {
					lv = nil
					break
				}
				if abs != nil && num == nil {
					lvl = l
					lv = &abs.levels[l]
					lv.defined = true
				} else if num != nil && overrideLvl >= 0 {
					ovLevel = docxLevel{start: 1, fmt: "decimal", restart: -1, defined: true}
					lv = &ovLevel
					inOverrideLvl = true
					lvl = l
				}
			case "start":
				if lv != nil {
					lv.start, lv.hasStart = atoiDefault(attr(t, "val"), 0), true
				}
			case "numFmt":
				if lv != nil {
					lv.fmt = attr(t, "val")
				}
			case "lvlText":
				if lv != nil {
					lv.text = attr(t, "val")
				}
			case "lvlRestart":
				// Word ignores lvlRestart in a level override (MS-OI29500
				// 2.1.xx on §17.9.11): the level restarts as by default.
				if lv != nil && !inOverrideLvl {
					lv.restart, lv.hasRestart = atoiDefault(attr(t, "val"), -1), true
				}
			case "isLgl":
				if lv != nil {
					lv.legal = onOff(t)
				}
			case "suff":
				if lv != nil {
					lv.suff = attr(t, "val")
				}
			case "pStyle":
				if lv != nil {
					lv.pStyle = attr(t, "val")
				}
			case "numStyleLink":
				if abs != nil {
					abs.styleRef = attr(t, "val")
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "abstractNum":
				if abs != nil {
					n.abstract[abs.id] = abs
				}
				abs = nil
			case "num":
				num = nil
			case "lvlOverride":
				overrideLvl = -1
			case "lvl":
				if inOverrideLvl && num != nil && lvl >= 0 {
					num.lvl[lvl] = ovLevel
				}
				inOverrideLvl = false
				lv = nil
				lvl = -1
			}
		}
	}
}

func atoiDefault(s string, def int) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return def
	}
	return n
}

// resolve finds the abstract numbering of a num id, following numStyleLink.
func (n *docxNumbering) resolve(numID string) (*docxNum, *docxAbstract) {
	num := n.nums[numID]
	if num == nil {
		return nil, nil
	}
	abs := n.abstract[num.abstract]
	for depth := 0; abs != nil && abs.styleRef != "" && depth < 4; depth++ {
		id, _, ok := n.styles.numPr(abs.styleRef)
		if !ok {
			break
		}
		inner := n.nums[id]
		if inner == nil || n.abstract[inner.abstract] == nil || n.abstract[inner.abstract] == abs {
			break
		}
		abs = n.abstract[inner.abstract]
	}
	return num, abs
}

// labelDepth advances the list counters for a paragraph at (numID, ilvl)
// and returns the number text, e.g. "4.1 " (bullets give "- "), with the
// depth at which the paragraph nests under the numbered paragraphs of its
// list where its number does not show it:
// a level whose text is its own number only ("%2." under "%1.", Word
// showing "1." under "2. Security"), while a level above it has a number,
// nests ilvl deep; a number that shows its parents ("%1.%2", "2.1"), a
// letter or a bullet, or a level with nothing numbered above it, nests 0.
func (n *docxNumbering) labelDepth(numID string, ilvl int, pStyle string) (string, int) {
	if numID == "" || numID == "0" {
		return "", 0
	}
	num, abs := n.resolve(numID)
	if num == nil || abs == nil {
		return "", 0
	}
	if ilvl < 0 {
		ilvl = 0
		if pStyle != "" {
			for i, l := range abs.levels {
				if l.pStyle == pStyle {
					ilvl = i
					break
				}
			}
		}
	}
	if ilvl > 8 {
		ilvl = 8
	}
	level := func(i int) docxLevel {
		if l, ok := num.lvl[i]; ok {
			return l
		}
		return abs.levels[i]
	}
	// Lists sharing an abstract numbering continue each other (one counter
	// per level of the abstract numbering), except at the levels a num
	// overrides (startOverride, or a level of its own): there the num
	// counts on its own, from the override's start.
	own := func(i int) bool {
		_, o := num.overrides[i]
		_, l := num.lvl[i]
		return o || l
	}
	counter := func(key string) *docxCounter {
		c := n.counters[key]
		if c == nil {
			c = &docxCounter{}
			n.counters[key] = c
		}
		return c
	}
	shared := counter("a" + abs.id)
	ctr := func(i int) *docxCounter {
		if own(i) {
			return counter("n" + numID)
		}
		return shared
	}
	startOf := func(i int) int {
		if v, ok := num.overrides[i]; ok {
			return v
		}
		return level(i).start
	}
	// A num that overrides a level (Word's "Restart numbering", written
	// as a startOverride of level 0 whatever the paragraph's level)
	// restarts the levels below that level at its first paragraph, as
	// using that level would: an annex's first sub-clause reads "1.1"
	// when its num restarts level 0, not "1.3" after the body's "7.2".
	if !n.seen[numID] {
		if n.seen == nil {
			n.seen = map[string]bool{}
		}
		n.seen[numID] = true
		for lo := 0; lo < ilvl; lo++ {
			if !own(lo) {
				continue
			}
			for k := lo + 1; k < 9; k++ {
				counter("n" + numID).started[k] = false
				shared.started[k] = false
			}
			break
		}
	}
	c := ctr(ilvl)
	if c.started[ilvl] {
		c.vals[ilvl]++
	} else {
		c.vals[ilvl] = startOf(ilvl)
		c.started[ilvl] = true
	}
	for k := ilvl + 1; k < 9; k++ {
		l := level(k)
		if l.restart == 0 {
			continue // never restarts
		}
		if l.restart > 0 && ilvl+1 > l.restart {
			continue
		}
		ctr(k).started[k] = false
		shared.started[k] = false
	}
	cur := level(ilvl)
	if cur.fmt == "bullet" {
		return "- ", 0
	}
	if cur.fmt == "none" && !strings.Contains(cur.text, "%") {
		if strings.TrimSpace(cur.text) == "" {
			return "", 0
		}
	}
	text := cur.text
	if text == "" && !cur.defined {
		text = "%" + strconv.Itoa(ilvl+1) + "."
	}
	depth := 0
	if ilvl > 0 && (cur.fmt == "decimal" || cur.fmt == "decimalZero" || cur.legal) && !strings.Contains(text, "%"+strconv.Itoa(ilvl)) {
		for k := 0; k < ilvl; k++ {
			if ctr(k).started[k] {
				depth = ilvl
				break
			}
		}
	}
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		ch := text[i]
		if ch == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			k := int(text[i+1] - '1')
			i++
			v := startOf(k)
			if ck := ctr(k); ck.started[k] || k == ilvl {
				v = ck.vals[k]
			}
			f := level(k).fmt
			if cur.legal {
				f = "decimal"
			}
			b.WriteString(formatNumber(v, f))
			continue
		}
		b.WriteByte(ch)
	}
	s := strings.TrimSpace(b.String())
	if s == "" {
		return "", 0
	}
	if cur.suff == "nothing" {
		return s, depth
	}
	return s + " ", depth
}

// formatNumber renders a list counter in a numFmt.
func formatNumber(v int, f string) string {
	switch f {
	case "lowerLetter", "upperLetter":
		if v <= 0 {
			v = 1
		}
		// Word repeats the letter past z: aa, bb, ...
		letter := byte('a' + (v-1)%26)
		s := strings.Repeat(string(letter), (v-1)/26+1)
		if f == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "lowerRoman", "upperRoman":
		if v <= 0 || v > 399 {
			return strconv.Itoa(v)
		}
		s := toRoman(v)
		if f == "upperRoman" {
			s = strings.ToUpper(s)
		}
		return s
	case "decimalZero":
		if v >= 0 && v < 10 {
			return "0" + strconv.Itoa(v)
		}
		return strconv.Itoa(v)
	case "none":
		return ""
	}
	return strconv.Itoa(v)
}

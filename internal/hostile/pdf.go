package hostile

import (
	"bytes"
	"fmt"
	"math/rand"
	"strings"
)

// PDF is a small PDF under construction: object i+1 is Objects[i], and
// object 1 must be the catalog. Bodies are written as given; a stream is
// "<< ... /Length n >>\nstream\n...\nendstream" (see Stream).
type PDF struct {
	Objects []string
	// XRefStream writes a cross-reference stream (PDF 1.5) instead of a
	// classic xref table and trailer.
	XRefStream bool
	// Size, when not 0, replaces the /Size the trailer or the xref stream
	// declares (the true value is len(Objects)+1, or +2 with an xref
	// stream). The entries written and /Index stay true.
	Size int64
	// Prev, when not 0, is written as the trailer's /Prev.
	Prev int64
	// PrevSelf points /Prev at the file's own cross-reference section.
	PrevSelf bool
	// IndexStart, when not 0, is the first object number the xref
	// stream's /Index claims for its entries.
	IndexStart int64
	// Compressed lists objects kept in an object stream (XRefStream
	// only): object number → the object stream's number. Each such object
	// is the only one in its stream (index 0); its body in Objects is not
	// written.
	Compressed map[int]int
}

// Add appends an object body and returns its object number.
func (p *PDF) Add(body string) int {
	p.Objects = append(p.Objects, body)
	return len(p.Objects)
}

// Stream formats a stream object body with dictionary entries dict.
func Stream(dict string, data []byte) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// Bytes writes the file.
func (p *PDF) Bytes() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(p.Objects))
	for i, o := range p.Objects {
		offs[i] = b.Len()
		if _, ok := p.Compressed[i+1]; ok {
			continue
		}
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	prev := ""
	if p.Prev != 0 {
		prev = fmt.Sprintf(" /Prev %d", p.Prev)
	}
	if p.PrevSelf {
		prev = fmt.Sprintf(" /Prev %d", x)
	}
	if !p.XRefStream {
		size := int64(len(p.Objects) + 1)
		if p.Size != 0 {
			size = p.Size
		}
		fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(p.Objects)+1)
		for _, o := range offs {
			fmt.Fprintf(&b, "%010d 00000 n \n", o)
		}
		fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n", size, prev, x)
		return b.Bytes()
	}
	// The xref stream is the last object: W [1 4 2], uncompressed.
	n := len(p.Objects) + 2
	var data []byte
	entry := func(typ byte, off, gen int) {
		data = append(data, typ, byte(off>>24), byte(off>>16), byte(off>>8), byte(off), byte(gen>>8), byte(gen))
	}
	entry(0, 0, 0xffff)
	for i, o := range offs {
		if stm, ok := p.Compressed[i+1]; ok {
			entry(2, stm, 0)
			continue
		}
		entry(1, o, 0)
	}
	entry(1, x, 0)
	size := int64(n)
	if p.Size != 0 {
		size = p.Size
	}
	fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n-1,
		Stream(fmt.Sprintf("/Type /XRef /Size %d /Index [%d %d] /W [1 4 2] /Root 1 0 R%s", size, p.IndexStart, n, prev), data))
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", x)
	return b.Bytes()
}

// helvetica is a Type 1 standard font object body.
const helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

// pdfEscape escapes a literal string.
var pdfEscape = strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)

// TextContent is a content stream showing lines in Helvetica, 10 points,
// top down from y = 740.
func TextContent(lines []string) []byte {
	var c bytes.Buffer
	for j, l := range lines {
		fmt.Fprintf(&c, "BT /F1 10 Tf 72 %d Td (%s) Tj ET\n", 740-13*j, pdfEscape.Replace(l))
	}
	return c.Bytes()
}

// AgreementPDF builds a valid PDF agreement of the given number of pages
// of numbered clauses (text chosen by seed): objects 1-3 are the catalog,
// the page tree and the font; each page is a page object followed by its
// content stream. It is the benign base the PDF recipes change.
func AgreementPDF(seed int64, pages int) *PDF {
	p := &PDF{}
	p.Add("<< /Type /Catalog /Pages 2 0 R >>")
	p.Add("") // the page tree, written below
	p.Add(helvetica)
	lines := AgreementLines(seed, pages*50)
	var kids []string
	for i := range pages {
		page := p.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents " + fmt.Sprint(len(p.Objects)+2) + " 0 R >>")
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
		p.Add(Stream("", TextContent(lines[i*50:(i+1)*50])))
	}
	p.Objects[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), pages)
	return p
}

// clauseText are sentences of an invented services agreement.
var clauseText = []string{
	"The Vendor shall notify the Customer of any Security Incident affecting Customer Data without undue delay and in any event within 72 hours.",
	"The Vendor shall cooperate with the Customer in the investigation and remediation of any Security Incident at its own cost.",
	"The Customer may audit the Vendor's compliance with this Agreement once a year on thirty days' written notice.",
	"The Vendor shall maintain a list of its subprocessors and give the Customer thirty days' notice of any new subprocessor.",
	"The Vendor shall provide the Customer, on request, with its most recent independent assurance report.",
	"The Customer is responsible for the security of its own accounts, passwords and devices.",
	"On termination the Vendor shall return or delete all Customer Data within thirty days.",
	"The Vendor shall encrypt Customer Data in transit and at rest with current industry standard algorithms.",
	"Each party shall keep the other party's confidential information secret and use it only to perform this Agreement.",
	"The Vendor shall cooperate with any supervisory authority that has jurisdiction over the Customer.",
}

// AgreementLines returns n lines of numbered clauses, each clause a
// heading line and its sentence wrapped to about 90 characters.
func AgreementLines(seed int64, n int) []string {
	rng := rand.New(rand.NewSource(seed))
	var out []string
	for k := 1; len(out) < n; k++ {
		out = append(out, fmt.Sprintf("%d. Clause %d", k, k))
		words := strings.Fields(clauseText[rng.Intn(len(clauseText))])
		line := ""
		for _, w := range words {
			if len(line)+len(w) > 90 {
				out = append(out, line)
				line = ""
			}
			if line != "" {
				line += " "
			}
			line += w
		}
		out = append(out, line)
	}
	return out[:n]
}

// objStmBomb is a one-page agreement whose page resources (object 6) are
// kept in an object stream (object 7) at an offset n bytes into its
// inflated data, the n bytes being spaces.
func objStmBomb(n int64) []byte {
	p := AgreementPDF(1, 1)
	p.XRefStream = true
	p.Objects[3] = strings.Replace(p.Objects[3], "/Resources << /Font << /F1 3 0 R >> >>", "/Resources 6 0 R", 1)
	p.Add("<< /Font << /F1 3 0 R >> >>")
	head := fmt.Sprintf("6 %d ", n)
	data := Zlib([]byte(head), ' ', n, []byte("<< /Font << /F1 3 0 R >> >>"))
	p.Add(Stream(fmt.Sprintf("/Type /ObjStm /N 1 /First %d /Filter /FlateDecode", len(head)), data))
	p.Compressed = map[int]int{6: 7}
	return p.Bytes()
}

// formFanout is a one-page PDF whose page draws form X0; form Xk draws
// X(k+1) fan times, down to depth forms; the last form shows text.
func formFanout(depth, fan int) []byte {
	p := &PDF{}
	p.Add("<< /Type /Catalog /Pages 2 0 R >>")
	p.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	// Object 3 is the page, 4 its content, 5 the font, 6.. the forms.
	p.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X0 6 0 R >> >> /Contents 4 0 R >>")
	p.Add(Stream("", []byte("/X0 Do\n")))
	p.Add(helvetica)
	for k := range depth {
		if k == depth-1 {
			p.Add(Stream("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>", TextContent(AgreementLines(1, 10))))
			break
		}
		c := strings.Repeat(fmt.Sprintf("/X%d Do\n", k+1), fan)
		p.Add(Stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X%d %d 0 R >> >>", k+1, 7+k), []byte(c)))
	}
	return p.Bytes()
}

// deepPDF is a one-page agreement whose page dictionary carries key with
// value (a deeply nested object).
func deepPDF(key, value string) []byte {
	p := AgreementPDF(1, 1)
	p.Objects[3] = strings.Replace(p.Objects[3], "/Type /Page ", "/Type /Page "+key+" "+value+" ", 1)
	return p.Bytes()
}

package extract

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Office (xlsx, DOCX) packages are checked before their parts are parsed:
// checkOfficeZip reads each XML part once as a stream, within the
// document's budget, and refuses the package when
//
//   - a part declares, or inflates to, more than its limit, or all parts
//     together more than the package's (a zip bomb): ErrBudget;
//   - a part inflates past the size its zip header declares (a lying
//     entry, which a reader that trusts the header would cut silently),
//     or fails its checksum: ErrDamaged;
//   - a part declares a DTD (<!DOCTYPE ...>): Office files never carry
//     one (ECMA-376 Part 2 forbids it), and a DTD is how XML entity
//     attacks (external entities, billion laughs) come in: ErrUnsupported;
//   - elements nest deeper than MaxXMLDepth: ErrBudget.
//
// Parts that are not XML (images, embedded objects, vbaProject.bin) are
// checked on their declared sizes only. A workbook is checked in two
// steps around excelize's opening of it, so that its parts are inflated
// once (openXLSX): the declared sizes before, the rest on the bytes
// excelize inflated.

// officeLimits are the sizes allowed to one package's parts.
type officeLimits struct {
	// part returns the most bytes the named part may inflate to.
	part func(name string) int64
	// total is the most bytes all parts may inflate to together.
	total int64
}

// isXMLPart reports whether a package part is XML by its name.
func isXMLPart(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".xml") || strings.HasSuffix(n, ".rels") || strings.HasSuffix(n, ".vml")
}

// checkOfficeZip checks the package zr (see above) within b; errors name
// the part.
func checkOfficeZip(zr *zip.Reader, lim officeLimits, b *budget) error {
	if err := checkDeclared(zr, lim); err != nil {
		return err
	}
	var read int64
	for _, f := range zr.File {
		if !isXMLPart(f.Name) || f.FileInfo().IsDir() {
			continue
		}
		n, err := checkXMLPart(f, lim.part(f.Name), b)
		if err != nil {
			return err
		}
		read += n
		if read > lim.total {
			return fmt.Errorf("%w: the parts inflate to more than %s in all", ErrBudget, sizeText(lim.total))
		}
	}
	return nil
}

// checkDeclared is the first half of checkOfficeZip, which inflates
// nothing: each part's declared size within its limit, all together
// within the package's.
func checkDeclared(zr *zip.Reader, lim officeLimits) error {
	var declared uint64
	for _, f := range zr.File {
		max := lim.part(f.Name)
		if f.UncompressedSize64 > uint64(max) {
			return fmt.Errorf("%w: %s declares %s uncompressed (at most %s)", ErrBudget, f.Name, sizeText(int64(min(f.UncompressedSize64, 1<<62))), sizeText(max))
		}
		declared += f.UncompressedSize64
		if declared > uint64(lim.total) {
			return fmt.Errorf("%w: the parts declare more than %s uncompressed in all", ErrBudget, sizeText(lim.total))
		}
	}
	return nil
}

// checkXMLPart reads one part through the XML scanner, returning the bytes
// it inflated to.
func checkXMLPart(f *zip.File, max int64, b *budget) (int64, error) {
	rc, err := f.Open()
	if err != nil {
		return 0, fmt.Errorf("%w: %s: %v", ErrDamaged, f.Name, err)
	}
	defer rc.Close()
	cr := &countingReader{r: rc, b: b, limit: max, what: f.Name}
	var sc xmlScanner
	buf := make([]byte, 64<<10)
	for {
		k, rerr := cr.Read(buf)
		if err := sc.scan(buf[:k]); err != nil {
			return cr.n, fmt.Errorf("%s: %w", f.Name, err)
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			if errors.Is(rerr, ErrBudget) {
				return cr.n, rerr
			}
			if errors.Is(rerr, zip.ErrFormat) {
				return cr.n, fmt.Errorf("%w: %s inflates past the %s its zip header declares", ErrDamaged, f.Name, sizeText(int64(f.UncompressedSize64)))
			}
			return cr.n, fmt.Errorf("%w: %s: %v", ErrDamaged, f.Name, rerr)
		}
	}
	return cr.n, nil
}

// xmlScanner follows XML syntax closely enough to measure element nesting
// and find declarations, byte by byte across chunks: tags (with quoted
// attribute values), end tags, empty elements, comments, CDATA sections
// and processing instructions.
type xmlScanner struct {
	state       int
	depth       int
	quote, last byte
	tail        [2]byte // the two bytes before, for "-->", "]]>", "?>"
}

const (
	xsText    = iota
	xsOpen    // after '<'
	xsBang    // after "<!"
	xsStart   // in a start tag
	xsEnd     // in an end tag
	xsPI      // in "<? ... ?>"
	xsComment // in "<!-- ... -->"
	xsCDATA   // in "<![CDATA[ ... ]]>"
)

func (s *xmlScanner) scan(p []byte) error {
	// The state machine of step, byte by byte in local variables; runs of
	// text, which can change nothing but the tail, are skipped at once.
	state, depth, quote, last := s.state, s.depth, s.quote, s.last
	t0, t1 := s.tail[0], s.tail[1]
	defer func() {
		s.state, s.depth, s.quote, s.last = state, depth, quote, last
		s.tail[0], s.tail[1] = t0, t1
	}()
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch state {
		case xsText:
			if c != '<' {
				j := bytes.IndexByte(p[i:], '<')
				if j < 0 {
					j = len(p) - i
				}
				if j >= 2 {
					t0, t1 = p[i+j-2], p[i+j-1]
				} else {
					t0, t1 = t1, c
				}
				i += j - 1
				continue
			}
			state = xsOpen
		case xsOpen:
			switch c {
			case '/':
				state = xsEnd
			case '?':
				state = xsPI
			case '!':
				state = xsBang
			default:
				state, quote, last = xsStart, 0, c
			}
		case xsBang:
			switch c {
			case '-':
				state = xsComment
			case '[':
				state = xsCDATA
			default:
				return errXMLDTD
			}
		case xsStart:
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '>':
				state = xsText
				if last != '/' {
					depth++
					if depth > MaxXMLDepth {
						return errXMLDepth
					}
				}
			}
			if !isXMLSpace(c) {
				last = c
			}
		case xsEnd:
			if c == '>' {
				state = xsText
				depth = max(0, depth-1)
			}
		case xsPI:
			if c == '>' && t1 == '?' {
				state = xsText
			}
		case xsComment:
			if c == '>' && t0 == '-' && t1 == '-' {
				state = xsText
			}
		case xsCDATA:
			if c == '>' && t0 == ']' && t1 == ']' {
				state = xsText
			}
		}
		t0, t1 = t1, c
	}
	return nil
}

var (
	errXMLDTD   = fmt.Errorf("%w: the XML declares a DTD (<!DOCTYPE or <!ENTITY), which Office files never carry: refused (an XML entity attack?)", ErrUnsupported)
	errXMLDepth = fmt.Errorf("%w: XML elements nest more than %d deep", ErrBudget, MaxXMLDepth)
)

// step reads one byte.
func (s *xmlScanner) step(c byte) error {
	switch s.state {
	case xsText:
		if c == '<' {
			s.state = xsOpen
		}
	case xsOpen:
		switch c {
		case '/':
			s.state = xsEnd
		case '?':
			s.state = xsPI
		case '!':
			s.state = xsBang
		default:
			s.state, s.quote, s.last = xsStart, 0, c
		}
	case xsBang:
		switch c {
		case '-':
			s.state = xsComment
		case '[':
			s.state = xsCDATA
		default:
			return errXMLDTD
		}
	case xsStart:
		switch {
		case s.quote != 0:
			if c == s.quote {
				s.quote = 0
			}
		case c == '"' || c == '\'':
			s.quote = c
		case c == '>':
			s.state = xsText
			if s.last != '/' {
				s.depth++
				if s.depth > MaxXMLDepth {
					return errXMLDepth
				}
			}
		}
		if !isXMLSpace(c) {
			s.last = c
		}
	case xsEnd:
		if c == '>' {
			s.state = xsText
			s.depth = max(0, s.depth-1)
		}
	case xsPI:
		if c == '>' && s.tail[1] == '?' {
			s.state = xsText
		}
	case xsComment:
		if c == '>' && s.tail[0] == '-' && s.tail[1] == '-' {
			s.state = xsText
		}
	case xsCDATA:
		if c == '>' && s.tail[0] == ']' && s.tail[1] == ']' {
			s.state = xsText
		}
	}
	s.tail[0], s.tail[1] = s.tail[1], c
	return nil
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

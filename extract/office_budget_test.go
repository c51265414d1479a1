package extract

import (
	"fmt"
	"testing"
)

// scanByByte feeds the scanner one byte at a time through step, as it
// read every part before runs were skipped: the reference for scan.
func scanByByte(p []byte) (xmlScanner, error) {
	var s xmlScanner
	for _, c := range p {
		if err := s.step(c); err != nil {
			return s, err
		}
	}
	return s, nil
}

// checkScanner: scan, given p in chunks of every size from 1 to 7 and
// whole, ends in the state (and with the error) the byte-by-byte reading
// ends in.
func checkScanner(t *testing.T, p []byte) {
	t.Helper()
	want, werr := scanByByte(p)
	for size := 1; size <= len(p)+1; size++ {
		if size > 7 && size <= len(p) {
			size = len(p) + 1 // and whole
		}
		var s xmlScanner
		var err error
		for i := 0; i < len(p) && err == nil; i += size {
			err = s.scan(p[i:min(i+size, len(p))])
		}
		if fmt.Sprint(err) != fmt.Sprint(werr) || err == nil && s != want {
			t.Fatalf("%q in chunks of %d: %+v, %v; byte by byte %+v, %v", p, size, s, err, want, werr)
		}
	}
}

var scannerCases = []string{
	`<?xml version="1.0"?><a b="x>y" c='q"r'><b/><c d="1" /> text &amp; <!-- c > -- --><![CDATA[ ]] > ]]></c></a>`,
	`<a><!DOCTYPE x></a>`, `<a><!ENTITY e "x"></a>`, `<a x='>'/><?pi ? > ?>`, `<!---->`, `<!-->`, `<?>`,
	"<a\n/>", "<a / >", `<a b="/">`, "<<>>", "", "text only", `<a "b'>`,
}

func TestXMLScannerRuns(t *testing.T) {
	for _, c := range scannerCases {
		checkScanner(t, []byte(c))
	}
}

func FuzzXMLScannerRuns(f *testing.F) {
	for _, c := range scannerCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, p []byte) {
		if len(p) > 2048 {
			return
		}
		checkScanner(t, p)
	})
}

package extract

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The fixtures of testdata/encrypted are one three-page PDF written for
// these tests (plain.pdf, made with fpdf) encrypted by qpdf 11.3 as each
// file's name says:
//
//	qpdf --allow-weak-crypto --encrypt "" owner 40 -- plain.pdf rc4-40.pdf
//	qpdf --allow-weak-crypto --encrypt "" owner 128 --use-aes=n -- plain.pdf rc4-128.pdf
//	qpdf --encrypt "" owner 128 --use-aes=y -- plain.pdf aes128.pdf
//	qpdf --encrypt "" owner 128 --use-aes=y --cleartext-metadata -- plain.pdf aes128-clearmeta.pdf
//	qpdf --encrypt user owner 128 --use-aes=y --cleartext-metadata -- plain.pdf aes128-clearmeta-user.pdf
//	qpdf --encrypt "" owner 256 -- plain.pdf aes256.pdf
//	qpdf --object-streams=generate --encrypt "" owner 128 --use-aes=y --cleartext-metadata -- plain.pdf aes128-clearmeta-objstm.pdf

func encryptedFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "encrypted", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// pageTexts reads data's pages as the walker does.
func pageTexts(t *testing.T, data []byte) map[int]string {
	t.Helper()
	r, err := openPDF(bytes.NewReader(data), int64(len(data)), "")
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	res, err := readPages(r, newBudget())
	if err != nil || len(res.bad) > 0 {
		t.Fatalf("read: %v, bad pages %v", err, res.bad)
	}
	return res.texts
}

// TestDecryptPDF: the Standard handler's RC4 and AESV2 files, with
// /EncryptMetadata false (which the PDF library refuses) and a user
// password, are decrypted in place to the plain file's text; what it does
// not handle (AES-256, xref streams) and a missing password are told apart.
func TestDecryptPDF(t *testing.T) {
	want := pageTexts(t, encryptedFixture(t, "plain.pdf"))
	if len(want) != 3 || !strings.Contains(want[2], "Audit Rights") {
		t.Fatalf("plain fixture reads %v", want)
	}
	cases := []struct {
		file, password string
		err            error
	}{
		{"rc4-40.pdf", "", nil},
		{"rc4-128.pdf", "", nil},
		{"aes128.pdf", "", nil},
		{"aes128-clearmeta.pdf", "", nil},
		{"aes128-clearmeta-user.pdf", "user", nil},
		{"aes128-clearmeta-user.pdf", "", errRepairPassword},
		{"aes128-clearmeta-user.pdf", "wrong", errRepairPassword},
		{"aes256.pdf", "", errNoDecrypt},
		{"aes128-clearmeta-objstm.pdf", "", errNoDecrypt},
		{"plain.pdf", "", errNoDecrypt},
	}
	for _, c := range cases {
		t.Run(c.file+"/"+c.password, func(t *testing.T) {
			data := encryptedFixture(t, c.file)
			out, err := decryptPDF(data, c.password)
			if !errors.Is(err, c.err) || (err == nil) != (c.err == nil) {
				t.Fatalf("err = %v, want %v", err, c.err)
			}
			if err != nil {
				return
			}
			if len(out) != len(data) {
				t.Fatalf("%d bytes out of %d", len(out), len(data))
			}
			if diff := cmp.Diff(want, pageTexts(t, out)); diff != "" {
				t.Errorf("pages (-plain +decrypted):\n%s", diff)
			}
		})
	}
}

// TestParsePDFEncryptedFixtures: every fixture reads as the plain file,
// whichever way it is decrypted (here, by the library, or the pre-pass).
func TestParsePDFEncryptedFixtures(t *testing.T) {
	read := func(name, password string) Document {
		t.Helper()
		data := encryptedFixture(t, name)
		doc, err := parsePDF("fixture.pdf", bytes.NewReader(data), int64(len(data)), Options{Password: password})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return doc
	}
	want := read("plain.pdf", "")
	for _, name := range []string{"rc4-40.pdf", "rc4-128.pdf", "aes128.pdf", "aes128-clearmeta.pdf", "aes128-clearmeta-user.pdf", "aes256.pdf", "aes128-clearmeta-objstm.pdf"} {
		pw := ""
		if strings.HasSuffix(name, "-user.pdf") {
			pw = "user"
		}
		if diff := cmp.Diff(want.Agreement, read(name, pw).Agreement); diff != "" {
			t.Errorf("%s (-plain +encrypted):\n%s", name, diff)
		}
	}
}

// TestDecryptPDFCorpus: the corpus contract (AESV2, /EncryptMetadata
// false, signed) is decrypted here, not by the pre-pass.
func TestDecryptPDFCorpus(t *testing.T) {
	data, err := os.ReadFile(corpusFile(t, "contract-eugene-flock-2025-encrypted.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := decryptPDF(data, ""); err != nil {
		t.Fatal(err)
	}
}

// TestPDFStringRoundTrip: a decrypted string written back (hex when it
// fits, else an escaped literal) reads as the same bytes.
func TestPDFStringRoundTrip(t *testing.T) {
	cases := []struct {
		in    string
		room  int
		token string // "" when it must not fit
	}{
		{"abc", 8, "<616263>"},
		{"a(b)c\\", 11, `(a\(b\)c\\)`},
		{"line\rend", 11, `(line\rend)`},
		{"x\ny", 5, "(x\ny)"},
		{"(((", 6, ""},
	}
	for _, c := range cases {
		tok, ok := encodeString([]byte(c.in), c.room)
		if ok != (c.token != "") || ok && string(tok) != c.token {
			t.Errorf("encodeString(%q, %d) = %q, %v; want %q", c.in, c.room, tok, ok, c.token)
			continue
		}
		if !ok {
			continue
		}
		if got, ok := pdfString(string(tok)); !ok || string(got) != c.in {
			t.Errorf("pdfString(%q) = %q, %v; want %q", tok, got, ok, c.in)
		}
	}
	literals := []struct{ in, want string }{
		{`(a\101\60b)`, "aA0b"},
		{"(a\\\nb)", "ab"},
		{"(a\r\nb)", "a\nb"},
		{`(\q\t)`, "q\t"},
		{"<41 42 4>", "AB@"},
	}
	for _, c := range literals {
		if got, ok := pdfString(c.in); !ok || string(got) != c.want {
			t.Errorf("pdfString(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}

// FuzzPDFStringRoundTrip holds encodeString and pdfString to each other.
func FuzzPDFStringRoundTrip(f *testing.F) {
	f.Add([]byte("a(b)c\\\r\n"), 40)
	f.Add([]byte{0, 0xff, '\r'}, 3)
	f.Fuzz(func(t *testing.T, b []byte, room int) {
		tok, ok := encodeString(b, room)
		if !ok {
			return
		}
		if len(tok) > room {
			t.Fatalf("%d bytes in room for %d", len(tok), room)
		}
		if got, ok := pdfString(string(tok)); !ok || !bytes.Equal(got, b) {
			t.Fatalf("%q read back as %q", b, got)
		}
	})
}

// FuzzDecryptPDF: any bytes, never a panic, and a result of the input's
// length.
func FuzzDecryptPDF(f *testing.F) {
	for _, name := range []string{"aes128-clearmeta.pdf", "rc4-40.pdf"} {
		data, err := os.ReadFile(filepath.Join("testdata", "encrypted", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, "")
	}
	f.Fuzz(func(t *testing.T, data []byte, password string) {
		out, err := decryptPDF(data, password)
		if err == nil && len(out) != len(data) {
			t.Fatalf("%d bytes out of %d", len(out), len(data))
		}
	})
}

package extract

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"encoding/hex"
	"errors"
	"maps"
	"slices"
	"strconv"
)

// Decryption of the Standard security handler (ISO 32000-1 §7.6.3), done
// here so that an encrypted PDF the PDF library cannot open need not go
// through the pdfcpu pre-pass (a full parse, validation and rewrite: most
// of the reading time of such a file). ledongthuc/pdf derives the file key
// without the 0xFFFFFFFF that Algorithm 2 adds when /EncryptMetadata is
// false, so it refuses the user password of those files.
//
// decryptPDF returns a copy of the file of the same length in which every
// encrypted string and stream is replaced by its plaintext, in place (a
// string as a hex or literal string padded with spaces, a stream's bytes
// followed by spaces and its /Length rewritten), and the trailer's
// /Encrypt key renamed: every byte offset, so the cross-reference table,
// stays valid. Only what it knows is handled: classic cross-reference
// tables (no xref streams), RC4 (V 1 and 2, R 2 and 3) and AESV2 (V 4,
// R 4, one crypt filter for strings and streams), the user password.
// Anything else gives errNoDecrypt, and the caller falls back to the
// pre-pass.

var errNoDecrypt = errors.New("not decrypted here")

// passwordPad is the padding string of Algorithm 2.
var passwordPad = []byte{
	0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
	0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
}

// xrefEntry is an in-use object of a classic cross-reference table.
type xrefEntry struct {
	off int64
	gen int64
}

// stdSecurity is what the Encrypt dictionary says, and the file key.
type stdSecurity struct {
	v, r            int64
	keyLen          int // bytes
	o, u            []byte
	p               uint32
	id              []byte
	useAES          bool
	encryptMetadata bool
	key             []byte
	left            int64 // bytes the object walk may still read
}

// decryptPDF decrypts data (see above) with the empty user password, then
// password. It never panics; errors are errNoDecrypt (the file is not
// one it handles) or errRepairPassword (neither password opens it).
func decryptPDF(data []byte, password string) (out []byte, err error) {
	err = try(func() error {
		var e error
		out, e = decryptPDFUnsafe(data, password)
		return e
	})
	if err != nil && !errors.Is(err, errRepairPassword) {
		err = errNoDecrypt
	}
	return out, err
}

func decryptPDFUnsafe(data []byte, password string) ([]byte, error) {
	entries, trailers, err := readXrefTables(data)
	if err != nil {
		return nil, err
	}
	tr := (&pdfLexer{b: data[trailers[0]:]}).dict()
	enc, ok := tr["Encrypt"]
	if !ok {
		return nil, errNoDecrypt
	}
	encNum := int64(-1)
	var encDict map[string]string
	if num, gen, ok := parseRef(enc); ok {
		e, found := entries[num]
		if !found || e.gen != gen {
			return nil, errNoDecrypt
		}
		lx, ok := objectAt(data, e.off, num)
		if !ok {
			return nil, errNoDecrypt
		}
		encDict, encNum = lx.dict(), num
	} else {
		encDict = (&pdfLexer{b: []byte(enc)}).dict()
	}
	sec, err := readSecurity(encDict, tr["ID"])
	if err != nil {
		return nil, err
	}
	if !sec.open("") && (password == "" || !sec.open(password)) {
		return nil, errRepairPassword
	}
	out := bytes.Clone(data)
	lengths := map[int64]bool{} // indirect /Length objects rewritten
	// Objects may overlap in a damaged or hostile file: the bytes read are
	// bounded by a multiple of its size, so the work stays linear.
	sec.left = 4*int64(len(data)) + 1<<20
	for _, num := range slices.Sorted(maps.Keys(entries)) { // in order: the same bytes each time
		if num == encNum {
			continue
		}
		if err := sec.decryptObject(out, data, num, entries[num], entries, lengths); err != nil {
			return nil, err
		}
	}
	for _, t := range trailers {
		if !renameEncrypt(out, t) {
			return nil, errNoDecrypt
		}
	}
	return out, nil
}

// readXrefTables reads the classic cross-reference tables from startxref
// through /Prev: the in-use objects (the newest entry of each number) and
// the offsets of the trailer dictionaries, newest first.
func readXrefTables(data []byte) (map[int64]xrefEntry, []int64, error) {
	size := int64(len(data))
	off, ok := startXref(bytes.NewReader(data), size)
	if !ok {
		return nil, nil, errNoDecrypt
	}
	entries := map[int64]xrefEntry{}
	seen := map[int64]bool{}
	var trailers []int64
	for off >= 0 {
		if off >= size || seen[off] || len(seen) > maxXrefSections {
			return nil, nil, errNoDecrypt
		}
		seen[off] = true
		lx := &pdfLexer{b: data, i: int(off)}
		if lx.token() != "xref" {
			return nil, nil, errNoDecrypt // an xref stream
		}
		newer := map[int64]bool{}
		for num := range entries {
			newer[num] = true
		}
		for {
			save := lx.i
			first := lx.token()
			if first == "trailer" {
				break
			}
			lx.i = save
			start, ok1 := lx.int()
			count, ok2 := lx.int()
			if !ok1 || !ok2 || start < 0 || count < 0 || start+count > objectLimit(size) {
				return nil, nil, errNoDecrypt
			}
			for k := range count {
				o, ok1 := lx.int()
				g, ok2 := lx.int()
				f := lx.token()
				if !ok1 || !ok2 || f != "n" && f != "f" {
					return nil, nil, errNoDecrypt
				}
				num := start + k
				if newer[num] {
					continue
				}
				if f == "f" {
					entries[num] = xrefEntry{off: -1}
					continue
				}
				entries[num] = xrefEntry{off: o, gen: g}
			}
		}
		trailers = append(trailers, int64(lx.i))
		d := lx.dict()
		if d == nil || d["XRefStm"] != "" {
			return nil, nil, errNoDecrypt // a hybrid file's xref stream
		}
		off = -1
		if p, ok := d["Prev"]; ok {
			v, err := strconv.ParseInt(p, 10, 64)
			if err != nil {
				return nil, nil, errNoDecrypt
			}
			off = v
		}
	}
	for num, e := range entries {
		if e.off <= 0 {
			delete(entries, num)
		}
	}
	return entries, trailers, nil
}

// parseRef reads "12 0 R".
func parseRef(s string) (num, gen int64, ok bool) {
	lx := &pdfLexer{b: []byte(s)}
	num, ok1 := lx.int()
	gen, ok2 := lx.int()
	if !ok1 || !ok2 || lx.token() != "R" || lx.token() != "" {
		return 0, 0, false
	}
	return num, gen, true
}

// objectAt returns a lexer after "num gen obj" at off, or false when
// another object (or none) is there.
func objectAt(data []byte, off, num int64) (*pdfLexer, bool) {
	if off < 0 || off >= int64(len(data)) {
		return nil, false
	}
	lx := &pdfLexer{b: data, i: int(off)}
	n, ok := lx.int()
	if !ok || n != num {
		return nil, false
	}
	if _, ok := lx.int(); !ok || lx.token() != "obj" {
		return nil, false
	}
	return lx, true
}

// pdfString decodes a string token, "(...)" or "<...>".
func pdfString(tok string) ([]byte, bool) {
	if len(tok) < 2 {
		return nil, false
	}
	switch {
	case tok[0] == '<' && tok[len(tok)-1] == '>':
		h := make([]byte, 0, len(tok))
		for i := 1; i < len(tok)-1; i++ {
			if c := tok[i]; !isPDFSpace(c) {
				h = append(h, c)
			}
		}
		if len(h)%2 == 1 {
			h = append(h, '0')
		}
		out := make([]byte, len(h)/2)
		if _, err := hex.Decode(out, h); err != nil {
			return nil, false
		}
		return out, true
	case tok[0] == '(' && tok[len(tok)-1] == ')':
		return unescapeLiteral(tok[1 : len(tok)-1]), true
	}
	return nil, false
}

// unescapeLiteral reads a literal string's body (ISO 32000-1 §7.3.4.2).
func unescapeLiteral(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\r':
			out = append(out, '\n') // an end of line is read as \n
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case c != '\\':
			out = append(out, c)
		case i+1 >= len(s):
		default:
			i++
			switch e := s[i]; e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r':
				if i+1 < len(s) && s[i+1] == '\n' {
					i++
				}
			case '\n':
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '7'; k++ {
						i++
						v = v*8 + int(s[i]-'0')
					}
					out = append(out, byte(v))
				} else {
					out = append(out, e)
				}
			}
		}
	}
	return out
}

// encodeString writes b as a string token of at most n bytes: hex when it
// fits, else a literal with every delimiter and end of line escaped.
func encodeString(b []byte, n int) ([]byte, bool) {
	if 2*len(b)+2 <= n {
		out := make([]byte, 0, 2*len(b)+2)
		out = append(out, '<')
		out = hex.AppendEncode(out, b)
		return append(out, '>'), true
	}
	out := make([]byte, 0, len(b)+2)
	out = append(out, '(')
	for _, c := range b {
		switch c {
		case '(', ')', '\\':
			out = append(out, '\\', c)
		case '\r':
			out = append(out, '\\', 'r')
		default:
			out = append(out, c)
		}
	}
	out = append(out, ')')
	return out, len(out) <= n
}

// readSecurity reads the Encrypt dictionary and the trailer's /ID.
func readSecurity(d map[string]string, ids string) (*stdSecurity, error) {
	if d == nil || d["Filter"] != "/Standard" {
		return nil, errNoDecrypt
	}
	sec := &stdSecurity{encryptMetadata: d["EncryptMetadata"] != "false"}
	var err1, err2 error
	sec.v, err1 = strconv.ParseInt(d["V"], 10, 64)
	sec.r, err2 = strconv.ParseInt(d["R"], 10, 64)
	if err1 != nil || err2 != nil {
		return nil, errNoDecrypt
	}
	bits := int64(40)
	if l, ok := d["Length"]; ok {
		v, err := strconv.ParseInt(l, 10, 64)
		if err != nil {
			return nil, errNoDecrypt
		}
		bits = v
	}
	switch {
	case sec.v == 1 && sec.r == 2:
		bits = 40
	case sec.v == 2 && (sec.r == 2 || sec.r == 3):
	case sec.v == 4 && sec.r == 4:
		if !aesV2Filter(d) {
			return nil, errNoDecrypt
		}
		sec.useAES, bits = true, 128
	default:
		return nil, errNoDecrypt
	}
	if bits < 40 || bits > 128 || bits%8 != 0 {
		return nil, errNoDecrypt
	}
	sec.keyLen = int(bits / 8)
	if sec.r == 2 {
		sec.keyLen = 5
	}
	o, ok1 := pdfString(d["O"])
	u, ok2 := pdfString(d["U"])
	p, err := strconv.ParseInt(d["P"], 10, 64)
	if !ok1 || !ok2 || len(o) != 32 || len(u) != 32 || err != nil {
		return nil, errNoDecrypt
	}
	sec.o, sec.u, sec.p = o, u, uint32(p)
	lx := &pdfLexer{b: []byte(ids)}
	if lx.token() != "[" {
		return nil, errNoDecrypt
	}
	id, ok := pdfString(lx.token())
	if !ok {
		return nil, errNoDecrypt
	}
	sec.id = id
	return sec, nil
}

// aesV2Filter reports whether strings and streams use one crypt filter,
// AESV2 with a 128-bit key, opened with the document.
func aesV2Filter(d map[string]string) bool {
	stm, str := d["StmF"], d["StrF"]
	if stm == "" || stm != str || stm[0] != '/' {
		return false
	}
	cf := (&pdfLexer{b: []byte(d["CF"])}).dict()
	f := (&pdfLexer{b: []byte(cf[stm[1:]])}).dict()
	if f == nil || f["CFM"] != "/AESV2" {
		return false
	}
	if a, ok := f["AuthEvent"]; ok && a != "/DocOpen" {
		return false
	}
	if l, ok := f["Length"]; ok && l != "16" && l != "128" {
		return false
	}
	return true
}

// open derives the file key from a user password (Algorithm 2) and checks
// it against /U (Algorithms 4 to 6); it keeps the key when it opens.
func (s *stdSecurity) open(password string) bool {
	pw := []byte(password)
	h := md5.New()
	padded := append(append([]byte{}, pw[:min(len(pw), 32)]...), passwordPad[:32-min(len(pw), 32)]...)
	h.Write(padded)
	h.Write(s.o)
	h.Write([]byte{byte(s.p), byte(s.p >> 8), byte(s.p >> 16), byte(s.p >> 24)})
	h.Write(s.id)
	if s.r >= 4 && !s.encryptMetadata {
		h.Write([]byte{0xff, 0xff, 0xff, 0xff})
	}
	key := h.Sum(nil)
	if s.r >= 3 {
		for range 50 {
			sum := md5.Sum(key[:s.keyLen])
			key = sum[:]
		}
	}
	key = key[:s.keyLen]
	var u []byte
	if s.r == 2 {
		u = bytes.Clone(passwordPad)
		c, _ := rc4.NewCipher(key)
		c.XORKeyStream(u, u)
		if !bytes.Equal(u, s.u) {
			return false
		}
	} else {
		h.Reset()
		h.Write(passwordPad)
		h.Write(s.id)
		u = h.Sum(nil)
		k := make([]byte, len(key))
		for i := range 20 {
			for j := range key {
				k[j] = key[j] ^ byte(i)
			}
			c, _ := rc4.NewCipher(k)
			c.XORKeyStream(u, u)
		}
		if !bytes.Equal(u, s.u[:16]) {
			return false
		}
	}
	s.key = key
	return true
}

// objectKey is Algorithm 1's key for object num, generation gen.
func (s *stdSecurity) objectKey(num, gen int64) []byte {
	h := md5.New()
	h.Write(s.key)
	h.Write([]byte{byte(num), byte(num >> 8), byte(num >> 16), byte(gen), byte(gen >> 8)})
	if s.useAES {
		h.Write([]byte("sAlT"))
	}
	return h.Sum(nil)[:min(s.keyLen+5, 16)]
}

// decrypt returns the plaintext of b with key k.
func (s *stdSecurity) decrypt(k, b []byte) ([]byte, bool) {
	if !s.useAES {
		c, _ := rc4.NewCipher(k)
		out := make([]byte, len(b))
		c.XORKeyStream(out, b)
		return out, true
	}
	if len(b) == 0 {
		return nil, true
	}
	if len(b) < 32 || len(b)%aes.BlockSize != 0 {
		return nil, false
	}
	block, _ := aes.NewCipher(k)
	out := make([]byte, len(b)-aes.BlockSize)
	cipher.NewCBCDecrypter(block, b[:aes.BlockSize]).CryptBlocks(out, b[aes.BlockSize:])
	pad := int(out[len(out)-1])
	if pad < 1 || pad > aes.BlockSize {
		return nil, false
	}
	for _, c := range out[len(out)-pad:] {
		if int(c) != pad {
			return nil, false
		}
	}
	return out[:len(out)-pad], true
}

// decryptObject decrypts object num's strings and stream in out (src is
// the file as read; lengths records the indirect /Length objects
// rewritten, each at most once).
func (s *stdSecurity) decryptObject(out, src []byte, num int64, e xrefEntry, entries map[int64]xrefEntry, lengths map[int64]bool) error {
	lx, ok := objectAt(src, e.off, num)
	if !ok {
		return errNoDecrypt
	}
	k := s.objectKey(num, e.gen)
	depth := 0
	key := ""             // the last name at depth 1 (a key of the object's dictionary)
	var typ, ln string    // its /Type and /Length
	lenAt, lenEnd := 0, 0 // where a direct /Length stands
	for {
		start := lx.i
		tok := lx.token()
		if s.left -= int64(lx.i - start); s.left < 0 {
			return errNoDecrypt
		}
		switch {
		case tok == "" || tok == "obj":
			return errNoDecrypt // no endobj before the next object
		case tok == "endobj":
			return nil
		case tok == "stream" && depth == 0:
			if typ == "/XRef" || typ == "/Metadata" && !s.encryptMetadata {
				return nil
			}
			return s.decryptStream(out, src, lx.i, k, ln, [2]int{lenAt, lenEnd}, entries, lengths)
		case tok == "<<" || tok == "[":
			depth++
		case tok == ">>" || tok == "]":
			depth--
		case tok[0] == '(' || tok[0] == '<':
			plain, ok := pdfString(tok)
			if !ok {
				return errNoDecrypt
			}
			if plain, ok = s.decrypt(k, plain); !ok {
				if depth == 1 && key == "/Contents" {
					break // a signature's contents, which are not encrypted
				}
				return errNoDecrypt
			}
			enc, ok := encodeString(plain, lx.i-start)
			if !ok {
				return errNoDecrypt
			}
			n := copy(out[start:], enc)
			for i := start + n; i < lx.i; i++ {
				out[i] = ' '
			}
		}
		if depth == 1 && len(tok) > 1 && tok[0] == '/' && key == "" {
			key = tok
			continue
		}
		if depth == 1 && key != "" {
			switch key {
			case "/Type":
				typ = tok
			case "/Length":
				ln, lenAt = tok, start
				save := lx.i
				lenEnd = lx.i
				if g := lx.token(); isDecimal(g) && lx.token() == "R" {
					ln += " " + g + " R"
				} else {
					lx.i = save
				}
			}
			if tok == "<<" || tok == "[" {
				key = "" // a nested value: its keys are not the object's
				continue
			}
		}
		if depth <= 1 {
			key = ""
		}
	}
}

// decryptStream decrypts the stream whose data starts after the keyword
// "stream" at pos, and rewrites its /Length (ln: "123" or "12 0 R").
func (s *stdSecurity) decryptStream(out, src []byte, pos int, k []byte, ln string, direct [2]int, entries map[int64]xrefEntry, lengths map[int64]bool) error {
	switch {
	case bytes.HasPrefix(src[pos:], []byte("\r\n")):
		pos += 2
	case pos < len(src) && src[pos] == '\n':
		pos++
	default:
		return errNoDecrypt
	}
	var n int64
	var lenAt, lenEnd int // where the length's digits stand in the file
	if num, gen, ok := parseRef(ln); ok {
		e, found := entries[num]
		if !found || e.gen != gen || lengths[num] {
			return errNoDecrypt
		}
		lengths[num] = true
		lx, ok := objectAt(src, e.off, num)
		if !ok {
			return errNoDecrypt
		}
		lenAt = lx.i
		v, ok := lx.int()
		if !ok {
			return errNoDecrypt
		}
		n, lenEnd = v, lx.i
	} else {
		v, err := strconv.ParseInt(ln, 10, 64)
		if err != nil {
			return errNoDecrypt
		}
		n, lenAt, lenEnd = v, direct[0], direct[1]
	}
	if s.left -= n; n < 0 || int64(pos)+n > int64(len(src)) || s.left < 0 {
		return errNoDecrypt
	}
	plain, ok := s.decrypt(k, src[pos:pos+int(n)])
	if !ok {
		return errNoDecrypt
	}
	copy(out[pos:], plain)
	for i := pos + len(plain); i < pos+int(n); i++ {
		out[i] = '\n'
	}
	digits := strconv.Itoa(len(plain))
	for lenAt < lenEnd && isPDFSpace(src[lenAt]) {
		lenAt++
	}
	if len(digits) > lenEnd-lenAt {
		return errNoDecrypt
	}
	copy(out[lenAt:], digits)
	for i := lenAt + len(digits); i < lenEnd; i++ {
		out[i] = ' '
	}
	return nil
}

// renameEncrypt renames the /Encrypt key of the trailer dictionary at off
// (the library then reads the file as unencrypted).
func renameEncrypt(out []byte, off int64) bool {
	lx := &pdfLexer{b: out, i: int(off)}
	if lx.token() != "<<" {
		return false
	}
	depth := 1
	for depth > 0 {
		start := lx.i
		tok := lx.token()
		switch tok {
		case "":
			return false
		case "<<", "[":
			depth++
		case ">>", "]":
			depth--
		case "/Encrypt":
			if depth == 1 {
				for start < lx.i && isPDFSpace(out[start]) {
					start++
				}
				copy(out[start:], "/EncrypX")
				return true
			}
		}
	}
	return true // no /Encrypt in an older trailer
}

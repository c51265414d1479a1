package hostile

import (
	"encoding/binary"
	"hash/crc32"
)

// Compressed repetition, written bit by bit: one dynamic-Huffman DEFLATE
// block (RFC 1951) whose only codes are the repeated byte, the end of the
// block and the length-258 copy at distance 1, so that each 258 bytes of
// output cost 2 bits of input (the 1032:1 ratio zlib reaches at best). A
// gibibyte of one byte is about a megabyte of input, built in
// milliseconds without compressing anything.

// bitWriter writes a DEFLATE bit stream: fields least significant bit
// first, Huffman codes most significant bit first.
type bitWriter struct {
	buf []byte
	acc uint64
	n   uint
}

func (w *bitWriter) bits(v uint64, n uint) {
	w.acc |= v << w.n
	w.n += n
	for w.n >= 8 {
		w.buf = append(w.buf, byte(w.acc))
		w.acc >>= 8
		w.n -= 8
	}
}

func (w *bitWriter) code(c uint32, n uint) {
	for i := int(n) - 1; i >= 0; i-- {
		w.bits(uint64(c>>uint(i))&1, 1)
	}
}

func (w *bitWriter) align() {
	if w.n > 0 {
		w.buf = append(w.buf, byte(w.acc))
		w.acc, w.n = 0, 0
	}
}

// stored writes data as stored blocks (the last one final when final).
func (w *bitWriter) stored(data []byte, final bool) {
	for {
		n := min(len(data), 0xffff)
		last := n == len(data)
		if last && final {
			w.bits(1, 1)
		} else {
			w.bits(0, 1)
		}
		w.bits(0, 2)
		w.align()
		w.buf = binary.LittleEndian.AppendUint16(w.buf, uint16(n))
		w.buf = binary.LittleEndian.AppendUint16(w.buf, ^uint16(n))
		w.buf = append(w.buf, data[:n]...)
		data = data[n:]
		if last {
			return
		}
	}
}

// canonical returns the canonical Huffman codes for the code lengths.
func canonical(lengths map[int]uint) map[int]uint32 {
	maxLen := uint(0)
	for _, l := range lengths {
		maxLen = max(maxLen, l)
	}
	codes := map[int]uint32{}
	code := uint32(0)
	for l := uint(1); l <= maxLen; l++ {
		for sym := 0; sym < 320; sym++ {
			if lengths[sym] == l {
				codes[sym] = code
				code++
			}
		}
		code <<= 1
	}
	return codes
}

// repeatBlock writes one dynamic block producing n (≥ 1) copies of b.
func (w *bitWriter) repeatBlock(b byte, n int64, final bool) {
	if final {
		w.bits(1, 1)
	} else {
		w.bits(0, 1)
	}
	w.bits(2, 2)       // dynamic Huffman
	w.bits(286-257, 5) // HLIT: literal/length codes 0-285
	w.bits(0, 5)       // HDIST: one distance code
	w.bits(18-4, 4)    // HCLEN: 18 code-length code lengths
	// The code-length alphabet: symbols 0, 1, 2, 17 and 18.
	clLen := map[int]uint{1: 2, 2: 2, 18: 2, 0: 3, 17: 3}
	clCode := canonical(clLen)
	order := []int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1}
	for _, s := range order {
		w.bits(uint64(clLen[s]), 3)
	}
	put := func(sym int) { w.code(clCode[sym], clLen[sym]) }
	zeros := func(z int) {
		for z >= 11 {
			k := min(z, 138)
			put(18)
			w.bits(uint64(k-11), 7)
			z -= k
		}
		if z >= 3 {
			put(17)
			w.bits(uint64(z-3), 3)
			z = 0
		}
		for ; z > 0; z-- {
			put(0)
		}
	}
	litLen := map[int]uint{int(b): 2, 256: 2, 285: 1}
	run := 0
	for sym := 0; sym < 286; sym++ {
		l := litLen[sym]
		if l == 0 {
			run++
			continue
		}
		zeros(run)
		run = 0
		put(int(l))
	}
	zeros(run)
	put(1) // the one distance code, distance 1
	lit := canonical(litLen)
	w.code(lit[int(b)], 2)
	n--
	for ; n >= 258; n -= 258 {
		w.code(lit[285], 1) // length 258
		w.bits(0, 1)        // distance code 0: distance 1
	}
	for ; n > 0; n-- {
		w.code(lit[int(b)], 2)
	}
	w.code(lit[256], 2)
}

// Deflate returns a raw DEFLATE stream (as in a zip entry) that inflates
// to prefix, then n copies of b, then suffix. Its length is about n/1032
// bytes plus the prefix and suffix.
func Deflate(prefix []byte, b byte, n int64, suffix []byte) []byte {
	var w bitWriter
	if len(prefix) > 0 {
		w.stored(prefix, false)
	}
	if n > 0 {
		w.repeatBlock(b, n, false)
	}
	w.stored(suffix, true) // always ends with a final block, maybe empty
	w.align()
	return w.buf
}

// Zlib returns Deflate's stream in the zlib wrapper of a PDF FlateDecode
// stream, with its Adler-32 checksum.
func Zlib(prefix []byte, b byte, n int64, suffix []byte) []byte {
	out := []byte{0x78, 0xda}
	out = append(out, Deflate(prefix, b, n, suffix)...)
	return binary.BigEndian.AppendUint32(out, adlerRepeat(prefix, b, n, suffix))
}

const adlerMod = 65521

// adlerRepeat is the Adler-32 of prefix, n copies of b, suffix, computed
// without producing the copies.
func adlerRepeat(prefix []byte, b byte, n int64, suffix []byte) uint32 {
	a, s := uint64(1), uint64(0)
	add := func(p []byte) {
		for _, c := range p {
			a = (a + uint64(c)) % adlerMod
			s = (s + a) % adlerMod
		}
	}
	add(prefix)
	// After n copies of b: a' = a + n·b, s' = s + n·a + b·n(n+1)/2.
	un := uint64(n)
	var tri uint64
	if un%2 == 0 {
		tri = (un / 2 % adlerMod) * ((un + 1) % adlerMod) % adlerMod
	} else {
		tri = (un % adlerMod) * ((un + 1) / 2 % adlerMod) % adlerMod
	}
	s = (s + (un%adlerMod)*a + uint64(b)*tri) % adlerMod
	a = (a + (un%adlerMod)*uint64(b)) % adlerMod
	add(suffix)
	return uint32(s<<16 | a)
}

// crcRepeat is the CRC-32 (IEEE) of prefix, n copies of b, suffix.
func crcRepeat(prefix []byte, b byte, n int64, suffix []byte) uint32 {
	crc := crc32.ChecksumIEEE(prefix)
	chunk := make([]byte, 1<<20)
	for i := range chunk {
		chunk[i] = b
	}
	for n > 0 {
		k := min(n, int64(len(chunk)))
		crc = crc32.Update(crc, crc32.IEEETable, chunk[:k])
		n -= k
	}
	return crc32.Update(crc, crc32.IEEETable, suffix)
}

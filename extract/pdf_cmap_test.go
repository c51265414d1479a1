package extract

import (
	"fmt"
	"strings"
	"testing"
)

// parseCMapExpanded is parseCMap as it was first written, expanding every
// mapping into a map: the reference the lazy lookup is held to.
func parseCMapExpanded(b []byte) (space []codeRange, uni map[uint32]string) {
	toks := cmapTokens(b)
	uni = map[uint32]string{}
	const maxEntries = 1 << 17
	mode := ""
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind == 'k' {
			switch t.s {
			case "begincodespacerange", "beginbfchar", "beginbfrange":
				mode = t.s
			case "endcodespacerange", "endbfchar", "endbfrange":
				mode = ""
			}
			continue
		}
		switch mode {
		case "begincodespacerange":
			if t.kind == 'h' && i+1 < len(toks) && toks[i+1].kind == 'h' && len(t.s) >= 1 && len(t.s) <= 4 {
				space = append(space, codeRange{len(t.s), codeOf(t.s), codeOf(toks[i+1].s)})
				i++
			}
		case "beginbfchar":
			if t.kind == 'h' && i+1 < len(toks) && len(t.s) <= 4 {
				d := toks[i+1]
				i++
				if d.kind == 'h' && len(uni) < maxEntries {
					uni[codeOf(t.s)] = utf16Text(d.s)
				}
			}
		case "beginbfrange":
			if t.kind == 'h' && i+2 < len(toks) && toks[i+1].kind == 'h' && len(t.s) <= 4 {
				lo, hi := codeOf(t.s), codeOf(toks[i+1].s)
				i += 2
				d := toks[i]
				if hi < lo || hi-lo > maxEntries {
					continue
				}
				switch d.kind {
				case 'h':
					u := []byte(d.s)
					for c := lo; c <= hi && len(uni) < maxEntries; c++ {
						uni[c] = utf16Text(string(u))
						if len(u) >= 2 {
							v := uint16(u[len(u)-2])<<8 | uint16(u[len(u)-1])
							v++
							u[len(u)-2], u[len(u)-1] = byte(v>>8), byte(v)
						} else if len(u) == 1 {
							u[0]++
						}
					}
				case '[':
					c := lo
					for i+1 < len(toks) && toks[i+1].kind != ']' {
						i++
						if toks[i].kind == 'h' && c <= hi && len(uni) < maxEntries {
							uni[c] = utf16Text(toks[i].s)
						}
						c++
					}
					i++
				}
			}
		}
	}
	return space, uni
}

// sameCMap checks parseCMap against the expansion: the same code space,
// the same text for every code mapped, nothing for the codes around them.
func sameCMap(t *testing.T, src []byte) {
	t.Helper()
	space, uni := parseCMapExpanded(src)
	cm := parseCMap(src)
	if cm == nil {
		if len(space) > 0 || len(uni) > 0 {
			t.Fatalf("%q: nil, the expansion has %d ranges and %d codes", src, len(space), len(uni))
		}
		return
	}
	if fmt.Sprint(cm.space) != fmt.Sprint(space) {
		t.Fatalf("%q: code space %v, want %v", src, cm.space, space)
	}
	probe := map[uint32]bool{0: true, 0xffff: true, 0xffffffff: true}
	for c := range uni {
		probe[c], probe[c-1], probe[c+1] = true, true, true
	}
	for _, op := range cm.ops {
		probe[op.lo-1], probe[op.lo], probe[op.hi], probe[op.hi+1] = true, true, true, true
	}
	for c := range probe {
		want, wok := uni[c]
		got, gok := cm.lookup(c)
		if got != want || gok != wok {
			t.Fatalf("%q (lazy %v): code %#x gives %q %v, want %q %v", src, cm.lazy, c, got, gok, want, wok)
		}
	}
}

func TestCMapLazy(t *testing.T) {
	big := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "1 beginbfrange <%04x> <%04x> <%04x> endbfrange\n", i*3, i*3+5, 0x41+i)
		}
		return b.String()
	}
	for _, src := range []string{
		"1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <FFFF> <0000> endbfrange",
		"1 beginbfrange <0000> <FFFF> <0000> endbfrange 1 beginbfchar <0041> <0061> endbfchar",
		"1 beginbfchar <0041> <0061> endbfchar 1 beginbfrange <0000> <00FF> <0100> endbfrange 1 beginbfchar <0042> <0062> endbfchar",
		"1 beginbfrange <10> <14> [<0044> /x <0041>] endbfrange 1 beginbfrange <11> <11> <0058> endbfrange",
		"1 beginbfrange <11> <11> <0058> endbfrange 1 beginbfrange <10> <14> [<0044> /x <0041> <0042> <0043> <0045> <0046>] endbfrange",
		"1 beginbfrange <FFFE> <FFFF> <FFFE> endbfrange 1 beginbfrange <00> <05> <FF> endbfrange 1 beginbfrange <00> <02> <> endbfrange",
		"1 beginbfrange <FFFFFFFE> <FFFFFFFF> <0041> endbfrange",
		"1 beginbfrange <FFFFFFFE> <FFFFFFFF> [<0041> <0042> <0043> <0044>] endbfrange",
		"1 beginbfrange <0000> <FFFF> <D835DC00> endbfrange",
		"1 beginbfrange <00000000> <0001FFFF> <0041> endbfrange 1 beginbfrange <00000000> <0000FFFF> <0041> endbfrange",
		"1 beginbfrange <00000000> <0001FFFF> <0041> endbfrange 1 beginbfchar <00030000> <0041> endbfchar",
		"1 beginbfrange <0000> <0000> [/a] endbfrange",
		"garbage <0", "",
		big(70), big(64),
	} {
		sameCMap(t, []byte(src))
	}
	// Ranges over codes 0-215 and 0-194: 70 and 64 of them over the first
	// block of 256 codes.
	if cm := parseCMap([]byte(big(70))); cm.lazy {
		t.Error("70 ranges over a block read lazily, want expanded")
	}
	if cm := parseCMap([]byte(big(64))); !cm.lazy {
		t.Error("64 ranges over a block expanded, want lazy")
	}
	if cm := parseCMap([]byte(strings.Repeat("1 beginbfrange <0000> <0100> <0041> endbfrange ", 64))); !cm.lazy || len(cm.blocks) != 2 {
		t.Errorf("64 ranges over codes 0-256: lazy %v, %d blocks; want lazy, 2", cm.lazy, len(cm.blocks))
	}
}

func FuzzParseCMap(f *testing.F) {
	for _, s := range []string{
		"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <41> <43> <0061> endbfrange 1 beginbfchar <44> <D835DC00> endbfchar",
		"1 beginbfrange <10> <14> [<0044> /x <0041>] endbfrange 1 beginbfrange <11> <11> <0058> endbfrange",
		"1 beginbfrange <FFFFFFFE> <FFFFFFFF> [<0041> <0042> <0043>] endbfrange",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 4096 {
			return
		}
		sameCMap(t, b)
	})
}

func lookup(cm *cmapData, code uint32) string {
	s, _ := cm.lookup(code)
	return s
}

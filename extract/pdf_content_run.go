package extract

import (
	"cmp"
	"errors"

	"github.com/ledongthuc/pdf"
)

// run interprets one content stream (page or form) with resources res.
// content is the stream as the hang guard read it (nil: read here, within
// the budget, and guarded). The stream is run from our own tokenizer's
// program (pdf_content.go); when the tokenizer refuses it, or its bytes
// were not kept, the library's interpreter reads it as before.
func (w *walker) run(contents pdf.Value, res pdf.Value, content *keptBytes) error {
	if contents.IsNull() {
		return nil
	}
	if content == nil {
		// A form's stream (the page's own was read by checkStreams).
		what, open := "a form's content stream", "form content stream ends inside a hex string"
		if w.depth == 0 {
			what, open = "the content stream", "content stream ends inside a hex string"
		}
		content = &keptBytes{}
		if ok, err := readContent(contents, w.fonts.budget, what, content); err != nil || !ok {
			return cmp.Or(err, errors.New(open))
		}
	}
	if !content.broken {
		if prog, ok := parseContent(content.data); ok {
			err := w.runProgram(prog, res)
			prog.release() // the walker keeps no operand (cArg values are copied)
			return err
		}
	}
	return w.runLibrary(contents, res)
}

// opScope is what the operators of one stream share: its fonts by
// resource name (fontCache.resourceFonts, set at the first Tf), its /Font
// resources.
type opScope struct {
	res, fontRes pdf.Value
	fonts        map[string]*wfont
}

// runProgram runs the operators of a program.
func (w *walker) runProgram(prog *contentProgram, res pdf.Value) error {
	sc := opScope{res: res, fontRes: res.Key("Font")}
	bud := w.fonts.budget
	for _, op := range prog.ops {
		if w.ops++; bud.err != nil || w.ops%1024 == 0 {
			if err := bud.check(); err != nil {
				return err
			}
		}
		if err := w.exec(prog, op, &sc); err != nil {
			return err
		}
	}
	return nil
}

// runLibrary runs the stream through the library's interpreter, its
// operands read into a one-operator program.
func (w *walker) runLibrary(contents pdf.Value, res pdf.Value) error {
	sc := opScope{res: res, fontRes: res.Key("Font")}
	bud := w.fonts.budget
	var args []pdf.Value
	var lp contentProgram
	var runErr error
	pdf.Interpret(contents, func(stk *pdf.Stack, op string) {
		n := stk.Len()
		if cap(args) < n {
			args = make([]pdf.Value, n)
		}
		args = args[:n]
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		if runErr != nil {
			return
		}
		if w.ops++; bud.err != nil || w.ops%1024 == 0 {
			if err := bud.check(); err != nil {
				runErr = err
				return
			}
		}
		lp.args, lp.elems = lp.args[:0], lp.elems[:0]
		for _, v := range args {
			lp.args = append(lp.args, lp.fromValue(v))
		}
		if err := w.exec(&lp, cOp{op: op, a0: 0, a1: int32(n)}, &sc); err != nil {
			runErr = err
		}
	})
	return runErr
}

// fromValue is an operand read by the library, as the walker reads it:
// an array's elements one level deep (TJ's strings and numbers), a
// dictionary's /ActualText.
func (p *contentProgram) fromValue(v pdf.Value) cArg {
	switch v.Kind() {
	case pdf.Integer, pdf.Real:
		return cArg{kind: cNum, num: v.Float64()}
	case pdf.String:
		return cArg{kind: cStr, s: v.RawString()}
	case pdf.Name:
		return cArg{kind: cName, s: v.Name()}
	case pdf.Array:
		off := len(p.elems)
		for i := 0; i < v.Len(); i++ {
			x := v.Index(i)
			e := cArg{kind: cOther}
			switch x.Kind() {
			case pdf.Integer, pdf.Real:
				e = cArg{kind: cNum, num: x.Float64()}
			case pdf.String:
				e = cArg{kind: cStr, s: x.RawString()}
			}
			p.elems = append(p.elems, e)
		}
		return cArg{kind: cArray, off: int32(off), n: int32(len(p.elems) - off)}
	case pdf.Dict:
		if at := v.Key("ActualText"); at.Kind() == pdf.String {
			return cArg{kind: cDict, s: at.RawString(), actual: true}
		}
		return cArg{kind: cDict}
	}
	return cArg{kind: cOther}
}

// exec runs one operator.
func (w *walker) exec(prog *contentProgram, op cOp, sc *opScope) error {
	args := prog.operands(op)
	num := func(i int) float64 {
		if i < len(args) && args[i].kind == cNum {
			return args[i].num
		}
		return 0
	}
	last := func() cArg {
		if len(args) == 0 {
			return cArg{}
		}
		return args[len(args)-1]
	}
	str := func(a cArg) string {
		if a.kind == cStr {
			return a.s
		}
		return ""
	}
	switch op.op {
	case "q":
		if len(w.stack) < 1000 {
			w.stack = append(w.stack, w.g)
		}
	case "Q":
		if k := len(w.stack); k > 0 {
			w.g = w.stack[k-1]
			w.stack = w.stack[:k-1]
		}
	case "cm":
		if len(args) == 6 {
			w.g.ctm = mat{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(w.g.ctm)
		}
	case "re":
		if len(args) == 4 {
			x, y, wd, ht := num(0), num(1), num(2), num(3)
			w.addPath(w.g.ctm.bbox(x, y, x+wd, y+ht))
		}
	case "m", "l":
		if len(args) == 2 {
			x, y := w.g.ctm.apply(num(0), num(1))
			w.addPath(rect{x, y, x, y})
		}
	case "c", "v", "y":
		for i := 0; i+1 < len(args); i += 2 {
			x, y := w.g.ctm.apply(num(i), num(i+1))
			w.addPath(rect{x, y, x, y})
		}
	case "W", "W*":
		w.pendingClip = true
	case "n", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*":
		if w.pendingClip && w.pathSet {
			w.g.clip = w.g.clip.intersect(w.path)
		}
		w.pendingClip, w.pathSet = false, false
	case "BT":
		w.tm, w.tlm = identity, identity
	case "Tf":
		if len(args) == 2 {
			name := ""
			if args[0].kind == cName {
				name = args[0].s
			}
			if sc.fonts == nil {
				sc.fonts = w.fonts.resourceFonts(sc.fontRes)
			}
			f, ok := sc.fonts[name]
			if !ok {
				f = w.fonts.get(sc.fontRes.Key(name))
				sc.fonts[name] = f
			}
			w.g.font = f
			w.g.size = num(1)
		}
	case "Tc":
		w.g.tc = num(0)
	case "Tw":
		w.g.tw = num(0)
	case "Tz":
		w.g.th = num(0) / 100
	case "TL":
		w.g.tl = num(0)
	case "Ts":
		w.g.rise = num(0)
	case "Td":
		w.moveLine(num(0), num(1))
	case "TD":
		w.g.tl = -num(1)
		w.moveLine(num(0), num(1))
	case "Tm":
		if len(args) == 6 {
			w.tm = mat{num(0), num(1), num(2), num(3), num(4), num(5)}
			w.tlm = w.tm
		}
	case "T*":
		w.moveLine(0, -w.g.tl)
	case "Tj":
		if len(args) >= 1 {
			w.show(str(last()))
		}
	case "'":
		w.moveLine(0, -w.g.tl)
		if len(args) >= 1 {
			w.show(str(last()))
		}
	case "\"":
		if len(args) == 3 {
			w.g.tw, w.g.tc = num(0), num(1)
		}
		w.moveLine(0, -w.g.tl)
		if len(args) >= 1 {
			w.show(str(last()))
		}
	case "TJ":
		if len(args) < 1 {
			return nil
		}
		for _, x := range prog.elements(last()) {
			switch x.kind {
			case cStr:
				w.show(x.s)
			case cNum:
				tx := -x.num / 1000 * w.g.size * w.g.th
				w.tm = mat{1, 0, 0, 1, tx, 0}.mul(w.tm)
			}
		}
	case "BMC":
		w.beginMarked(cArg{}, sc.res)
	case "BDC":
		if len(args) >= 2 {
			w.beginMarked(last(), sc.res)
		} else {
			w.beginMarked(cArg{}, sc.res)
		}
	case "EMC":
		w.endMarked()
	case "Do":
		if len(args) >= 1 {
			name := ""
			if a := last(); a.kind == cName {
				name = a.s
			}
			return w.do(sc.res, name)
		}
	}
	return nil
}

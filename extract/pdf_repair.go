package extract

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/validate"
)

// The pdfcpu pre-pass: used only when ledongthuc/pdf cannot open a file
// (encryption it cannot do, a broken xref or trailer, bytes after %%EOF),
// or when pages fail on filters it lacks (LZW, ASCIIHex, RunLength). The
// file is decrypted (empty user password, or Options.Password), rewritten
// without object streams, unsupported filters re-encoded as Flate, all in
// memory; the walker then reads the result.
//
// The steps are those of pdfcpu's api.ReadValidateAndOptimize and
// api.WriteContext, called in pdfcpu's own packages: the api package links
// its form support, whose go-runewidth dependency spends about 20 ms
// building tables at the start of every ssrm process (and of every child
// that reads a document).

var pdfcpuOnce sync.Once

// pdfcpuSetup keeps pdfcpu from creating a config folder in the user's
// home: it must run before any other pdfcpu call.
func pdfcpuSetup() { pdfcpuOnce.Do(func() { model.ConfigPath = "disable" }) }

// errRepairPassword: the file needs a user password it was not given.
var errRepairPassword = errors.New("password required")

// maxRepairSize bounds the input of the pre-pass (it holds the whole file
// and its rewrite in memory).
const maxRepairSize = 256 << 20

// repairPDF rewrites data with pdfcpu. It never panics.
func repairPDF(data []byte, password string) (out []byte, err error) {
	if len(data) > maxRepairSize {
		return nil, fmt.Errorf("file too large for repair (%d bytes)", len(data))
	}
	pdfcpuSetup()
	err = try(func() error {
		var e error
		out, e = repairPDFUnsafe(data, password)
		return e
	})
	return out, err
}

func repairPDFUnsafe(data []byte, password string) ([]byte, error) {
	conf := func(cmd model.CommandMode) *model.Configuration {
		c := model.NewDefaultConfiguration()
		c.UserPW, c.OwnerPW = password, password
		c.ValidationMode = model.ValidationRelaxed
		c.WriteObjectStream = false
		c.WriteXRefStream = false
		c.Cmd = cmd
		return c
	}
	ctx, err := readValidateOptimize(data, conf(model.DECRYPT))
	if errors.Is(err, pdfcpu.ErrNotEncrypted) {
		ctx, err = readValidateOptimize(data, conf(model.OPTIMIZE))
	}
	if err != nil {
		if errors.Is(err, pdfcpu.ErrWrongPassword) {
			return nil, errRepairPassword
		}
		return nil, err
	}
	refilter(ctx)
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	ctx.Write.Writer = w
	if err := pdfcpu.WriteContext(ctx); err != nil {
		return nil, err
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// readValidateOptimize reads, validates and optimises a PDF as pdfcpu's
// api.ReadValidateAndOptimize does (DECRYPT and OPTIMIZE both optimise),
// with the same error wrapping.
func readValidateOptimize(data []byte, conf *model.Configuration) (*model.Context, error) {
	ctx, err := pdfcpu.Read(bytes.NewReader(data), conf)
	if err != nil {
		return nil, fmt.Errorf("prepare PDF context: read context: %w", err)
	}
	if err := validate.XRefTable(ctx); err != nil {
		return nil, fmt.Errorf("prepare PDF context: validation error (obj#:%d): %w", ctx.CurObj, err)
	}
	if err := pdfcpu.OptimizeXRefTable(ctx); err != nil {
		return nil, fmt.Errorf("optimize context: %w", err)
	}
	if err := pdfcpu.CacheFormFonts(ctx); err != nil {
		return nil, fmt.Errorf("cache form fonts: %w", err)
	}
	return ctx, nil
}

// unsupportedFilters are the stream filters ledongthuc/pdf cannot decode
// (images' own codecs such as DCT are left alone: the walker skips them).
var unsupportedFilters = map[string]bool{
	"LZWDecode": true, "ASCIIHexDecode": true, "RunLengthDecode": true,
	"LZW": true, "AHx": true, "RL": true,
}

// refilter re-encodes every stream whose filter chain uses an unsupported
// filter (and only decodable filters) as FlateDecode.
func refilter(ctx *model.Context) {
	for _, e := range ctx.XRefTable.Table {
		if e == nil || e.Free || e.Object == nil {
			continue
		}
		var sd *types.StreamDict
		switch o := e.Object.(type) {
		case types.StreamDict:
			sd = &o
		case *types.StreamDict:
			sd = o
		default:
			continue
		}
		bad := false
		for _, f := range sd.FilterPipeline {
			if unsupportedFilters[f.Name] {
				bad = true
			}
			if f.Name == "DCTDecode" || f.Name == "JPXDecode" || f.Name == "CCITTFaxDecode" || f.Name == "JBIG2Decode" {
				bad = false
				break
			}
		}
		if !bad {
			continue
		}
		if err := sd.Decode(); err != nil {
			continue
		}
		sd.FilterPipeline = []types.PDFFilter{{Name: "FlateDecode"}}
		sd.Dict["Filter"] = types.Name("FlateDecode")
		delete(sd.Dict, "DecodeParms")
		sd.Raw = nil
		if err := sd.Encode(); err != nil {
			continue
		}
		e.Object = *sd
	}
}

// readAllAt reads the whole of ra.
func readAllAt(ra io.ReaderAt, size int64) ([]byte, error) {
	if size > maxRepairSize {
		return nil, fmt.Errorf("file too large for repair (%d bytes)", size)
	}
	b := make([]byte, size)
	n, err := ra.ReadAt(b, 0)
	if n == int(size) {
		return b, nil
	}
	return b[:n], err
}

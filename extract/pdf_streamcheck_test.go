package extract

import (
	"bytes"
	"os"
	"testing"
)

// TestCheckStreamsFontMemo: a font checked on an earlier page is not
// read again, yet the budget counts the same bytes and fails at the same
// place with the same error as when every page reads its fonts' CMaps.
func TestCheckStreamsFontMemo(t *testing.T) {
	path := corpusFile(t, "contract-eugene-flock-2025-encrypted.pdf")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := decryptPDF(data, "")
	if err != nil {
		t.Fatal(err)
	}
	type outcome struct {
		read, biggest int64
		page          int // the page whose check failed, 0 when none
		err           string
	}
	run := func(perDoc int64, seen fontChecks) outcome {
		r, err := openPDF(bytes.NewReader(plain), int64(len(plain)), "")
		if err != nil {
			t.Fatal(err)
		}
		b := newBudget()
		if perDoc > 0 {
			b.perDoc = perDoc
		}
		pages, err := collectPages(r, b)
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range pages {
			if err := checkStreams(p, b, seen, nil, nil); err != nil {
				return outcome{b.read, b.biggest, i + 1, err.Error()}
			}
		}
		return outcome{read: b.read, biggest: b.biggest}
	}
	whole := run(0, nil)
	if whole.err != "" || whole.read == 0 {
		t.Fatalf("without the memo: %+v", whole)
	}
	// The limits: none, one past on a late page (where the memo replays),
	// and one past on an early page.
	for _, perDoc := range []int64{0, whole.read * 9 / 10, whole.read / 10} {
		want := run(perDoc, nil)
		seen := fontChecks{}
		got := run(perDoc, seen)
		if got != want {
			t.Errorf("perDoc %d: with the memo %+v, without %+v", perDoc, got, want)
		}
		if perDoc != 0 && want.err == "" {
			t.Errorf("perDoc %d: no budget error", perDoc)
		}
		if perDoc == 0 && len(seen) == 0 {
			t.Error("no font remembered")
		}
	}
}

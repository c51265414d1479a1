package extract

import (
	"errors"
	"io"
)

// limitedReader fails once more than n bytes have been read.
type limitedReader struct {
	r    io.Reader
	n    int64
	over bool
	name string
}

var errTooLarge = errors.New("part too large")

func (l *limitedReader) Read(b []byte) (int, error) {
	if l.n <= 0 {
		l.over = true
		return 0, errTooLarge
	}
	if int64(len(b)) > l.n {
		b = b[:l.n]
	}
	n, err := l.r.Read(b)
	l.n -= int64(n)
	return n, err
}

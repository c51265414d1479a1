package hugeheap

import (
	"runtime"
	"syscall"
)

// reserve allocates the stretch fresh from the kernel (a large object the
// runtime does not clear, so no page of it is touched), advises it and
// lets the collector free it.
func reserve(n int) {
	b := make([]byte, n)
	_ = syscall.Madvise(b, syscall.MADV_HUGEPAGE)
	runtime.GC()
}

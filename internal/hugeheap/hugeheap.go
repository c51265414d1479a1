// Package hugeheap lets a short-lived process's heap grow in huge pages
// where the kernel gives them only on request.
//
// On Linux with transparent huge pages in "madvise" mode (the kernel's
// default on many distributions, and this project's machines), a Go heap
// is faulted in 4 KiB at a time: ssrm analyze of a real vendor took some
// 21,000 page faults over its three processes, about a quarter of their
// processor time on a virtual machine, where a fault is dear. Reserve maps
// a stretch of heap at once, asks for huge pages on it (madvise
// MADV_HUGEPAGE) and hands it back to the runtime, which then places the
// objects it allocates there: a 2 MiB page is faulted once instead of 512
// times. What is allocated and when the collector runs do not change; a
// process may hold up to 2 MiB more per huge page it touches. The runtime
// keeps its heap mapped for the process's life, so the advice stays;
// memory it returns to the kernel is faulted again when reused, in huge
// pages where a whole 2 MiB is free.
package hugeheap

import "sync"

var once sync.Once

// Reserve makes n bytes of heap (rounded to whole huge pages by the kernel)
// eligible for huge pages, then collects the garbage once so the runtime
// reuses them at once. Only the first call in a process does anything (a
// command run again in one process, as tests do, reuses its heap). It does
// nothing off Linux or when n is not positive, and ignores a kernel that
// refuses the advice (no transparent huge pages, or "never").
func Reserve(n int) {
	if n > 0 {
		once.Do(func() { reserve(n) })
	}
}

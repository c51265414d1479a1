//go:build !linux

package isolate

import (
	"os"
	"syscall"
	"time"
)

// On systems other than Linux only the wall-clock limit applies: the child
// is killed alone (what it started may outlive it).

func sysProcAttr() *syscall.SysProcAttr { return nil }

func killGroup(pid int) {
	if p, err := os.FindProcess(pid); err == nil {
		p.Kill()
	}
}

func setLimits(mem, cpu int64) error { return nil }

func setCPUSoft(cpu int64) error { return nil }

func watchCPU() {}

func procCPU(pid int) time.Duration { return 0 }

func signaled(ps *os.ProcessState) (os.Signal, bool) { return nil, false }

func cpuUsed(ps *os.ProcessState) time.Duration {
	if ps == nil {
		return 0
	}
	return ps.UserTime() + ps.SystemTime()
}

func watchMemory(pid int) func() int64 { return func() int64 { return 0 } }

// processGone is never sure elsewhere: no stale folder is removed.
func processGone(pid int) bool { return false }

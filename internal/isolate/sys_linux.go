package isolate

import (
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

// sysProcAttr puts the child in its own process group (so that it and what
// it starts are killed together, and a terminal's Ctrl-C reaches the
// parent only) and kills it when the parent dies.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

func killGroup(pid int) {
	syscall.Kill(-pid, syscall.SIGKILL)
}

// setLimits caps this process (the child) before it reads anything:
// RLIMIT_DATA at mem bytes and RLIMIT_CPU at cpu seconds (never above a
// hard limit already set), and the Go heap's soft limit at three quarters
// of mem, so the collector works harder before the hard limit is reached.
func setLimits(mem, cpu int64) error {
	set := func(res int, v int64) error {
		if v <= 0 {
			return nil
		}
		var cur syscall.Rlimit
		if err := syscall.Getrlimit(res, &cur); err != nil {
			return err
		}
		n := uint64(v)
		if cur.Max != ^uint64(0) && cur.Max < n {
			n = cur.Max
		}
		return syscall.Setrlimit(res, &syscall.Rlimit{Cur: n, Max: n})
	}
	if err := set(syscall.RLIMIT_DATA, mem); err != nil {
		return err
	}
	if err := set(syscall.RLIMIT_CPU, cpu); err != nil {
		return err
	}
	if mem > 0 {
		debug.SetMemoryLimit(mem / 4 * 3)
	}
	return nil
}

// signaled reports the signal that ended the child, if one did.
func signaled(ps *os.ProcessState) (os.Signal, bool) {
	if ps == nil {
		return nil, false
	}
	ws, ok := ps.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() {
		return nil, false
	}
	return ws.Signal(), true
}

// cpuUsed is the child's processor time, user and system.
func cpuUsed(ps *os.ProcessState) time.Duration {
	if ps == nil {
		return 0
	}
	return ps.UserTime() + ps.SystemTime()
}

// watchMemory samples the data segment of process pid (VmData, what
// RLIMIT_DATA counts) every 20 ms until the returned function is called;
// that function returns the largest sample, bytes.
func watchMemory(pid int) func() int64 {
	var peak atomic.Int64
	done, stopped := make(chan struct{}), make(chan struct{})
	path := "/proc/" + strconv.Itoa(pid) + "/status"
	go func() {
		defer close(stopped)
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			if n := vmData(path); n > peak.Load() {
				peak.Store(n)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() int64 {
		close(done)
		<-stopped
		return peak.Load()
	}
}

// vmData reads the VmData line of a /proc status file, bytes (0 when
// unreadable, as for a zombie).
func vmData(path string) int64 {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmData:"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				n, _ := strconv.ParseInt(f[0], 10, 64)
				return n << 10 // kB
			}
		}
	}
	return 0
}

// setCPUSoft lets this process (a reused child) use cpu more seconds of
// processor time from now: the soft RLIMIT_CPU is raised to what it has
// used plus cpu (never above the hard limit, which a reused child leaves
// unset so that it can be raised again). Past it the kernel sends SIGXCPU,
// which watchCPU turns into the process's end.
func setCPUSoft(cpu int64) error {
	if cpu <= 0 {
		return nil
	}
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return err
	}
	used := ru.Utime.Sec + ru.Stime.Sec + 1
	var cur syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_CPU, &cur); err != nil {
		return err
	}
	n := uint64(used + cpu)
	if cur.Max != ^uint64(0) && cur.Max < n {
		n = cur.Max
	}
	return syscall.Setrlimit(syscall.RLIMIT_CPU, &syscall.Rlimit{Cur: n, Max: cur.Max})
}

// watchCPU ends this process with SIGKILL when the kernel says it passed
// its soft processor-time limit (the Go runtime ignores SIGXCPU), so the
// parent sees the same death as at a hard limit.
func watchCPU() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGXCPU)
	go func() {
		<-c
		syscall.Kill(os.Getpid(), syscall.SIGKILL)
	}()
}

// procCPU is the processor time process pid has used so far (user and
// system, from /proc/PID/stat in clock ticks of 1/100 s), or 0.
func procCPU(pid int) time.Duration {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	s := string(b)
	if i := strings.LastIndexByte(s, ')'); i >= 0 {
		s = s[i+1:]
	}
	f := strings.Fields(s)
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+st) * 10 * time.Millisecond
}

// processGone says no process pid exists (kill(pid, 0) fails with ESRCH).
func processGone(pid int) bool {
	return syscall.Kill(pid, 0) == syscall.ESRCH
}

package isolate

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// tmpName is the pattern of a reader's temporary folder (os.MkdirTemp):
// tmpPrefix, the parent's process id, a dash, a random part. The id lets a
// later parent tell the folders of one that died (SIGKILL, out of memory:
// no deferred removal ran, and its children died with it) from those of a
// parent still running.
func tmpName() string {
	return tmpPrefix + strconv.Itoa(os.Getpid()) + "-*"
}

// sweepOnce removes, once per process and in the background, the readers'
// temporary folders that parents no longer running left in dir
// (sweepStale).
var sweepOnce sync.Once

// sweepStale removes the folders of dir named tmpPrefix<pid>-... whose
// parent process pid no longer exists. A folder of a running process, of
// this one, or named otherwise is left alone; errors are ignored (the
// sweep is housekeeping, never a reason to fail a read).
func sweepStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), tmpPrefix)
		if !ok || !e.IsDir() {
			continue
		}
		id, _, ok := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(id)
		if !ok || err != nil || pid <= 0 || pid == os.Getpid() || !processGone(pid) {
			continue
		}
		os.RemoveAll(filepath.Join(dir, e.Name()))
	}
}

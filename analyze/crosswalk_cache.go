package analyze

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/gob"
	"encoding/hex"
	"strconv"
)

// The embedded crosswalk decoded ahead of time. Decoding its YAML (about
// 260 KB) was the largest part of the parent process's start-up for a
// run with a questionnaire; the same files as JSON decode about four times
// faster, as gob four times faster again (1.2 ms against 5 ms).
// crosswalk_cache.gob holds, on its first line, the sum of the files it
// was made from (crosswalkSum), then each file decoded, as gob;
// LoadCrosswalk uses it only when the embedded files still have that sum,
// and checks what it reads exactly as ParseCrosswalk checks a file, so a
// stale cache costs time, never a different crosswalk.
// TestCrosswalkCache holds the cache to the YAML and fails when it is
// stale: `go test ./analyze -run TestCrosswalkCache -update` rewrites it.
//
//go:embed crosswalk_cache.gob
var crosswalkCacheGob []byte

// crosswalkSum is the SHA-256 of the crosswalk's files (names and
// contents, in load order), in hex.
func crosswalkSum(names []string, data [][]byte) string {
	h := sha256.New()
	for i, n := range names {
		h.Write([]byte(n + "\x00" + strconv.Itoa(len(data[i])) + "\x00"))
		h.Write(data[i])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// cachedFile is one file of the cache.
type cachedFile struct {
	Name string
	File *CrosswalkFile
}

// cachedCrosswalk returns the files decoded, in the order of names, when
// the cache was made from exactly these files; else nil.
func cachedCrosswalk(names []string, data [][]byte) []*CrosswalkFile {
	sum, rest, ok := bytes.Cut(crosswalkCacheGob, []byte("\n"))
	if !ok || string(sum) != crosswalkSum(names, data) {
		return nil
	}
	var files []cachedFile
	if err := gob.NewDecoder(bytes.NewReader(rest)).Decode(&files); err != nil || len(files) != len(names) {
		return nil
	}
	out := make([]*CrosswalkFile, len(files))
	for i, f := range files {
		if f.Name != names[i] || f.File == nil {
			return nil
		}
		out[i] = f.File
	}
	return out
}

// crosswalkCache makes the cache's content from the files: their sum,
// then each decoded (as ParseCrosswalk decodes it) as gob.
func crosswalkCache(names []string, data [][]byte) ([]byte, error) {
	files := make([]cachedFile, len(names))
	for i, n := range names {
		c, err := decodeCrosswalk(data[i], "embedded crosswalk/"+n)
		if err != nil {
			return nil, err
		}
		files[i] = cachedFile{Name: n, File: c}
	}
	var b bytes.Buffer
	b.WriteString(crosswalkSum(names, data) + "\n")
	if err := gob.NewEncoder(&b).Encode(files); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

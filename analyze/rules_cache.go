package analyze

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/ssrm-dev/ssrm/templates"
)

// The embedded rule packs and vocabulary decoded ahead of time. Decoding
// their YAML (about 450 KB) cost each process that loads the rules some
// 30 ms of processor time; the same values as gob decode several times
// faster. rules_cache.gob holds, for every file of templates.Rules
// (rules/*.yaml and vocabulary/*.yaml), its path, the SHA-256 of its
// contents and the file decoded (a Pack, or a vocabulary file), as gob,
// each file on its own so that a run decodes only the files it reads.
// A file is taken from the cache only when its contents still have the sum
// recorded, and is then checked exactly as its YAML would be (ParsePack's
// and LoadVocabulary's checks), so a stale cache costs time, never other
// rules; a file added since is read from its YAML.
// TestRulesCache holds the cache to the YAML and fails when it is stale or
// lacks a file: `go test ./analyze -run TestRulesCache -update` rewrites it.
//
//go:generate go test -run TestRulesCache -update
//go:embed rules_cache.gob
var rulesCacheGob []byte

// rulesCacheMagic opens the cache; a cache of another layout is not read.
const rulesCacheMagic = "ssrm rules cache v1\n"

// rulesCacheEntry is one file of the cache: the sum of its contents and
// its decoded value, as gob.
type rulesCacheEntry struct {
	sum  string
	blob []byte
}

// rulesCacheIndex maps each cached file's path to its entry, read once.
// The layout: the magic line, then per file a line "path sum length" and
// length bytes of gob.
var rulesCacheIndex = sync.OnceValue(func() map[string]rulesCacheEntry {
	return parseRulesCache(rulesCacheGob)
})

func parseRulesCache(b []byte) map[string]rulesCacheEntry {
	rest, ok := bytes.CutPrefix(b, []byte(rulesCacheMagic))
	if !ok {
		return nil
	}
	idx := map[string]rulesCacheEntry{}
	for len(rest) > 0 {
		line, after, ok := bytes.Cut(rest, []byte("\n"))
		if !ok {
			return nil
		}
		f := bytes.Fields(line)
		if len(f) != 3 {
			return nil
		}
		n, err := strconv.Atoi(string(f[2]))
		if err != nil || n < 0 || n > len(after) {
			return nil
		}
		idx[string(f[0])] = rulesCacheEntry{sum: string(f[1]), blob: after[:n]}
		rest = after[n:]
	}
	return idx
}

// fileSum is the SHA-256 of data, in hex.
func fileSum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// cachedRulesFile decodes the cached value of the embedded file path into
// v when the cache holds it for exactly these contents; else it reports
// false and v is untouched.
func cachedRulesFile(path string, data []byte, v any) bool {
	e, ok := rulesCacheIndex()[path]
	if !ok || e.sum != fileSum(data) {
		return false
	}
	return gob.NewDecoder(bytes.NewReader(e.blob)).Decode(v) == nil
}

// decodeEmbeddedPack is ParsePack's decoding of an embedded pack file,
// from the cache when it is current.
func decodeEmbeddedPack(path string, data []byte, label string) (*Pack, error) {
	var p Pack
	if cachedRulesFile(path, data, &p) {
		return &p, nil
	}
	return decodePack(data, label)
}

// decodeEmbeddedVocabulary is decodeVocabulary's reading of an embedded
// vocabulary file, from the cache when it is current.
func decodeEmbeddedVocabulary(path string, data []byte, label string) (*vocabFile, error) {
	var f vocabFile
	if cachedRulesFile(path, data, &f) {
		return &f, nil
	}
	return decodeVocabulary(data, label)
}

// rulesCacheSources lists the files of templates.Rules the cache holds,
// in path order, with their contents.
func rulesCacheSources() ([]string, [][]byte, error) {
	var paths []string
	err := fs.WalkDir(templates.Rules, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(paths)
	data := make([][]byte, len(paths))
	for i, p := range paths {
		if data[i], err = templates.Rules.ReadFile(p); err != nil {
			return nil, nil, err
		}
	}
	return paths, data, nil
}

// rulesCache makes the cache's content from the files, each decoded as
// its YAML is decoded (a pack under rules/, a vocabulary file under
// vocabulary/).
func rulesCache(paths []string, data [][]byte) ([]byte, error) {
	var out bytes.Buffer
	out.WriteString(rulesCacheMagic)
	for i, p := range paths {
		var v any
		var err error
		switch dir, _, _ := strings.Cut(p, "/"); dir {
		case "rules":
			v, err = decodePack(data[i], "embedded "+p)
		case "vocabulary":
			v, err = decodeVocabulary(data[i], "embedded "+p)
		default:
			return nil, fmt.Errorf("%s: not a rules or vocabulary file", p)
		}
		if err != nil {
			return nil, err
		}
		var blob bytes.Buffer
		if err := gob.NewEncoder(&blob).Encode(v); err != nil {
			return nil, fmt.Errorf("%s: %v", p, err)
		}
		fmt.Fprintf(&out, "%s %s %d\n", p, fileSum(data[i]), blob.Len())
		out.Write(blob.Bytes())
	}
	return out.Bytes(), nil
}

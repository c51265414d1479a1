package templates

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ParsePhraseList reads a phrase file of Phrases (phrases/*.yaml): a schema
// line, which must be schema, and one list of strings under key. It is
// strict: an unknown key, a missing or empty list, or an empty entry is an
// error naming the key and the entry's index. Entries are returned trimmed.
func ParsePhraseList(data []byte, schema, key string) ([]string, error) {
	var doc map[string]yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	for k := range doc {
		if k != "schema" && k != key {
			return nil, fmt.Errorf("unknown key %q (want schema and %s)", k, key)
		}
	}
	var got string
	if n, ok := doc["schema"]; ok {
		if err := n.Decode(&got); err != nil {
			return nil, fmt.Errorf("schema: %v", err)
		}
	}
	if got != schema {
		return nil, fmt.Errorf("schema: want %q, got %q", schema, got)
	}
	n, ok := doc[key]
	if !ok {
		return nil, fmt.Errorf("%s: missing", key)
	}
	var list []string
	if err := n.Decode(&list); err != nil {
		return nil, fmt.Errorf("%s: %v", key, err)
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("%s: missing", key)
	}
	for i, s := range list {
		list[i] = strings.TrimSpace(s)
		if list[i] == "" {
			return nil, fmt.Errorf("%s[%d]: empty", key, i)
		}
	}
	return list, nil
}

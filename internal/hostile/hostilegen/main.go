// Command hostilegen writes every hostile-file recipe of package hostile
// into a folder and lists them with their descriptions, for trying ssrm
// by hand:
//
//	go run ./internal/hostile/hostilegen /tmp/hostile
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/ssrm-dev/ssrm/internal/hostile"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: hostilegen DIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, r := range hostile.All() {
		p, err := hostile.Write(dir, r)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		st, _ := os.Stat(p)
		fmt.Printf("%-28s %9d  %s\n", filepath.Base(p), st.Size(), r.Desc)
	}
}

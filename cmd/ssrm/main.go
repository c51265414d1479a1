// Command ssrm reads a vendor's security questionnaire and agreement and
// reports who is responsible for what, and which transparency and
// incident-cooperation terms are missing, weak or contradicted.
package main

import "os"

func main() {
	os.Exit(Run(os.Args[1:], os.Stdout, os.Stderr))
}

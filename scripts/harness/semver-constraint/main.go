// semver-constraint reads chart versions, one per line, and prints for each "exact", "range" or
// "invalid: <error>", as Flux's source-controller reads a HelmChart's spec.version: with
// Masterminds/semver (the version helm-controller 1.6.2 requires). The harness checks every
// HelmRelease's chart version with it.
package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/Masterminds/semver/v3"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		text := in.Text()
		if _, err := semver.StrictNewVersion(trimV(text)); err == nil {
			fmt.Println("exact")
			continue
		}
		if _, err := semver.NewConstraint(text); err != nil {
			fmt.Printf("invalid: %v\n", err)
			continue
		}
		fmt.Println("range")
	}
}

func trimV(text string) string {
	if len(text) > 0 && text[0] == 'v' {
		return text[1:]
	}
	return text
}

// Command gen writes the documentation generated from explain/ and the rule
// registry: the rule table between the markers in README.md, and
// docs/rules.md. It runs through `go generate ./cmd/asyncsense`; a test in
// cmd/asyncsense fails when a committed copy differs from what it writes.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/asyncsense/asyncsense/explain/reference"
	"github.com/asyncsense/asyncsense/rules/all"
)

func main() {
	root := flag.String("root", ".", "the repository root")
	flag.Parse()
	if err := generate(*root); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func generate(root string) error {
	readmePath := filepath.Join(root, "README.md")
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		return err
	}
	spliced, err := reference.Splice(string(readme), reference.RuleTable(all.Analyzers()))
	if err != nil {
		return fmt.Errorf("%s: %w", readmePath, err)
	}
	if err := write(readmePath, []byte(spliced)); err != nil {
		return err
	}
	return write(filepath.Join(root, filepath.FromSlash(reference.RulesPath)), []byte(reference.RulesDoc()))
}

// write leaves an up-to-date file untouched, so a no-op run changes nothing.
func write(path string, data []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

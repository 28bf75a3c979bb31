// Package all is the registry: every rule, in ID order. registry.go is
// generated from the rule packages (go generate ./rules/all) and
// all_test.go fails when it is stale, so the list cannot drift.
package all

import (
	"sort"
	"strings"

	"github.com/asyncsense/asyncsense/rules"
)

//go:generate go run ./gen

// Analyzers returns every rule sorted by ID.
func Analyzers() []*rules.Analyzer {
	out := append([]*rules.Analyzer(nil), analyzers...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Lookup finds a rule by ID or name, case-insensitively.
func Lookup(idOrName string) *rules.Analyzer {
	for _, a := range analyzers {
		if strings.EqualFold(a.ID, idOrName) || strings.EqualFold(a.Name, idOrName) {
			return a
		}
	}
	return nil
}

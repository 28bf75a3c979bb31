package main

// The README's rule table and docs/rules.md are generated from explain/ and
// the rule registry (run `go generate ./rules/all` first after adding a rule
// package); readme_test.go fails while either committed copy is stale.

//go:generate go run ../../explain/internal/gen -root ../..

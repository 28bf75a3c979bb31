package main

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/asyncsense/asyncsense/explain/reference"
	"github.com/asyncsense/asyncsense/rules/all"
)

var update = flag.Bool("update", false, "rewrite the testscript scripts' expected output")

const readmePath = "../../README.md"

// The README's rule table and docs/rules.md are generated (generate.go);
// after changing a rule doc or registering a rule, regenerate them with
//
//	go generate ./rules/all ./cmd/asyncsense
func TestGeneratedDocsAreCurrent(t *testing.T) {
	const fix = "; run: go generate ./rules/all ./cmd/asyncsense"
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	table, ok := reference.Table(string(readme))
	if !ok {
		t.Fatalf("README.md has no %q ... %q section", strings.TrimSpace(reference.Begin), reference.End)
	}
	if want := reference.RuleTable(all.Analyzers()); table != want {
		t.Errorf("README.md's rule table is stale%s\nwant:\n%s", fix, want)
	}
	doc, err := os.ReadFile(filepath.Join("../..", reference.RulesPath))
	if err != nil {
		t.Fatalf("%v%s", err, fix)
	}
	if string(doc) != reference.RulesDoc() {
		t.Errorf("%s is stale%s", reference.RulesPath, fix)
	}
}

// "Why each dependency" names every module go.mod requires directly.
func TestREADMEExplainsEveryDependency(t *testing.T) {
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "## Why each dependency")
	if !ok {
		t.Fatal("README.md has no \"## Why each dependency\" section")
	}
	req := regexp.MustCompile(`(?m)^\s*(?:require\s+)?([a-z0-9.\-]+\.[a-z]+/\S+)\s+v\S+(\s*// indirect)?\s*$`)
	n := 0
	for _, m := range req.FindAllStringSubmatch(string(gomod), -1) {
		n++
		if m[2] == "" && !strings.Contains(section, "`"+m[1]+"`") {
			t.Errorf("go.mod requires %s but README.md's \"Why each dependency\" does not say why", m[1])
		}
	}
	if n == 0 {
		t.Fatal("found no requirements in go.mod")
	}
}

// The sample output in the README is real: each finding line it shows is
// printed by the command it documents.
func TestREADMESampleOutputIsReal(t *testing.T) {
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	sample := regexp.MustCompile(`(?m)^examples/\S+:\d+:\d+: \w+ ASY\d{3}: .*$`).FindAllString(string(readme), -1)
	if len(sample) == 0 {
		t.Fatal("README.md shows no sample finding lines")
	}
	stdout, _, _ := runInProcess(t, "check", examplesDir)
	stdout = strings.ReplaceAll(stdout, examplesDir+"/", "examples/")
	for _, line := range sample {
		if !strings.Contains(stdout, line+"\n") {
			t.Errorf("README.md shows a line `check examples` does not print:\n%s", line)
		}
	}
}

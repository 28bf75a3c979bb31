package main

import (
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/asyncsense/asyncsense/rules/all"
)

var update = flag.Bool("update", false, "rewrite the README's generated rule table")

const readmePath = "../../README.md"

// The rule table between the markers is `asyncsense rules --format
// markdown`; after registering a rule, regenerate it with
//
//	go test ./cmd/asyncsense -run TestREADME -update
func TestREADMERuleTableIsCurrent(t *testing.T) {
	data, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	const begin, end = "<!-- rules:begin -->\n", "<!-- rules:end -->"
	i, j := strings.Index(text, begin), strings.Index(text, end)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q ... %q section", strings.TrimSpace(begin), end)
	}
	want := rulesMarkdown(all.Analyzers())
	if text[i+len(begin):j] == want {
		return
	}
	if *update {
		text = text[:i+len(begin)] + want + text[j:]
		if err := os.WriteFile(readmePath, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's rule table is stale; run: go test ./cmd/asyncsense -run TestREADME -update\nwant:\n%s", want)
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

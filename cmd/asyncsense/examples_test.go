package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/rules/all"
)

const examplesDir = "../../examples"

// The README's main command is `check examples`: it must exit 1, every
// registered rule that is on by default must fire somewhere, and each file
// must produce exactly the rules its comments announce ("// ASY004: ...")
// — no more (a false positive in the showcase) and no fewer.
func TestExamplesShowEveryRule(t *testing.T) {
	stdout, stderr, code := runInProcess(t, "check", "--format", "json", examplesDir)
	if code != exitFindings {
		t.Fatalf("check examples exited %d, want %d; stderr:\n%s", code, exitFindings, stderr)
	}
	if stderr != "" {
		t.Errorf("stderr:\n%s", stderr)
	}
	var found []jsonFinding
	if err := json.Unmarshal([]byte(stdout), &found); err != nil {
		t.Fatal(err)
	}
	fired := map[string]map[string]bool{} // file -> rules
	anywhere := map[string]bool{}
	for _, f := range found {
		if fired[f.File] == nil {
			fired[f.File] = map[string]bool{}
		}
		fired[f.File][f.Rule] = true
		anywhere[f.Rule] = true
	}
	for _, a := range all.Analyzers() {
		if a.Severity >= rules.Suggestion && !anywhere[a.ID] {
			t.Errorf("%s %s is registered but nothing in examples/ triggers it", a.ID, a.Name)
		}
	}

	marker := regexp.MustCompile(`// (ASY\d{3}):`)
	paths, err := rules.Discover([]string{examplesDir})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		announced := map[string]bool{}
		for _, m := range marker.FindAllStringSubmatch(string(src), -1) {
			if all.Lookup(m[1]) != nil {
				announced[m[1]] = true
			}
		}
		got := keys(fired[filepath.ToSlash(p)])
		if want := keys(announced); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: rules fired %v, comments announce %v", p, got, want)
		}
	}
}

func keys(m map[string]bool) []string {
	out := []string{}
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

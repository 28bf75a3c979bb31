package all

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// Every directory under rules/ whose package declares `var Analyzer` must be
// registered, and IDs and names must be unique and well-formed.
func TestRegistryListsEveryRulePackage(t *testing.T) {
	registered := map[string]bool{}
	for _, a := range Analyzers() {
		registered[a.ID] = true
	}
	dirs, _ := filepath.Glob("../*/*.go")
	declares := regexp.MustCompile(`(?m)^var Analyzer = &rules\.Analyzer\{[^}]*?ID:\s*"(ASY\d{3})"`)
	seen := 0
	for _, f := range dirs {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range declares.FindAllSubmatch(src, -1) {
			seen++
			if !registered[string(m[1])] {
				t.Errorf("%s declares %s but rules/all does not register it", f, m[1])
			}
		}
	}
	if seen != len(Analyzers()) {
		t.Errorf("found %d rule packages, registered %d", seen, len(Analyzers()))
	}
	ids, names := map[string]bool{}, map[string]bool{}
	slug := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	for _, a := range Analyzers() {
		if ids[a.ID] || names[a.Name] {
			t.Errorf("duplicate rule %s %s", a.ID, a.Name)
		}
		ids[a.ID], names[a.Name] = true, true
		if !slug.MatchString(a.Name) || a.Summary == "" || len(a.Kinds) == 0 || a.Run == nil {
			t.Errorf("%s: incomplete analyzer (name %q, summary %q)", a.ID, a.Name, a.Summary)
		}
		if a.Fix != "safe" && a.Fix != "unsafe" && a.Fix != "none" {
			t.Errorf("%s: Fix must be safe, unsafe or none, not %q", a.ID, a.Fix)
		}
	}
}

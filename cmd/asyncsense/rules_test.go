package main

import (
	"encoding/json"
	"testing"

	"github.com/asyncsense/asyncsense/explain"
	"github.com/asyncsense/asyncsense/rules/all"
)

// `rules --format json` is the machine-readable catalogue: every registered
// rule, each with its id, name, severity and summary, and each documented.
func TestRulesJSONListsEveryRule(t *testing.T) {
	stdout, stderr, code := runInProcess(t, "rules", "--format", "json")
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var listed []map[string]string
	if err := json.Unmarshal([]byte(stdout), &listed); err != nil {
		t.Fatal(err)
	}
	if len(listed) != len(all.Analyzers()) || len(listed) == 0 {
		t.Fatalf("%d rules listed, %d registered", len(listed), len(all.Analyzers()))
	}
	for i, r := range listed {
		a := all.Analyzers()[i]
		if r["id"] != a.ID || r["name"] != a.Name || r["severity"] != a.Severity.String() || r["summary"] != a.Summary || r["summary"] == "" {
			t.Errorf("entry %d = %v, want %s %s %s %q", i, r, a.ID, a.Name, a.Severity, a.Summary)
		}
		if _, ok := explain.Rule(r["id"]); !ok {
			t.Errorf("%s is listed but has no doc for `explain`", r["id"])
		}
	}
}

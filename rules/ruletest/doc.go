package ruletest

import (
	"testing"

	"github.com/asyncsense/asyncsense/explain"
	"github.com/asyncsense/asyncsense/rules"
)

// Doc checks a rule's explanation as a test: its front matter agrees with
// the analyzer, its Example triggers the rule, its Use instead is clean, and
// the rule's fixes applied to the Example silence it.
func Doc(t *testing.T, a *rules.Analyzer) {
	t.Helper()
	d, ok := explain.Rule(a.ID)
	if !ok {
		t.Fatalf("%s has no explain/docs/rules/%s.md", a.ID, a.ID)
	}
	if d.Name != a.Name || d.Severity != a.Severity.String() || d.Fix != a.Fix {
		t.Errorf("%s doc front matter (name %s, severity %s, fix %s) disagrees with the analyzer (%s, %s, %s)",
			a.ID, d.Name, d.Severity, d.Fix, a.Name, a.Severity, a.Fix)
	}
	example := []byte(d.Code("Example"))
	if _, diags := Analyze(a, "example.cs", example); len(diags) == 0 {
		t.Errorf("%s: the doc's Example does not trigger the rule:\n%s", a.ID, example)
	}
	if _, diags := Analyze(a, "use_instead.cs", []byte(d.Code("Use instead"))); len(diags) > 0 {
		t.Errorf("%s: the doc's Use instead triggers the rule: %s", a.ID, diags[0].Message)
	}
	if a.Fix == "none" {
		return
	}
	fixed, _, after := FixAll(a, "example.cs", example, true)
	if after > 0 {
		t.Errorf("%s: the rule's fix leaves %d finding(s) in the doc's Example:\n%s", a.ID, after, fixed)
	}
}

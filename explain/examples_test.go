package explain_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/explain"
	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/rules/all"
	"github.com/asyncsense/asyncsense/rules/ruletest"
)

// A topic's Example shows the API used well, so no rule that is on by
// default may flag it: a hover must never teach code the checker rejects.
// (Mistakes are shown in comments, which the rules do not read.)
func TestTopicExamplesAreClean(t *testing.T) {
	for _, d := range explain.Topics() {
		src := []byte(d.Code("Example"))
		for _, a := range all.Analyzers() {
			if a.Severity == rules.None {
				continue
			}
			if _, diags := ruletest.Analyze(a, d.ID+".cs", src); len(diags) > 0 {
				t.Errorf("topic %s: the Example triggers %s: %s", d.ID, a.ID, diags[0].Message)
			}
		}
	}
}

// A rule's Use instead is checked against its own rule by ruletest.Doc; here
// it must also satisfy every other rule that warns or suggests by default,
// so one doc never recommends what another rule reports. (Silent hints such
// as ASY009 are allowed: the examples stay minimal.)
func TestRuleUseInsteadSatisfiesEveryRule(t *testing.T) {
	for _, d := range explain.Rules() {
		src := []byte(d.Code("Use instead"))
		for _, a := range all.Analyzers() {
			if a.Severity <= rules.Silent {
				continue
			}
			if _, diags := ruletest.Analyze(a, d.ID+".cs", src); len(diags) > 0 {
				t.Errorf("%s: Use instead triggers %s: %s", d.ID, a.ID, diags[0].Message)
			}
		}
	}
}

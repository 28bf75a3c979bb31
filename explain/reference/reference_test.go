package reference

import (
	"strings"
	"testing"

	"github.com/asyncsense/asyncsense/explain"
	"github.com/asyncsense/asyncsense/rules"
)

func TestRulesDocHoldsEveryRuleUnderItsAnchor(t *testing.T) {
	doc := RulesDoc()
	for _, d := range explain.Rules() {
		a := "<a id=\"" + strings.ToLower(d.ID) + "\"></a>\n\n## " + d.ID + " " + d.Name + ": "
		if !strings.Contains(doc, a) {
			t.Errorf("docs/rules.md has no anchored heading for %s", d.ID)
		}
		if !strings.Contains(doc, d.Section("Why is this bad?")) {
			t.Errorf("docs/rules.md lacks %s's Why is this bad?", d.ID)
		}
	}
	// Sections become subsections; code is copied untouched.
	if strings.Contains(doc, "\n## What it does") || !strings.Contains(doc, "\n### What it does\n") {
		t.Error("rule sections were not demoted to ###")
	}
}

func TestDemoteLeavesCodeAlone(t *testing.T) {
	in := "# T\n\n## S\n\n```csharp\n#pragma warning disable ASY001\n```\n## U"
	want := "## T\n\n### S\n\n```csharp\n#pragma warning disable ASY001\n```\n### U"
	if got := demote(in); got != want {
		t.Errorf("demote:\n%s\nwant:\n%s", got, want)
	}
}

func TestRuleTableLinksDocumentedRules(t *testing.T) {
	known := &rules.Analyzer{ID: "ASY001", Name: "blocking-wait", Severity: rules.Warning, Summary: "a | b", Fix: "safe"}
	unknown := &rules.Analyzer{ID: "ASY999", Name: "nothing", Severity: rules.None, Summary: "x", Fix: "none"}
	got := RuleTable([]*rules.Analyzer{known, unknown})
	for _, want := range []string{
		"| [ASY001](docs/rules.md#asy001) | `blocking-wait` | warning | safe | a \\| b |\n",
		"| ASY999 | `nothing` | none | none | x |\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("table lacks %q:\n%s", want, got)
		}
	}
}

func TestSplice(t *testing.T) {
	readme := "intro\n" + Begin + "old\n" + End + "\noutro\n"
	got, err := Splice(readme, "new\n")
	if err != nil || got != "intro\n"+Begin+"new\n"+End+"\noutro\n" {
		t.Errorf("Splice = %q, %v", got, err)
	}
	if table, ok := Table(got); !ok || table != "new\n" {
		t.Errorf("Table = %q, %v", table, ok)
	}
	if _, err := Splice("no markers", "x"); err == nil {
		t.Error("Splice accepted a README without markers")
	}
}

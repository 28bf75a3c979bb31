package explain

import "testing"

func TestRuleDocsHaveEverySection(t *testing.T) {
	if len(Rules()) == 0 {
		t.Fatal("no rule docs embedded")
	}
	for _, d := range Rules() {
		for _, s := range RuleSections {
			if d.Section(s) == "" {
				t.Errorf("%s: missing section %q", d.ID, s)
			}
		}
		if d.Name == "" || d.Severity == "" || d.Fix == "" || len(d.SameAs) == 0 && d.Section("Same as") != "none" {
			t.Errorf("%s: incomplete front matter: %+v", d.ID, d)
		}
		if d.Code("Example") == "" || d.Code("Use instead") == "" {
			t.Errorf("%s: Example and Use instead need a C# code block", d.ID)
		}
	}
}

func TestLookup(t *testing.T) {
	for q, want := range map[string]string{"asy001": "ASY001", "Blocking-Wait": "ASY001", "AWAIT": "await"} {
		d, ok := Lookup(q)
		if !ok || d.ID != want {
			t.Errorf("Lookup(%q) = %v, %v; want %s", q, d, ok, want)
		}
	}
	if _, ok := Lookup("no-such-thing"); ok {
		t.Error("Lookup of an unknown word succeeded")
	}
}

func TestParseRejectsBrokenFrontMatter(t *testing.T) {
	for _, text := range []string{"no front matter", "---\nid: X\n", "---\nbogus: 1\ntitle: t\nid: X\n---\n"} {
		if _, err := Parse("rule", text); err == nil {
			t.Errorf("Parse(%q) accepted broken input", text)
		}
	}
}

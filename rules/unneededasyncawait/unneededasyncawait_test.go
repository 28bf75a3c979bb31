package unneededasyncawait_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/ruletest"
	"github.com/asyncsense/asyncsense/rules/unneededasyncawait"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, unneededasyncawait.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, unneededasyncawait.Analyzer, "testdata")
	t.Log(ruletest.Stats(unneededasyncawait.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, unneededasyncawait.Analyzer) }

// The finding greys out the `async` keyword: the LSP Unnecessary tag.
func TestUnnecessaryTag(t *testing.T) {
	src := []byte("class C\n{\n    async Task PauseAsync() => await Task.Delay(10);\n}\n")
	_, diags := ruletest.Analyze(unneededasyncawait.Analyzer, "c.cs", src)
	if len(diags) != 1 {
		t.Fatalf("want 1 finding, got %d", len(diags))
	}
	if d := diags[0]; !d.Unnecessary || string(src[d.Start:d.End]) != "async" {
		t.Errorf("want the async keyword tagged Unnecessary, got %q (Unnecessary=%v)", src[d.Start:d.End], d.Unnecessary)
	}
}

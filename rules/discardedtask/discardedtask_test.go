package discardedtask_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/rules/discardedtask"
	"github.com/asyncsense/asyncsense/rules/ruletest"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, discardedtask.Analyzer, "testdata")
	t.Log(ruletest.Stats(discardedtask.Analyzer, flagged, clean, 0))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, discardedtask.Analyzer) }

func TestOptIn(t *testing.T) {
	if discardedtask.Analyzer.Severity != rules.None {
		t.Errorf("ASY023 must be opt-in (severity none), is %s", discardedtask.Analyzer.Severity)
	}
}

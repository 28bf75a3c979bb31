package unobservedtask_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/ruletest"
	"github.com/asyncsense/asyncsense/rules/unobservedtask"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, unobservedtask.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, unobservedtask.Analyzer, "testdata")
	t.Log(ruletest.Stats(unobservedtask.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, unobservedtask.Analyzer) }

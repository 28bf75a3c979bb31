package nulltask_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/nulltask"
	"github.com/asyncsense/asyncsense/rules/ruletest"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, nulltask.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, nulltask.Analyzer, "testdata")
	t.Log(ruletest.Stats(nulltask.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, nulltask.Analyzer) }

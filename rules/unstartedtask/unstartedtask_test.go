package unstartedtask_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/ruletest"
	"github.com/asyncsense/asyncsense/rules/unstartedtask"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, unstartedtask.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, unstartedtask.Analyzer, "testdata")
	t.Log(ruletest.Stats(unstartedtask.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, unstartedtask.Analyzer) }

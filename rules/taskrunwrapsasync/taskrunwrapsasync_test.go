package taskrunwrapsasync_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/ruletest"
	"github.com/asyncsense/asyncsense/rules/taskrunwrapsasync"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, taskrunwrapsasync.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, taskrunwrapsasync.Analyzer, "testdata")
	t.Log(ruletest.Stats(taskrunwrapsasync.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, taskrunwrapsasync.Analyzer) }

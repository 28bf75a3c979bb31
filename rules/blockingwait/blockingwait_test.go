package blockingwait_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/blockingwait"
	"github.com/asyncsense/asyncsense/rules/ruletest"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, blockingwait.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, blockingwait.Analyzer, "testdata")
	t.Log(ruletest.Stats(blockingwait.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, blockingwait.Analyzer) }

package asynceventhandler_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/asynceventhandler"
	"github.com/asyncsense/asyncsense/rules/ruletest"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, asynceventhandler.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, asynceventhandler.Analyzer, "testdata")
	t.Log(ruletest.Stats(asynceventhandler.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, asynceventhandler.Analyzer) }

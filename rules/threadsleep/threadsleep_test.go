package threadsleep_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/ruletest"
	"github.com/asyncsense/asyncsense/rules/threadsleep"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, threadsleep.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, threadsleep.Analyzer, "testdata")
	t.Log(ruletest.Stats(threadsleep.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, threadsleep.Analyzer) }

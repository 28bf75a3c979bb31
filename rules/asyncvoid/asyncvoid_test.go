package asyncvoid_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/asyncvoid"
	"github.com/asyncsense/asyncsense/rules/ruletest"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, asyncvoid.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, asyncvoid.Analyzer, "testdata")
	t.Log(ruletest.Stats(asyncvoid.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, asyncvoid.Analyzer) }

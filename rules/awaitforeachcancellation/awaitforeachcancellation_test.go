package awaitforeachcancellation_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/awaitforeachcancellation"
	"github.com/asyncsense/asyncsense/rules/ruletest"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, awaitforeachcancellation.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, awaitforeachcancellation.Analyzer, "testdata")
	t.Log(ruletest.Stats(awaitforeachcancellation.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, awaitforeachcancellation.Analyzer) }

package asyncargumentvalidation_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/asyncargumentvalidation"
	"github.com/asyncsense/asyncsense/rules/ruletest"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, asyncargumentvalidation.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, asyncargumentvalidation.Analyzer, "testdata")
	t.Log(ruletest.Stats(asyncargumentvalidation.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, asyncargumentvalidation.Analyzer) }

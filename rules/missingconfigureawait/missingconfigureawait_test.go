package missingconfigureawait_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/missingconfigureawait"
	"github.com/asyncsense/asyncsense/rules/ruletest"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, missingconfigureawait.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, missingconfigureawait.Analyzer, "testdata")
	t.Log(ruletest.Stats(missingconfigureawait.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, missingconfigureawait.Analyzer) }

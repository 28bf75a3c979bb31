package tcsinlinecontinuations_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/ruletest"
	"github.com/asyncsense/asyncsense/rules/tcsinlinecontinuations"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, tcsinlinecontinuations.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, tcsinlinecontinuations.Analyzer, "testdata")
	t.Log(ruletest.Stats(tcsinlinecontinuations.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, tcsinlinecontinuations.Analyzer) }

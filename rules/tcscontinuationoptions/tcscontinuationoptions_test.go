package tcscontinuationoptions_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/ruletest"
	"github.com/asyncsense/asyncsense/rules/tcscontinuationoptions"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, tcscontinuationoptions.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, tcscontinuationoptions.Analyzer, "testdata")
	t.Log(ruletest.Stats(tcscontinuationoptions.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, tcscontinuationoptions.Analyzer) }

package valuetaskmisuse_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/ruletest"
	"github.com/asyncsense/asyncsense/rules/valuetaskmisuse"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, valuetaskmisuse.Analyzer, "testdata")
	t.Log(ruletest.Stats(valuetaskmisuse.Analyzer, flagged, clean, 0))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, valuetaskmisuse.Analyzer) }

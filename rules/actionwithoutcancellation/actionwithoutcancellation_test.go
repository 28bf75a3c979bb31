package actionwithoutcancellation_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/actionwithoutcancellation"
	"github.com/asyncsense/asyncsense/rules/ruletest"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, actionwithoutcancellation.Analyzer, "testdata")
	t.Log(ruletest.Stats(actionwithoutcancellation.Analyzer, flagged, clean, 0))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, actionwithoutcancellation.Analyzer) }

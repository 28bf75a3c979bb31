package asynciteratorcancellation_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/asynciteratorcancellation"
	"github.com/asyncsense/asyncsense/rules/ruletest"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, asynciteratorcancellation.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, asynciteratorcancellation.Analyzer, "testdata")
	t.Log(ruletest.Stats(asynciteratorcancellation.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, asynciteratorcancellation.Analyzer) }

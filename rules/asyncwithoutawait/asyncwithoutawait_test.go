package asyncwithoutawait_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/asyncwithoutawait"
	"github.com/asyncsense/asyncsense/rules/ruletest"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, asyncwithoutawait.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, asyncwithoutawait.Analyzer, "testdata")
	t.Log(ruletest.Stats(asyncwithoutawait.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, asyncwithoutawait.Analyzer) }

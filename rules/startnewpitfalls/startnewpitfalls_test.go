package startnewpitfalls_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/ruletest"
	"github.com/asyncsense/asyncsense/rules/startnewpitfalls"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, startnewpitfalls.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, startnewpitfalls.Analyzer, "testdata")
	t.Log(ruletest.Stats(startnewpitfalls.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, startnewpitfalls.Analyzer) }

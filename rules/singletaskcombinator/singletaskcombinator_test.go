package singletaskcombinator_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/ruletest"
	"github.com/asyncsense/asyncsense/rules/singletaskcombinator"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, singletaskcombinator.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, singletaskcombinator.Analyzer, "testdata")
	t.Log(ruletest.Stats(singletaskcombinator.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, singletaskcombinator.Analyzer) }

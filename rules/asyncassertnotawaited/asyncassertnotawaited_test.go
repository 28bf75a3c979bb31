package asyncassertnotawaited_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/asyncassertnotawaited"
	"github.com/asyncsense/asyncsense/rules/ruletest"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, asyncassertnotawaited.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, asyncassertnotawaited.Analyzer, "testdata")
	t.Log(ruletest.Stats(asyncassertnotawaited.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, asyncassertnotawaited.Analyzer) }

package throwifcancellation_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/ruletest"
	"github.com/asyncsense/asyncsense/rules/throwifcancellation"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, throwifcancellation.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, throwifcancellation.Analyzer, "testdata")
	t.Log(ruletest.Stats(throwifcancellation.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, throwifcancellation.Analyzer) }

package awaitusing_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/awaitusing"
	"github.com/asyncsense/asyncsense/rules/ruletest"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, awaitusing.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, awaitusing.Analyzer, "testdata")
	t.Log(ruletest.Stats(awaitusing.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, awaitusing.Analyzer) }

package asyncnaming_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/asyncnaming"
	"github.com/asyncsense/asyncsense/rules/ruletest"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, asyncnaming.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, asyncnaming.Analyzer, "testdata")
	t.Log(ruletest.Stats(asyncnaming.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, asyncnaming.Analyzer) }

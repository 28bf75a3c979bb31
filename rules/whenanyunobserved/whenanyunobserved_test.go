package whenanyunobserved_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/ruletest"
	"github.com/asyncsense/asyncsense/rules/whenanyunobserved"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, whenanyunobserved.Analyzer, "testdata")
	t.Log(ruletest.Stats(whenanyunobserved.Analyzer, flagged, clean, 0))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, whenanyunobserved.Analyzer) }

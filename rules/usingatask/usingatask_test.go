package usingatask_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/ruletest"
	"github.com/asyncsense/asyncsense/rules/usingatask"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, usingatask.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, usingatask.Analyzer, "testdata")
	t.Log(ruletest.Stats(usingatask.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, usingatask.Analyzer) }

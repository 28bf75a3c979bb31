package awaitinloop_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/awaitinloop"
	"github.com/asyncsense/asyncsense/rules/ruletest"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, awaitinloop.Analyzer, "testdata")
	t.Log(ruletest.Stats(awaitinloop.Analyzer, flagged, clean, 0))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, awaitinloop.Analyzer) }

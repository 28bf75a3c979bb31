package endofstreaminasync_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/endofstreaminasync"
	"github.com/asyncsense/asyncsense/rules/ruletest"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, endofstreaminasync.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, endofstreaminasync.Analyzer, "testdata")
	t.Log(ruletest.Stats(endofstreaminasync.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, endofstreaminasync.Analyzer) }

package syncapiinasync_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/ruletest"
	"github.com/asyncsense/asyncsense/rules/syncapiinasync"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, syncapiinasync.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, syncapiinasync.Analyzer, "testdata")
	t.Log(ruletest.Stats(syncapiinasync.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, syncapiinasync.Analyzer) }

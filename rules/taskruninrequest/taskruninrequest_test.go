package taskruninrequest_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/ruletest"
	"github.com/asyncsense/asyncsense/rules/taskruninrequest"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, taskruninrequest.Analyzer, "testdata")
	t.Log(ruletest.Stats(taskruninrequest.Analyzer, flagged, clean, 0))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, taskruninrequest.Analyzer) }

package taskescapesscope_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/ruletest"
	"github.com/asyncsense/asyncsense/rules/taskescapesscope"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, taskescapesscope.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, taskescapesscope.Analyzer, "testdata")
	t.Log(ruletest.Stats(taskescapesscope.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, taskescapesscope.Analyzer) }

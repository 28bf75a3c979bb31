package cancellationtokenlast_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/cancellationtokenlast"
	"github.com/asyncsense/asyncsense/rules/ruletest"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, cancellationtokenlast.Analyzer, "testdata")
	t.Log(ruletest.Stats(cancellationtokenlast.Analyzer, flagged, clean, 0))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, cancellationtokenlast.Analyzer) }

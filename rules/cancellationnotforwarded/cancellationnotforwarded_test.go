package cancellationnotforwarded_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/cancellationnotforwarded"
	"github.com/asyncsense/asyncsense/rules/ruletest"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, cancellationnotforwarded.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, cancellationnotforwarded.Analyzer, "testdata")
	t.Log(ruletest.Stats(cancellationnotforwarded.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, cancellationnotforwarded.Analyzer) }

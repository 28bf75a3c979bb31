// Package anchors measures asyncsense against the published unit tests of the
// established analyzers it maps to (AsyncFixer, Meziantou.Analyzer,
// vs-threading). testdata/<anchor rule>/<case>.cs holds one test case each,
// copied from the anchor's own tests with attribution (see NOTICE); a case
// the anchor flags carries `// want ASYnnn` on each flagged line, naming the
// asyncsense rule that covers it. anchors_test.go computes recall on the
// flagged cases and silence on the clean ones and writes REPORT.md.
package anchors

// Mapped lists, for each anchor rule, the asyncsense rules that report the
// same problem. A clean anchor case is silent when none of them fires.
var Mapped = map[string][]string{
	"AsyncFixer01": {"ASY009"},
	"AsyncFixer02": {"ASY001", "ASY005", "ASY006"},
	"AsyncFixer03": {"ASY002", "ASY003"},
	"AsyncFixer04": {"ASY017"},
	"AsyncFixer05": {"ASY016"},

	"MA0004": {"ASY011"},
	"MA0022": {"ASY014"},
	"MA0032": {"ASY012"},
	"MA0040": {"ASY012"},
	"MA0042": {"ASY001", "ASY005", "ASY006", "ASY020"},
	"MA0045": {"ASY001", "ASY005", "ASY006", "ASY020"},
	"MA0079": {"ASY027"},
	"MA0080": {"ASY027"},
	"MA0100": {"ASY017"},
	"MA0129": {"ASY034"},
	"MA0134": {"ASY004"},
	"MA0147": {"ASY003"},
	"MA0155": {"ASY002"},

	"VSTHRD002": {"ASY001"},
	"VSTHRD100": {"ASY002", "ASY003", "ASY018"},
	"VSTHRD101": {"ASY003"},
	"VSTHRD103": {"ASY006", "ASY005", "ASY001"},
	"VSTHRD105": {"ASY016"},
	"VSTHRD107": {"ASY034"},
	"VSTHRD110": {"ASY004"},
	"VSTHRD111": {"ASY011"},
	"VSTHRD114": {"ASY014"},
	"VSTHRD200": {"ASY013"},
}

package rules

import "testing"

func TestQuoteDropsComments(t *testing.T) {
	cases := map[string]string{
		"db.Orders // old rows\n    .Where(o => o.Old)": "`db.Orders.Where(o => o.Old)`",
		`Get("https://x.test/a") /* c */ .Run()`:        "`Get(\"https://x.test/a\").Run()`",
		`Log(@"C:\dir\"" // no") // yes`:                "`Log(@\"C:\\dir\\\"\" // no\")`",
		`Say('/', "\"//\"")`:                            "`Say('/', \"\\\"//\\\"\")`",
		"a\n  ?.B()\n  .C(x ? .5 : 1)":                  "`a?.B().C(x ? .5 : 1)`",
		`Log("Hello .NET", 'x')`:                        "`Log(\"Hello .NET\", 'x')`",
		"plain()":                                       "`plain()`",
	}
	for in, want := range cases {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
	}
}

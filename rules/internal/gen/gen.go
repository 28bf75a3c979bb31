// Package gen writes large, deterministic, realistic C# for benchmarks and
// fuzzing: ASP.NET controllers, services, repositories, WPF code-behind and
// xUnit tests, mostly correct async code with the occasional pitfall the
// rules exist for (.Result in a sync action, async void without a guard,
// Thread.Sleep in an async method, a dropped task). Every file parses
// without syntax errors under the pinned grammar; gen_test.go checks it.
package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// File is one generated source file of a workspace.
type File struct {
	Path string
	Src  []byte
}

// Generate returns one compilation unit of about approxBytes (it stops
// after the first class that reaches the size), the same for the same seed.
func Generate(seed uint64, approxBytes int) []byte {
	g := newGen(seed)
	g.line("using System;")
	for _, u := range usings {
		g.line("using %s;", u)
	}
	for n := 0; g.b.Len() < approxBytes; n++ {
		g.line("")
		g.line("namespace %s.%s", g.pick(companies), g.pick(areas))
		g.open()
		for k := 0; k < 4 && g.b.Len() < approxBytes; k++ {
			g.class()
		}
		g.close()
	}
	return []byte(g.b.String())
}

// Files returns a workspace of files of about perFile bytes each, totalling
// about totalBytes, with one class per file as real projects have them.
func Files(seed uint64, totalBytes, perFile int) []File {
	var out []File
	for i, sum := 0, 0; sum < totalBytes; i++ {
		src := Generate(seed+uint64(i)*7919, perFile)
		g := newGen(seed + uint64(i))
		out = append(out, File{Path: fmt.Sprintf("src/%s/%s%d.cs", g.pick(areas), g.pick(entities), i), Src: src})
		sum += len(src)
	}
	return out
}

var usings = []string{
	"System.Collections.Generic", "System.Linq", "System.Net.Http", "System.Threading",
	"System.Threading.Tasks", "Microsoft.AspNetCore.Mvc", "Microsoft.EntityFrameworkCore",
	"Microsoft.Extensions.Logging", "Microsoft.Extensions.Logging.Abstractions",
	"System.Net.Http.Json", "System.Runtime.CompilerServices", "System.Text.Json",
	"System.Windows", "Xunit",
}

var (
	companies = []string{"Contoso", "Fabrikam", "Northwind", "AdventureWorks", "Tailspin", "Litware"}
	areas     = []string{"Orders", "Billing", "Catalog", "Shipping", "Accounts", "Reporting", "Inventory"}
	entities  = []string{"Order", "Customer", "Invoice", "Product", "Shipment", "Payment", "Account", "Report", "Supplier", "Basket"}
	props     = []string{"Name", "Total", "Status", "CreatedAt", "Quantity", "Email", "Reference", "Notes"}
	texts     = []string{"not found", "saved", "Überprüfung fehlgeschlagen", "注文が見つかりません", "done ✅", "retrying 🔁", "invalid"}
)

type gen struct {
	r      *rand.Rand
	b      strings.Builder
	indent int
	class0 int // counts classes for unique names
}

func newGen(seed uint64) *gen {
	return &gen{r: rand.New(rand.NewPCG(seed, 0xa5a5))}
}

func (g *gen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

// chance is true about one time in n.
func (g *gen) chance(n int) bool { return g.r.IntN(n) == 0 }

// line writes one line at the current indentation; format is only a
// format when args are given, so C# braces and percent signs pass as they are.
func (g *gen) line(format string, args ...any) {
	if format != "" {
		g.b.WriteString(strings.Repeat("    ", g.indent))
		if len(args) > 0 {
			fmt.Fprintf(&g.b, format, args...)
		} else {
			g.b.WriteString(format)
		}
	}
	g.b.WriteByte('\n')
}

func (g *gen) open()  { g.line("{"); g.indent++ }
func (g *gen) close() { g.indent--; g.line("}") }

// closeWith ends a block with a suffix, e.g. "};" for an initializer.
func (g *gen) closeWith(s string) { g.indent--; g.line("}%s", s) }

func (g *gen) class() {
	g.class0++
	switch g.r.IntN(6) {
	case 0, 1:
		g.service()
	case 2:
		g.controller()
	case 3:
		g.repository()
	case 4:
		g.window()
	default:
		g.tests()
	}
}

// entity picks a type name unique to this class so generated files can be
// concatenated without duplicate declarations mattering to anyone.
func (g *gen) entity() string {
	return fmt.Sprintf("%s%d", g.pick(entities), g.class0)
}

func (g *gen) docComment(what string) {
	if g.chance(2) {
		g.line("/// <summary>%s</summary>", what)
	}
}

// dto writes a record or a class with properties.
func (g *gen) dto(e string) {
	if g.chance(2) {
		g.line("public sealed record %sDto(int Id, string %s, decimal %s);", e, g.pick(props), g.pick(props)+"Amount")
		return
	}
	g.line("public class %sDto", e)
	g.open()
	g.line("public int Id { get; set; }")
	g.line("public string %s { get; set; } = string.Empty;", g.pick(props))
	g.line("public List<string> Tags { get; set; } = [];")
	g.line("public DateTime CreatedAt { get; init; } = DateTime.UtcNow;")
	g.close()
}

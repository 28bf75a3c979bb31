// Package realistic measures precision and recall of the default rules on a
// hand-written corpus of production-style C# (testdata/): ASP.NET Core
// controllers and minimal APIs, services, EF Core repositories, background
// workers, WPF/WinForms code-behind, dual sync/async libraries and tests.
// Most of the code is correct; each deliberate pitfall carries
// `// want ASYnnn` on the line where the finding starts. The files form one
// workspace, as a project would. realistic_test.go writes REPORT.md.
package realistic

// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD200UseAsyncNamingConventionAnalyzerTests.cs), test TaskReturningMethodWithoutSuffix_OverridesAbstract_GeneratesWarningOnlyOnInterface.
// anchor: VSTHRD200 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

abstract class MyBase {
    public abstract Task Foo(); // want ASY013
}

class Test : MyBase {
    public override Task Foo() => null;
}

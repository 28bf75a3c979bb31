// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/UseConfigureAwaitAnalyzerTests.cs), test Blazor_ShouldNotReportDiagnostic.
// anchor: MA0004 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
namespace Microsoft.AspNetCore.Components
{
    public interface IComponent
    {
    }
}

class ClassTest : Microsoft.AspNetCore.Components.IComponent
{
    async Task Test()
    {
        await Task.Delay(1);
    }
}

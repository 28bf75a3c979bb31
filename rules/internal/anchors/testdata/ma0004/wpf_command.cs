// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/UseConfigureAwaitAnalyzerTests.cs), test MissingConfigureAwaitInWpfCommandClass_ShouldNotReportError.
// anchor: MA0004 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
class MyClass : System.Windows.Input.ICommand
{
    public void Execute(object o) => throw null;
    public bool CanExecute(object o) => throw null;
    public event System.EventHandler CanExecuteChanged;

    async Task Test()
    {
        await Task.Delay(1);
    }
}

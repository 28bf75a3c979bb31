// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseAsyncDelegateForSyncDelegateAnalyzerTests.cs), test Event_AsyncVoid.
// anchor: MA0147 clean
// Third-party test data under its project's licence: see ../../NOTICE.
Sample.A += async (sender, e) => { };
Sample.A -= async (sender, e) => { };

class Sample
{
    public static event System.EventHandler A;
}

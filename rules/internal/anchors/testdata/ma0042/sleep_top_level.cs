// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test TopLevelStatement.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
System.Threading.Thread.Sleep(1); // want ASY005

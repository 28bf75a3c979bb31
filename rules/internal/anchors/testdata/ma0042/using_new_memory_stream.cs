// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test UsingNewMemoryStream.
// anchor: MA0042 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using var ms = new System.IO.MemoryStream();

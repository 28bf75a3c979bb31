// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/TaskInUsingAnalyzerTests.cs), test TaskOfTInUsingStatement.
// anchor: MA0129 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

Task<System.IDisposable> t1 = null;
using var a = t1; // want ASY034

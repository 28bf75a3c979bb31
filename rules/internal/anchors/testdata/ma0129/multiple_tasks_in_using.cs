// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/TaskInUsingAnalyzerTests.cs), test MultipleTasksInUsing.
// anchor: MA0129 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

Task t1 = null;
Task t2 = null;
using (Task a = t1, b = t2) { } // want ASY034

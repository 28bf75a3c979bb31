// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD110ObserveResultOfAsyncCallsAnalyzerTests.cs), test CustomAwaitable_ProducesDiagnostics.
// anchor: VSTHRD110 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Runtime.CompilerServices;

class Test {
    void Foo()
    {
        BarAsync(); // want ASY004
    }

    CustomTask BarAsync() => new CustomTask();
}

class CustomTask
{
	public CustomAwaitable GetAwaiter() => new CustomAwaitable();
}

class CustomAwaitable : INotifyCompletion
{
	public bool IsCompleted { get; } = true;

	public void OnCompleted(Action continuation)
	{
	}

	public void GetResult()
	{
	}
}

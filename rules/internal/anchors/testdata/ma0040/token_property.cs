// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/UseAnOverloadThatHasCancellationTokenAnalyzerTests.cs), test CallingMethodWithProperty_ShouldReportDiagnostic.
// anchor: MA0040 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
class Test : ControllerBase
{
    public void A()
    {
        MethodWithCancellationToken(); // want ASY012
    }

    public System.Threading.CancellationToken MyCancellationToken { get; }

    public void MethodWithCancellationToken() => throw null;
    public void MethodWithCancellationToken(System.Threading.CancellationToken cancellationToken) => throw null;
}

class ControllerBase
{
    public HttpContext Context { get; }
}

class HttpContext
{
    public System.Threading.CancellationToken RequestAborted { get; }
}

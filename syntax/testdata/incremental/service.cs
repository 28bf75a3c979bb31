namespace Shop.Services;

public sealed class PaymentService : IPaymentService, IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public PaymentService(HttpClient http) => _http = http;

    public async ValueTask<Receipt> ChargeAsync(Order order, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var response = await _http.PostAsJsonAsync("charges", order, cancellationToken);
            response.EnsureSuccessStatusCode();
            var receipt = await response.Content.ReadFromJsonAsync<Receipt>(cancellationToken: cancellationToken);
            return receipt ?? throw new InvalidOperationException("empty receipt");
        }
        finally
        {
            _gate.Release();
        }
    }

    public Receipt Charge(Order order)
    {
        return ChargeAsync(order).AsTask().GetAwaiter().GetResult();
    }

    public async IAsyncEnumerable<Receipt> HistoryAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var id in new[] { 1, 2, 3 })
        {
            yield return await ChargeAsync(new Order(id), ct);
        }
    }

    public ValueTask DisposeAsync()
    {
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }
}

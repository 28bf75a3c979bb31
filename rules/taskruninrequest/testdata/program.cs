using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/primes/{n:int}", async (int n) =>
{
    var primes = await Task.Run(() => Enumerable.Range(2, n).Where(IsPrime).ToList()); // want ASY025
    return Results.Ok(primes);
});

app.MapPost("/echo", async (string body) => await Task.Run(() => body.ToUpperInvariant())); // want ASY025

var api = app.MapGroup("/api");
api.MapGet("/sum", async (int a, int b) => Results.Ok(await Task.Run(() => a + b))); // want ASY025

var warmup = await Task.Run(() => Enumerable.Range(0, 10).Sum());
app.Lifetime.ApplicationStarted.Register(async () => await Task.Run(() => Warm()));

app.Run();

static bool IsPrime(int n) => Enumerable.Range(2, n - 2).All(d => n % d != 0);

static void Warm() { }

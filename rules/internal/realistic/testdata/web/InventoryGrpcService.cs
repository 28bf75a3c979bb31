using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Shop.Data;
using Shop.Grpc;

namespace Shop.Web.Grpc;

public sealed class InventoryGrpcService : Inventory.InventoryBase
{
    private readonly ShopDbContext _db;
    private readonly ILogger<InventoryGrpcService> _logger;

    public InventoryGrpcService(ShopDbContext db, ILogger<InventoryGrpcService> logger)
    {
        _db = db;
        _logger = logger;
    }

    public override async Task<StockReply> GetStock(StockRequest request, ServerCallContext context)
    {
        var item = await _db.StockItems.AsNoTracking().SingleOrDefaultAsync(s => s.Sku == request.Sku, context.CancellationToken);
        if (item is null)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"Unknown SKU {request.Sku}"));
        }

        return new StockReply { Sku = item.Sku, Available = item.Available };
    }

    public override async Task WatchStock(StockRequest request, IServerStreamWriter<StockReply> responseStream, ServerCallContext context)
    {
        var last = -1;
        while (!context.CancellationToken.IsCancellationRequested)
        {
            var item = await _db.StockItems.AsNoTracking().SingleOrDefaultAsync(s => s.Sku == request.Sku, context.CancellationToken);
            var available = item?.Available ?? 0;
            if (available != last)
            {
                await responseStream.WriteAsync(new StockReply { Sku = request.Sku, Available = available });
                last = available;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), context.CancellationToken);
        }
    }

    public override async Task<AdjustReply> AdjustStock(IAsyncStreamReader<AdjustRequest> requestStream, ServerCallContext context)
    {
        var applied = 0;
        await foreach (var adjustment in requestStream.ReadAllAsync(context.CancellationToken))
        {
            var item = await _db.StockItems.SingleOrDefaultAsync(s => s.Sku == adjustment.Sku, context.CancellationToken);
            if (item is null)
            {
                _logger.LogWarning("Adjustment for unknown SKU {Sku} ignored", adjustment.Sku);
                continue;
            }

            item.Available = Math.Max(0, item.Available + adjustment.Delta);
            applied++;
        }

        await _db.SaveChangesAsync(context.CancellationToken);
        return new AdjustReply { Applied = applied };
    }

    public override Task<StockReply> Reserve(ReserveRequest request, ServerCallContext context)
    {
        if (request.Quantity <= 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "Quantity must be positive"));
        }

        return ReserveCoreAsync(request, context.CancellationToken);
    }

    private async Task<StockReply> ReserveCoreAsync(ReserveRequest request, CancellationToken cancellationToken)
    {
        var item = await _db.StockItems.SingleAsync(s => s.Sku == request.Sku, cancellationToken);
        if (item.Available < request.Quantity)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "Not enough stock"));
        }

        item.Available -= request.Quantity;
        await _db.SaveChangesAsync(cancellationToken);
        return new StockReply { Sku = item.Sku, Available = item.Available };
    }
}

#nullable enable
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Fleet.Data
{
    public class Vehicle
    {
        public int Id { get; set; }
        public string Plate { get; set; } = "";
        public bool Active { get; set; }
    }

    public struct Odometer
    {
        public int Km { get; set; }
    }

    public class FleetDbContext : DbContext
    {
        public DbSet<Vehicle> Vehicles => Set<Vehicle>();
        public IQueryable<Odometer> Readings { get; } = null!;
    }

    public class VehicleRepository
    {
        private readonly FleetDbContext _db;

        public VehicleRepository(FleetDbContext db) => _db = db;

        public async Task<Vehicle?> FindByPlateAsync(string plate, CancellationToken ct) // want ASY009
        {
            return await _db.Vehicles.AsNoTracking().SingleOrDefaultAsync(v => v.Plate == plate, ct);
        }

        public async Task<Vehicle> FirstActiveAsync(CancellationToken ct) // want ASY009
            => await _db.Vehicles.Where(v => v.Active).OrderBy(v => v.Id).FirstAsync(ct);

        public async Task<List<Vehicle>> ActiveAsync(CancellationToken ct) // want ASY009
        {
            return await _db.Vehicles.Where(v => v.Active).ToListAsync(ct);
        }

        public async Task<Vehicle[]> AllAsync(CancellationToken ct) // want ASY009
        {
            return await _db.Vehicles.ToArrayAsync(ct);
        }

        public async Task<IReadOnlyList<Vehicle>> ReadOnlyAsync(CancellationToken ct)
        {
            return await _db.Vehicles.ToListAsync(ct);
        }

        public async Task<IEnumerable<Vehicle>> EnumerableAsync(CancellationToken ct)
        {
            return await _db.Vehicles.ToArrayAsync(ct);
        }

        public async Task<List<string>> PlatesAsync(CancellationToken ct)
        {
            return await _db.Vehicles.Select(v => v.Plate).ToListAsync(ct);
        }

        public async Task<Odometer?> LatestAsync(CancellationToken ct)
        {
            return await _db.Readings.FirstOrDefaultAsync(ct);
        }

        public async Task<string?> FirstPlateAsync(CancellationToken ct)
        {
            return await _db.Vehicles.Select(v => v.Plate).FirstOrDefaultAsync(ct);
        }
    }
}

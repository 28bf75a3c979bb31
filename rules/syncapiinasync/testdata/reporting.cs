using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MongoDB.Driver;
using MongoDB.Driver.Linq;

namespace Shop.Reporting
{
    public class ReportReader
    {
        private readonly IMongoCollection<Report> _reports;

        public async Task<List<Report>> RecentAsync(IQueryable<Report> odata, List<Report> cached)
        {
            IQueryable<Report> query = _reports.AsQueryable();
            var recent = query.Where(r => r.Year > 2020).ToList();
            var filtered = odata.Where(r => r.Year > 2000).ToList();
            IQueryable<Report> local = cached.AsQueryable();
            var fromCache = local.OrderBy(r => r.Year).ToList();
            await Task.Yield();
            return recent.Concat(filtered).Concat(fromCache).ToList();
        }
    }

    public class Report
    {
        public int Year { get; set; }
    }
}

using System.Collections.Generic;
using System.Data;
using System.Threading.Tasks;
using Dapper;
using Microsoft.Data.SqlClient;

namespace Warehouse.Data
{
    public record Stock(int Sku, int Quantity);

    public class StockRepository
    {
        private readonly string _connectionString;
        private readonly IDbConnection _shared;

        public StockRepository(string connectionString, IDbConnection shared)
        {
            _connectionString = connectionString;
            _shared = shared;
        }

        public async Task<int> CountAsync()
        {
            using var connection = new SqlConnection(_connectionString);
            connection.Open(); // want ASY006
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM Stock";
            var count = (int)command.ExecuteScalar(); // want ASY006
            using var reader = command.ExecuteReader(); // want ASY006
            while (reader.Read()) // want ASY006
            {
                count += reader.GetInt32(0);
            }
            return count;
        }

        public async Task<int> SumAsync()
        {
            await using var connection = new SqlConnection(_connectionString);
            await connection.OpenAsync();
            await using var command = new SqlCommand("SELECT Quantity FROM Stock", connection);
            await using var reader = await command.ExecuteReaderAsync();
            var sum = 0;
            while (reader.Read()) // want ASY006
            {
                sum += reader.GetInt32(0);
            }
            while (await reader.ReadAsync())
            {
                sum++;
            }
            await using var tx = await connection.BeginTransactionAsync();
            tx.Commit(); // want ASY006
            return sum;
        }

        public async Task<IEnumerable<Stock>> LowStockAsync(int threshold)
        {
            await using var connection = new SqlConnection(_connectionString);
            var rows = connection.Query<Stock>("SELECT * FROM Stock WHERE Quantity < @threshold", new { threshold }); // want ASY006
            var asyncRows = await connection.QueryAsync<Stock>("SELECT * FROM Stock");
            _shared.Open();
            return rows;
        }

        public IEnumerable<Stock> LowStock(int threshold)
        {
            using var connection = new SqlConnection(_connectionString);
            connection.Open();
            return connection.Query<Stock>("SELECT * FROM Stock WHERE Quantity < @threshold", new { threshold });
        }
    }
}

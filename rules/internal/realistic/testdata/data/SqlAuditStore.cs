using System;
using System.Collections.Generic;
using System.Data;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.SqlClient;
using Shop.Services;

namespace Shop.Data;

public sealed class SqlAuditStore : IAuditLog
{
    private readonly string _connectionString;

    public SqlAuditStore(string connectionString) => _connectionString = connectionString;

    public async Task RecordAsync(string user, string action, DateTimeOffset at)
    {
        await using var connection = new SqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO audit (user_name, action, at) VALUES (@user, @action, @at)";
        command.Parameters.Add(new SqlParameter("@user", SqlDbType.NVarChar, 256) { Value = user });
        command.Parameters.Add(new SqlParameter("@action", SqlDbType.NVarChar, 512) { Value = action });
        command.Parameters.Add(new SqlParameter("@at", SqlDbType.DateTimeOffset) { Value = at });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(string user, int limit, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        using var connection = new SqlConnection(_connectionString); // want ASY020
        await connection.OpenAsync(cancellationToken);
        using var command = new SqlCommand("SELECT TOP (@limit) action, at FROM audit WHERE user_name = @user ORDER BY at DESC", connection); // want ASY020
        command.Parameters.AddWithValue("@limit", limit);
        command.Parameters.AddWithValue("@user", user);
        using var reader = await command.ExecuteReaderAsync(cancellationToken); // want ASY020
        while (reader.Read()) // want ASY006
        {
            entries.Add(new AuditEntry(user, reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
        }

        return entries;
    }

    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = new SqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new SqlCommand("DELETE FROM audit WHERE at < @before", connection);
        command.Parameters.AddWithValue("@before", before);
        return command.ExecuteNonQuery(); // want ASY006
    }

    public int Count()
    {
        using var connection = new SqlConnection(_connectionString);
        connection.Open();
        using var command = new SqlCommand("SELECT COUNT(*) FROM audit", connection);
        return (int)command.ExecuteScalar();
    }
}

public sealed record AuditEntry(string User, string Action, DateTimeOffset At);

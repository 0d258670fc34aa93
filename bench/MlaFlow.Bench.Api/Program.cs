using System.CommandLine;
using MlaFlow.Bench.Api;

// The API load benchmark (bench/README.md, "API load"). The report goes to stdout, progress to stderr.
var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL server (Npgsql connection string) the run may create and drop databases on; without it, SQLite only." };
var clients = new Option<string>("--clients") { Description = "Concurrent clients, comma-separated.", DefaultValueFactory = _ => "8,64" };
var seconds = new Option<int>("--seconds") { Description = "Length of each measurement, after its warm-up (5 to 600).", DefaultValueFactory = _ => 10 };
var pgbench = new Option<string>("--pgbench") { Description = "The pgbench executable.", DefaultValueFactory = _ => PgBenchLocation.Default() };
var root = new RootCommand("Submit and status at N clients on a real node, next to pgbench on the same PostgreSQL.") { postgres, clients, seconds, pgbench };
root.SetAction(async (parse, cancellationToken) =>
{
    if (!LoadRun.TryParseClients(parse.GetValue(clients)!, out var counts) || parse.GetValue(seconds) is < 5 or > 600)
    {
        Console.Error.WriteLine("error: --clients takes numbers from 1 to 512 (e.g. 8,64); --seconds 5 to 600.");
        return 2;
    }

    var options = new LoadOptions(parse.GetValue(postgres), counts, TimeSpan.FromSeconds(parse.GetValue(seconds)), parse.GetValue(pgbench)!);
    var results = await new LoadRun(options, Console.Error).RunAsync(cancellationToken);
    Report.Write(Console.Out, options, results);
    return 0;
});
return await root.Parse(args).InvokeAsync();

using System.Net;
using Microsoft.Extensions.Options;

namespace MlaFlow.Silo.Hosting;

/// <summary>
/// Configuration section <c>MlaFlow:Cluster</c>: how this node joins its Orleans cluster. Every node of a deployment on
/// PostgreSQL joins the cluster <see cref="Id"/> in that database; an embedded node (SQLite) is a cluster of one on
/// loopback. Orleans' membership timings are <c>MlaFlow:Cluster:Membership:*</c> (ClusterMembershipOptions) and must be
/// the same on every node (docs/storage.md, "Clustering").
/// </summary>
public sealed class ClusterNodeOptions
{
    public const string Section = "MlaFlow:Cluster";

    public const string MembershipSection = $"{Section}:Membership";

    /// <summary>The cluster the node joins; the nodes of one deployment share it.</summary>
    public string Id { get; set; } = "mlaflow";

    /// <summary>The port silos talk to each other on.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port Orleans clients connect to; 0 opens none (the node's own API needs none).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other nodes reach this one at, and the one it listens on.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Refuses cluster settings no silo could start with, naming each key.</summary>
    public sealed class Validator : IValidateOptions<ClusterNodeOptions>
    {
        public ValidateOptionsResult Validate(string? name, ClusterNodeOptions options)
        {
            var failures = new List<string>();
            if (string.IsNullOrWhiteSpace(options.Id) || options.Id.Length > 150 || options.Id.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            {
                failures.Add($"{Section}:Id: '{options.Id}' is not a cluster id: 1 to 150 characters, no spaces.");
            }

            if (options.SiloPort is < 1 or > 65535)
            {
                failures.Add($"{Section}:SiloPort: {options.SiloPort} is not a port from 1 to 65535.");
            }

            if (options.GatewayPort is < 0 or > 65535 || options.GatewayPort == options.SiloPort)
            {
                failures.Add($"{Section}:GatewayPort: {options.GatewayPort} is not a port from 0 (none) to 65535 other than the silo port.");
            }

            if (!IPAddress.TryParse(options.AdvertisedAddress, out _))
            {
                failures.Add($"{Section}:AdvertisedAddress: '{options.AdvertisedAddress}' is not an IP address such as 10.0.0.5.");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}

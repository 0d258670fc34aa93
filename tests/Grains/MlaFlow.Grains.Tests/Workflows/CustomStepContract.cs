using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MlaFlow.Grains.Authorities;
using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Host;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Testing;
using MlaFlow.Workflows.Execution;
using NodaTime;

namespace MlaFlow.Grains.Tests.Workflows;

/// <summary>
/// The sample plugin's custom step on a real node: TH-OAG sends an evidence request to XA-CA (the Example State,
/// samples/plugins/watch-list), whose copy is registered and then screened by the plugin's C# step against the
/// watch list in its folder. A clear screening goes on to assignment, a match to a prosecutor; a watch list that
/// cannot be read faults the step, which an officer retries once the file is fixed, or routes to an outcome.
/// </summary>
public abstract class CustomStepContract(StorageKind kind) : SiloTest(kind)
{
    private static readonly Actor ThaiProsecutor = new(AuthorityId.Parse("TH-OAG"), "prosecutor", "anong");
    private static readonly Actor ThaiOfficer = new(AuthorityId.Parse("TH-OAG"), "officer", "somchai");
    private static readonly Actor ExampleOfficer = new(AuthorityId.Parse(SamplePlugin.Authority), "officer", "alex");

    private readonly PluginsFolder _plugins = SamplePlugin.CopyWith("th");
    private PluginCatalog? _catalog;

    [SkippableFact]
    public async Task a_request_naming_nobody_on_the_watch_list_is_screened_clear_and_goes_on_to_assignment()
    {
        var screened = await RegisteredAtTheExampleStateAsync(Person("Doe", "Sam", new LocalDate(1980, 5, 17)));

        screened.WaitingSteps().ShouldContain("assign");
        var left = screened.Workflow!.History.Single(h => h.StepId == "screen");
        left.What.ShouldBe("clear");
        left.Detail.ShouldBe("1 person(s) screened against 2 watch-list entries: no match.");
    }

    [SkippableFact]
    public async Task a_request_naming_a_listed_person_goes_to_a_prosecutor()
    {
        var screened = await RegisteredAtTheExampleStateAsync(Person("Roe", "Richard", new LocalDate(1975, 1, 31)));

        screened.WaitingSteps().ShouldContain("review-match");
        screened.Workflow!.History.Single(h => h.StepId == "screen").Detail.ShouldBe("On the watch list: Roe Richard (suspect).");
    }

    [SkippableFact]
    public async Task a_step_faulted_by_a_broken_watch_list_is_retried_once_the_list_is_fixed()
    {
        var list = Path.Combine(_plugins.Sample, "watch-list.txt");
        var good = await File.ReadAllTextAsync(list);
        await File.WriteAllTextAsync(list, good + "Someone without given names\n");

        var faulted = await RegisteredAtTheExampleStateAsync(Person("Doe", "Sam", null));
        var token = faulted.Workflow!.Steps.Single(t => t.StepId == "screen");
        token.State.ShouldBe(StepState.Faulted);
        token.Error.ShouldBe("watch-list-screening: Line 5 of the watch list 'watch-list.txt' is not 'family name | given names | yyyy-MM-dd'; correct it, then retry the step.");
        faulted.Status.ShouldBe(RequestStatus.InProgress);

        // Retried before the fix: faulted again, as a new entry into the step; nothing else moved.
        var again = await Request(faulted.Id.Value).RetryStepAsync(ExampleOfficer, token.Id);
        var second = again.Workflow!.Steps.Single(t => t.StepId == "screen");
        second.State.ShouldBe(StepState.Faulted);
        second.Id.ShouldNotBe(token.Id);

        await File.WriteAllTextAsync(list, good);
        var retried = await Request(faulted.Id.Value).RetryStepAsync(ExampleOfficer, second.Id);

        retried.WaitingSteps().ShouldContain("assign");
        retried.Workflow!.Steps.ShouldNotContain(t => t.State == StepState.Faulted);
        retried.Workflow.History.Where(h => h.StepId == "screen").Select(h => h.What).ShouldBe(["faulted", "retried", "faulted", "retried", "clear"]);
        (await Silo.VerifyAuditAsync(SamplePlugin.Authority)).IsIntact.ShouldBeTrue();
    }

    [SkippableFact]
    public async Task a_faulted_step_can_be_routed_to_an_outcome_instead()
    {
        File.Delete(Path.Combine(_plugins.Sample, "watch-list.txt"));

        var faulted = await RegisteredAtTheExampleStateAsync(Person("Doe", "Sam", null));
        var token = faulted.Workflow!.Steps.Single(t => t.StepId == "screen" && t.State == StepState.Faulted);
        token.Error.ShouldStartWith("watch-list-screening: The watch list 'watch-list.txt' cannot be read (");

        var routed = await Request(faulted.Id.Value).RouteStepAsync(ExampleOfficer, token.Id, "match");

        routed.WaitingSteps().ShouldContain("review-match");
    }

    protected override Task<TestSilo> StartSiloAsync()
    {
        _catalog = _plugins.Load();
        _catalog.Refused.ShouldBeEmpty();
        return TestSilo.StartAsync(Database, Time, configure: services =>
        {
            services.AddSingleton(_catalog);
            services.AddSingleton(new ServedAuthorities(new HashSet<AuthorityId> { AuthorityId.Parse("TH-OAG"), AuthorityId.Parse(SamplePlugin.Authority) }));
        });
    }

    protected override async Task StopAsync()
    {
        await base.StopAsync();
        _catalog?.Dispose();
        _plugins.Dispose();
    }

    // Thailand's officers take the request through their own procedure and send it; the Example State registers its copy.
    private async Task<AssistanceRequest> RegisteredAtTheExampleStateAsync(Person person)
    {
        var draft = new NewAssistanceRequest(
            RequestKind.Evidence,
            new Party(CountryCode.Parse("XA"), AuthorityId.Parse(SamplePlugin.Authority)),
            new LegalBasis(LegalBasisType.Reciprocity, null),
            LanguageCode.Parse("en"),
            Urgency.Normal,
            null,
            "Funds obtained by fraud were moved to an account in the Example State.",
            [new Offence("Fraud", "Criminal Code, section 341", new MaximumPenalty(PenaltyType.Imprisonment, 36))],
            [person],
            [new Measure(MeasureType.BankRecords, "Statements of account 42.")],
            []);
        var created = await Silo.Grains.GetGrain<IAuthorityGrain>("TH-OAG").CreateRequestAsync(draft, ThaiOfficer, null);
        var id = created.Request.Id.Value;
        var thai = await Request(id).CompleteTaskAsync(ThaiProsecutor, created.Request.TokenAt("draft-review"), "ready", []);
        thai = await Request(id).CompleteTaskAsync(ThaiOfficer, thai.TokenAt("ca-approval"), "approved", []);
        thai = await Request(id).CompleteTaskAsync(ThaiOfficer, thai.TokenAt("translation"), "notRequired", []);
        await Silo.SettleAsync();

        var copyId = (await Request(id).GetAsync())!.Counterpart.ShouldNotBeNull();
        var copy = (await Request(copyId).GetAsync())!;
        return await Request(copyId).CompleteTaskAsync(ExampleOfficer, copy.TokenAt("register"), "registered", new JsonObject { ["registrationNumber"] = "XA-2026-1" });
    }

    private static Person Person(string family, string given, LocalDate? born) =>
        new(PersonRole.Suspect, new PersonName(family, given, null, []), born, CountryCode.Parse("TH"), []);

    private IAssistanceRequestGrain Request(string id) => Silo.Grains.GetGrain<IAssistanceRequestGrain>(id);
}

public sealed class SqliteCustomStepTests() : CustomStepContract(StorageKind.Sqlite);

public sealed class PostgresCustomStepTests() : CustomStepContract(StorageKind.Postgres);

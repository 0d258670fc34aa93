using System.Collections.Immutable;
using System.Text.Json.Nodes;
using MlaFlow.Workflows.Conditions;
using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Testing.Walks;

/// <summary>
/// Finds a shortest route through a definition's flowchart from one step to another, for one request. A
/// decision is not free to go either way: it is evaluated, as the engine would, over the request's facts and the
/// forms completed so far on the route; so the form data a task is completed with is part of the search, for
/// the fields decisions read. Every other step may be left through any of its outcomes (a parallel through any
/// of its branches: the walk follows one, and its driver brings the others to a join), except an await on a
/// signal when signals are left out, for a driver that has no way to raise one.
/// </summary>
public sealed class RoutePlanner
{
    private const string FormPrefix = "form.";

    private readonly WorkflowDefinition _definition;
    private readonly JsonObject _facts;
    private readonly bool _signals;

    /// <summary>For each task, the fields of its form that decisions read, with the values conditions compare them with.</summary>
    private readonly Dictionary<string, Dictionary<string, List<JsonNode>>> _read = new(StringComparer.Ordinal);

    /// <param name="definition">The flowchart to search.</param>
    /// <param name="requestFacts">The request's facts document, which decisions read.</param>
    /// <param name="signals">Whether an await on a signal may be left by receiving it; false when the driver cannot raise signals.</param>
    public RoutePlanner(WorkflowDefinition definition, JsonObject requestFacts, bool signals = true)
    {
        _definition = definition;
        _facts = (JsonObject)requestFacts.DeepClone();
        _signals = signals;
        foreach (var field in definition.Steps.OfType<DecisionStep>().SelectMany(d => d.Cases).SelectMany(c => c.When.Fields()))
        {
            if (!field.Field.StartsWith(FormPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var path = field.Field[FormPrefix.Length..].Split('.');
            if (!_read.TryGetValue(path[0], out var fields))
            {
                _read[path[0]] = fields = new(StringComparer.Ordinal);
            }

            if (!fields.TryGetValue(path[1], out var values))
            {
                fields[path[1]] = values = [];
            }

            values.AddRange(field.Value is JsonArray array ? array.OfType<JsonNode>() : field.Value is { } value ? [value] : []);
        }
    }

    /// <summary>
    /// The moves that lead from <paramref name="from"/> into <paramref name="to"/> (the last move enters it),
    /// given the forms already completed; empty when already there, null when no route exists for this request.
    /// </summary>
    public IReadOnlyList<Move>? Find(string from, string to, IReadOnlyDictionary<string, JsonObject> forms)
    {
        var start = new Node(from, ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, forms.Where(f => _read.ContainsKey(f.Key))));
        var cameFrom = new Dictionary<string, (Node Previous, Move Move)?>(StringComparer.Ordinal) { [start.Key] = null };
        var queue = new Queue<Node>([start]);
        while (queue.TryDequeue(out var node))
        {
            if (node.StepId == to)
            {
                return Route(node, cameFrom);
            }

            foreach (var (move, next) in Edges(node))
            {
                if (cameFrom.TryAdd(next.Key, (node, move)))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return null;
    }

    private static List<Move> Route(Node node, Dictionary<string, (Node Previous, Move Move)?> cameFrom)
    {
        var moves = new List<Move>();
        for (var step = cameFrom[node.Key]; step is { } s; step = cameFrom[s.Previous.Key])
        {
            moves.Add(s.Move);
        }

        moves.Reverse();
        return moves;
    }

    private IEnumerable<(Move Move, Node Next)> Edges(Node node)
    {
        switch (_definition.Step(node.StepId))
        {
            case DecisionStep decision:
                var outcome = Decide(decision, node.Forms);
                yield return (new Move(decision.Id, outcome), node with { StepId = decision.Outcomes[outcome] });
                break;
            case TaskStep task:
                foreach (var (name, next) in task.Outcomes)
                {
                    if (name == task.Deadline?.Outcome)
                    {
                        // Left by its deadline, the task was never completed: no form is saved.
                        yield return (new Move(task.Id, name), node with { StepId = next });
                        continue;
                    }

                    foreach (var form in Forms(task, name))
                    {
                        var forms = _read.ContainsKey(task.Id) ? node.Forms.SetItem(task.Id, form) : node.Forms;
                        yield return (new Move(task.Id, name, form), new Node(next, forms));
                    }
                }

                break;
            case var step:
                foreach (var (name, next) in step.Outcomes)
                {
                    if (!_signals && step is AwaitStep { Signal: not null } && name == AwaitStep.Received)
                    {
                        continue;
                    }

                    yield return (new Move(node.StepId, name), node with { StepId = next });
                }

                break;
        }
    }

    /// <summary>The form data to try for a task completed with <paramref name="outcome"/>: defaults, times every combination of candidates for the fields decisions read.</summary>
    private IEnumerable<JsonObject> Forms(TaskStep task, string outcome)
    {
        IEnumerable<ImmutableDictionary<string, JsonNode?>> choices = [ImmutableDictionary<string, JsonNode?>.Empty];
        if (_read.TryGetValue(task.Id, out var read))
        {
            foreach (var field in task.Form.Where(f => read.ContainsKey(f.Name)))
            {
                var candidates = FormValues.Candidates(field, read[field.Name], outcome);
                choices = choices.SelectMany(c => candidates.Select(v => c.SetItem(field.Name, v))).ToList();
            }
        }

        return choices.Select(c => FormValues.Fill(task.Form, c));
    }

    /// <summary>The outcome the engine's decision takes: the first case whose condition holds, else <c>otherwise</c>.</summary>
    private string Decide(DecisionStep decision, ImmutableSortedDictionary<string, JsonObject> forms)
    {
        _facts["form"] = new JsonObject(forms.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value.DeepClone())));
        return decision.Cases.FirstOrDefault(c => ConditionEvaluator.Holds(c.When, _facts))?.Outcome ?? decision.Otherwise;
    }

    /// <summary>A place in the search: a step, and the forms decisions could read once there.</summary>
    private sealed record Node(string StepId, ImmutableSortedDictionary<string, JsonObject> Forms)
    {
        public string Key => StepId + "|" + string.Join(";", Forms.Select(f => f.Key + "=" + f.Value.ToJsonString()));
    }
}

using MlaFlow.Gateway.Files;
using MlaFlow.Grains.Exchange;
using MlaFlow.Grains.Requests;
using MlaFlow.Messaging.Attachments;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Messaging.Files;

namespace MlaFlow.Gateway.Exchange;

/// <summary>
/// Prepares to receive the files an accepted envelope announces: checks each announcement, keeps its key sealed in the
/// node's file store and starts its part file, and returns the transfers to record with the envelope. The segments
/// then arrive one by one, each checked under that key before it is stored.
/// </summary>
internal sealed class IncomingFiles(EvidenceFileStore store, IExchangeInbox inbox)
{
    /// <exception cref="EnvelopeRefusedException">With <see cref="EnvelopeRefusal.Undeliverable"/>: an announcement this node cannot take.</exception>
    public async Task<IReadOnlyList<IncomingTransfer>> PrepareAsync(DeliveryTarget target, CancellationToken cancellationToken)
    {
        var files = target.Files;
        if (files.Count == 0)
        {
            return [];
        }

        if (!store.IsAvailable)
        {
            throw Undeliverable("This node keeps no files: its key store is locked.");
        }

        if (files.Count > RequestLimits.MaxFiles || files.Select(f => f.File.Id).Distinct(StringComparer.Ordinal).Count() != files.Count)
        {
            throw Undeliverable($"A message carries at most {RequestLimits.MaxFiles} files, each with its own id.");
        }

        var layouts = files.Select((file, i) => Checked(file) is { } problem ? throw Undeliverable($"File {i}: {problem}") : Layout(file)).ToList();
        foreach (var file in files)
        {
            if (store.Exists(file.File.Id) || await inbox.FindTransferAsync(file.File.Id, cancellationToken) is not null)
            {
                throw Undeliverable($"File id {file.File.Id} is in use here already.");
            }
        }

        var header = target.Header;
        var transfers = new List<IncomingTransfer>();
        foreach (var (file, layout) in files.Zip(layouts))
        {
            store.PrepareIncoming(file.File.Id, file.Key, file.Header);
            transfers.Add(new IncomingTransfer(file.File.Id, header.Sender, header.MessageId, header.Recipient, file.Header, layout.PlaintextLength,
                layout.CiphertextLength, layout.SegmentSize, layout.SegmentCount, file.File.Sha256));
        }

        return transfers;
    }

    private static string? Checked(ExchangeFile file)
    {
        var described = file.File;
        var problem = EvidenceFileId.IsValid(described.Id) ? null : "the id is 32 lower-case hex digits.";
        problem ??= EvidenceFileRules.NameProblem(described.Name) ?? EvidenceFileRules.MediaTypeProblem(described.MediaType)
            ?? EvidenceFileRules.Sha256Problem(described.Sha256) ?? EvidenceFileRules.SizeProblem(described.Size);
        problem ??= file.Key is { Length: AttachmentFormat.FileKeyLength } ? null : $"a file key has {AttachmentFormat.FileKeyLength} bytes.";
        if (problem is null)
        {
            // Checked under the key and id, not only parsed: a header sealed otherwise would have every segment refused,
            // and the message accepted here could never be delivered.
            try
            {
                using var opener = AttachmentSegmentOpener.Create(
                    file.Header is { Length: AttachmentFormat.HeaderLength } h ? h : throw new FormatException(), file.Key, EvidenceFileId.AssociatedData(described.Id));
            }
            catch (Exception e) when (e is AttachmentTamperedException or FormatException)
            {
                problem = $"the header is not a {AttachmentFormat.HeaderLength}-byte attachment header sealed under the file's key and id.";
            }
        }

        return problem;
    }

    private static AttachmentLayout Layout(ExchangeFile file)
    {
        try
        {
            return new AttachmentLayout(file.File.Size, AttachmentHeader.Parse(file.Header).SegmentSize);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw Undeliverable($"File {file.File.Id}: {e.Message}");
        }
    }

    private static EnvelopeRefusedException Undeliverable(string message) => new(EnvelopeRefusal.Undeliverable, message);
}

namespace MailRelay.Core.Inbound;

/// <summary>
/// Splits a batch of inbound items into lanes that may be stored at the same time: two items with a
/// recipient address or the message id in common are in one lane, in the source's order, so each
/// address's received order and a repeated message's added recipients come out as if stored one by
/// one. (Two addresses routed to the same user may be stored in either order within one batch, as
/// they may arrive in either order from SES and SQS in the first place.)
/// </summary>
public static class InboundOrder
{
    public static IReadOnlyList<IReadOnlyList<InboundItem>> Lanes(IReadOnlyList<InboundItem> items)
    {
        var lanes = new List<(HashSet<string> Keys, List<int> Positions)>();
        for (var position = 0; position < items.Count; position++)
        {
            var lane = (Keys: KeysOf(items[position]), Positions: new List<int>());
            // An item that links two lanes joins them into one.
            foreach (var earlier in lanes.Where(l => l.Keys.Overlaps(lane.Keys)).ToList())
            {
                lane.Keys.UnionWith(earlier.Keys);
                lane.Positions.AddRange(earlier.Positions);
                lanes.Remove(earlier);
            }
            lane.Positions.Add(position);
            lanes.Add(lane);
        }
        return [.. lanes.OrderBy(l => l.Positions.Min()).Select(l => (IReadOnlyList<InboundItem>)[.. l.Positions.Order().Select(p => items[p])])];
    }

    private static HashSet<string> KeysOf(InboundItem item)
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "id:" + item.MessageId };
        foreach (var recipient in item.DistinctRecipients()) keys.Add("to:" + recipient);
        return keys;
    }
}

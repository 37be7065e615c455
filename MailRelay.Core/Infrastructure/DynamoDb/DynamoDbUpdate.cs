using Amazon.DynamoDBv2.Model;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbValues;

namespace MailRelay.Core.Infrastructure.DynamoDb;

/// <summary>Builds an UpdateItem expression: SET for values, REMOVE for nulls, names and values as placeholders.</summary>
internal sealed class DynamoDbUpdate
{
    private readonly List<string> _set = [];
    private readonly List<string> _remove = [];
    private readonly Dictionary<string, string> _names = [];
    private readonly Dictionary<string, AttributeValue> _values = [];
    private string? _condition;

    public DynamoDbUpdate Set(string name, AttributeValue value)
    {
        var n = Name(name);
        var v = ":v" + _values.Count;
        _values[v] = value;
        _set.Add($"{n} = {v}");
        return this;
    }

    /// <summary>Sets the attribute only when the item has none yet (e.g. a creation time).</summary>
    public DynamoDbUpdate SetIfMissing(string name, AttributeValue value)
    {
        var n = Name(name);
        var v = ":v" + _values.Count;
        _values[v] = value;
        _set.Add($"{n} = if_not_exists({n}, {v})");
        return this;
    }

    public DynamoDbUpdate SetOrRemove(string name, string? value)
    {
        if (value is null) _remove.Add(Name(name));
        else Set(name, S(value));
        return this;
    }

    public DynamoDbUpdate SetOrRemove(string name, DateTimeOffset? value) => SetOrRemove(name, value is { } v ? Time(v) : null);

    /// <summary>A condition over the item's current attributes; attribute names are used as they are.</summary>
    public DynamoDbUpdate When(string condition, params (string Placeholder, AttributeValue Value)[] values)
    {
        _condition = condition;
        foreach (var (placeholder, value) in values) _values[placeholder] = value;
        return this;
    }

    public UpdateItemRequest ToRequest(string table, Dictionary<string, AttributeValue> key, bool returnNew = false) => new()
    {
        ReturnValues = returnNew ? Amazon.DynamoDBv2.ReturnValue.ALL_NEW : Amazon.DynamoDBv2.ReturnValue.NONE,
        TableName = table,
        Key = key,
        UpdateExpression = string.Join(" ", new[]
        {
            _set.Count > 0 ? "SET " + string.Join(", ", _set) : null,
            _remove.Count > 0 ? "REMOVE " + string.Join(", ", _remove) : null,
        }.Where(p => p is not null)),
        ConditionExpression = _condition,
        ExpressionAttributeNames = _names.Count > 0 ? _names : null,
        ExpressionAttributeValues = _values.Count > 0 ? _values : null,
    };

    private string Name(string name)
    {
        var placeholder = "#n" + _names.Count;
        _names[placeholder] = name;
        return placeholder;
    }
}

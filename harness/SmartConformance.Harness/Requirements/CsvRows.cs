using System.Text;

namespace SmartConformance.Harness.Requirements;

/// <summary>A small RFC 4180 reader: comma-separated fields, double-quoted when they hold commas, quotes or line breaks.</summary>
internal static class CsvRows
{
    /// <summary>The rows after the header, each as a map from header name to field.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Parse(string text, string source)
    {
        var records = Records(text, source).ToList();
        if (records.Count == 0) throw new InvalidDataException($"{source}: the file is empty.");
        var header = records[0];
        var rows = new List<IReadOnlyDictionary<string, string>>();
        for (var i = 1; i < records.Count; i++)
        {
            if (records[i].Count != header.Count)
                throw new InvalidDataException($"{source}: record {i + 1} has {records[i].Count} fields; the header has {header.Count}.");
            rows.Add(header.Select((name, column) => (name, value: records[i][column])).ToDictionary(p => p.name, p => p.value, StringComparer.Ordinal));
        }
        return rows;
    }

    private static IEnumerable<List<string>> Records(string text, string source)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                yield return fields;
                fields = [];
            }
            else field.Append(c);
        }
        if (quoted) throw new InvalidDataException($"{source}: a quoted field is not closed.");
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}

using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace SmartConformance.ReferenceServer.Pages;

/// <summary>Minimal HTML rendering: every interpolated value goes through <see cref="Encode"/>.</summary>
internal static class Html
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string HiddenFields(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var html = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            html.Append($"""<input type="hidden" name="{Encode(name)}" value="{Encode(value)}">""").Append('\n');
        }
        return html.ToString();
    }

    public static IResult Page(HttpContext context, string title, string body)
    {
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(Layout(title, body), "text/html; charset=utf-8", Encoding.UTF8);
    }

    private static string Layout(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>{{Encode(title)}} - SmartConformance reference server</title>
        <style>
          body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; }
          label, input, select, button { display: block; margin: .4rem 0; }
          #error { color: #b00020; }
        </style>
        </head>
        <body>
        <h1>{{Encode(title)}}</h1>
        {{body}}
        </body>
        </html>
        """;
}

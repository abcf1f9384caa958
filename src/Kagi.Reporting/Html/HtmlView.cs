using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kagi.Reporting.Html;

/// <summary>
/// Renders a Razor component to HTML text with <see cref="HtmlRenderer"/>, outside any web server: the HTML report and
/// the dashboard's pages. Every value a component writes with <c>@</c>, in text or in an attribute, is HTML-encoded.
/// </summary>
public static class HtmlView
{
    // The framework's encoder, allowed to leave letters of every script as they are so that Japanese stays readable;
    // it still encodes the characters that mean markup (&lt; &gt; &amp; " ' +), controls and invisible formatting.
    private static readonly ServiceProvider Services = new ServiceCollection()
        .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
        .BuildServiceProvider();

    /// <param name="parameters">The component's parameters by name (use <c>nameof</c>).</param>
    public static string Render<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TComponent>(IReadOnlyDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        using var html = new StringWriter();
        Write<TComponent>(parameters, html);
        return html.ToString();
    }

    /// <summary>Renders the component straight to <paramref name="output"/>, so a large page is never one string.</summary>
    /// <param name="parameters">The component's parameters by name (use <c>nameof</c>).</param>
    public static void Write<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TComponent>(IReadOnlyDictionary<string, object?> parameters, TextWriter output)
        where TComponent : IComponent
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(output);

        // One renderer per page: a renderer keeps every component it rendered until it is disposed.
        using var renderer = new HtmlRenderer(Services, NullLoggerFactory.Instance);
        renderer.Dispatcher.InvokeAsync(() =>
        {
            var rendered = renderer.BeginRenderingComponent<TComponent>(ParameterView.FromDictionary(parameters.ToDictionary()));
            if (!rendered.QuiescenceTask.IsCompletedSuccessfully)
            {
                throw new InvalidOperationException($"{typeof(TComponent).Name} did not render synchronously; these views must not wait.");
            }

            rendered.WriteHtmlTo(output);
        }).GetAwaiter().GetResult();
    }
}

namespace Kagi.Reporting.Tests;

/// <summary>Debian's headless Chromium, the browser the HTML report is checked in.</summary>
internal static class Chromium
{
    private const string Binary = "/usr/bin/chromium";

    public static string DumpDom(string htmlFile, string fragment = "") => Run(htmlFile, fragment, "--dump-dom");

    public static void Screenshot(string htmlFile, string pngFile) => Run(htmlFile, string.Empty, $"--screenshot={pngFile}", "--window-size=1280,1400", "--hide-scrollbars");

    private static string Run(string htmlFile, string fragment, params string[] mode)
    {
        Assert.True(File.Exists(Binary), $"{Binary} is missing: install Debian's chromium (apt-get install -y chromium)");
        var profile = Directory.CreateTempSubdirectory("kagi-chromium-");
        try
        {
            string[] arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", $"--user-data-dir={profile.FullName}", .. mode, new Uri(htmlFile).AbsoluteUri + fragment,
            ];
            var (exitCode, output) = RepoTools.Run(Binary, arguments, TimeSpan.FromSeconds(60));
            Assert.True(exitCode == 0, $"chromium exited {exitCode}:\n{output}");
            return output;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}

using Microsoft.AspNetCore.Builder;

namespace Kagi.Web;

/// <summary>
/// Another engine's dashboard served under a path of ours, behind the same guards as every page (Host allow-list, token,
/// sign-in throttle, security headers). The JIT build mounts Hangfire's at <c>/jobs</c>; Kagi.Web, which is compiled into
/// the native binary, references no such engine and only calls <see cref="Mount"/>.
/// </summary>
/// <param name="Path">Where it is mounted, as <c>/jobs</c>; the distributed scans' pages link it.</param>
/// <param name="Mount">Adds what answers the requests under <paramref name="Path"/>, given the branch that only they reach.</param>
/// <param name="ContentSecurityPolicy">The policy of its pages, which are not ours: no looser than they need.</param>
public sealed record MountedDashboard(string Path, Action<IApplicationBuilder> Mount, string ContentSecurityPolicy);

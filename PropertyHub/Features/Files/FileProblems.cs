using Microsoft.Extensions.Localization;
using PropertyHub.Resources;

namespace PropertyHub.Features.Files;

/// <summary>Why an upload was refused, in the user's language.</summary>
public static class FileProblems
{
    public static string Message(IStringLocalizer<FilesText> text, FileProblem problem, IReadOnlySet<FileKind> allowed, long maxBytes) =>
        problem switch
        {
            FileProblem.Empty => text["Empty"],
            FileProblem.TooLarge => text["TooLarge", maxBytes / (1024 * 1024)],
            _ => text["WrongKind", string.Join(text["KindSeparator"].Value, allowed.Order().Select(k => text["Kind" + k].Value))],
        };
}
